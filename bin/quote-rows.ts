import * as z from 'zod/mini';
import type { ObjectStore } from '../functions/lib/object-store.ts';
import { REPORTS_PREFIX } from '../shared/store/layout.ts';
import { csvField } from './csv.ts';

// Quote-level reading for `report --quotes`. The rows come from the reports under reports/ for
// now; the store is gaining per-speaker files under index/speakers/, and `readQuotes` is the one
// place to switch to them.

/** One quoted statement, flat, as the CLI lists it. */
export interface QuoteRow {
  /** The article's publication day (YYYY-MM-DD) when it states a readable one, else its analysis day. */
  date: string;
  dated: 'published' | 'analysed';
  speaker: string | null;
  articleId: string;
  title: string | null;
  quoteId: string;
  kind: 'direct' | 'indirect';
  label: string;
  score: number;
  text: string;
}

export interface QuoteFilter {
  /** Case-insensitive; part of a name is enough. */
  speaker?: string;
  /** YYYY-MM-DD; statements dated before it are left out. */
  since?: string;
}

// Only the fields listed here are read, so reports written before or after a schema change that
// leaves them alone still list (the full report schema is the analyser's contract, not this one).
const ReportQuotesSchema = z.object({
  article: z.object({
    id: z.string(),
    duplicateOf: z.optional(z.string()),
    title: z.optional(z.string()),
    metadata: z.optional(z.object({ publishedAt: z.optional(z.string()) })),
  }),
  analyzedAt: z.string(),
  quotes: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      kind: z.enum(['direct', 'indirect']),
      speaker: z.object({ name: z.nullable(z.string()) }),
      tone: z.object({ label: z.string(), score: z.number() }),
    }),
  ),
});
type ReportQuotes = z.infer<typeof ReportQuotesSchema>;

// Reads several reports at once: enough to hide S3 latency, few enough for the embedded server.
const READ_CONCURRENCY = 8;

/**
 * Every statement in the store that passes the filter, newest first. A republished copy's
 * statements (its report says `duplicateOf` another article) are left out and counted in
 * `copies`, so figures count a story once, as the index and the dashboard do. Reports that cannot
 * be read as reports are named in `unreadable`, not fatal.
 *
 * @example
 * const { rows } = await readQuotes(store, 'quote-tone-results', { speaker: 'smith' })
 */
