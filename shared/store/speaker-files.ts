import * as z from 'zod/mini';
import { compareText } from '../compare-text.ts';
import type { Report } from '../report-schema.ts';
import type { AnalysedArticleEntry } from './article-entry.ts';
import { INDEX_SCHEMA_VERSION } from './article-pages.ts';
import { speakerIdOf } from './speaker-id.ts';
import {
  addTally,
  emptyTally,
  meanOf,
  type PackedTally,
  PackedTallySchema,
  packTally,
  type Tally,
  TallySchema,
  unpackTally,
} from './tally.ts';

// Per-speaker files. index/speakers/<id>.json is the speaker's head: figures, a per-day series,
// the name forms seen and the latest quotes. Every quote lives in the speaker's day file,
// index/speakers/<id>/<partition>.json, one per day they were quoted, so an update touches only
// the days of the articles it changed, however much the speaker has said over the years.
// index/speaker-list.json lists the SPEAKER_LIST_LIMIT most quoted speakers.

// The speaker list carries the most quoted speakers only: enough for a table and a picker.
export const SPEAKER_LIST_LIMIT = 200;
// The head's reel and each list row's reel.
export const HEAD_LATEST_QUOTES = 1;
export const ROW_LATEST_QUOTES = 1;
// Name forms kept per speaker ("Anna Smith", "Smith", "the minister").
const MAX_NAME_FORMS = 20;
// Roles kept per speaker, most recent first: enough to show what someone was, then is.
export const MAX_ROLES = 10;
// Long enough for any real quote; a runaway one does not bloat every file it appears in.
export const QUOTE_TEXT_CHARS = 1000;
// A reel quote (head and list) is a teaser linking to its article: a line or two is enough, and
// every batch that quotes the speaker rewrites it.
export const REEL_TEXT_CHARS = 200;

const LabelSchema = z.enum(['positive', 'negative', 'neutral', 'mixed']);
// A quote's top contributors kept in the speaker files: the speaker page shows them without
// loading every article's report.
export const QUOTE_DRIVERS = 3;

const DriverSchema = z.object({ text: z.string(), weight: z.number(), rules: z.array(z.string()) });

export const SpeakerQuoteSchema = z.object({
  articleId: z.string(),
  quoteId: z.string(),
  // At most QUOTE_TEXT_CHARS characters, ending in "…" when cut.
  text: z.string(),
  label: LabelSchema,
  score: z.number().check(z.minimum(-1), z.maximum(1)),
  // The article's partition day (published, or analysed when undated).
  day: z.string(),
  undated: z.boolean(),
  title: z.nullable(z.string()),
  // How the article named the speaker here.
  mention: z.nullable(z.string()),
  analyzedAt: z.iso.datetime(),
  // How sure the attribution is (the report's speaker.confidence); absent in files written before.
  confidence: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  // The words that moved the score most (the report's tone.explanation), strongest first.
  drivers: z.optional(z.array(DriverSchema)),
  // The speaker's role as this article gives it ("finance minister"); absent when it gives none.
  role: z.optional(z.string()),
});

export const SpeakerDaySchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  speakerId: z.string(),
  partition: z.string(),
  day: z.string(),
  undated: z.boolean(),
  rev: z.int().check(z.minimum(0)),
  tally: TallySchema,
  // Newest article first, each article's quotes in text order.
  quotes: z.array(SpeakerQuoteSchema),
});

