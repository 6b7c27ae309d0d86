import { drawsMonths, drawToneOverTime } from './chart.js';
import { el, replaceChildren } from './dom.js';
import {
  buildHash,
  filterArticles,
  filterSpeakers,
  meanToneByDay,
  monthPartitions,
  pageOf,
  parseHash,
  SORTS,
  sortArticles,
  speakerRows,
  speakerSeries,
  toneByDayFromManifest,
} from './model.js';
import { offerSignOut } from './session.js';
import { createStoreClient, IndexMissingError } from './store-client.js';
import {
  articleTable,
  articleView,
  chartDataTable,
  meanChip,
  pager,
  speakerQuoteItem,
  speakersTable,
  summaryTiles,
  toneBar,
} from './views.js';

// The dashboard: routes (#/, #/speakers, #/speakers/<id>, #/compare/<ids>, #/article/<id>), filters
// kept in the URL (reload keeps them, a link shares them), and a poll that picks up newly analysed
// articles without a reload.

// New reports arrive a few seconds after a drop; polling this often shows them promptly, and costs
// one 304 for the manifest while nothing changes (store-client.js asks conditionally).
const POLL_INTERVAL_MS = 4_000;
// Rows per page of the article list and quotes per page of a speaker page.
const ARTICLES_PER_PAGE = 50;
const QUOTES_PER_PAGE = 20;
// The compare view plots this many speakers at most: more lines are unreadable.
const MAX_COMPARED = 4;
// A search over every day loads this many days at once: enough to hide latency, few enough that
// Stop takes effect within one small round.
const DAYS_AT_ONCE = 6;
// While a search runs, the list is redrawn at most this often: results show as they come, without
// redrawing the chart for every round.
const REDRAW_EVERY_MS = 300;

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));
const form = /** @type {HTMLFormElement} */ (document.getElementById('filters'));
const textInput = /** @type {HTMLInputElement} */ (document.getElementById('filter-text'));
const speakerSelect = /** @type {HTMLSelectElement} */ (document.getElementById('filter-speaker'));
const labelSelect = /** @type {HTMLSelectElement} */ (document.getElementById('filter-label'));

const store = createStoreClient();
let started = false;
// Each render gets a number; an older render that finishes late does not overwrite a newer one.
let renderCount = 0;
// The search (the URL's hash) the reader stopped: it is not resumed by a poll or a redraw, only by
// "Search the rest" or another search.
let stoppedSearch = '';

const state = {
  /** @type {any[]} the loaded entries (newest partitions first) */ articles: [],
  /** @type {any[]} */ speakers: [],
  /** @type {Map<string, any>} report cache, keyed by id and analysis time */ reports: new Map(),
  /** The article view shown, if its entry was on screen (not "not in the index yet"). */
  shownArticle: '',
  /** Speakers ticked for comparison in the speakers view. @type {Set<string>} */ compare: new Set(),
};

/** The filters and list state of the URL. */
function query() {
  const { params } = parseHash(location.hash);
  const sort = params.get('sort') ?? 'date';
  return {
    text: params.get('q') ?? '',
    speaker: params.get('speaker') ?? '',
    label: params.get('label') ?? '',
    sort: SORTS.includes(sort) ? sort : 'date',
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
    page: Number(params.get('page') ?? '1') || 1,
  };
}

/** The hash for the current view with some of its query changed (page back to 1 unless given). */
function withQuery(changes) {
  const route = parseHash(location.hash);
  const current = query();
  const next = { ...current, page: 1, ...changes };
  const path = route.view === 'speakers' ? '/speakers' : '/';
  return buildHash(path, {
    q: next.text,
    speaker: next.speaker,
    label: next.label,
    sort: next.sort === 'date' ? '' : next.sort,
    dir: next.dir === 'desc' ? '' : next.dir,
    page: next.page > 1 ? next.page : '',
  });
}

/** The filter form shows what the URL says. */
function syncForm() {
  const current = query();
  if (document.activeElement !== textInput) textInput.value = current.text;
  setSpeakerOptions(current.speaker);
  labelSelect.value = current.label;
}

