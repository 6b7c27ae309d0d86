import { parseArgs } from 'node:util';
import { readAllEntries } from '../../functions/lib/index-reader.ts';
import type { ObjectStore } from '../../functions/lib/object-store.ts';
import { LOCAL_ADDRESS, LOCAL_RESULTS_BUCKET, LOCAL_S3_PORT } from '../../functions/local/pipeline.ts';
import { type ArticleEntry, mainSpeakersOf, readableEntry } from '../../shared/store/article-entry.ts';
import { UsageError } from '../cli-errors.ts';
import { csvField } from '../csv.ts';
import { formatQuoteCsv, formatQuoteTable, readQuotes } from '../quote-rows.ts';
import { RESULTS_BUCKET_ENV, requireBucket, withResultsStore } from '../results-store.ts';

/** Every entry of the index, newest first (read from the manifest and its pages). */
export interface ArticlesIndex {
  articles: ArticleEntry[];
}

// The table fits 80 columns, the width of a terminal that was never resized and of most pipes.
const TABLE_WIDTH = 80;
const DATE_WIDTH = 10;
// The failed table's source key: the rest of its line is the reason, which may run on.
const SOURCE_KEY_WIDTH = 34;
const COUNT_WIDTH = 6;
const LABEL_WIDTH = 3;
// An analysed article's first line: title, then its figures and the day it was analysed.
const FIGURES_WIDTH = 1 + COUNT_WIDTH + 1 + COUNT_WIDTH + 4 * (1 + LABEL_WIDTH) + 2 + DATE_WIDTH;
const TITLE_WIDTH = TABLE_WIDTH - FIGURES_WIDTH;
// Its second line: the article id, whole (remove and reanalyse take it), then the main speakers.
const DETAIL_INDENT = '  ';
// Narrower than this beside a long id, the speakers move to a line of their own.
const MIN_SPEAKERS_WIDTH = 20;

export const summary =
  'list analysed (or failed) articles, or every quoted statement, from the results store';

export const help = `Usage: quote-tone report [--quotes] [--speaker NAME] [--since DATE] [--failed]
                        [--format table|json|csv] [--bucket NAME] [--endpoint URL] [--dir DIR]

Reads the index (index/manifest.json and its pages) from the results store and prints one entry per analysed article,
newest first, in two lines: its title, quotes, mean tone (-1..+1), label counts and analysis day,
then its article id (the KEY remove and reanalyse take) and main speakers.
With --quotes, lists every quoted statement instead, newest first: date, speaker, label, score,
article and text, read from the articles' reports.

What:
  --quotes         one row per statement (speaker, date, article, label, score, text); its date is
                   the article's publication day when the article gives one, else its analysis day.
  --failed         list the refused or failed articles instead, with their code and reason.

Filters:
  --speaker NAME   only articles quoting this speaker, or with --quotes only this speaker's
                   statements (case-insensitive, part of a name is enough).
  --since DATE     only articles analysed on or after DATE (2026-11-28 or an ISO time); with
                   --quotes, only statements dated on or after that day.

Output:
  --format F       table (default), json (an array of index entries, or with --quotes of
                   statements) or csv.

Store (default: the local one):
  (no flags)       the local pipeline of "npm start" at http://${LOCAL_ADDRESS}:${LOCAL_S3_PORT} if it is running,
                   otherwise the local store on disk (.local/s3), read through a temporary
                   embedded server that is stopped again.
  --dir DIR        read the local store kept in DIR (as "quote-tone start --dir DIR"); not
                   with --endpoint, which names a running server instead.
  --bucket NAME    an AWS results bucket (the stack's ResultsBucketName output), or set
                   ${RESULTS_BUCKET_ENV}; credentials come from the standard AWS environment.
  --endpoint URL   another embedded S3 server (bucket ${LOCAL_RESULTS_BUCKET} unless --bucket),
                   e.g. the one "quote-tone start --port N" printed.
  -h, --help       show this help.

Examples:
  npx quote-tone report --since 2026-11-01
  npx quote-tone report --speaker "Anna Smith" --format csv > anna.csv
  npx quote-tone report --failed
  npx quote-tone report --quotes --speaker "Anna Smith" --since 2026-01-01 --format csv`;

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

export interface ReportFilter {
  speaker?: string;
  /** ISO date or time; entries analysed before it are left out. */
  since?: string;
  failed?: boolean;
}

