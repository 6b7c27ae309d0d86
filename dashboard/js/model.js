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
 * source key, id, speakers and a failure's reason, case-insensitively.
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
      if (filters.speaker && !article.speakers.some((speaker) => speaker.name === filters.speaker))
        return false;
      if (filters.label && !(article.labels[filters.label] > 0)) return false;
    }
    if (!text) return true;
    const haystack = [
      article.title ?? '',
      article.sourceKey,
      article.id,
      ...(article.status === 'analysed' ? article.speakers.map((speaker) => speaker.name) : [article.reason]),
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
    if (filters.speaker && speaker.name !== filters.speaker) return false;
    if (filters.label && !(speaker.labels[filters.label] > 0)) return false;
    if (!text) return true;
    return (
      speaker.name.toLowerCase().includes(text) ||
      speaker.latestQuotes.some((quote) => quote.text.toLowerCase().includes(text))
    );
  });
}

/**
 * The quote-weighted mean score per day, oldest first. An article counts on the day it was
 * published when it says so, otherwise on the day it was analysed; failed articles and articles
 * without quotes are left out.
 *
 * @example meanToneByDay(articles) // [{ day: '2026-11-27', meanScore: 0.12, quotes: 9, articles: 3 }, ...]
 * @param {any[]} articles
 */
export function meanToneByDay(articles) {
  /** @type {Map<string, { sum: number, quotes: number, articles: number }>} */
  const days = new Map();
  for (const article of articles) {
    if (article.status !== 'analysed' || article.meanScore === null || article.quotes === 0) continue;
    const day = articleDay(article);
    const total = days.get(day) ?? { sum: 0, quotes: 0, articles: 0 };
    total.sum += article.meanScore * article.quotes;
    total.quotes += article.quotes;
    total.articles += 1;
    days.set(day, total);
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
 * The quote-weighted mean score per day from the manifest's partition tallies, oldest first: the
 * whole store's series without loading a single page. An article counts on its publication day, or
 * on the day it was analysed when it gives none (the partitions' own days).
 *
 * @example toneByDayFromManifest(manifest) // [{ day: '2026-11-27', meanScore: 0.12, quotes: 9, articles: 3 }, ...]
 * @param {{ partitions: { day: string, tally: { articles: number, failed: number, quotes: number, scoreSum: number } }[] }} manifest
 */
export function toneByDayFromManifest(manifest) {
  /** @type {Map<string, { sum: number, quotes: number, articles: number }>} */
  const days = new Map();
  for (const partition of manifest.partitions) {
    const { tally } = partition;
    if (tally.quotes === 0) continue;
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
 * The label a mean score reads as, for colouring a number.
 *
 * @param {number | null} score
 */
export function scoreTone(score) {
  // The same dead zone the eye applies: a mean within ±0.05 reads as neutral.
  const NEUTRAL_BAND = 0.05;
  if (score === null || Math.abs(score) < NEUTRAL_BAND) return 'neutral';
  return score > 0 ? 'positive' : 'negative';
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