/** @type {import('./views.js').ViewContext} */
function context() {
  const current = query();
  return {
    speakerFilter: current.speaker,
    sort: current.sort,
    dir: current.dir,
    onSort: (sort) => {
      const dir = current.sort === sort && current.dir === 'desc' ? 'asc' : 'desc';
      location.hash = withQuery({ sort, dir });
    },
    onSpeaker: (name, id) => {
      const speaker = id ?? state.speakers.find((row) => row.name === name)?.id ?? name;
      location.hash = buildHash('/', { speaker });
    },
  };
}

async function render() {
  const route = parseHash(location.hash);
  const ticket = ++renderCount;
  const nav = route.view === 'speaker' || route.view === 'compare' ? 'speakers' : route.view;
  for (const link of document.querySelectorAll('[data-nav]')) {
    const current = link.getAttribute('data-nav') === nav;
    link.classList.toggle('is-current', current);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  // The filters apply to the lists; a speaker page, a comparison or an article has its own scope.
  form.hidden = route.view !== 'articles' && route.view !== 'speakers';
  syncForm();
  if (route.view === 'article') return renderArticle(route.id ?? '');
  if (route.view === 'speakers') return renderSpeakers();
  if (route.view === 'speaker') return renderSpeaker(route.id ?? '', ticket);
  if (route.view === 'compare') return renderCompare(route.ids ?? [], ticket);
  return renderArticles(ticket);
}

const isCurrent = (/** @type {number} */ ticket) => ticket === renderCount;

/** A chart card: title, canvas (or an empty note), an undated note and the figures as a table. */
function chartCard(id, title, series, undatedNote) {
  const hasPoints = series.some((one) => one.points.length > 0);
  const canvas = el('canvas', { id, role: 'img', 'aria-label': `${title}: see the chart data below` });
  const card = el(
    'section',
    { class: 'card chart-card', dataset: { chart: id } },
    el('h2', {}, title, drawsMonths(series) ? el('span', { class: 'count' }, ' · by month') : null),
    hasPoints ? el('div', { class: 'chart-box' }, canvas) : el('p', { class: 'empty' }, 'No dated quotes.'),
    undatedNote ? el('p', { class: 'meta undated-note' }, undatedNote) : null,
    hasPoints ? chartDataTable(series) : null,
  );
  return {
    card,
    draw: () =>
      hasPoints &&
      !drawToneOverTime(canvas, series) &&
      canvas.replaceWith(el('p', { class: 'empty' }, 'Chart unavailable.')),
  };
}

/**
 * The articles view. The date order needs only the newest days, enough to fill the page asked for.
 * A filter, or another sort, needs every day: those load progressively, newest first, a few at a
 * time, and the list is redrawn as results come in, with "searched N of M days" and a Stop button.
 */
async function renderArticles(ticket) {
  const current = query();
  const filtered = Boolean(current.text.trim() || current.speaker || current.label);
  const wholeStore = filtered || current.sort !== 'date' || current.dir !== 'desc';
  if (!wholeStore) {
    const needed = current.page * ARTICLES_PER_PAGE + 1;
    while (store.loadedArticles() < needed && store.hasOlder()) await store.loadOlder();
  }
  state.articles = store.entries();
  // With only a Speaker filter the chart is the speaker's own series, from their head file.
  const speakerOnly = current.speaker && !current.text.trim() && !current.label;
  const head = speakerOnly ? await store.speaker(current.speaker).catch(() => null) : null;
  if (!isCurrent(ticket)) return;
  const search = location.hash;
  const draw = (/** @type {string} */ phase) =>
    drawArticles(current, { filtered, head, speakerOnly, search: wholeStore ? phase : '' });
  if (!wholeStore || !store.hasOlder() || stoppedSearch === search) {
    draw(store.hasOlder() ? 'stopped' : 'done');
    return;
  }
  draw('running');
  let drawnAt = Date.now();
  while (store.hasOlder()) {
    await store.loadNextPages(DAYS_AT_ONCE);
    // A newer render (another filter, a poll, Stop) takes over; what loaded stays loaded.
    if (!isCurrent(ticket)) return;
    state.articles = store.entries();
    if (Date.now() - drawnAt >= REDRAW_EVERY_MS) {
      draw('running');
      drawnAt = Date.now();
    }
  }
  draw('done');
}

/**
 * Draws the articles view from the loaded entries.
 *
 * @param {ReturnType<typeof query>} current
 * @param {{ filtered: boolean, head: any, speakerOnly: boolean | string, search: string }} options
 *   search: '' when the view needs no search over every day, else 'running', 'stopped' or 'done'
 */
function drawArticles(current, { filtered, head, speakerOnly, search }) {
  const manifest = store.manifest();
  const shown = sortArticles(filterArticles(state.articles, current), current.sort, current.dir);
  const total = manifest ? manifest.totals.articles : state.articles.length;
  // Unfiltered, the list's length is the store's (the manifest), not the loaded pages'.
  const count = filtered ? shown.length : total;
  const paged = pageOf(shown, current.page, ARTICLES_PER_PAGE);
  const pages = Math.max(1, Math.ceil(count / ARTICLES_PER_PAGE));

  let series;
  let undated = 0;
  let chartTitle = 'Mean tone over time';
  if (!filtered && manifest) {
    series = [{ name: 'All quotes', points: toneByDayFromManifest(manifest) }];
    undated = manifest.partitions
      .filter((row) => row.undated)
      .reduce((sum, row) => sum + row.tally.articles - row.tally.failed, 0);
  } else if (speakerOnly) {
    // The speaker's own quotes, from their head file: the whole store, not the articles' means.
    const speakerData = head ? speakerSeries(head) : { points: [], undatedQuotes: 0 };
    series = [{ name: head?.name ?? current.speaker, points: speakerData.points }];
    chartTitle = `${head?.name ?? 'Speaker'}: mean tone of their quotes over time`;
    undated = speakerData.undatedQuotes;
  } else {
    const result = meanToneByDay(shown, current.speaker);
    series = [{ name: 'Matching quotes', points: result.points }];
    undated = result.undated;
    if (current.speaker) chartTitle = "Mean tone over time of the speaker's quotes in these articles";
  }
  const chart = chartCard(
    'tone-over-time',
    chartTitle,
    series,
    undated ? `${undated} undated ${speakerOnly ? 'quotes' : 'articles'} not on the time axis.` : '',
  );
  keepingFocus(main, () =>
    replaceChildren(
      main,
      summaryTiles(shown, current.speaker, filtered ? null : manifest?.totals),
      chart.card,
      el(
        'section',
        { class: 'card' },
        el(
          'h2',
          {},
          'Articles ',
          el('span', { class: 'count', id: 'article-count' }, `${count} of ${total}`),
        ),
        search ? searchProgress(search) : null,
        articleTable(paged.items, context()),
        pager(Math.min(current.page, pages), pages, (page) => withQuery({ ...current, page })),
      ),
    ),
  );
  chart.draw();
}

/**
 * How far a search over every day has got, with a button to stop it or to search the rest.
 *
 * @param {string} phase 'running', 'stopped' or 'done'
 */
function searchProgress(phase) {
  const { done, total } = store.searchedDays();
  const toggle = (/** @type {string} */ label, /** @type {string} */ stopFor) =>
    el(
      'button',
      {
        type: 'button',
        id: 'search-toggle',
        onclick: () => {
          stoppedSearch = stopFor;
          render();
        },
      },
      label,
    );
  const text = {
    running: [`Searched ${done} of ${total} days, newest first… `, toggle('Stop', location.hash)],
    stopped: [
      `Searched ${done} of ${total} days (stopped): results from the newest days only. `,
      toggle('Search the rest', ''),
    ],
    done: [`Searched all ${total} days.`],
  }[phase];
  return el('p', { class: 'search-progress meta', role: 'status', dataset: { state: phase } }, text);
}

/**
 * Runs a redraw of `container` and gives focus back to the control that had it (the same sort
 * button, the same search toggle), so a keyboard user keeps their place while results come in.
 *
 * @param {HTMLElement} container
 * @param {() => void} redraw
 */
function keepingFocus(container, redraw) {
  const active = document.activeElement;
  let selector = '';
  if (active instanceof HTMLElement && container.contains(active)) {
    if (active.id) selector = `#${CSS.escape(active.id)}`;
    else if (active.dataset.sort) selector = `[data-sort="${CSS.escape(active.dataset.sort)}"]`;
  }
  redraw();
  if (selector) /** @type {HTMLElement | null} */ (container.querySelector(selector))?.focus();
}

function renderSpeakers() {
  const current = query();
  const shown = filterSpeakers(state.speakers, current);
  const compareIds = [...state.compare];
  const compareLink =
    compareIds.length >= 2
      ? el(
          'a',
          { class: 'button', href: `#/compare/${compareIds.map(encodeURIComponent).join(',')}` },
          `Compare ${compareIds.length} speakers`,
        )
      : el('span', { class: 'meta' }, `Tick 2 to ${MAX_COMPARED} speakers to compare them on one chart.`);
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
      el('p', { class: 'compare-bar' }, compareLink),
      speakersTable(shown, {
        compare: state.compare,
        onCompare: (id, on) => {
          if (on && state.compare.size >= MAX_COMPARED) {
            status.textContent = `At most ${MAX_COMPARED} speakers compare on one chart.`;
          } else if (on) state.compare.add(id);
          else state.compare.delete(id);
          renderSpeakers();
          /** @type {HTMLElement | null} */ (
            main.querySelector(`tr[data-speaker-id="${CSS.escape(id)}"] input`)
          )?.focus();
        },
      }),
    ),
  );
}

