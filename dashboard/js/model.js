// Pure functions over the store's JSON (index/articles.json, index/speakers.json, reports/<id>.json):
// no DOM, no fetch, so they run under the unit tests as they run in the browser.

/** The four labels in display order. */
export const LABELS = /** @type {const} */ (['positive', 'negative', 'neutral', 'mixed']);

/**
 * @typedef {{ positive: number, negative: number, neutral: number, mixed: number }} LabelCounts
 * @typedef {{ speaker?: string, label?: string, text?: string }} Filters
 */

/**
 * Each label's count and share of the total, for a tone-mix bar.
 *
 * @example toneMix({ positive: 1, negative: 3, neutral: 0, mixed: 0 })[1] // { label: 'negative', count: 3, share: 0.75 }
 * @param {LabelCounts} labels
 */
export function toneMix(labels) {
  const total = LABELS.reduce((sum, label) => sum + (labels[label] ?? 0), 0);
  return LABELS.map((label) => ({
    label,
    count: labels[label] ?? 0,
    share: total ? (labels[label] ?? 0) / total : 0,
  }));
}

/**
 * The articles index entries that pass the filters. A speaker filter keeps articles quoting that
 * speaker; a label filter keeps analysed articles with at least one quote of that label (failed
 * articles have no quotes, so any speaker or label filter hides them); text matches the title,
 * source key, id, speakers, the quotes' text and a failure's reason, case-insensitively. The
 * speaker filter is a speaker id (or a name, for links from older pages).
 *
 * @example filterArticles(index.articles, { speaker: 'Anna Smith' })
 * @param {any[]} articles
 * @param {Filters} filters
 */
export function filterArticles(articles, filters) {
  const text = (filters.text ?? '').trim().toLowerCase();
  return articles.filter((article) => {
    if (filters.speaker || filters.label) {
      if (article.status !== 'analysed') return false;
      if (
        filters.speaker &&
        !article.speakers.some(
          (speaker) => speaker.id === filters.speaker || speaker.name === filters.speaker,
        )
      )
        return false;
      if (filters.label && !(article.labels[filters.label] > 0)) return false;
    }
    if (!text) return true;
    const haystack = [
      article.title ?? '',
      article.sourceKey,
      article.id,
      ...(article.status === 'analysed'
        ? [...article.speakers.map((speaker) => speaker.name), ...(article.snippets ?? [])]
        : [article.reason, article.code]),
    ];
    return haystack.some((value) => value.toLowerCase().includes(text));
  });
}

/**
 * The speakers index entries that pass the filters: the chosen speaker, speakers with quotes of
 * the chosen label, names (or latest quotes) containing the text.
 *
 * @param {any[]} speakers
 * @param {Filters} filters
 */
export function filterSpeakers(speakers, filters) {
  const text = (filters.text ?? '').trim().toLowerCase();
  return speakers.filter((speaker) => {
    if (filters.speaker && speaker.id !== filters.speaker && speaker.name !== filters.speaker) return false;
    if (filters.label && !(speaker.labels[filters.label] > 0)) return false;
    if (!text) return true;
    return (
      speaker.name.toLowerCase().includes(text) ||
      speaker.latestQuotes.some((quote) => quote.text.toLowerCase().includes(text))
    );
  });
}

/**
 * The quote-weighted mean score and quote volume per publication day, oldest first, and how many
 * articles are undated (left off the time axis: the day they were analysed is not news time).
 * With a speaker id, only that speaker's quotes count, not the whole articles' mean.
 *
 * @example meanToneByDay(articles).points // [{ day: '2026-11-27', meanScore: 0.12, quotes: 9, articles: 3 }, ...]
 * @param {any[]} articles
 * @param {string} [speakerId]
 */
export function meanToneByDay(articles, speakerId = '') {
  /** @type {Map<string, { sum: number, quotes: number, articles: number }>} */
  const days = new Map();
  let undated = 0;
  for (const article of articles) {
    if (article.status !== 'analysed') continue;
    let quotes = article.quotes;
    let mean = article.meanScore;
    if (speakerId) {
      const share = article.speakers.find((speaker) => speaker.id === speakerId);
      quotes = share?.quotes ?? 0;
      mean = share?.meanScore ?? null;
    }
    if (mean === null || quotes === 0) continue;
    if (article.undated) {
      undated += 1;
      continue;
    }
    const total = days.get(article.day) ?? { sum: 0, quotes: 0, articles: 0 };
    total.sum += mean * quotes;
    total.quotes += quotes;
    total.articles += 1;
    days.set(article.day, total);
  }
  return { points: seriesOf(days), undated };
}