export async function readQuotes(
  store: ObjectStore,
  bucket: string,
  filter: QuoteFilter,
): Promise<{ rows: QuoteRow[]; unreadable: string[]; copies: number }> {
  const keys: string[] = [];
  for await (const key of store.list(bucket, REPORTS_PREFIX)) if (key.endsWith('.json')) keys.push(key);
  const rows: QuoteRow[] = [];
  const unreadable: string[] = [];
  let copies = 0;
  const queue = [...keys];
  const worker = async () => {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      const stored = await store.get(bucket, key);
      if (!stored) continue; // removed since it was listed
      const parsed = parseReport(stored.body);
      if (!parsed) {
        unreadable.push(key);
        continue;
      }
      const matching = quoteRows(parsed).filter((row) => matches(row, filter));
      if (parsed.article.duplicateOf) copies += matching.length;
      else rows.push(...matching);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  return { rows: rows.sort(newestFirst), unreadable: unreadable.sort(), copies };
}

/** @example quoteRows(report)[0].speaker // 'Anna Smith' */
export function quoteRows(report: ReportQuotes): QuoteRow[] {
  const published = publicationDay(report.article.metadata?.publishedAt);
  return report.quotes.map((quote) => ({
    date: published ?? report.analyzedAt.slice(0, 10),
    dated: published ? 'published' : 'analysed',
    speaker: quote.speaker.name,
    articleId: report.article.id,
    title: report.article.title ?? null,
    quoteId: quote.id,
    kind: quote.kind,
    label: quote.tone.label,
    score: quote.tone.score,
    text: quote.text,
  }));
}

function parseReport(body: Uint8Array): ReportQuotes | null {
  try {
    const result = ReportQuotesSchema.safeParse(JSON.parse(Buffer.from(body).toString('utf8')));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

function matches(row: QuoteRow, filter: QuoteFilter): boolean {
  if (filter.since && row.date < filter.since) return false;
  if (filter.speaker === undefined) return true;
  return row.speaker?.toLowerCase().includes(filter.speaker.toLowerCase()) ?? false;
}

function newestFirst(a: QuoteRow, b: QuoteRow): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.articleId !== b.articleId) return a.articleId < b.articleId ? -1 : 1;
  return a.quoteId.localeCompare(b.quoteId, 'en', { numeric: true });
}

// Bylines write dates many ways ("2026-11-28T09:00Z", "November 20, 2019 - 11:28 AMT"): the day is
// taken from an ISO date, or from a leading "Month D, YYYY", when the whole string does not parse.
const ISO_DAY = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const MONTH_DAY_YEAR = /^[A-Z][a-z]+\.? \d{1,2},? \d{4}/;

/** @example publicationDay('November 20, 2019 - 11:28 AMT') // '2019-11-20' */
export function publicationDay(raw: string | undefined): string | null {
  if (!raw) return null;
  const iso = ISO_DAY.exec(raw);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const lead = MONTH_DAY_YEAR.exec(raw)?.[0] ?? raw;
  const time = Date.parse(`${lead} UTC`);
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString().slice(0, 10);
}

// Column widths for a 100-column terminal; the statement takes what is left.
const DATE_WIDTH = 10;
const SPEAKER_WIDTH = 20;
const LABEL_WIDTH = 8;
const SCORE_WIDTH = 6;
const ARTICLE_WIDTH = 24;
const TEXT_WIDTH = 60;

/** A readable table: one statement per row, then a count (and the speaker's mean tone). */
export function formatQuoteTable(rows: QuoteRow[]): string {
  if (rows.length === 0) return 'No statements match.';
  const header = [
    pad('DATE', DATE_WIDTH),
    pad('SPEAKER', SPEAKER_WIDTH),
    pad('LABEL', LABEL_WIDTH),
    'SCORE'.padStart(SCORE_WIDTH),
    pad('ARTICLE', ARTICLE_WIDTH),
    'STATEMENT (" direct, ~ reported)',
  ].join(' ');
  const lines = rows.map((row) =>
    [
      pad(row.date, DATE_WIDTH),
      pad(row.speaker ?? '(unknown)', SPEAKER_WIDTH),
      pad(row.label, LABEL_WIDTH),
      signed(row.score).padStart(SCORE_WIDTH),
      pad(row.title ?? row.articleId, ARTICLE_WIDTH),
      `${row.kind === 'indirect' ? '~' : '"'}${truncate(row.text, TEXT_WIDTH)}`,
    ].join(' '),
  );
  const mean = rows.reduce((sum, row) => sum + row.score, 0) / rows.length;
  const articles = new Set(rows.map((row) => row.articleId)).size;
  return [
    header,
    ...lines,
    '',
    `${rows.length} statement${rows.length === 1 ? '' : 's'} in ${articles} article${articles === 1 ? '' : 's'}, mean tone ${signed(mean)}`,
  ].join('\n');
}

/** @example formatQuoteCsv(rows).split('\r\n')[0] // 'date,speaker,article_id,…' */
export function formatQuoteCsv(rows: QuoteRow[]): string {
  const header = [
    'date',
    'dated',
    'speaker',
    'article_id',
    'title',
    'quote_id',
    'kind',
    'label',
    'score',
    'text',
  ];
  const lines = rows.map((row) => [
    row.date,
    row.dated,
    row.speaker ?? '',
    row.articleId,
    row.title ?? '',
    row.quoteId,
    row.kind,
    row.label,
    String(row.score),
    row.text,
  ]);
  return [header, ...lines].map((line) => `${line.map(csvField).join(',')}\r\n`).join('');
}

function signed(score: number): string {
  return `${score >= 0 ? '+' : ''}${score.toFixed(2)}`;
}

function pad(text: string, width: number): string {
  return truncate(text, width).padEnd(width);
}

function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}
