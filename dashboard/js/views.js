import { el } from './dom.js';
import { formatDay, formatScore, highlightSegments, scoreTone, toneMix } from './model.js';

// The three views. Every piece of data enters the page through el(), i.e. as text.

/**
 * @typedef {{ onSpeaker: (name: string) => void, speakerFilter: string }} ViewContext
 */

/** A stacked bar of label counts, with the counts spelled out for screen readers and tooltips. */
export function toneBar(labels) {
  const mix = toneMix(labels);
  const description = mix.map((part) => `${part.count} ${part.label}`).join(', ');
  const bar = el('span', { class: 'tone-bar', role: 'img', 'aria-label': description, title: description });
  for (const part of mix) {
    if (!part.count) continue;
    const segment = el('span', { class: `tone-segment tone-${part.label}`, dataset: { label: part.label } });
    // CSSOM, not a style attribute: the Content-Security-Policy forbids inline styles.
    segment.style.width = `${(part.share * 100).toFixed(2)}%`;
    bar.appendChild(segment);
  }
  return bar;
}

/** @param {number | null} score */
export function scoreChip(score) {
  return el('span', { class: `score tone-${scoreTone(score)}` }, formatScore(score));
}

/** @param {string} label */
export function labelBadge(label) {
  return el('span', { class: `badge tone-${label}`, dataset: { label } }, label);
}

/** @param {string} name @param {ViewContext} context */
function speakerButton(name, context) {
  return el(
    'button',
    {
      type: 'button',
      class: `speaker-link${context.speakerFilter === name ? ' is-active' : ''}`,
      title: `Show only articles quoting ${name}`,
      onclick: () => context.onSpeaker(name),
    },
    name,
  );
}

/**
 * The summary tiles above the article list: from the store's totals (the manifest) when given, so
 * they count every article and not only the loaded pages, else from the filtered entries.
 *
 * @param {any[]} articles the filtered entries
 * @param {string} [speakerFilter]
 * @param {any} [totals] the manifest's totals, when no filter narrows the list
 */
export function summaryTiles(articles, speakerFilter = '', totals = null) {
  const analysed = articles.filter((article) => article.status === 'analysed');
  let failed = articles.length - analysed.length;
  let count = analysed.length;
  let quotes = analysed.reduce((sum, article) => sum + article.quotes, 0);
  const scored = analysed.filter((article) => article.meanScore !== null);
  const weight = scored.reduce((sum, article) => sum + article.quotes, 0);
  let mean = weight
    ? scored.reduce((sum, article) => sum + article.meanScore * article.quotes, 0) / weight
    : null;
  let labels = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
  for (const article of analysed)
    for (const label of Object.keys(labels)) labels[label] += article.labels[label];
  if (totals) {
    count = totals.articles - totals.failed;
    failed = totals.failed;
    quotes = totals.quotes;
    mean = totals.quotes ? totals.scoreSum / totals.quotes : null;
    labels = totals.labels;
  }
  return el(
    'section',
    { class: 'tiles', 'aria-label': 'Summary' },
    tile('Articles', String(count), failed ? el('span', { class: 'failed-note' }, `${failed} failed`) : null),
    tile('Quotes', String(quotes), toneBar(labels)),
    tile('Mean tone', scoreChip(mean), 'quote-weighted'),
    speakerFilter ? speakerTile(analysed, speakerFilter) : null,
  );
}

