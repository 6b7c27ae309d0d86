// The index design before issue 13 (one articles.json and one speakers.json, rewritten whole by
// every update), kept verbatim as the baseline the index bench measures the bounded index against.
// Not used by the product.
import * as z from 'zod/mini';
import { QuoteToneError } from '../../shared/errors.ts';
import { LabelCountsSchema, type Report } from '../../shared/report-schema.ts';
import type { ErrorRecord } from '../../shared/store/error-record.ts';
import { INDEX_PREFIX } from '../../shared/store/layout.ts';

// `index/articles.json`: the manifest the dashboard loads in one request and `quote-tone report`
// reads. One entry per article, analysed or failed. Each analysed entry also keeps its speakers'
// figures (counts and mean, no quote texts), so the figures of `index/speakers.json` are recomputed
// from this file alone and can never drift from it. Entries stay lean (about 1 KB) because every
// update rewrites the whole file: quote texts live in the reports, and speakers.json keeps the few
// it shows. `shared/schemas/articles-index.schema.json` is generated from this schema.

export const ARTICLES_INDEX_SCHEMA_VERSION = 1;
export const ARTICLES_INDEX_KEY = `${INDEX_PREFIX}articles.json`;

// A list row has room for a few names; the rest are one click away in the article view.
export const MAIN_SPEAKERS = 3;
// Means are written with four decimals: finer digits are noise, and the files stay readable.
const MEAN_DECIMALS = 4;

// The same label counts as in reports, so the two cannot drift.
export { LabelCountsSchema };

/** One speaker's share of one article: summed across articles into speakers.json. */
export const ArticleSpeakerSchema = z.object({
  name: z.string(),
  quotes: z.int().check(z.minimum(1)),
  meanScore: z.number().check(z.minimum(-1), z.maximum(1)),
  labels: LabelCountsSchema,
});

export const AnalysedArticleEntrySchema = z.object({
  id: z.string(),
  status: z.literal('analysed'),
  // null when the article has no title line or title field.
  title: z.nullable(z.string()),
  sourceKey: z.string(),
  analyzedAt: z.iso.datetime(),
  // From the article's own metadata when it has one; null otherwise.
  publishedAt: z.nullable(z.string()),
  quotes: z.int().check(z.minimum(0)),
  labels: LabelCountsSchema,
  // null when the article has no quotes.
  meanScore: z.nullable(z.number().check(z.minimum(-1), z.maximum(1))),
  // The MAIN_SPEAKERS speakers with the most quotes, most first.
  mainSpeakers: z.array(z.string()),
  speakers: z.array(ArticleSpeakerSchema),
});

export const FailedArticleEntrySchema = z.object({
  id: z.string(),
  status: z.literal('failed'),
  // Failed articles were never cleaned, so they have no title.
  title: z.null(),
  sourceKey: z.string(),
  // When the analysis failed; named like the analysed entries' field so lists sort as one.
  analyzedAt: z.iso.datetime(),
  code: z.string(),
  reason: z.string(),
});

export const ArticleEntrySchema = z.discriminatedUnion('status', [
  AnalysedArticleEntrySchema,
  FailedArticleEntrySchema,
]);

export const ArticlesIndexSchema = z.object({
  schemaVersion: z.literal(ARTICLES_INDEX_SCHEMA_VERSION),
  // Newest first (by analyzedAt, then id), so a page shows the latest articles without sorting.
  articles: z.array(ArticleEntrySchema),
});

export type LabelCountsEntry = z.infer<typeof LabelCountsSchema>;
export type ArticleSpeaker = z.infer<typeof ArticleSpeakerSchema>;
export type AnalysedArticleEntry = z.infer<typeof AnalysedArticleEntrySchema>;
export type FailedArticleEntry = z.infer<typeof FailedArticleEntrySchema>;
export type ArticleEntry = z.infer<typeof ArticleEntrySchema>;
export type ArticlesIndex = z.infer<typeof ArticlesIndexSchema>;

/** @example emptyArticlesIndex().articles // [] */
export function emptyArticlesIndex(): ArticlesIndex {
  return { schemaVersion: ARTICLES_INDEX_SCHEMA_VERSION, articles: [] };
}

/**
 * The index entry of an analysed article.
 *
 * @example
 * articleEntryFromReport(report).mainSpeakers // ['Anna Smith']
 */
export function articleEntryFromReport(report: Report): AnalysedArticleEntry {
  const speakers = report.summary.speakers
    .filter((speaker) => speaker.quotes > 0)
    .map(
      (speaker): ArticleSpeaker => ({
        name: speaker.name,
        quotes: speaker.quotes,
        meanScore: roundMean(speaker.meanScore),
        labels: { ...speaker.labels },
      }),
    )
    .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
  return {
    id: report.article.id,
    status: 'analysed',
    title: report.article.title ?? null,
    sourceKey: report.article.source.key,
    analyzedAt: report.analyzedAt,
    publishedAt: report.article.metadata.publishedAt ?? null,
    quotes: report.summary.quotes,
    labels: { ...report.summary.labels },
    meanScore: report.summary.meanScore === null ? null : roundMean(report.summary.meanScore),
    mainSpeakers: speakers.slice(0, MAIN_SPEAKERS).map((speaker) => speaker.name),
    speakers,
  };
}