export const options = {
  quotes: { type: 'boolean', default: false },
  speaker: { type: 'string' },
  since: { type: 'string' },
  failed: { type: 'boolean', default: false },
  format: { type: 'string', default: 'table' },
  bucket: { type: 'string' },
  endpoint: { type: 'string' },
  dir: { type: 'string' },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options });
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`expected --format table, json or csv, got "${values.format}"`);
  if (values.quotes && values.failed) throw new UsageError('expected --quotes or --failed, not both');
  const since = values.since === undefined ? undefined : parseSince(values.since);
  const target = {
    bucket: values.bucket ?? process.env[RESULTS_BUCKET_ENV],
    endpoint: values.endpoint,
    dir: values.dir,
  };

  if (values.quotes) {
    const filter = {
      ...(values.speaker ? { speaker: values.speaker } : {}),
      ...(since ? { since: since.slice(0, 10) } : {}),
    };
    const { rows, unreadable, copies } = await withResultsStore(target, (store, bucket) =>
      readQuotes(store, bucket, filter),
    );
    for (const key of unreadable) console.error(`quote-tone report: skipped ${key} (not a readable report)`);
    if (copies > 0)
      console.error(
        `quote-tone report: left out ${copies} statement${copies === 1 ? '' : 's'} of republished copies ` +
          '(their articles are marked duplicateOf the first)',
      );
    if (format === 'json') console.log(JSON.stringify(rows, null, 2));
    else if (format === 'csv') process.stdout.write(formatQuoteCsv(rows));
    else console.log(formatQuoteTable(rows));
    return unreadable.length ? 1 : 0;
  }

  const index = await withResultsStore(target, fetchIndex);
  const entries = selectEntries(index, {
    failed: values.failed,
    ...(values.speaker ? { speaker: values.speaker } : {}),
    ...(since ? { since } : {}),
  });
  if (format === 'json') console.log(JSON.stringify(entries.map(readableEntry), null, 2));
  else if (format === 'csv') process.stdout.write(formatCsv(entries));
  else console.log(formatTable(entries, values.speaker));
  return 0;
}

/**
 * The entries to print: analysed ones (or failed ones with `failed`), by speaker and date.
 *
 * @example
 * selectEntries(index, { speaker: 'smith', since: '2026-11-01' }).length // 3
 */
export function selectEntries(index: ArticlesIndex, filter: ReportFilter): ArticleEntry[] {
  const speaker = filter.speaker?.toLowerCase();
  return index.articles.filter((entry) => {
    if ((entry.status === 'failed') !== Boolean(filter.failed)) return false;
    if (filter.since && entry.analyzedAt < filter.since) return false;
    if (speaker === undefined) return true;
    return entry.status === 'analysed' && entry.speakers.some((s) => s.name.toLowerCase().includes(speaker));
  });
}