/**
 * A speaker's series from their head file's month rows: one point per month on the time axis
 * (dated on its first day), quotes from undated articles counted apart.
 *
 * @param {{ months: SpeakerMonth[] }} head
 */
export function speakerSeries(head) {
  /** @type {Map<string, { sum: number, quotes: number, articles: number }>} */
  const days = new Map();
  let undated = 0;
  for (const row of head.months) {
    const apart = row.undated ?? { articles: 0, quotes: 0, scoreSum: 0 };
    undated += apart.quotes;
    const quotes = row.tally.quotes - apart.quotes;
    if (quotes <= 0) continue;
    days.set(`${row.month}-01`, {
      sum: row.tally.scoreSum - apart.scoreSum,
      quotes,
      articles: row.tally.articles - apart.articles,
    });
  }
  return { points: seriesOf(days), undatedQuotes: undated };
}

/**
 * @typedef {{ month: string, tally: { articles: number, quotes: number, scoreSum: number },
 *   days: number[], undatedDays: number[], undated?: { articles: number, quotes: number, scoreSum: number } }} SpeakerMonth
 */

/**
 * The day files of one month of a speaker's head, in the order their quotes are listed: dated
 * days newest first, then undated ones.
 *
 * @example monthPartitions({ month: '2026-11', days: [3, 28], undatedDays: [5] }) // ['2026-11-28', '2026-11-03', 'undated-2026-11-05']
 * @param {Pick<SpeakerMonth, 'month' | 'days' | 'undatedDays'>} row
 */
export function monthPartitions(row) {
  const day = (/** @type {number} */ d) => `${row.month}-${String(d).padStart(2, '0')}`;
  return [
    ...[...row.days].sort((a, b) => b - a).map(day),
    ...[...row.undatedDays].sort((a, b) => b - a).map((d) => `undated-${day(d)}`),
  ];
}

/** @param {Map<string, { sum: number, quotes: number, articles: number }>} days */
function seriesOf(days) {
  return [...days]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, total]) => ({
      day,
      meanScore: total.sum / total.quotes,
      quotes: total.quotes,
      articles: total.articles,
    }));
}

/**
 * The quote-weighted mean score per day from the manifest's partition tallies, oldest first: the
 * whole store's series without loading a single page, by publication day; undated partitions are
 * left off the time axis (count them with undatedFromManifest).
 *
 * @example toneByDayFromManifest(manifest) // [{ day: '2026-11-27', meanScore: 0.12, quotes: 9, articles: 3 }, ...]
 * @param {{ partitions: { day: string, tally: { articles: number, failed: number, quotes: number, scoreSum: number } }[] }} manifest
 */
export function toneByDayFromManifest(manifest) {
  /** @type {Map<string, { sum: number, quotes: number, articles: number }>} */
  const days = new Map();
  for (const partition of manifest.partitions) {
    const { tally } = partition;
    // Undated articles sit in partitions of the day they were analysed: not news time.
    if (tally.quotes === 0 || partition.undated) continue;
    const total = days.get(partition.day) ?? { sum: 0, quotes: 0, articles: 0 };
    total.sum += tally.scoreSum;
    total.quotes += tally.quotes;
    total.articles += tally.articles - tally.failed;
    days.set(partition.day, total);
  }
  return [...days]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, total]) => ({
      day,
      meanScore: total.sum / total.quotes,
      quotes: total.quotes,
      articles: total.articles,
    }));
}

/**
 * The speaker list's rows as the speakers view shows them.
 *
 * @param {{ rows: any[] } | null} list index/speaker-list.json
 */
export function speakerRows(list) {
  return (list?.rows ?? []).map((row) => ({
    id: row.id,
    name: row.name,
    articles: row.tally.articles,
    quotes: row.tally.quotes,
    meanScore: row.meanScore,
    labels: row.tally.labels,
    latestQuotes: row.latest,
  }));
}

/**
 * The article's day as YYYY-MM-DD (UTC): published if known and readable, else analysed.
 *
 * @param {{ publishedAt?: string | null, analyzedAt: string }} article
 */
export function articleDay(article) {
  const published = article.publishedAt ? new Date(article.publishedAt) : null;
  if (published && !Number.isNaN(published.getTime())) return published.toISOString().slice(0, 10);
  return article.analyzedAt.slice(0, 10);
}

/**
 * The article text cut into plain and quoted pieces, in order, for highlighting. Each quote may
 * have several spans (a quote interrupted by "she said"); a span overlapping an earlier one is
 * clipped so no character is shown twice, and spans outside the text are ignored.
 *
 * @example highlightSegments('A "b" c', [{ id: 'q1', spans: [{ start: 3, end: 4 }] }])
 *   // [{ text: 'A "', quote: null }, { text: 'b', quote: {...} }, { text: '" c', quote: null }]
 * @param {string} text
 * @param {{ spans: { start: number, end: number }[] }[]} quotes
 */