// One month of a speaker's series. Months, not days, so the head stays small however long the
// speaker has been quoted; the days with quotes name the day files to read for that month. A row
// is a bare array, its tallies packed (packTally): every batch that quotes the speaker rewrites the
// head, and a year of rows as objects was a third of its bytes. One order, read by monthOf here and
// by the dashboard's data layer (dashboard/js/store-client.js):
// [month (YYYY-MM), tally, days, undatedDays] and, when some quotes are from undated articles,
// their share of the tally, so a chart can leave them off its time axis. `days` and `undatedDays`
// are the days with quotes from dated and from undated articles as bit masks: bit d-1 set for day
// d (daysOfMask). A month of daily quotes is 10 characters instead of 90.
const DaysMaskSchema = z.int().check(z.minimum(0));
const MonthTupleSchema = z.tuple([z.string(), PackedTallySchema, DaysMaskSchema, DaysMaskSchema]);
const UndatedMonthTupleSchema = z.tuple([
  z.string(),
  PackedTallySchema,
  DaysMaskSchema,
  DaysMaskSchema,
  PackedTallySchema,
]);
// Rows as heads wrote them before: read, and written back as arrays with the next change.
const MonthObjectSchema = z.object({
  month: z.string(),
  tally: PackedTallySchema,
  days: DaysMaskSchema,
  undatedDays: DaysMaskSchema,
  undated: z.optional(PackedTallySchema),
});
export const SpeakerMonthSchema = z.union([MonthTupleSchema, UndatedMonthTupleSchema, MonthObjectSchema]);

/** A month row by name, whichever form it was stored in. */
export interface SpeakerMonthFields {
  month: string;
  tally: PackedTally;
  days: number;
  undatedDays: number;
  undated?: PackedTally;
}

/** @example monthOf(['2026-11', tally, 6, 0]).days // 6 (days 2 and 3) */
export function monthOf(row: SpeakerMonth): SpeakerMonthFields {
  if (!Array.isArray(row)) return row;
  const [month, tally, days, undatedDays, undated] = row;
  return { month, tally, days, undatedDays, ...(undated ? { undated } : {}) };
}

/** A month row as stored (see SpeakerMonthSchema). */
export function monthRow(fields: SpeakerMonthFields): SpeakerMonth {
  const { month, tally, days, undatedDays, undated } = fields;
  return undated ? [month, tally, days, undatedDays, undated] : [month, tally, days, undatedDays];
}

// A quote in a list row's reel: what the speakers table shows and links to.
export const RowQuoteSchema = z.object({
  articleId: z.string(),
  quoteId: z.string(),
  // At most REEL_TEXT_CHARS characters, ending in "…" when cut.
  text: z.string(),
  label: LabelSchema,
  score: z.number().check(z.minimum(-1), z.maximum(1)),
});

// A quote in the head's reel: a row quote and what orders it (newestQuoteFirst).
export const ReelQuoteSchema = z.object({
  ...RowQuoteSchema.shape,
  day: z.string(),
  analyzedAt: z.iso.datetime(),
});

export const SpeakerHeadSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  id: z.string(),
  // The name as last seen in a report.
  name: z.string(),
  names: z.array(z.string()),
  // Roles the articles gave the speaker, most recent article first, at most MAX_ROLES.
  roles: z.array(z.string()),
  rev: z.int().check(z.minimum(0)),
  tally: TallySchema,
  meanScore: z.nullable(z.number()),
  // The series, newest month first.
  months: z.array(SpeakerMonthSchema),
  latest: z.array(ReelQuoteSchema),
});

export const SpeakerRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  // The head's rev this row was copied from.
  rev: z.int().check(z.minimum(0)),
  tally: TallySchema,
  meanScore: z.nullable(z.number()),
  latest: z.array(RowQuoteSchema),
});

export const SpeakerListSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  rev: z.int().check(z.minimum(0)),
  limit: z.int(),
  // Speakers with at least one quote in the store (the list shows the `limit` most quoted).
  speakers: z.int().check(z.minimum(0)),
  // Most quoted first, then by name.
  rows: z.array(SpeakerRowSchema),
});

export type SpeakerQuote = z.infer<typeof SpeakerQuoteSchema>;
export type SpeakerDay = z.infer<typeof SpeakerDaySchema>;
export type SpeakerMonth = z.infer<typeof SpeakerMonthSchema>;
export type ReelQuote = z.infer<typeof ReelQuoteSchema>;
export type SpeakerHead = z.infer<typeof SpeakerHeadSchema>;
export type SpeakerRow = z.infer<typeof SpeakerRowSchema>;
export type SpeakerList = z.infer<typeof SpeakerListSchema>;

/** One article's quotes of one speaker. */
export interface ArticleSpeakerQuotes {
  name: string;
  mentions: string[];
  /** Roles the article gives the speaker, in text order, each once. */
  roles: string[];
  quotes: SpeakerQuote[];
}