/**
 * How the articles referred to a speaker: name forms ("Anna Smith", "Smith") apart from
 * descriptions ("the minister"), which are how a story pointed at them, not a role they hold.
 *
 * @param {string[]} names
 */
function splitNameForms(names) {
  const descriptions = names.filter((form) => /^(the|a|an)\s/i.test(form) || form === form.toLowerCase());
  return { descriptions, names: names.filter((form) => !descriptions.includes(form)) };
}

/**
 * The speaker page's line of who they are: name forms, descriptions and the roles the articles gave
 * them (head.roles, most recent first; absent in stores indexed before roles were kept).
 *
 * @param {{ id: string, names: string[], roles?: string[] }} head
 */
function speakerIdentity(head) {
  const forms = splitNameForms(head.names);
  const roles = head.roles ?? [];
  const parts = [
    forms.names.length ? el('span', { class: 'names-seen' }, 'Named as: ', forms.names.join(', ')) : null,
    forms.descriptions.length
      ? el('span', { class: 'descriptions-seen' }, 'Described as: ', forms.descriptions.join(', '))
      : null,
    roles.length
      ? el('span', { class: 'roles-seen' }, 'Roles seen (latest first): ', roles.join(', '))
      : null,
    el('a', { href: buildHash('/', { speaker: head.id }) }, 'Their articles'),
    el('a', { href: `#/compare/${encodeURIComponent(head.id)}` }, 'Compare with others'),
  ].filter(Boolean);
  return el(
    'p',
    { class: 'meta forms' },
    parts.flatMap((part, index) => (index ? [' · ', part] : [part])),
  );
}