export function highlightSegments(text, quotes) {
  const pieces = quotes
    .flatMap((quote) => quote.spans.map((span) => ({ start: span.start, end: span.end, quote })))
    .filter((piece) => piece.start >= 0 && piece.end <= text.length && piece.start < piece.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments = [];
  let cursor = 0;
  for (const piece of pieces) {
    const start = Math.max(piece.start, cursor);
    if (start >= piece.end) continue;
    if (start > cursor) segments.push({ text: text.slice(cursor, start), quote: null });
    segments.push({ text: text.slice(start, piece.end), quote: piece.quote });
    cursor = piece.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), quote: null });
  return segments;
}

/**
 * A score for display, with its sign and a real minus.
 *
 * @example formatScore(-0.4213) // '−0.42'
 * @param {number | null | undefined} score
 */
export function formatScore(score) {
  if (score === null || score === undefined) return 'n/a';
  const fixed = Math.abs(score).toFixed(2);
  if (fixed === '0.00') return '0.00';
  return `${score > 0 ? '+' : '−'}${fixed}`;
}

/**
 * The label a score is coloured as. A quote's score takes its own label's colour, so a "neutral
 * +0.19" is grey, not green; a mean (no label) reads as neutral within ±0.05.
 *
 * @example scoreTone(0.19, 'neutral') // 'neutral'
 * @param {number | null} score
 * @param {string} [label]
 */
export function scoreTone(score, label) {
  if (label) return label;
  // The same dead zone the eye applies: a mean within ±0.05 reads as neutral.
  const NEUTRAL_BAND = 0.05;
  if (score === null || Math.abs(score) < NEUTRAL_BAND) return 'neutral';
  return score > 0 ? 'positive' : 'negative';
}

/**
 * The colour of a mean: the label most of its quotes carry (ties read as neutral). Not its sign:
 * the analyser labels a quote by its classes' probabilities, not by a cut on the score, so a
 * "neutral +0.40" or a "negative −0.07" is an ordinary result, and a mean of +0.30 over neutral
 * quotes painted green would contradict every quote it averages. Without counts, the sign decides
 * (scoreTone).
 *
 * @example meanTone({ positive: 1, negative: 0, neutral: 3, mixed: 0 }) // 'neutral'
 * @param {LabelCounts | null | undefined} labels
 */
export function meanTone(labels) {
  if (!labels) return undefined;
  let most = 'neutral';
  let mostCount = 0;
  let tied = false;
  for (const label of LABELS) {
    const count = labels[label] ?? 0;
    if (count > mostCount) [most, mostCount, tied] = [label, count, false];
    else if (count > 0 && count === mostCount) tied = true;
  }
  return tied ? 'neutral' : most;
}

/**
 * The tone explanation's rule names in plain words: one table, so a new rule is one line here.
 * Unknown rules show as they are written.
 */
export const RULE_WORDS = /** @type {Record<string, string>} */ ({
  negated: 'negated by a nearby "not" or "no"',
  negator: 'a negating word',
  intensified: 'strengthened by a word like "very"',
  diminished: 'softened by a word like "slightly"',
  emphasised: 'stressed (capitals or "!")',
  hedged: 'hedged ("may", "perhaps")',
  conceded: 'before a "but": outweighed by what follows',
  contrasted: 'after "but": weighs more',
  bracketed: 'in brackets: counts less',
  name: 'part of a name: not counted',
  interjection: 'an interjection',
  preposition: 'used as a preposition: not counted',
  modifier: 'modifies the next word',
  inferred: 'learned from similar words',
});

/**
 * A rule in plain words.
 *
 * @example plainRule('negated') // 'negated by a nearby "not" or "no"'
 * @param {string} rule
 */
export function plainRule(rule) {
  return RULE_WORDS[rule] ?? rule;
}

// Below this, an attribution is a guess and is shown as one.
export const LOW_CONFIDENCE = 0.5;

/**
 * What the reader can do about a failed article, by its error code.
 *
 * @param {string} code
 */
export function nextStep(code) {
  return (
    NEXT_STEPS[code] ?? 'Check the error record below, fix the file and upload it again under the same key.'
  );
}

