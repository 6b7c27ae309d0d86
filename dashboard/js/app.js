import { drawToneByDay } from './chart.js';
import { el, replaceChildren } from './dom.js';
import {
  filterArticles,
  filterSpeakers,
  meanToneByDay,
  speakerRows,
  toneByDayFromManifest,
} from './model.js';
import { offerSignOut } from './session.js';
import { createStoreClient, IndexMissingError } from './store-client.js';
import { articleTable, articleView, speakersTable, summaryTiles } from './views.js';

// The dashboard: routes (#/, #/speakers, #/article/<id>), filters, and a poll that picks up newly
// analysed articles without a reload.

// New reports arrive a few seconds after a drop; polling this often shows them promptly, and costs
// one 304 for the manifest while nothing changes (store-client.js asks conditionally).
const POLL_INTERVAL_MS = 4_000;

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));
const form = /** @type {HTMLFormElement} */ (document.getElementById('filters'));
const textInput = /** @type {HTMLInputElement} */ (document.getElementById('filter-text'));
const speakerSelect = /** @type {HTMLSelectElement} */ (document.getElementById('filter-speaker'));
const labelSelect = /** @type {HTMLSelectElement} */ (document.getElementById('filter-label'));

const store = createStoreClient();
let started = false;

const state = {
  /** @type {any[]} the loaded entries (newest partitions first) */ articles: [],
  /** @type {any[]} */ speakers: [],
  /** @type {Map<string, any>} report cache, keyed by id and analysis time */ reports: new Map(),
  /** The article view shown, if its entry was on screen (not "not in the index yet"). */
  shownArticle: '',
};

function filters() {
  return { text: textInput.value, speaker: speakerSelect.value, label: labelSelect.value };
}

/** @type {import('./views.js').ViewContext} */
function context() {
  return {
    speakerFilter: speakerSelect.value,
    onSpeaker: (name) => {
      setSpeakerOptions(name);
      speakerSelect.value = name;
      // A speaker's name always leads to their articles.
      if (route().view === 'articles') render();
      else location.hash = '#/';
    },
  };
}

function route() {
  const hash = location.hash || '#/';
  if (hash.startsWith('#/article/'))
    return { view: 'article', id: decodeURIComponent(hash.slice('#/article/'.length)) };
  if (hash.startsWith('#/speakers')) return { view: 'speakers' };
  return { view: 'articles' };
}

async function render() {
  const current = route();
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.classList.toggle('is-current', link.getAttribute('data-nav') === current.view);
  }
  if (current.view === 'article') return renderArticle(current.id);
  if (current.view === 'speakers') return renderSpeakers();
  return renderArticles();
}

function renderArticles() {
  const current = filters();
  const shown = filterArticles(state.articles, current);
  const manifest = store.manifest();
  // Unfiltered, the figures and the chart cover the whole store (the manifest's tallies), not only
  // the partitions loaded so far.
  const whole = !current.text.trim() && !current.speaker && !current.label && manifest;
  const canvas = el('canvas', { id: 'tone-by-day', 'aria-label': 'Mean tone by day' });
  const points = whole ? toneByDayFromManifest(manifest) : meanToneByDay(shown);
  const total = manifest ? manifest.totals.articles : state.articles.length;
  const older = store.hasOlder()
    ? el('button', { type: 'button', class: 'load-older', onclick: () => loadOlder() }, 'Load older articles')
    : null;
  replaceChildren(
    main,
    summaryTiles(shown, speakerSelect.value, whole ? manifest.totals : null),
    el(
      'section',
      { class: 'card chart-card' },
      el('h2', {}, 'Mean tone by day'),
      points.length
        ? el('div', { class: 'chart-box' }, canvas)
        : el('p', { class: 'empty' }, 'No scored quotes yet.'),
    ),
    el(
      'section',
      { class: 'card' },
      el('h2', {}, `Articles `, el('span', { class: 'count' }, `${shown.length} of ${total}`)),
      articleTable(shown, context()),
      older,
    ),
  );
  if (points.length && !drawToneByDay(canvas, points))
    canvas.replaceWith(el('p', { class: 'empty' }, 'Chart unavailable.'));
}