/** @example formatCsv(entries).split('\n')[0] // 'id,title,source_key,...' */
export function formatCsv(entries: ArticleEntry[]): string {
  const header = [
    'id',
    'status',
    'title',
    'source_key',
    'analyzed_at',
    'quotes',
    'mean_score',
    'positive',
    'negative',
    'neutral',
    'mixed',
    'main_speakers',
    'code',
    'reason',
  ];
  const rows = entries.map((entry) => {
    const analysed = entry.status === 'analysed' ? entry : null;
    return [
      entry.id,
      entry.status,
      entry.title ?? '',
      entry.sourceKey,
      entry.analyzedAt,
      analysed ? String(analysed.quotes) : '',
      analysed?.meanScore == null ? '' : String(analysed.meanScore),
      analysed ? String(analysed.labels.positive) : '',
      analysed ? String(analysed.labels.negative) : '',
      analysed ? String(analysed.labels.neutral) : '',
      analysed ? String(analysed.labels.mixed) : '',
      analysed ? mainSpeakersOf(analysed).join('; ') : '',
      entry.status === 'failed' ? entry.code : '',
      entry.status === 'failed' ? entry.reason : '',
    ];
  });
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * A readable table with a total line (and the speaker's own figures), within 80 columns. An
 * analysed article takes two lines: its title and figures, then its id and main speakers (on a
 * third line beside a long id); a failed one takes one.
 *
 * @example formatTable(entries).split('\n')[2] // '  harbour-talks-1a2b3c4d  Laura Chen, Ann Lee'
 */
export function formatTable(entries: ArticleEntry[], speaker?: string): string {
  if (entries.length === 0) return 'No articles match.';
  const failed = entries[0]?.status === 'failed';
  const lines = failed ? failedRows(entries) : analysedRows(entries);
  lines.push(
    '',
    `${entries.length} ${failed ? 'failed' : 'analysed'} article${entries.length === 1 ? '' : 's'}`,
  );
  if (speaker && !failed) lines.push(speakerLine(entries, speaker));
  return lines.join('\n');
}

function failedRows(entries: ArticleEntry[]): string[] {
  return [
    `${pad('FAILED', DATE_WIDTH)}  ${pad('SOURCE KEY', SOURCE_KEY_WIDTH)}  CODE: REASON`,
    ...entries.map((entry) =>
      entry.status === 'failed'
        ? `${pad(entry.analyzedAt.slice(0, DATE_WIDTH), DATE_WIDTH)}  ${pad(entry.sourceKey, SOURCE_KEY_WIDTH)}  ${entry.code}: ${entry.reason}`
        : '',
    ),
  ];
}

function analysedRows(entries: ArticleEntry[]): string[] {
  const header = [
    pad('ARTICLE', TITLE_WIDTH),
    'QUOTES'.padStart(COUNT_WIDTH),
    'MEAN'.padStart(COUNT_WIDTH),
    ...['+', '-', '0', '±'].map((label) => label.padStart(LABEL_WIDTH)),
    ' ANALYSED',
  ].join(' ');
  const lines = [header, `${DETAIL_INDENT}ID  MAIN SPEAKERS`];
  for (const entry of entries) {
    if (entry.status !== 'analysed') continue;
    lines.push(
      [
        pad(entry.title ?? entry.sourceKey, TITLE_WIDTH),
        String(entry.quotes).padStart(COUNT_WIDTH),
        (entry.meanScore === null ? 'n/a' : signed(entry.meanScore)).padStart(COUNT_WIDTH),
        ...[entry.labels.positive, entry.labels.negative, entry.labels.neutral, entry.labels.mixed].map(
          (count) => String(count).padStart(LABEL_WIDTH),
        ),
        ` ${entry.analyzedAt.slice(0, DATE_WIDTH)}`,
      ].join(' '),
      ...detailLines(entry.id, mainSpeakersOf(entry)),
    );
  }
  return lines;
}

// The id is never cut: it is what remove and reanalyse are given. The speakers take what is left,
// or, beside a long id, a line of their own.
function detailLines(id: string, speakers: string[]): string[] {
  const head = `${DETAIL_INDENT}${id}`;
  if (speakers.length === 0) return [head];
  const names = speakers.join(', ');
  const width = TABLE_WIDTH - head.length - 2;
  if (width >= MIN_SPEAKERS_WIDTH) return [`${head}  ${truncate(names, width)}`];
  return [head, `${DETAIL_INDENT}${truncate(names, TABLE_WIDTH - DETAIL_INDENT.length)}`];
}

function speakerLine(entries: ArticleEntry[], speaker: string): string {
  const needle = speaker.toLowerCase();
  const names = new Set<string>();
  let quotes = 0;
  let sum = 0;
  for (const entry of entries) {
    // A republished copy counts once, in its first article, as in the index's speaker figures.
    if (entry.status !== 'analysed' || entry.duplicateOf) continue;
    for (const s of entry.speakers) {
      if (!s.name.toLowerCase().includes(needle)) continue;
      names.add(s.name);
      quotes += s.quotes;
      sum += s.meanScore * s.quotes;
    }
  }
  const who = [...names].sort().join(', ');
  return `${who}: ${quotes} quote${quotes === 1 ? '' : 's'}, mean tone ${quotes ? signed(sum / quotes) : 'n/a'}`;
}

async function fetchIndex(store: ObjectStore, bucket: string): Promise<ArticlesIndex> {
  const articles = await readAllEntries(store, bucket);
  // An empty index and a missing bucket look alike; say which it is.
  if (articles.length === 0) await requireBucket(store, bucket);
  return { articles };
}

function parseSince(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`expected --since as a date like 2026-11-28, got "${value}"`);
  return date.toISOString();
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