const NEXT_STEPS = /** @type {Record<string, string>} */ ({
  EMPTY_ARTICLE: 'The file has no text. Upload the article again with its body included.',
  BINARY_CONTENT:
    'The file is not text (a PDF or image?). Save the article as .txt, .md, .html or .json and upload that.',
  ARTICLE_TOO_LARGE: 'The file is over the size limit. Split it into single articles and upload each.',
  INVALID_JSON_ARTICLE:
    'The JSON does not parse. Fix the syntax (a validator will point at the line) and upload again.',
  MISSING_ARTICLE_BODY:
    'The JSON has no "body" or "text" field. Add one with the article text and upload again.',
  UNSUPPORTED_FORMAT: 'Use a .txt, .md, .html or .json file and upload it again.',
  ANALYSIS_FAILED:
    'The analyser hit an unexpected error. Re-upload the file to retry; if it fails again, report it with the error record.',
});

/** Sortable columns of the article list and how to compare two entries by each. */
const SORT_KEYS = /** @type {Record<string, (a: any, b: any) => number>} */ ({
  date: (a, b) =>
    compareDay(a, b) || (a.analyzedAt < b.analyzedAt ? -1 : a.analyzedAt > b.analyzedAt ? 1 : 0),
  title: (a, b) => (a.title ?? a.sourceKey).localeCompare(b.title ?? b.sourceKey),
  quotes: (a, b) => (a.quotes ?? -1) - (b.quotes ?? -1),
  mean: (a, b) => (a.meanScore ?? -2) - (b.meanScore ?? -2),
});
export const SORTS = Object.keys(SORT_KEYS);

// Undated articles sort before the oldest dated one: their day is only when they were analysed.
function compareDay(a, b) {
  const dayA = a.undated ? '' : a.day;
  const dayB = b.undated ? '' : b.day;
  return dayA < dayB ? -1 : dayA > dayB ? 1 : 0;
}

/**
 * The entries sorted by a column; ties keep the index order (newest analysis first).
 *
 * @example sortArticles(entries, 'mean', 'desc')[0].meanScore // the highest mean
 * @param {any[]} articles
 * @param {string} sort one of SORTS
 * @param {'asc' | 'desc'} direction
 */
export function sortArticles(articles, sort, direction) {
  const compare = SORT_KEYS[sort] ?? SORT_KEYS.date;
  const sign = direction === 'asc' ? 1 : -1;
  return articles
    .map((article, index) => ({ article, index }))
    .sort((a, b) => sign * compare(a.article, b.article) || a.index - b.index)
    .map(({ article }) => article);
}

/**
 * One page of a list, with the page number clamped to the pages there are.
 *
 * @example pageOf([1, 2, 3], 2, 2) // { items: [3], page: 2, pages: 2 }
 * @template T
 * @param {T[]} items
 * @param {number} page 1-based
 * @param {number} size
 */
export function pageOf(items, page, size) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages };
}

/**
 * The route and its query, from a location hash: `#/` (articles), `#/speakers`,
 * `#/speakers/<id>`, `#/compare/<id>,<id>`, `#/article/<id>`; the query carries the filters.
 *
 * @example parseHash('#/?q=joy&speaker=anna-1a2b').params.get('q') // 'joy'
 * @param {string} hash
 */
export function parseHash(hash) {
  const raw = (hash || '#/').replace(/^#/, '') || '/';
  const question = raw.indexOf('?');
  const path = question >= 0 ? raw.slice(0, question) : raw;
  const params = new URLSearchParams(question >= 0 ? raw.slice(question + 1) : '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'article' && parts[1]) return { view: 'article', id: parts[1], params };
  if (parts[0] === 'speakers' && parts[1]) return { view: 'speaker', id: parts[1], params };
  if (parts[0] === 'speakers') return { view: 'speakers', params };
  if (parts[0] === 'compare')
    return { view: 'compare', ids: (parts[1] ?? '').split(',').filter(Boolean), params };
  return { view: 'articles', params };
}

/**
 * A hash for a path and a query; empty values are left out so shared links stay short.
 *
 * @example buildHash('/', { q: 'joy', page: '' }) // '#/?q=joy'
 * @param {string} path
 * @param {Record<string, string | number | undefined>} query
 */
export function buildHash(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '' && value !== null) params.set(name, String(value));
  }
  const text = params.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

/**
 * The article's date for display: its publication day when dated (from the ISO day in the index),
 * else "undated".
 *
 * @param {{ day: string, undated: boolean }} article
 */
export function publishedLabel(article) {
  return article.undated ? 'undated' : formatDay(article.day);
}

/**
 * A readable UTC date.
 *
 * @example formatDay('2026-11-28T09:30:00.000Z') // '28 Nov 2026'
 * @param {string} iso
 */
export function formatDay(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return DAY_FORMAT.format(date);
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
