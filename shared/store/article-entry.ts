import * as z from 'zod/mini';
import { compareText } from '../compare-text.ts';
import { LabelCountsSchema, type Report } from '../report-schema.ts';
import type { ErrorRecord } from './error-record.ts';
import { partitionId } from './layout.ts';
import { speakerIdOf } from './speaker-id.ts';

// One article's line in the index: what the article list shows and what its figures add to the
// totals. Entries live in partition pages (index/articles/<partition>/<page>.json), one partition
// per day; the article's locator (index/by-article/<id>.json) keeps its footprint, so update-index
// knows what to take out when the article changes, without reading anything else.

// A list row has room for a few names; the rest are one click away in the article view.
export const MAIN_SPEAKERS = 3;
// Enough of a quote to find it by a phrase; a page of 500 articles stays well under a megabyte.
export const SNIPPET_CHARS = 300;
// Means are written with four decimals: finer digits are noise, and the files stay readable.
const MEAN_DECIMALS = 4;
// Publication days outside this range are typos or parse accidents, not news.
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;

export { LabelCountsSchema };
export type LabelCounts = z.infer<typeof LabelCountsSchema>;

/** A calendar day, YYYY-MM-DD. */
export const DaySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

// A speaker's label counts in an entry, packed as [positive, negative, neutral, mixed]: a page
// rewritten by a bulk drop is mostly its entries' speakers, and the four names were a quarter of
// each. Read by labelsOf here and by the dashboard's data layer (dashboard/js/store-client.js).
const count = () => z.int().check(z.minimum(0));
export const PackedLabelsSchema = z.tuple([count(), count(), count(), count()]);
export type PackedLabels = z.infer<typeof PackedLabelsSchema>;

/** One speaker's share of one article: summed into the speaker's file. */
export const ArticleSpeakerSchema = z.object({
  id: z.string(),
  name: z.string(),
  quotes: z.int().check(z.minimum(1)),
  meanScore: z.number().check(z.minimum(-1), z.maximum(1)),
  // Packed; pages written before hold the counts by name.
  labels: z.union([PackedLabelsSchema, LabelCountsSchema]),
});

/** @example labelsOf([1, 0, 2, 0]).neutral // 2 */
export function labelsOf(labels: PackedLabels | LabelCounts): LabelCounts {
  if (!Array.isArray(labels)) return labels;
  const [positive, negative, neutral, mixed] = labels;
  return { positive, negative, neutral, mixed };
}

/** @example packLabels({ positive: 1, negative: 0, neutral: 2, mixed: 0 }) // [1, 0, 2, 0] */
export function packLabels(labels: LabelCounts): PackedLabels {
  return [labels.positive, labels.negative, labels.neutral, labels.mixed];
}

const placement = {
  // The partition's day: the publication day (UTC) when the article gives a readable date,
  // otherwise the day it was analysed, with `undated` set.
  day: DaySchema,
  undated: z.boolean(),
};

export const AnalysedArticleEntrySchema = z.object({
  id: z.string(),
  status: z.literal('analysed'),
  // null when the article has no title line or title field.
  title: z.nullable(z.string()),
  sourceKey: z.string(),
  analyzedAt: z.iso.datetime(),
  // The article's own date string, as it wrote it; null when it has none.
  publishedAt: z.nullable(z.string()),
  ...placement,
  quotes: z.int().check(z.minimum(0)),
  labels: LabelCountsSchema,
  // null when the article has no quotes.
  meanScore: z.nullable(z.number().check(z.minimum(-1), z.maximum(1))),
  // The MAIN_SPEAKERS speakers with the most quotes, most first: in pages written before only;
  // mainSpeakersOf reads them off `speakers`, which are in that order.
  mainSpeakers: z.optional(z.array(z.string())),
  speakers: z.array(ArticleSpeakerSchema),
  // The first article with the same cleaned text (a republished story): its quotes count once,
  // under the first article, in every speaker's figures.
  duplicateOf: z.optional(z.string()),
  // The quotes' text, each cut to SNIPPET_CHARS, so the dashboard searches inside quotes over the
  // pages it loaded. Absent in pages written before.
  snippets: z.optional(z.array(z.string())),
});

