// The index design before issue 13 (one articles.json and one speakers.json, rewritten whole by
// every update), kept verbatim as the baseline the index bench measures the bounded index against.
// Not used by the product.
import * as z from 'zod/mini';
import type { Report } from '../../shared/report-schema.ts';
import { INDEX_PREFIX } from '../../shared/store/layout.ts';
import { type ArticlesIndex, type LabelCountsEntry, LabelCountsSchema, roundMean } from './article-index.ts';

// `index/speakers.json`: who sounds how, across articles. Its figures (articles, counts, means) are
// always recomputed from `index/articles.json` (never patched), so the two agree by construction.
// Its quote reels cannot be: articles.json keeps no quote texts (every update rewrites that file
// whole, and texts made it four times larger). So each update carries the quotes of the articles it
// indexed, and keeps the rest of each reel from the speakers.json it replaces, dropping quotes of
// articles that are gone or were re-analysed since.
// `shared/schemas/speakers-index.schema.json` is generated from this schema.

export const SPEAKERS_INDEX_SCHEMA_VERSION = 1;
export const SPEAKERS_INDEX_KEY = `${INDEX_PREFIX}speakers.json`;

// The speakers view shows a short reel per speaker; the reports hold everything else.
export const LATEST_QUOTES_PER_SPEAKER_INDEX = 5;
// A sentence or two: enough to recognise a quote in a list; the full text is in the report.
export const QUOTE_EXCERPT_CHARS = 280;

const LabelSchema = z.enum(['positive', 'negative', 'neutral', 'mixed']);

export const SpeakerQuoteSchema = z.object({
  articleId: z.string(),
  quoteId: z.string(),
  // At most QUOTE_EXCERPT_CHARS characters, ending in "…" when cut.
  text: z.string(),
  label: LabelSchema,
  score: z.number().check(z.minimum(-1), z.maximum(1)),
  analyzedAt: z.iso.datetime(),
});

export const SpeakerEntrySchema = z.object({
  name: z.string(),
  // Ids of the analysed articles that quote this speaker, newest first.
  articles: z.array(z.string()),
  quotes: z.int().check(z.minimum(1)),
  meanScore: z.number().check(z.minimum(-1), z.maximum(1)),
  labels: LabelCountsSchema,
  // Newest article first, then in text order.
  latestQuotes: z.array(SpeakerQuoteSchema),
});

export const SpeakersIndexSchema = z.object({
  schemaVersion: z.literal(SPEAKERS_INDEX_SCHEMA_VERSION),
  // Most quoted first, then by name.
  speakers: z.array(SpeakerEntrySchema),
});

export type SpeakerQuote = z.infer<typeof SpeakerQuoteSchema>;
export type SpeakerEntry = z.infer<typeof SpeakerEntrySchema>;
export type SpeakersIndex = z.infer<typeof SpeakersIndexSchema>;

/** One article's quotes per speaker name, in text order (at most a reel's worth each). */
export type ArticleQuotes = ReadonlyMap<string, readonly SpeakerQuote[]>;

/** Where the reels come from: the articles just indexed, and the speakers.json being replaced. */
export interface ReelSources {
  /** Quotes of the articles this update indexed, by article id. */
  fresh?: ReadonlyMap<string, ArticleQuotes>;
  /** The speakers index as stored before this update, if any. */
  previous?: SpeakersIndex | null;
}

interface SpeakerTotals {
  articles: string[];
  quotes: number;
  scoreSum: number;
  labels: LabelCountsEntry;
  latestQuotes: SpeakerQuote[];
}

/**
 * One article's quotes per speaker, as speakers.json shows them: attributed quotes only, in text
 * order, excerpted, at most LATEST_QUOTES_PER_SPEAKER_INDEX per speaker.
 *
 * @example
 * speakerQuotesFromReport(report).get('Anna Smith')?.[0]?.text // 'We will win,'
 */
