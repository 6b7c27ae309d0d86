import { el } from './dom.js';
import {
  buildHash,
  formatDay,
  formatScore,
  highlightSegments,
  LOW_CONFIDENCE,
  meanTone,
  nextStep,
  plainRule,
  publishedLabel,
  scoreTone,
  toneMix,
} from './model.js';

// The three views. Every piece of data enters the page through el(), i.e. as text.

/**
 * @typedef {{ onSpeaker: (name: string, id?: string) => void, speakerFilter: string,
 *   sort?: string, dir?: string, onSort?: (sort: string) => void }} ViewContext
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

/**
 * A score coloured by its label when it has one (a quote), else by its sign.
 *
 * @param {number | null} score
 * @param {string} [label]
 */
export function scoreChip(score, label) {
  return el('span', { class: `score tone-${scoreTone(score, label)}` }, formatScore(score));
}

/**
 * A mean score coloured as most of the quotes it averages are labelled (meanTone), so it never
 * reads green over grey quotes.
 *
 * @param {number | null} score
 * @param {import('./model.js').LabelCounts} labels
 */
export function meanChip(score, labels) {
  const chip = scoreChip(score, score === null ? undefined : meanTone(labels));
  chip.title = 'Coloured as most of its quotes are labelled';
  return chip;
}

/**
 * How sure the speaker attribution is; below LOW_CONFIDENCE it is marked as a guess.
 *
 * @param {number | undefined} confidence
 */
export function confidenceNote(confidence) {
  if (confidence === undefined || confidence === null) return null;
  const percent = `${Math.round(confidence * 100)}%`;
  return confidence < LOW_CONFIDENCE
    ? el(
        'span',
        { class: 'confidence is-low', title: 'The analyser is unsure who said this' },
        `uncertain speaker (${percent})`,
      )
    : el('span', { class: 'confidence', title: 'How sure the speaker attribution is' }, `speaker ${percent}`);
}

/**
 * The words that moved a quote's score, with their rules in plain words.
 *
 * @param {{ text: string, weight: number, rules: string[] }[]} words
 */
export function driverList(words) {
  if (!words.length) return el('p', { class: 'drivers meta' }, 'No scoring words.');
  return el(
    'p',
    { class: 'drivers' },
    'Driven by: ',
    words.map((word) =>
      el(
        'span',
        {
          class: `chip driver tone-${word.weight > 0 ? 'positive' : word.weight < 0 ? 'negative' : 'neutral'}`,
        },
        `“${word.text}”`,
        el('small', {}, ` ${formatScore(word.weight)}`),
        word.rules.length
          ? el('small', { class: 'rules' }, ` (${word.rules.map((rule) => plainRule(rule)).join('; ')})`)
          : null,
      ),
    ),
  );
}

/** @param {string} label */
export function labelBadge(label) {
  return el('span', { class: `badge tone-${label}`, dataset: { label } }, label);
}

/** @param {string} name @param {ViewContext} context @param {string} [id] */
function speakerButton(name, context, id) {
  return el(
    'button',
    {
      type: 'button',
      class: `speaker-link${context.speakerFilter === (id ?? name) ? ' is-active' : ''}`,
      title: `Show only articles quoting ${name}`,
      onclick: () => context.onSpeaker(name, id),
    },
    name,
  );
}

/** A link to a speaker's page. @param {string} name @param {string} id */
export function speakerPageLink(name, id) {
  return el('a', { class: 'speaker-page-link', href: `#/speakers/${encodeURIComponent(id)}` }, name);
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
    tile('Mean tone', meanChip(mean, labels), 'quote-weighted'),
    speakerFilter ? speakerTile(analysed, speakerFilter) : null,
  );
}

