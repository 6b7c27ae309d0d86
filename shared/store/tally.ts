import * as z from 'zod/mini';
import { type ArticleEntry, LabelCountsSchema, roundMean, zeroLabels } from './article-entry.ts';

// A tally is the figures of a set of articles or quotes that can be added and subtracted: a page's,
// a day's, a speaker's, the whole store's. Index files keep tallies, not means, so a batch updates
// them with the changed articles' contributions (new minus old) instead of recounting everything.

// Sums of scores are kept to this many decimals, so adding and subtracting the same contribution
// many times cannot drift into visible noise.
const SUM_DECIMALS = 6;

export const TallySchema = z.object({
  // Articles counted (analysed and failed).
  articles: z.int().check(z.minimum(0)),
  failed: z.int().check(z.minimum(0)),
  quotes: z.int().check(z.minimum(0)),
  // Sum of quote scores; the mean is scoreSum / quotes (meanOf).
  scoreSum: z.number(),
  labels: LabelCountsSchema,
});

export type Tally = z.infer<typeof TallySchema>;

// A tally as a bare array, for files that list hundreds of them (the manifest's rows, a speaker's
// months): the field names would be over half of those files. One order, read by packTally and
// unpackTally here and by the dashboard's data layer (dashboard/js/store-client.js).
const count = () => z.int().check(z.minimum(0));
export const PackedTallySchema = z.tuple([
  // articles, failed, quotes, scoreSum, positive, negative, neutral, mixed
  count(),
  count(),
  count(),
  z.number(),
  count(),
  count(),
  count(),
  count(),
]);

export type PackedTally = z.infer<typeof PackedTallySchema>;

/** @example packTally(emptyTally()) // [0, 0, 0, 0, 0, 0, 0, 0] */
export function packTally(tally: Tally): PackedTally {
  const { positive, negative, neutral, mixed } = tally.labels;
  return [tally.articles, tally.failed, tally.quotes, tally.scoreSum, positive, negative, neutral, mixed];
}

/** The inverse of packTally. */
export function unpackTally(packed: PackedTally): Tally {
  const [articles, failed, quotes, scoreSum, positive, negative, neutral, mixed] = packed;
  return { articles, failed, quotes, scoreSum, labels: { positive, negative, neutral, mixed } };
}

/** @example emptyTally().quotes // 0 */
export function emptyTally(): Tally {
  return { articles: 0, failed: 0, quotes: 0, scoreSum: 0, labels: zeroLabels() };
}

/**
 * `a + sign * b`, field by field. A tally that reaches zero quotes has a zero sum, whatever
 * rounding left behind.
 *
 * @example addTally(pageTally, tallyOfEntry(old), -1)
 */
export function addTally(a: Tally, b: Tally, sign: 1 | -1 = 1): Tally {
  const quotes = a.quotes + sign * b.quotes;
  const factor = 10 ** SUM_DECIMALS;
  return {
    articles: a.articles + sign * b.articles,
    failed: a.failed + sign * b.failed,
    quotes,
    scoreSum: quotes === 0 ? 0 : Math.round((a.scoreSum + sign * b.scoreSum) * factor) / factor,
    labels: {
      positive: a.labels.positive + sign * b.labels.positive,
      negative: a.labels.negative + sign * b.labels.negative,
      neutral: a.labels.neutral + sign * b.labels.neutral,
      mixed: a.labels.mixed + sign * b.labels.mixed,
    },
  };
}

/** What one entry adds to a page's or the store's tally. */
export function tallyOfEntry(entry: ArticleEntry | null): Tally {
  if (!entry) return emptyTally();
  if (entry.status === 'failed') return { ...emptyTally(), articles: 1, failed: 1 };
  return {
    articles: 1,
    failed: 0,
    quotes: entry.quotes,
    scoreSum: entry.meanScore === null ? 0 : entry.meanScore * entry.quotes,
    labels: { ...entry.labels },
  };
}

/** The quote-weighted mean score, or null without quotes. */
export function meanOf(tally: Tally): number | null {
  if (tally.quotes === 0) return null;
  return Math.min(1, Math.max(-1, roundMean(tally.scoreSum / tally.quotes)));
}