/**
 * An analysed article's attributed quotes, grouped by speaker id (speakerIdOf), in text order.
 *
 * @example speakerQuotesOf(report, entry).get('anna-smith-3f1c9a2b')?.quotes.length // 2
 */
export function speakerQuotesOf(
  report: Report,
  entry: AnalysedArticleEntry,
): Map<string, ArticleSpeakerQuotes> {
  const bySpeaker = new Map<string, ArticleSpeakerQuotes>();
  // A republished story's statements already count under the first article.
  if (report.article.duplicateOf) return bySpeaker;
  for (const quote of report.quotes) {
    // Quoted words inside a reported clause are the clause's statement: counted once, with it.
    if (quote.within) continue;
    const id = speakerIdOf(quote.speaker);
    if (id === null || quote.speaker.name === null) continue;
    const group = bySpeaker.get(id) ?? { name: quote.speaker.name, mentions: [], roles: [], quotes: [] };
    const mention = quote.speaker.mention;
    if (mention && !group.mentions.includes(mention)) group.mentions.push(mention);
    const role = quote.speaker.role?.trim() || undefined;
    if (role && !group.roles.includes(role)) group.roles.push(role);
    group.quotes.push({
      articleId: entry.id,
      quoteId: quote.id,
      text: excerpt(quote.text),
      label: quote.tone.label,
      score: quote.tone.score,
      day: entry.day,
      undated: entry.undated,
      title: entry.title,
      mention,
      analyzedAt: entry.analyzedAt,
      confidence: quote.speaker.confidence,
      drivers: topDrivers(quote.tone.explanation),
      ...(role ? { role } : {}),
    });
    bySpeaker.set(id, group);
  }
  return bySpeaker;
}

export function emptySpeakerDay(
  speakerId: string,
  partition: string,
  day: string,
  undated: boolean,
): SpeakerDay {
  return {
    schemaVersion: INDEX_SCHEMA_VERSION,
    speakerId,
    partition,
    day,
    undated,
    rev: 0,
    tally: emptyTally(),
    quotes: [],
  };
}

/**
 * The day file with the quotes of articles `remove` taken out and `add` put in, its tally moved by
 * exactly those quotes. Idempotent (apart from rev).
 */
export function withDayChanges(
  file: SpeakerDay,
  remove: ReadonlySet<string>,
  add: readonly SpeakerQuote[],
): SpeakerDay {
  const leaving = new Set([...remove, ...add.map((quote) => quote.articleId)]);
  const kept = file.quotes.filter((quote) => !leaving.has(quote.articleId));
  const gone = file.quotes.filter((quote) => leaving.has(quote.articleId));
  const tally = addTally(addTally(file.tally, tallyOfQuotes(gone), -1), tallyOfQuotes(add));
  return { ...file, rev: file.rev + 1, tally, quotes: [...kept, ...add].sort(newestQuoteFirst) };
}

/** One day file's change, as its write left it: the tally before and after, and its newest quotes. */
export interface DayTallyChange {
  partition: string;
  day: string;
  undated: boolean;
  before: Tally;
  after: Tally;
  newest: readonly SpeakerQuote[];
}

/** What one speaker's head gets from a batch: day changes, names, the day files' newest quotes. */
export interface HeadChange {
  name: string;
  /** The batch saw the speaker quoted (so `name` is how they are named now), not only removed. */
  quoted: boolean;
  mentions: readonly string[];
  /** Roles seen in this change, most recent first (rolesOf): they go before the roles already known. */
  roles?: readonly string[];
  /** Articles whose quotes changed: their old quotes leave the reel. */
  changedArticles: ReadonlySet<string>;
  days: readonly DayTallyChange[];
}

/**
 * The head moved by each day file's change (after minus before: changes from concurrent batches
 * commute, whatever order they arrive in), its month series and reel refreshed. Also says whether
 * the speaker started or stopped having quotes, for the list's speaker count.
 */