// With a speaker chosen, their own figures in these articles: the articles also quote others.
function speakerTile(articles, id) {
  let quotes = 0;
  let sum = 0;
  let name = id;
  const labels = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
  for (const article of articles) {
    for (const speaker of article.speakers) {
      if (speaker.id !== id && speaker.name !== id) continue;
      name = speaker.name;
      quotes += speaker.quotes;
      sum += speaker.meanScore * speaker.quotes;
      for (const label of Object.keys(labels)) labels[label] += speaker.labels[label];
    }
  }
  return tile(
    name,
    meanChip(quotes ? sum / quotes : null, labels),
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
 * The article list: one row per entry, failed ones with their reason and next step. Column
 * headings sort (a button each, so the keyboard reaches them); on a phone rows become cards.
 *
 * @param {any[]} articles
 * @param {ViewContext} context
 */
export function articleTable(articles, context) {
  if (articles.length === 0) return el('p', { class: 'empty' }, 'No articles match the filters.');
  const headings = [
    ['Article', 'title'],
    ['Published', 'date'],
    ['Tone mix'],
    ['Quotes', 'quotes', 'num'],
    ['Mean', 'mean', 'num'],
    ['Main speakers'],
  ];
  const header = headings.map(([label, sort, columnClass]) => {
    if (!sort) return el('th', { scope: 'col', class: columnClass }, label);
    const active = context.sort === sort;
    const direction = active ? context.dir : null;
    return el(
      'th',
      {
        scope: 'col',
        class: columnClass,
        'aria-sort': active ? (direction === 'asc' ? 'ascending' : 'descending') : null,
      },
      el(
        'button',
        { type: 'button', class: 'sort', dataset: { sort }, onclick: () => context.onSort?.(sort) },
        label,
        el('span', { 'aria-hidden': 'true' }, active ? (direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'),
      ),
    );
  });
  return el(
    'div',
    { class: 'table-box' },
    el(
      'table',
      { class: 'articles stacked' },
      el('thead', {}, el('tr', {}, ...header)),
      el(
        'tbody',
        {},
        articles.map((article) => articleRow(article, context)),
      ),
    ),
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
  return el(
    'div',
    { class: 'table-box' },
    el(
      'table',
      { class: `${className} stacked` },
      el('thead', {}, el('tr', {}, ...header)),
      el('tbody', {}, rows),
    ),
  );
}

/** A cell that names its column on a phone, where the table becomes cards. */
function cell(label, props, ...children) {
  return el('td', { ...props, dataset: { col: label } }, ...children);
}

function articleRow(article, context) {
  const link = el(
    'a',
    { href: `#/article/${encodeURIComponent(article.id)}`, class: 'article-link' },
    article.title ?? article.sourceKey,
  );
  const meta = el('div', { class: 'meta' }, el('code', {}, article.sourceKey));
  const published = el(
    'span',
    { title: article.publishedAt ? `as written: ${article.publishedAt}` : 'The article gives no date' },
    publishedLabel(article),
  );
  if (article.status === 'failed') {
    return el(
      'tr',
      { class: 'is-failed', dataset: { articleId: article.id, status: 'failed' } },
      cell('Article', {}, link, meta),
      cell('Published', {}, published),
      cell(
        'Failed',
        { colspan: '4', class: 'failure' },
        el('span', { class: 'badge badge-failed' }, 'failed'),
        ' ',
        el('code', {}, article.code),
        ' ',
        el('span', { class: 'reason' }, article.reason),
        el('div', { class: 'next-step' }, nextStep(article.code)),
      ),
    );
  }
  return el(
    'tr',
    { dataset: { articleId: article.id, status: 'analysed' } },
    cell('Article', {}, link, meta),
    cell('Published', {}, published),
    cell('Tone mix', {}, toneBar(article.labels)),
    cell('Quotes', { class: 'num' }, String(article.quotes)),
    cell('Mean', { class: 'num' }, meanChip(article.meanScore, article.labels)),
    cell(
      'Main speakers',
      { class: 'speakers' },
      article.speakers.slice(0, 3).map((speaker) => speakerButton(speaker.name, context, speaker.id)),
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
    entry.status === 'analysed'
      ? [
          ' · ',
          el(
            'span',
            { title: entry.publishedAt ? `as written: ${entry.publishedAt}` : 'The article gives no date' },
            entry.undated ? 'undated' : `published ${formatDay(entry.day)}`,
          ),
        ]
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
        el('h3', {}, 'What to do next'),
        el('p', { class: 'next-step' }, nextStep(entry.code ?? '')),
        // The error record itself, served read-only beside index/ and reports/ (errors/ is one of
        // the dashboard's data prefixes, behind the same sign-in on AWS).
        el(
          'p',
          {},
          el(
            'a',
            { href: `errors/${encodeURIComponent(entry.id)}.json`, class: 'error-record' },
            'Open the error record (JSON)',
          ),
          ': the code, the reason, the source key and when it failed. ',
          el('code', {}, 'quote-tone report --failed'),
          ' lists every failure.',
        ),
      ),
    );
  }
  const summary = el(
    'div',
    { class: 'article-summary' },
    el('span', {}, `${report.summary.quotes} quote${report.summary.quotes === 1 ? '' : 's'}`),
    toneBar(report.summary.labels),
    el('span', {}, 'mean ', meanChip(report.summary.meanScore, report.summary.labels)),
  );
  // Said before the quotes, so an English-only analysis of another language, or a republished
  // copy counted under its first publication, never reads as a plain result.
  const notices = [
    ...(report.warnings ?? []).map((warning) => el('p', { class: 'notice', role: 'note' }, warning)),
    report.article.duplicateOf
      ? el(
          'p',
          { class: 'notice', role: 'note' },
          'Republished copy of ',
          el(
            'a',
            { href: `#/article/${encodeURIComponent(report.article.duplicateOf)}` },
            'an earlier article',
          ),
          ': its statements count once, under that article, in speaker figures.',
        )
      : null,
  ];
  return view(
    summary,
    ...notices,
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
    const openCard = () => {
      const card = document.getElementById(`quote-${quote.id}`);
      card?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      // Keyboard and screen-reader users land on the card, not only their eyes.
      card?.focus({ preventScroll: true });
    };
    paragraph.appendChild(
      el(
        'mark',
        {
          class: `quote tone-${quote.tone.label}${dimmed ? ' is-dimmed' : ''}`,
          dataset: { quoteId: quote.id, label: quote.tone.label },
          title: `${quote.speaker.name ?? 'Unattributed'} · ${quote.tone.label} ${formatScore(quote.tone.score)}`,
          // A control like any other: reachable with Tab, opened with Enter or Space.
          tabindex: '0',
          role: 'button',
          onclick: openCard,
          onkeydown: (/** @type {KeyboardEvent} */ event) => {
            if (event.key !== 'Enter' && event.key !== ' ') return;
            event.preventDefault();
            openCard();
          },
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
  const low = quote.speaker.name && quote.speaker.confidence < LOW_CONFIDENCE;
  return el(
    'div',
    {
      class: `quote-card tone-${tone.label}${dimmed ? ' is-dimmed' : ''}${low ? ' is-uncertain' : ''}`,
      id: `quote-${quote.id}`,
      // Focused (not tabbed to) when its quote in the text is opened.
      tabindex: '-1',
      dataset: { quoteId: quote.id, label: tone.label },
    },
    el(
      'div',
      { class: 'quote-head' },
      quote.speaker.name
        ? speakerButton(quote.speaker.name, context)
        : el('span', { class: 'unattributed' }, 'Unattributed'),
      labelBadge(tone.label),
      scoreChip(tone.score, tone.label),
      quote.speaker.name ? confidenceNote(quote.speaker.confidence) : null,
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
    driverList(topDrivers(tone.explanation, tone.label)),
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
 * The speakers table: who sounds how, across articles; each name opens the speaker's page, and a
 * checkbox picks speakers to compare.
 *
 * @param {any[]} speakers
 * @param {{ compare: Set<string>, onCompare: (id: string, on: boolean) => void }} context
 */
export function speakersTable(speakers, context) {
  if (speakers.length === 0) return el('p', { class: 'empty' }, 'No speakers match the filters.');
  return dataTable(
    'speakers-table',
    [
      ['Compare'],
      ['Speaker'],
      ['Articles', 'num'],
      ['Quotes', 'num'],
      ['Mean', 'num'],
      ['Tone mix'],
      ['Latest quotes'],
    ],
    speakers.map((speaker) =>
      el(
        'tr',
        { dataset: { speaker: speaker.name, speakerId: speaker.id } },
        cell(
          'Compare',
          {},
          el('input', {
            type: 'checkbox',
            class: 'compare-pick',
            'aria-label': `Compare ${speaker.name}`,
            checked: context.compare.has(speaker.id),
            onchange: (/** @type {Event} */ event) =>
              context.onCompare(speaker.id, /** @type {HTMLInputElement} */ (event.target).checked),
          }),
        ),
        cell('Speaker', {}, speakerPageLink(speaker.name, speaker.id)),
        cell('Articles', { class: 'num' }, String(speaker.articles)),
        cell('Quotes', { class: 'num' }, String(speaker.quotes)),
        cell('Mean', { class: 'num' }, meanChip(speaker.meanScore, speaker.labels)),
        cell('Tone mix', {}, toneBar(speaker.labels)),
        cell(
          'Latest quotes',
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

/**
 * A chart's figures as a table (inside a closed <details>): what a screen reader reads instead of
 * the canvas, and what the tests compare with the store.
 *
 * @param {{ name: string, points: { day: string, meanScore: number, quotes: number }[] }[]} series
 */
export function chartDataTable(series) {
  return el(
    'details',
    { class: 'chart-data' },
    el('summary', {}, 'Figures by day'),
    el(
      'div',
      { class: 'table-box' },
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ['Series', 'Day', 'Mean tone', 'Quotes'].map((h) => el('th', { scope: 'col' }, h)),
          ),
        ),
        el(
          'tbody',
          {},
          series.flatMap((one) =>
            one.points.map((point) =>
              el(
                'tr',
                { dataset: { series: one.name, day: point.day, quotes: String(point.quotes) } },
                el('td', {}, one.name),
                el('td', {}, formatDay(point.day)),
                el('td', { class: 'num' }, formatScore(point.meanScore)),
                el('td', { class: 'num' }, String(point.quotes)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * One quote on a speaker's page: date, article link, label, score, top contributors, confidence,
 * and the speaker's role in that article when it gave one.
 *
 * @param {any} quote a speaker day file's quote
 */
export function speakerQuoteItem(quote) {
  return el(
    'li',
    {
      class: `speaker-quote quote-card tone-${quote.label}${quote.confidence !== undefined && quote.confidence < LOW_CONFIDENCE ? ' is-uncertain' : ''}`,
      dataset: { articleId: quote.articleId, quoteId: quote.quoteId, label: quote.label },
    },
    el(
      'div',
      { class: 'quote-head' },
      el('span', { class: 'quote-date' }, quote.undated ? 'undated' : formatDay(quote.day)),
      labelBadge(quote.label),
      scoreChip(quote.score, quote.label),
      confidenceNote(quote.confidence),
    ),
    el('blockquote', { class: 'quote-text' }, quote.text),
    el(
      'p',
      { class: 'meta' },
      quote.mention ? `as “${quote.mention}” · ` : '',
      // The role the article gave the speaker here (absent in older stores and when none was given).
      quote.role ? [el('span', { class: 'quote-role' }, quote.role), ' · '] : null,
      'in ',
      el('a', { href: `#/article/${encodeURIComponent(quote.articleId)}` }, quote.title ?? quote.articleId),
    ),
    driverList(quote.drivers ?? []),
  );
}

/** Links to the pages of a paged list. @param {number} page @param {number} pages @param {(page: number) => string} href */
export function pager(page, pages, href) {
  if (pages <= 1) return null;
  return el(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    page > 1 ? el('a', { href: href(page - 1), rel: 'prev' }, '← Previous') : null,
    el('span', { class: 'page-of', 'aria-current': 'page' }, `Page ${page} of ${pages}`),
    page < pages ? el('a', { href: href(page + 1), rel: 'next' }, 'Next →') : null,
  );
}

export { buildHash };