export function speakerQuotesFromReport(report: Report): Map<string, SpeakerQuote[]> {
  const bySpeaker = new Map<string, SpeakerQuote[]>();
  for (const quote of report.quotes) {
    const name = quote.speaker.name;
    if (name === null) continue;
    const quotes = bySpeaker.get(name) ?? [];
    if (quotes.length >= LATEST_QUOTES_PER_SPEAKER_INDEX) continue;
    quotes.push({
      articleId: report.article.id,
      quoteId: quote.id,
      text: excerpt(quote.text),
      label: quote.tone.label,
      score: quote.tone.score,
      analyzedAt: report.analyzedAt,
    });
    bySpeaker.set(name, quotes);
  }
  return bySpeaker;
}

/**
 * The speakers index for an articles index: each speaker's articles, quote count, quote-weighted
 * mean score and label counts from the articles index, and a reel of latest quotes. A reel quote
 * counts only while its article is in the index as analysed at the quote's `analyzedAt`, so a
 * removed or re-analysed article's old quotes drop out. Failed articles contribute nothing.
 *
 * @example
 * buildSpeakersIndex(articlesIndex, { fresh, previous }).speakers[0] // { name: 'Anna Smith', articles: [...], quotes: 4, ... }
 */
export function buildSpeakersIndex(index: ArticlesIndex, sources: ReelSources = {}): SpeakersIndex {
  const previousQuotes = new Map<string, SpeakerQuote[]>();
  for (const speaker of sources.previous?.speakers ?? []) {
    for (const quote of speaker.latestQuotes) {
      const key = reelKey(speaker.name, quote.articleId);
      previousQuotes.set(key, [...(previousQuotes.get(key) ?? []), quote]);
    }
  }
  const totals = new Map<string, SpeakerTotals>();
  // The articles index is newest first, so pushing in its order keeps every list newest first.
  for (const article of index.articles) {
    if (article.status !== 'analysed') continue;
    const fresh = sources.fresh?.get(article.id);
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
      if (total.latestQuotes.length < LATEST_QUOTES_PER_SPEAKER_INDEX) {
        const candidates =
          fresh?.get(speaker.name) ?? previousQuotes.get(reelKey(speaker.name, article.id)) ?? [];
        // A quote of another analysis of this article (older, or newer than this index) is not its.
        const current = candidates.filter((quote) => quote.analyzedAt === article.analyzedAt);
        total.latestQuotes.push(
          ...current.slice(0, LATEST_QUOTES_PER_SPEAKER_INDEX - total.latestQuotes.length),
        );
      }
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
      latestQuotes: total.latestQuotes,
    }),
  );
  speakers.sort((a, b) => b.quotes - a.quotes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { schemaVersion: SPEAKERS_INDEX_SCHEMA_VERSION, speakers };
}

/** @example emptySpeakersIndex().speakers // [] */
export function emptySpeakersIndex(): SpeakersIndex {
  return { schemaVersion: SPEAKERS_INDEX_SCHEMA_VERSION, speakers: [] };
}

/**
 * The stored speakers index as the previous reels, or null when it is not one this code wrote (it
 * is derived data: the next write replaces it, and the reels refill as articles are re-indexed).
 * Checked only as deep as the reels are read: the file is written by update-index alone.
 *
 * @example
 * readSpeakersIndex(JSON.parse(text))?.speakers.length // 42
 */
export function readSpeakersIndex(value: unknown): SpeakersIndex | null {
  if (typeof value !== 'object' || value === null) return null;
  const { schemaVersion, speakers } = value as { schemaVersion?: unknown; speakers?: unknown };
  if (schemaVersion !== SPEAKERS_INDEX_SCHEMA_VERSION || !Array.isArray(speakers)) return null;
  const sound = speakers.every(
    (speaker: unknown) =>
      typeof speaker === 'object' &&
      speaker !== null &&
      typeof (speaker as { name?: unknown }).name === 'string' &&
      Array.isArray((speaker as { latestQuotes?: unknown }).latestQuotes),
  );
  return sound ? (value as SpeakersIndex) : null;
}

function reelKey(speaker: string, articleId: string): string {
  return `${speaker}\u0000${articleId}`;
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

function excerpt(text: string): string {
  return text.length <= QUOTE_EXCERPT_CHARS ? text : `${text.slice(0, QUOTE_EXCERPT_CHARS - 1)}…`;
}