export const FailedArticleEntrySchema = z.object({
  id: z.string(),
  status: z.literal('failed'),
  // Failed articles were never cleaned, so they have no title.
  title: z.null(),
  sourceKey: z.string(),
  // When the analysis failed; named like the analysed entries' field so lists sort as one.
  analyzedAt: z.iso.datetime(),
  ...placement,
  code: z.string(),
  reason: z.string(),
});

export const ArticleEntrySchema = z.discriminatedUnion('status', [
  AnalysedArticleEntrySchema,
  FailedArticleEntrySchema,
]);

export type ArticleSpeaker = z.infer<typeof ArticleSpeakerSchema>;
export type AnalysedArticleEntry = z.infer<typeof AnalysedArticleEntrySchema>;
export type FailedArticleEntry = z.infer<typeof FailedArticleEntrySchema>;
export type ArticleEntry = z.infer<typeof ArticleEntrySchema>;

/**
 * The publication day (YYYY-MM-DD, UTC) of a date string, or null when it is not a readable date
 * in a plausible year.
 *
 * @example publishedDay('Fri, 27 Nov 2026 18:00:00 GMT') // '2026-11-27'
 * @example publishedDay('November 20, 2019 - 11:28 AMT') // '2019-11-20'
 * @example publishedDay('last Tuesday') // null
 */
