import { z } from 'zod';
import {
  type ArticlesIndex,
  type LabelCountsEntry,
  LabelCountsSchema,
  roundMean,
  type SpeakerQuote,
  SpeakerQuoteSchema,
} from './article-index.ts';
import { INDEX_PREFIX } from './store-layout.ts';

// `index/speakers.json`: who sounds how, across articles. It is always recomputed from
// `index/articles.json` (never patched), so the two agree by construction: a speaker's counts are
// the sums of the per-article contributions kept there.
// `shared/schemas/speakers-index.schema.json` is generated from this schema.

export const SPEAKERS_INDEX_SCHEMA_VERSION = 1;
export const SPEAKERS_INDEX_KEY = `${INDEX_PREFIX}speakers.json`;

// The speakers view shows a short reel per speaker; the reports hold everything else.
export const LATEST_QUOTES_PER_SPEAKER_INDEX = 5;

export const SpeakerEntrySchema = z.object({
  name: z.string(),
  // Ids of the analysed articles that quote this speaker, newest first.
  articles: z.array(z.string()),
  quotes: z.int().min(1),
  meanScore: z.number().min(-1).max(1),
  labels: LabelCountsSchema,
  // Newest article first, then in text order.
  latestQuotes: z.array(SpeakerQuoteSchema),
});

export const SpeakersIndexSchema = z.object({
  schemaVersion: z.literal(SPEAKERS_INDEX_SCHEMA_VERSION),
  // Most quoted first, then by name.
  speakers: z.array(SpeakerEntrySchema),
});

export type SpeakerEntry = z.infer<typeof SpeakerEntrySchema>;
export type SpeakersIndex = z.infer<typeof SpeakersIndexSchema>;

interface SpeakerTotals {
  articles: string[];
  quotes: number;
  scoreSum: number;
  labels: LabelCountsEntry;
  latestQuotes: SpeakerQuote[];
}

/**
 * The speakers index for an articles index: each speaker's articles, quote count, quote-weighted
 * mean score, label counts and latest quotes. Failed articles contribute nothing.
 *
 * @example
 * buildSpeakersIndex(articlesIndex).speakers[0] // { name: 'Anna Smith', articles: [...], quotes: 4, ... }
 */
export function buildSpeakersIndex(index: ArticlesIndex): SpeakersIndex {
  const totals = new Map<string, SpeakerTotals>();
  // The articles index is newest first, so pushing in its order keeps every list newest first.
  for (const article of index.articles) {
    if (article.status !== 'analysed') continue;
    for (const speaker of article.speakers) {
      const total = totals.get(speaker.name) ?? {
        articles: [],
        quotes: 0,
        scoreSum: 0,
        labels: { positive: 0, negative: 0, neutral: 0, mixed: 0 },
        latestQuotes: [],
      };
      total.articles.push(article.id);
      total.quotes += speaker.quotes;
      total.scoreSum += speaker.meanScore * speaker.quotes;
      total.labels = addLabels(total.labels, speaker.labels);
      total.latestQuotes.push(...speaker.latestQuotes);
      totals.set(speaker.name, total);
    }
  }
  const speakers = [...totals].map(
    ([name, total]): SpeakerEntry => ({
      name,
      articles: total.articles,
      quotes: total.quotes,
      meanScore: clampMean(roundMean(total.scoreSum / total.quotes)),
      labels: total.labels,
      latestQuotes: total.latestQuotes.slice(0, LATEST_QUOTES_PER_SPEAKER_INDEX),
    }),
  );
  speakers.sort((a, b) => b.quotes - a.quotes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { schemaVersion: SPEAKERS_INDEX_SCHEMA_VERSION, speakers };
}

/** @example emptySpeakersIndex().speakers // [] */
export function emptySpeakersIndex(): SpeakersIndex {
  return { schemaVersion: SPEAKERS_INDEX_SCHEMA_VERSION, speakers: [] };
}

function addLabels(a: LabelCountsEntry, b: LabelCountsEntry): LabelCountsEntry {
  return {
    positive: a.positive + b.positive,
    negative: a.negative + b.negative,
    neutral: a.neutral + b.neutral,
    mixed: a.mixed + b.mixed,
  };
}

// Rounded per-article means can sum a hair past ±1.
function clampMean(value: number): number {
  return Math.min(1, Math.max(-1, value));
}