export function withHeadChange(
  head: SpeakerHead,
  change: HeadChange,
): { head: SpeakerHead; joined: -1 | 0 | 1 } {
  interface MonthRow {
    month: string;
    tally: Tally;
    days: number[];
    undatedDays: number[];
    undated?: Tally;
  }
  const months = new Map<string, MonthRow>(
    head.months.map(monthOf).map((row) => [
      row.month,
      {
        month: row.month,
        tally: unpackTally(row.tally),
        days: daysOfMask(row.days),
        undatedDays: daysOfMask(row.undatedDays),
        ...(row.undated ? { undated: unpackTally(row.undated) } : {}),
      },
    ]),
  );
  let tally = head.tally;
  const fresh: ReelQuote[] = [];
  for (const day of change.days) {
    tally = addTally(addTally(tally, day.before, -1), day.after);
    const month = day.day.slice(0, 7);
    const row: MonthRow = months.get(month) ?? { month, tally: emptyTally(), days: [], undatedDays: [] };
    row.tally = addTally(addTally(row.tally, day.before, -1), day.after);
    if (day.undated) row.undated = addTally(addTally(row.undated ?? emptyTally(), day.before, -1), day.after);
    const list = day.undated ? row.undatedDays : row.days;
    const date = Number(day.day.slice(8, 10));
    const at = list.indexOf(date);
    if (day.after.quotes > 0 && at < 0) list.push(date);
    if (day.after.quotes === 0 && at >= 0) list.splice(at, 1);
    list.sort((a, b) => a - b);
    if (row.tally.quotes > 0) months.set(month, row);
    else months.delete(month);
    fresh.push(...day.newest.map(reelQuoteOf));
  }
  const latest = [...head.latest.filter((quote) => !change.changedArticles.has(quote.articleId)), ...fresh]
    .sort(newestQuoteFirst)
    .filter(uniqueQuote())
    .slice(0, HEAD_LATEST_QUOTES);
  const names = [...head.names];
  for (const form of change.quoted ? [change.name, ...change.mentions] : []) {
    if (names.length < MAX_NAME_FORMS && !names.includes(form)) names.push(form);
  }
  const roles = [...new Set([...(change.roles ?? []), ...head.roles])].slice(0, MAX_ROLES);
  const next: SpeakerHead = {
    ...head,
    name: change.quoted || !head.name ? change.name : head.name,
    names,
    roles,
    rev: head.rev + 1,
    tally,
    meanScore: meanOf(tally),
    months: [...months.values()]
      .sort((a, b) => compareText(b.month, a.month))
      .map(({ month, tally, undated, days, undatedDays }) =>
        monthRow({
          month,
          tally: packTally(tally),
          days: maskOfDays(days),
          undatedDays: maskOfDays(undatedDays),
          ...(undated ? { undated: packTally(undated) } : {}),
        }),
      ),
    latest,
  };
  const had = head.tally.quotes > 0;
  const has = tally.quotes > 0;
  return { head: next, joined: had === has ? 0 : has ? 1 : -1 };
}

export function emptySpeakerHead(id: string, name: string): SpeakerHead {
  return {
    schemaVersion: INDEX_SCHEMA_VERSION,
    id,
    name,
    names: [],
    roles: [],
    rev: 0,
    tally: emptyTally(),
    meanScore: null,
    months: [],
    latest: [],
  };
}

/** The list row of a head. */
export function rowOf(head: SpeakerHead): SpeakerRow {
  return {
    id: head.id,
    name: head.name,
    rev: head.rev,
    tally: head.tally,
    meanScore: head.meanScore,
    latest: head.latest
      .slice(0, ROW_LATEST_QUOTES)
      .map(({ articleId, quoteId, text, label, score }) => ({ articleId, quoteId, text, label, score })),
  };
}

/** @example maskOfDays([1, 3]) // 5 */
export function maskOfDays(days: readonly number[]): number {
  return days.reduce((mask, day) => mask + 2 ** (day - 1), 0);
}

/** The days (1-31) of a month's bit mask, in order. @example daysOfMask(5) // [1, 3] */
export function daysOfMask(mask: number): number[] {
  const days: number[] = [];
  for (let day = 1; day <= 31; day++) if ((mask >>> (day - 1)) & 1) days.push(day);
  return days;
}