export function publishedDay(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // A bare day is a calendar day, not midnight UTC shifted by the reader's zone.
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  let date = new Date(bare ? `${raw.trim()}T00:00:00Z` : raw);
  // "November 20, 2019 - 11:28 AMT", "20 November 2019, 11:28": the calendar day in the string,
  // when the whole string is not one the Date parser reads.
  if (Number.isNaN(date.getTime())) date = new Date(`${calendarDay(raw) ?? ''}T00:00:00Z`);
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const year = date.getUTCFullYear();
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return null;
  return date.toISOString().slice(0, 10);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_FIRST = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;
const DAY_FIRST = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/i;

/** The YYYY-MM-DD of a written-out date inside a longer string, or null. */
function calendarDay(raw: string): string | null {
  const monthFirst = MONTH_FIRST.exec(raw);
  const dayFirst = monthFirst ? null : DAY_FIRST.exec(raw);
  const [monthName, dayText, year] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1], dayFirst[3]]
      : [];
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase()) + 1;
  const day = Number(dayText);
  if (month === 0 || !year || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** @example entryPartition(entry) // '2026-11-28' or 'undated-2026-11-28' */
export function entryPartition(entry: Pick<ArticleEntry, 'day' | 'undated'>): string {
  return partitionId(entry.day, entry.undated);
}

/**
 * The index entry of an analysed article. Speakers are grouped by speakerIdOf, from the quotes
 * themselves, so the entry and the speaker files agree on who said what.
 *
 * @example
 * mainSpeakersOf(entryFromReport(report)) // ['Anna Smith']
 */
export function entryFromReport(report: Report): AnalysedArticleEntry {
  const bySpeaker = new Map<string, { name: string; quotes: number; sum: number; labels: LabelCounts }>();
  for (const quote of report.quotes) {
    // Quoted words inside a reported clause are the clause's statement: counted once, with it.
    if (quote.within) continue;
    const id = speakerIdOf(quote.speaker);
    if (id === null || quote.speaker.name === null) continue;
    const total = bySpeaker.get(id) ?? { name: quote.speaker.name, quotes: 0, sum: 0, labels: zeroLabels() };
    total.quotes += 1;
    total.sum += quote.tone.score;
    total.labels[quote.tone.label] += 1;
    bySpeaker.set(id, total);
  }
  const speakers = [...bySpeaker]
    .map(
      ([id, total]): ArticleSpeaker => ({
        id,
        name: total.name,
        quotes: total.quotes,
        meanScore: clampMean(roundMean(total.sum / total.quotes)),
        labels: packLabels(total.labels),
      }),
    )
    .sort((a, b) => b.quotes - a.quotes || compareText(a.name, b.name));
  const published = report.article.metadata.publishedAt ?? null;
  const day = publishedDay(published);
  return {
    id: report.article.id,
    status: 'analysed',
    title: report.article.title ?? null,
    sourceKey: report.article.source.key,
    analyzedAt: report.analyzedAt,
    publishedAt: published,
    day: day ?? report.analyzedAt.slice(0, 10),
    undated: day === null,
    quotes: report.summary.quotes,
    labels: { ...report.summary.labels },
    meanScore: report.summary.meanScore === null ? null : clampMean(roundMean(report.summary.meanScore)),
    speakers,
    ...(report.article.duplicateOf ? { duplicateOf: report.article.duplicateOf } : {}),
    snippets: report.quotes.map((quote) => quote.text.slice(0, SNIPPET_CHARS)),
  };
}

/**
 * The names of the entry's MAIN_SPEAKERS most quoted speakers, most first.
 *
 * @example mainSpeakersOf(entry) // ['Anna Smith', 'Omar Haddad']
 */
export function mainSpeakersOf(entry: AnalysedArticleEntry): string[] {
  return entry.speakers.slice(0, MAIN_SPEAKERS).map((speaker) => speaker.name);
}

/** An entry as a person reads it (`quote-tone report --format json`): labels by name, main speakers. */
export type ReadableEntry =
  | FailedArticleEntry
  | (Omit<AnalysedArticleEntry, 'speakers'> & {
      mainSpeakers: string[];
      speakers: (Omit<ArticleSpeaker, 'labels'> & { labels: LabelCounts })[];
    });

/**
 * The entry with what the page packs spelled out: each speaker's label counts by name, and the
 * main speakers (mainSpeakersOf).
 *
 * @example readableEntry(entry).speakers[0].labels // { positive: 2, negative: 0, neutral: 0, mixed: 0 }
 */
export function readableEntry(entry: ArticleEntry): ReadableEntry {
  if (entry.status !== 'analysed') return entry;
  return {
    ...entry,
    mainSpeakers: mainSpeakersOf(entry),
    speakers: entry.speakers.map((speaker) => ({ ...speaker, labels: labelsOf(speaker.labels) })),
  };
}

/**
 * The index entry of an article that was refused or failed: shown as failed, with its reason, on
 * the day it failed.
 *
 * @example
 * entryFromError(record).status // 'failed'
 */
export function entryFromError(record: ErrorRecord): FailedArticleEntry {
  return {
    id: record.articleId,
    status: 'failed',
    title: null,
    sourceKey: record.source.key,
    analyzedAt: record.failedAt,
    day: record.failedAt.slice(0, 10),
    undated: true,
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
 * of its report and error record, or null when both are gone (its source was deleted).
 *
 * @example
 * currentEntry({ report, error: null })?.status // 'analysed'
 */
export function currentEntry(results: ArticleResults): ArticleEntry | null {
  const { report, error } = results;
  if (report && error) {
    return error.failedAt > report.analyzedAt ? entryFromError(error) : entryFromReport(report);
  }
  if (report) return entryFromReport(report);
  if (error) return entryFromError(error);
  return null;
}

/** Newest first (by analyzedAt, then id): the order of every list of entries. */
export function newestFirst(a: ArticleEntry, b: ArticleEntry): number {
  if (a.analyzedAt !== b.analyzedAt) return a.analyzedAt < b.analyzedAt ? 1 : -1;
  return compareText(a.id, b.id);
}

/** @example roundMean(0.123456) // 0.1235 */
export function roundMean(value: number): number {
  const factor = 10 ** MEAN_DECIMALS;
  return Math.round(value * factor) / factor;
}

// Rounded means can sum a hair past ±1.
export function clampMean(value: number): number {
  return Math.min(1, Math.max(-1, value));
}

export function zeroLabels(): LabelCounts {
  return { positive: 0, negative: 0, neutral: 0, mixed: 0 };
}