function renderSpeakers() {
  const shown = filterSpeakers(state.speakers, filters());
  replaceChildren(
    main,
    el(
      'section',
      { class: 'card' },
      el(
        'h2',
        {},
        'Speakers ',
        el(
          'span',
          { class: 'count' },
          `${shown.length} of ${store.speakerList()?.speakers ?? state.speakers.length}`,
        ),
      ),
      el(
        'p',
        { class: 'meta' },
        'Who sounds how, across every analysed article. Mean tone is weighted by quotes.',
      ),
      speakersTable(shown, context()),
    ),
  );
}

async function loadOlder() {
  await store.loadOlder();
  state.articles = store.entries();
  await render();
}

async function renderArticle(id) {
  // An article on a page not loaded yet is found through its locator.
  const entry =
    state.articles.find((article) => article.id === id) ?? (await store.entry(id).catch(() => null));
  if (route().view !== 'article' || route().id !== id) return;
  state.shownArticle = entry ? id : '';
  if (!entry) {
    replaceChildren(
      main,
      el(
        'p',
        { class: 'empty' },
        'This article is not in the index (yet). ',
        el('a', { href: '#/' }, 'Back to all articles'),
      ),
    );
    return;
  }
  let report = null;
  if (entry.status === 'analysed') {
    const cacheKey = `${entry.id}@${entry.analyzedAt}`;
    report = state.reports.get(cacheKey) ?? null;
    if (!report) {
      replaceChildren(main, el('p', { class: 'empty' }, 'Loading the report…'));
      try {
        report = await store.report(entry.id);
        state.reports.set(cacheKey, report);
      } catch (error) {
        replaceChildren(
          main,
          el('p', { class: 'empty' }, String(error instanceof Error ? error.message : error)),
        );
        return;
      }
    }
    // The user may have navigated away while the report loaded.
    if (route().view !== 'article' || route().id !== id) return;
  }
  replaceChildren(main, articleView(entry, report, context()));
}

/** Fills the speaker filter with every speaker, keeping `selected` even if it has no entry yet. */
function setSpeakerOptions(selected = speakerSelect.value) {
  const names = state.speakers.map((speaker) => speaker.name).sort((a, b) => a.localeCompare(b));
  if (selected && !names.includes(selected)) names.unshift(selected);
  replaceChildren(
    speakerSelect,
    el('option', { value: '' }, 'Anyone'),
    names.map((name) => el('option', { value: name }, name)),
  );
  speakerSelect.value = selected;
}

async function refresh() {
  try {
    let changed = true;
    if (started) ({ changed } = await store.poll());
    else await store.start();
    started = true;
    status.textContent = `${store.manifest()?.totals.articles ?? 0} articles · updated ${new Date().toLocaleTimeString()}`;
    status.classList.remove('is-error');
    if (!changed) return;
    state.articles = store.entries();
    state.speakers = speakerRows(store.speakerList());
    setSpeakerOptions();
    // Re-rendering an open article would reset the reader's scroll; it updates on the next visit.
    const current = route();
    if (current.view !== 'article' || current.id !== state.shownArticle) await render();
  } catch (error) {
    if (error instanceof IndexMissingError) {
      status.textContent = error.message;
      replaceChildren(
        main,
        el(
          'p',
          { class: 'empty' },
          'Nothing analysed yet. Drop an article into articles/ of the upload bucket.',
        ),
      );
      return;
    }
    status.textContent = `Could not load the index: ${error instanceof Error ? error.message : String(error)}`;
    status.classList.add('is-error');
  }
}

form.addEventListener('input', () => render());
form.addEventListener('change', () => render());
form.addEventListener('reset', () => setTimeout(() => render()));
form.addEventListener('submit', (event) => event.preventDefault());
window.addEventListener('hashchange', () => {
  render();
  main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
});

offerSignOut(/** @type {HTMLAnchorElement} */ (document.getElementById('sign-out')));
await refresh();
setInterval(refresh, POLL_INTERVAL_MS);