/**
 * The index entry of an article that was refused or failed: shown as failed, with its reason.
 *
 * @example
 * articleEntryFromError(record).status // 'failed'
 */
export function articleEntryFromError(record: ErrorRecord): FailedArticleEntry {
  return {
    id: record.articleId,
    status: 'failed',
    title: null,
    sourceKey: record.source.key,
    analyzedAt: record.failedAt,
    code: record.code,
    reason: record.reason,
  };
}

/** What the store holds for one article right now: its report, its error record, both or neither. */
export interface ArticleResults {
  report: Report | null;
  error: ErrorRecord | null;
}

/**
 * The entry the index should hold for an article, from what the store holds for it now: the newer
 * of its report and error record, or null when both are gone (its source was deleted). Both exist
 * only for a moment while the analyser replaces one with the other; the newer one is the outcome.
 *
 * @example
 * currentEntry({ report, error: null })?.status // 'analysed'
 */
export function currentEntry(results: ArticleResults): ArticleEntry | null {
  const { report, error } = results;
  if (report && error) {
    return error.failedAt > report.analyzedAt ? articleEntryFromError(error) : articleEntryFromReport(report);
  }
  if (report) return articleEntryFromReport(report);
  if (error) return articleEntryFromError(error);
  return null;
}

/**
 * The index with the article `id` set to `entry` (added, replaced, or removed when null).
 * Returns a new index; the input is not changed.
 *
 * @example
 * withArticle(emptyArticlesIndex(), 'talks-1a2b3c4d', entry).articles.length // 1
 */
export function withArticle(index: ArticlesIndex, id: string, entry: ArticleEntry | null): ArticlesIndex {
  return withArticles(index, new Map([[id, entry]]));
}

/**
 * The index with every article in `entries` set (added, replaced, or removed when null), in one
 * pass and one sort: a batch of updates costs about as much as one. The input is not changed.
 *
 * @example
 * withArticles(emptyArticlesIndex(), new Map([['a-1', entryA], ['b-2', null]])).articles.length // 1
 */
export function withArticles(
  index: ArticlesIndex,
  entries: ReadonlyMap<string, ArticleEntry | null>,
): ArticlesIndex {
  const articles = index.articles.filter((article) => !entries.has(article.id));
  for (const entry of entries.values()) if (entry) articles.push(entry);
  return { schemaVersion: ARTICLES_INDEX_SCHEMA_VERSION, articles: articles.sort(newestFirst) };
}

/** `index/articles.json` does not have the shape this code writes. */
export class MalformedArticlesIndexError extends QuoteToneError {
  override readonly code = 'MALFORMED_ARTICLES_INDEX';

  constructor(detail: string) {
    super(
      `Expected ${ARTICLES_INDEX_KEY} with schemaVersion ${ARTICLES_INDEX_SCHEMA_VERSION}, but ${detail}.`,
    );
    this.name = 'MalformedArticlesIndexError';
  }
}

/**
 * The stored articles index, checked only as deep as the merge relies on (version, and each
 * entry's id, status and analyzedAt). Only update-index writes this file, from validated reports
 * and error records, so a full zod parse would re-check what was checked when each entry was
 * built, and on a large index it was the costliest step of every update.
 *
 * @example
 * readArticlesIndex(JSON.parse(text)).articles.length // 120
 */
export function readArticlesIndex(value: unknown): ArticlesIndex {
  if (!isRecord(value) || value.schemaVersion !== ARTICLES_INDEX_SCHEMA_VERSION) {
    throw new MalformedArticlesIndexError('it has another or no schemaVersion');
  }
  const { articles } = value;
  if (!Array.isArray(articles)) throw new MalformedArticlesIndexError('it has no articles list');
  for (const [position, article] of articles.entries()) {
    const sound =
      isRecord(article) &&
      typeof article.id === 'string' &&
      (article.status === 'analysed' || article.status === 'failed') &&
      typeof article.analyzedAt === 'string';
    if (!sound) throw new MalformedArticlesIndexError(`entry ${position} lacks an id, status or analyzedAt`);
  }
  return value as ArticlesIndex;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @example findArticle(index, 'talks-1a2b3c4d')?.status // 'analysed' */
export function findArticle(index: ArticlesIndex, id: string): ArticleEntry | null {
  return index.articles.find((article) => article.id === id) ?? null;
}

function newestFirst(a: ArticleEntry, b: ArticleEntry): number {
  if (a.analyzedAt !== b.analyzedAt) return a.analyzedAt < b.analyzedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** @example roundMean(0.123456) // 0.1235 */
export function roundMean(value: number): number {
  const factor = 10 ** MEAN_DECIMALS;
  return Math.round(value * factor) / factor;
}