async function renderSpeaker(id, ticket) {
  const head = await store.speaker(id).catch(() => null);
  if (!isCurrent(ticket)) return;
  if (!head) {
    replaceChildren(
      main,
      el(
        'p',
        { class: 'empty' },
        'This speaker is not in the index. ',
        el('a', { href: '#/speakers' }, 'All speakers'),
      ),
    );
    return;
  }
  const page = query().page;
  // The quotes of the page asked for: the day files (newest day first) that hold them, no more.
  const pages = Math.max(1, Math.ceil(head.tally.quotes / QUOTES_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const from = (current - 1) * QUOTES_PER_PAGE;
  const to = from + QUOTES_PER_PAGE;
  // Months newest first; a month's quotes are its day files' quotes in monthPartitions order.
  const wanted = [];
  let seen = 0;
  for (const row of head.months) {
    const next = seen + row.tally.quotes;
    if (next > from && seen < to) wanted.push({ partitions: monthPartitions(row), offset: seen });
    seen = next;
    if (seen >= to) break;
  }
  const files = await Promise.all(
    wanted.map(({ partitions }) =>
      Promise.all(partitions.map((partition) => store.speakerDay(id, partition))),
    ),
  );
  if (!isCurrent(ticket)) return;
  const quotes = wanted
    .flatMap(({ offset }, index) =>
      (files[index] ?? [])
        .flatMap((file) => file?.quotes ?? [])
        .map((quote, n) => ({ quote, at: offset + n })),
    )
    .filter(({ at }) => at >= from && at < to)
    .map(({ quote }) => quote);
  const data = speakerSeries(head);
  const chart = chartCard(
    'speaker-tone',
    'Tone over time',
    [{ name: head.name, points: data.points }],
    data.undatedQuotes ? `${data.undatedQuotes} quotes from undated articles are not on the time axis.` : '',
  );
  replaceChildren(
    main,
    el(
      'article',
      { class: 'speaker-page', dataset: { speakerId: head.id } },
      el('a', { href: '#/speakers', class: 'back' }, '← All speakers'),
      el('h2', { class: 'article-title' }, head.name),
      el(
        'section',
        { class: 'tiles', 'aria-label': 'Summary' },
        tile('Quotes', String(head.tally.quotes), `in ${head.tally.articles} articles`),
        tile('Mean tone', meanChip(head.meanScore, head.tally.labels), 'quote-weighted'),
        tile('Label mix', toneBar(head.tally.labels), labelCounts(head.tally.labels)),
      ),
      speakerIdentity(head),
      chart.card,
      el(
        'section',
        { class: 'card' },
        el(
          'h2',
          {},
          'Every quote ',
          el('span', { class: 'count' }, `newest first · ${head.tally.quotes} in all`),
        ),
        el(
          'ol',
          { class: 'speaker-quotes', start: String(from + 1) },
          quotes.map((quote) => speakerQuoteItem(quote)),
        ),
        pager(current, pages, (n) =>
          buildHash(`/speakers/${encodeURIComponent(id)}`, { page: n > 1 ? n : '' }),
        ),
      ),
    ),
  );
  chart.draw();
}

async function renderCompare(ids, ticket) {
  const chosen = [...new Set(ids)].slice(0, MAX_COMPARED);
  const heads = (await Promise.all(chosen.map((id) => store.speaker(id).catch(() => null)))).filter(Boolean);
  if (!isCurrent(ticket)) return;
  const series = heads.map((head) => ({ name: head.name, points: speakerSeries(head).points }));
  const chart = chartCard('compare-tone', 'Mean tone over time', series, '');
  const others = state.speakers.filter((row) => !chosen.includes(row.id));
  const hashOf = (list) => `#/compare/${list.map(encodeURIComponent).join(',')}`;
  const picker = el(
    'select',
    {
      id: 'compare-add',
      onchange: (/** @type {Event} */ event) => {
        const value = /** @type {HTMLSelectElement} */ (event.target).value;
        if (value) location.hash = hashOf([...chosen, value]);
      },
    },
    el('option', { value: '' }, 'Add a speaker…'),
    others.map((row) => el('option', { value: row.id }, row.name)),
  );
  replaceChildren(
    main,
    el(
      'article',
      { class: 'compare-view' },
      el('a', { href: '#/speakers', class: 'back' }, '← All speakers'),
      el('h2', { class: 'article-title' }, 'Compare speakers'),
      el(
        'div',
        { class: 'compare-controls' },
        heads.map((head) =>
          el(
            'span',
            { class: 'chip' },
            el('a', { href: `#/speakers/${encodeURIComponent(head.id)}` }, head.name),
            ' ',
            el(
              'a',
              {
                href: hashOf(chosen.filter((id) => id !== head.id)),
                'aria-label': `Remove ${head.name}`,
                class: 'remove',
              },
              '×',
            ),
          ),
        ),
        chosen.length < MAX_COMPARED
          ? el('label', {}, el('span', { class: 'visually-hidden' }, 'Add a speaker'), picker)
          : null,
      ),
      heads.length < 2 ? el('p', { class: 'meta' }, `Pick 2 to ${MAX_COMPARED} speakers.`) : null,
      chart.card,
      el(
        'div',
        { class: 'tiles' },
        heads.map((head) =>
          tile(head.name, meanChip(head.meanScore, head.tally.labels), [
            `${head.tally.quotes} quotes `,
            toneBar(head.tally.labels),
          ]),
        ),
      ),
    ),
  );
  chart.draw();
}

function tile(title, value, note) {
  return el(
    'div',
    { class: 'tile' },
    el('h3', {}, title),
    el('p', { class: 'tile-value' }, value),
    el('div', { class: 'tile-note' }, note),
  );
}

function labelCounts(labels) {
  return Object.entries(labels)
    .filter(([, count]) => count > 0)
    .map(([label, count]) => `${count} ${label}`)
    .join(', ');
}

async function renderArticle(id) {
  // An article on a page not loaded yet is found through its locator.
  const entry =
    state.articles.find((article) => article.id === id) ?? (await store.entry(id).catch(() => null));
  const still = () => {
    const route = parseHash(location.hash);
    return route.view === 'article' && route.id === id;
  };
  if (!still()) return;
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
    if (!still()) return;
  }
  replaceChildren(main, articleView(entry, report, context()));
}

/** Fills the speaker filter with every listed speaker, keeping `selected` even if it is not listed. */
function setSpeakerOptions(selected) {
  const rows = [...state.speakers].sort((a, b) => a.name.localeCompare(b.name));
  const options = rows.map((row) => el('option', { value: row.id }, row.name));
  if (selected && !rows.some((row) => row.id === selected))
    options.unshift(el('option', { value: selected }, selected));
  replaceChildren(speakerSelect, el('option', { value: '' }, 'Anyone'), options);
  speakerSelect.value = selected;
}

function statusLine() {
  return `${store.manifest()?.totals.articles ?? 0} articles · updated ${new Date().toLocaleTimeString()}`;
}

async function refresh() {
  try {
    let changed = true;
    if (started) ({ changed } = await store.poll());
    else await store.start();
    started = true;
    status.textContent = statusLine();
    status.classList.remove('is-error');
    if (!changed) return;
    state.articles = store.entries();
    state.speakers = speakerRows(store.speakerList());
    // Re-rendering an open article would reset the reader's scroll; it updates on the next visit.
    const route = parseHash(location.hash);
    if (route.view !== 'article' || route.id !== state.shownArticle) await render();
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

// Typing replaces the URL's query without a history entry per key; choices from the selects and
// the reset button are steps a reader may want to go back from.
textInput.addEventListener('input', () => {
  history.replaceState(null, '', withQuery({ text: textInput.value }));
  render();
});
speakerSelect.addEventListener('change', () => {
  location.hash = withQuery({ speaker: speakerSelect.value });
});
labelSelect.addEventListener('change', () => {
  location.hash = withQuery({ label: labelSelect.value });
});
form.addEventListener('reset', (event) => {
  event.preventDefault();
  location.hash = parseHash(location.hash).view === 'speakers' ? '#/speakers' : '#/';
});
form.addEventListener('submit', (event) => event.preventDefault());
let lastView = parseHash(location.hash).view;
window.addEventListener('hashchange', () => {
  const view = parseHash(location.hash).view;
  render();
  // A new view starts at its top; a filter change on the same view keeps the reader's place.
  if (view !== lastView || view === 'speaker' || view === 'article') {
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
  lastView = view;
});

offerSignOut(/** @type {HTMLAnchorElement} */ (document.getElementById('sign-out')));
await refresh();
setInterval(refresh, POLL_INTERVAL_MS);