/** A day-file quote as the head's reel keeps it. */
export function reelQuoteOf(quote: SpeakerQuote | ReelQuote): ReelQuote {
  const { articleId, quoteId, label, score, day, analyzedAt } = quote;
  return { articleId, quoteId, text: excerpt(quote.text, REEL_TEXT_CHARS), label, score, day, analyzedAt };
}

export function emptySpeakerList(): SpeakerList {
  return { schemaVersion: INDEX_SCHEMA_VERSION, rev: 0, limit: SPEAKER_LIST_LIMIT, speakers: 0, rows: [] };
}

/**
 * The list with these rows in place (each only if newer than the listed row; a speaker without
 * quotes leaves), the speaker count moved by `joined`, sorted and cut to the limit. A speaker
 * outside the list enters it when their figures next change; `quote-tone reindex` rebuilds it
 * exactly. Null when nothing changed.
 */
export function withRows(list: SpeakerList, rows: readonly SpeakerRow[], joined: number): SpeakerList | null {
  const byId = new Map(list.rows.map((row) => [row.id, row]));
  let changed = joined !== 0;
  for (const row of rows) {
    const previous = byId.get(row.id);
    if (previous && previous.rev >= row.rev) continue;
    if (row.tally.quotes === 0) byId.delete(row.id);
    else byId.set(row.id, row);
    changed = true;
  }
  if (!changed) return null;
  const sorted = [...byId.values()].sort(
    (a, b) => b.tally.quotes - a.tally.quotes || compareText(a.name, b.name) || compareText(a.id, b.id),
  );
  return {
    ...list,
    rev: list.rev + 1,
    speakers: Math.max(0, list.speakers + joined, sorted.length),
    rows: sorted.slice(0, list.limit),
  };
}

/**
 * The distinct roles of these quotes, most recent first (newestQuoteFirst).
 *
 * @example rolesOf(dayFile.quotes) // ['finance minister', 'party leader']
 */
export function rolesOf(quotes: readonly SpeakerQuote[]): string[] {
  const roles: string[] = [];
  for (const quote of [...quotes].sort(newestQuoteFirst)) {
    if (quote.role && !roles.includes(quote.role)) roles.push(quote.role);
  }
  return roles;
}

function tallyOfQuotes(quotes: readonly SpeakerQuote[]): Tally {
  const tally = emptyTally();
  const articles = new Set<string>();
  for (const quote of quotes) {
    articles.add(quote.articleId);
    tally.quotes += 1;
    tally.scoreSum += quote.score;
    tally.labels[quote.label] += 1;
  }
  tally.articles = articles.size;
  return tally;
}

/** Newest day first, then newest analysis, then article id; an article's quotes keep text order. */
export function newestQuoteFirst(
  a: Pick<SpeakerQuote, 'day' | 'analyzedAt' | 'articleId'>,
  b: Pick<SpeakerQuote, 'day' | 'analyzedAt' | 'articleId'>,
): number {
  if (a.day !== b.day) return a.day < b.day ? 1 : -1;
  if (a.analyzedAt !== b.analyzedAt) return a.analyzedAt < b.analyzedAt ? 1 : -1;
  return compareText(a.articleId, b.articleId);
}

function uniqueQuote(): (quote: ReelQuote) => boolean {
  const seen = new Set<string>();
  return (quote) => {
    const key = `${quote.articleId}\u0000${quote.quoteId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}

/** The QUOTE_DRIVERS words with the largest weight, strongest first, weights to 3 decimals. */
function topDrivers(
  explanation: Report['quotes'][number]['tone']['explanation'],
): { text: string; weight: number; rules: string[] }[] {
  return [...explanation]
    .filter((word) => word.weight !== 0)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.start - b.start)
    .slice(0, QUOTE_DRIVERS)
    .map((word) => ({ text: word.text, weight: Math.round(word.weight * 1000) / 1000, rules: word.rules }));
}

function excerpt(text: string, limit = QUOTE_TEXT_CHARS): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