// With a speaker chosen, their own figures in these articles: the articles also quote others.
function speakerTile(articles, name) {
  let quotes = 0;
  let sum = 0;
  const labels = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
  for (const article of articles) {
    for (const speaker of article.speakers) {
      if (speaker.name !== name) continue;
      quotes += speaker.quotes;
      sum += speaker.meanScore * speaker.quotes;
      for (const label of Object.keys(labels)) labels[label] += speaker.labels[label];
    }
  }
  return tile(
    name,
    scoreChip(quotes ? sum / quotes : null),
    el('span', {}, `${quotes} quote${quotes === 1 ? '' : 's'} `, toneBar(labels)),
  );
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

/**
 * The article list: one row per entry, failed ones with their reason.
 *
 * @param {any[]} articles
 * @param {ViewContext} context
 */
export function articleTable(articles, context) {
  if (articles.length === 0) return el('p', { class: 'empty' }, 'No articles match the filters.');
  return dataTable(
    'articles',
    [['Article'], ['Tone mix'], ['Quotes', 'num'], ['Mean', 'num'], ['Main speakers']],
    articles.map((article) => articleRow(article, context)),
  );
}

/**
 * A table with one header row; each heading is [label] or [label, column class] ("num" right-aligns).
 *
 * @param {string} className
 * @param {[string, string?][]} headings
 * @param {Node[]} rows
 */
function dataTable(className, headings, rows) {
  const header = headings.map(([label, columnClass]) =>
    el('th', { scope: 'col', class: columnClass }, label),
  );
  return el('table', { class: className }, el('thead', {}, el('tr', {}, ...header)), el('tbody', {}, rows));
}

function articleRow(article, context) {
  const link = el(
    'a',
    { href: `#/article/${encodeURIComponent(article.id)}`, class: 'article-link' },
    article.title ?? article.sourceKey,
  );
  const meta = el(
    'div',
    { class: 'meta' },
    // The same date the chart counts the article under: published when known, else analysed.
    article.publishedAt
      ? `published ${formatDay(article.publishedAt)}`
      : `${article.status === 'failed' ? 'failed' : 'analysed'} ${formatDay(article.analyzedAt)}`,
    ' · ',
    el('code', {}, article.sourceKey),
  );
  if (article.status === 'failed') {
    return el(
      'tr',
      { class: 'is-failed', dataset: { articleId: article.id, status: 'failed' } },
      el('td', {}, link, meta),
      el(
        'td',
        { colspan: '4', class: 'failure' },
        el('span', { class: 'badge badge-failed' }, 'failed'),
        ' ',
        el('code', {}, article.code),
        ' ',
        el('span', { class: 'reason' }, article.reason),
      ),
    );
  }
  return el(
    'tr',
    { dataset: { articleId: article.id, status: 'analysed' } },
    el('td', {}, link, meta),
    el('td', {}, toneBar(article.labels)),
    el('td', { class: 'num' }, String(article.quotes)),
    el('td', { class: 'num' }, scoreChip(article.meanScore)),
    el(
      'td',
      { class: 'speakers' },
      article.mainSpeakers.map((name) => speakerButton(name, context)),
    ),
  );
}

/**
 * One article: its text with every quote highlighted in its tone colour, and a card per quote.
 *
 * @param {any} entry the index entry
 * @param {any | null} report the full report, or null for a failed article
 * @param {ViewContext} context
 */
export function articleView(entry, report, context) {
  const back = el('a', { href: '#/', class: 'back' }, '← All articles');
  const title = el('h2', { class: 'article-title' }, entry.title ?? entry.sourceKey);
  const meta = el(
    'p',
    { class: 'meta' },
    el('code', {}, entry.sourceKey),
    ` · ${entry.status === 'failed' ? 'failed' : 'analysed'} ${formatDay(entry.analyzedAt)}`,
    report?.article.metadata.publishedAt
      ? ` · published ${formatDay(report.article.metadata.publishedAt)}`
      : null,
    report ? [' · ', el('a', { href: `reports/${encodeURIComponent(entry.id)}.json` }, 'report JSON')] : null,
  );
  // Failed or analysed, the view opens the same way: back link, title, metadata line.
  const view = (...body) =>
    el('article', { class: 'article-view', dataset: { articleId: entry.id } }, back, title, meta, ...body);
  if (entry.status === 'failed' || !report) {
    return view(
      el(
        'div',
        { class: 'failure-box', role: 'alert' },
        el('span', { class: 'badge badge-failed' }, 'failed'),
        ' ',
        el('code', {}, entry.code ?? ''),
        el('p', {}, entry.reason ?? ''),
      ),
    );
  }
  const summary = el(
    'div',
    { class: 'article-summary' },
    el('span', {}, `${report.summary.quotes} quote${report.summary.quotes === 1 ? '' : 's'}`),
    toneBar(report.summary.labels),
    el('span', {}, 'mean ', scoreChip(report.summary.meanScore)),
  );
  return view(
    summary,
    el(
      'div',
      { class: 'article-columns' },
      el(
        'section',
        { class: 'article-text', 'aria-label': 'Article text' },
        highlightedText(report, context),
      ),
      el(
        'section',
        { class: 'quote-list', 'aria-label': 'Quotes' },
        el('h3', {}, 'Quotes'),
        report.quotes.length
          ? report.quotes.map((quote) => quoteCard(quote, context))
          : el('p', { class: 'empty' }, 'No quoted statements found.'),
      ),
    ),
  );
}

function highlightedText(report, context) {
  const paragraph = el('div', { class: 'text-body' });
  for (const segment of highlightSegments(report.article.text, report.quotes)) {
    if (!segment.quote) {
      paragraph.appendChild(document.createTextNode(segment.text));
      continue;
    }
    const quote = segment.quote;
    const dimmed = context.speakerFilter && quote.speaker.name !== context.speakerFilter;
    paragraph.appendChild(
      el(
        'mark',
        {
          class: `quote tone-${quote.tone.label}${dimmed ? ' is-dimmed' : ''}`,
          dataset: { quoteId: quote.id, label: quote.tone.label },
          title: `${quote.speaker.name ?? 'Unattributed'} · ${quote.tone.label} ${formatScore(quote.tone.score)}`,
          onclick: () =>
            document
              .getElementById(`quote-${quote.id}`)
              ?.scrollIntoView({ behavior: 'smooth', block: 'center' }),
        },
        segment.text,
      ),
    );
  }
  return paragraph;
}

function quoteCard(quote, context) {
  const tone = quote.tone;
  const dimmed = context.speakerFilter && quote.speaker.name !== context.speakerFilter;
  return el(
    'div',
    {
      class: `quote-card tone-${tone.label}${dimmed ? ' is-dimmed' : ''}`,
      id: `quote-${quote.id}`,
      dataset: { quoteId: quote.id, label: tone.label },
    },
    el(
      'div',
      { class: 'quote-head' },
      quote.speaker.name
        ? speakerButton(quote.speaker.name, context)
        : el('span', { class: 'unattributed' }, 'Unattributed'),
      labelBadge(tone.label),
      scoreChip(tone.score),
    ),
    el('blockquote', { class: 'quote-text' }, quote.text),
    quote.speaker.mention && quote.speaker.mention !== quote.speaker.name
      ? el('p', { class: 'meta' }, `as “${quote.speaker.mention}”`, quote.cue ? `, ${quote.cue}` : '')
      : null,
    tone.tones.length
      ? el(
          'p',
          { class: 'tones' },
          'Tones: ',
          tone.tones.map((t) =>
            el(
              'span',
              { class: 'chip', title: t.evidence.join(', ') },
              `${t.name} ${Math.round(t.strength * 100)}%`,
            ),
          ),
        )
      : null,
    tone.explanation.length
      ? el(
          'p',
          { class: 'drivers' },
          'Driven by: ',
          topDrivers(tone.explanation, tone.label).map((word) =>
            el(
              'span',
              {
                class: `chip driver tone-${word.weight > 0 ? 'positive' : word.weight < 0 ? 'negative' : 'neutral'}`,
                title: word.rules.length ? word.rules.join(', ') : 'base weight',
              },
              word.text,
              el('small', {}, ` ${formatScore(word.weight)}`),
              word.rules.length ? el('small', { class: 'rules' }, ` (${word.rules.join(', ')})`) : null,
            ),
          ),
        )
      : el('p', { class: 'drivers meta' }, 'No scoring words.'),
  );
}

/**
 * The largest contributors to a score (at most five), in text order; a positive or negative label
 * always keeps its largest driver of its own sign, so a card never reads "positive" beside only
 * negative words.
 *
 * @param {{text: string, start: number, weight: number, rules: string[]}[]} explanation
 * @param {string} label
 */
function topDrivers(explanation, label) {
  const sign = label === 'positive' ? 1 : label === 'negative' ? -1 : 0;
  const bySize = [...explanation].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const top = bySize.slice(0, 5);
  const own = bySize.find((part) => Math.sign(part.weight) === sign);
  if (sign !== 0 && own && !top.includes(own)) top[top.length - 1] = own;
  return top.sort((a, b) => a.start - b.start);
}

/**
 * The speakers table: who sounds how, across articles.
 *
 * @param {any[]} speakers
 * @param {ViewContext} context
 */
export function speakersTable(speakers, context) {
  if (speakers.length === 0) return el('p', { class: 'empty' }, 'No speakers match the filters.');
  return dataTable(
    'speakers-table',
    [['Speaker'], ['Articles', 'num'], ['Quotes', 'num'], ['Mean', 'num'], ['Tone mix'], ['Latest quotes']],
    speakers.map((speaker) =>
      el(
        'tr',
        { dataset: { speaker: speaker.name } },
        el('td', {}, speakerButton(speaker.name, context)),
        el('td', { class: 'num' }, String(speaker.articles)),
        el('td', { class: 'num' }, String(speaker.quotes)),
        el('td', { class: 'num' }, scoreChip(speaker.meanScore)),
        el('td', {}, toneBar(speaker.labels)),
        el(
          'td',
          { class: 'latest' },
          speaker.latestQuotes.map((quote) =>
            el(
              'a',
              {
                class: `latest-quote tone-${quote.label}`,
                href: `#/article/${encodeURIComponent(quote.articleId)}`,
              },
              quote.text,
            ),
          ),
        ),
      ),
    ),
  );
}
