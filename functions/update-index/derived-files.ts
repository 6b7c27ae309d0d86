import { gzipSync } from 'node:zlib';
import type * as z from 'zod/mini';
import { type Report, ReportSchema } from '../../shared/report-schema.ts';
import {
  type ArticleEntry,
  type ArticleResults,
  currentEntry,
  entryPartition,
} from '../../shared/store/article-entry.ts';
import {
  type ArticlePage,
  ArticlePageSchema,
  emptyPage,
  type PageRef,
  withPageChanges,
} from '../../shared/store/article-pages.ts';
import { ErrorRecordSchema } from '../../shared/store/error-record.ts';
import {
  ARTICLE_PAGES_PREFIX,
  entryCopiesPrefix,
  errorKey,
  reportKey,
  SPEAKERS_PREFIX,
} from '../../shared/store/layout.ts';
import {
  emptyManifest,
  type Manifest,
  ManifestSchema,
  withPageTallies,
} from '../../shared/store/manifest.ts';
import {
  emptySpeakerDay,
  emptySpeakerHead,
  HEAD_LATEST_QUOTES,
  rolesOf,
  type SpeakerDay,
  SpeakerDaySchema,
  type SpeakerHead,
  SpeakerHeadSchema,
  speakerQuotesOf,
  withDayChanges,
  withHeadChange,
} from '../../shared/store/speaker-files.ts';
import { emptyTally } from '../../shared/store/tally.ts';
import { getCheckedJson, parseCheckedJson } from '../lib/compiled-check.ts';
import { MalformedObjectError, type ObjectStore, type PutOptions } from '../lib/object-store.ts';

// Reading and writing the derived files of the index. Every write is conditional on the version
// read (If-Match, or If-None-Match '*' for a new file), so concurrent batches never overwrite each
// other's changes: the loser re-reads and re-applies. A derived file that does not parse is not
// fatal: it is rebuilt from the smaller files it is derived from (a page from the results of the
// articles marked under it, a speaker's day from that day's articles, a speaker's head from their
// day files, the manifest from the pages) and then updated as usual.

const JSON_TYPE = 'application/json; charset=utf-8';
// Files read or written at once per stage of a batch. A batch touches hundreds of small files and
// each S3 round trip is tens of milliseconds, so waiting dominates unless many are in flight: 32
// (of the S3 client's 50 sockets) drained 10,000 articles a third faster than 8 in the index bench, and
// a stage holds at most 32 small files in memory.
export const IO_CONCURRENCY = 32;

/** A derived file as read: its value (null when absent), its ETag, and whether it was damaged. */
export interface Read<T> {
  value: T | null;
  etag: string | undefined;
  damaged: boolean;
}

/** Reads a derived file; a damaged one comes back as `damaged` with its ETag, so it can be replaced. */
export async function readDerived<S extends z.ZodMiniType>(
  store: ObjectStore,
  bucket: string,
  key: string,
  schema: S,
): Promise<Read<z.output<S>>> {
  const object = await store.get(bucket, key);
  if (!object) return { value: null, etag: undefined, damaged: false };
  try {
    return {
      value: parseCheckedJson(bucket, key, object.body, schema),
      etag: object.etag,
      damaged: false,
    };
  } catch (error) {
    if (!(error instanceof MalformedObjectError)) throw error;
    return { value: null, etag: object.etag, damaged: true };
  }
}

/** If-Match the version read, or If-None-Match '*' when there was none. */
export function conditionOn(etag: string | undefined): PutOptions {
  return etag ? { contentType: JSON_TYPE, ifMatch: etag } : { contentType: JSON_TYPE, ifNoneMatch: '*' };
}

// Index files from this size on are stored gzipped, with Content-Encoding: gzip, so S3 and
// CloudFront hand browsers the small form and every reader here gunzips on read (jsonText); index
// JSON shrinks five- to sevenfold (the manifest of a year 107 -> 22 KB). The size is a measured trade (`npm run bench -- --only index`): at 16 KiB
// a day's page of a bulk drop (about 40 KB) was gzipped too, and the 10,000 drop took 11.5 s
// instead of 10.0 to 10.4; at 48 KiB it takes 10.1 to 10.3 s, while the batch of 100 into 100,000
// articles still falls from 2.6 to 1.9 MB (the busiest files: full pages, the manifest, the
// speaker list, a busy speaker's day). Small files stay plain: each zlib call has a fixed cost.
export const GZIP_FROM_BYTES = 48 * 1024;
// Level 1: most of the ratio on repetitive JSON at a fraction of the default level's CPU.
const GZIP_LEVEL = 1;

export interface DerivedBody {
  body: string | Uint8Array;
  contentEncoding?: 'gzip';
}

/** A derived file's stored form: unindented JSON, gzipped from GZIP_FROM_BYTES on. */
export function derivedBody(value: unknown): DerivedBody {
  // Unindented: index files are rewritten by machines, and indenting them costs a third more.
  const text = `${JSON.stringify(value)}\n`;
  if (text.length < GZIP_FROM_BYTES) return { body: text };
  return { body: gzipSync(text, { level: GZIP_LEVEL }), contentEncoding: 'gzip' };
}

/** Writes a derived file in its stored form, conditional on the version read (conditionOn). */
export function putDerived(
  store: ObjectStore,
  bucket: string,
  key: string,
  value: unknown,
  etag: string | undefined,
): Promise<string> {
  const { body, contentEncoding } = derivedBody(value);
  return store.put(bucket, key, body, {
    ...conditionOn(etag),
    ...(contentEncoding ? { contentEncoding } : {}),
  });
}

/** Files repaired in this run, for the logs and `quote-tone reindex`'s summary. */
export type RepairLog = string[];

/** The page, rebuilt from the results of the articles marked under it when damaged. */
export async function readPage(
  store: ObjectStore,
  bucket: string,
  key: string,
  ref: PageRef,
  repaired: RepairLog,
): Promise<Read<ArticlePage>> {
  const read = await readDerived(store, bucket, key, ArticlePageSchema);
  if (!read.damaged) return read;
  const marked = await readMarkedArticles(store, bucket, ref.partition, ref.page);
  noteRepair(repaired, key);
  return {
    ...read,
    value: withPageChanges(
      emptyPage(ref),
      new Set(),
      marked.map(({ entry }) => entry),
    ),
  };
}

/** The manifest, rebuilt from every page when damaged (a rare repair; see README). */
export async function readManifest(
  store: ObjectStore,
  bucket: string,
  key: string,
  now: string,
  repaired: RepairLog,
): Promise<Read<Manifest>> {
  const read = await readDerived(store, bucket, key, ManifestSchema);
  if (!read.damaged) return read;
  let manifest = emptyManifest(now);
  for await (const pageKey of store.list(bucket, ARTICLE_PAGES_PREFIX)) {
    const page = await readDerived(store, bucket, pageKey, ArticlePageSchema);
    if (!page.value) continue;
    const { partition, day, undated, page: number, rev, tally } = page.value;
    manifest =
      withPageTallies(manifest, [{ partition, day, undated, page: number, rev, tally }], now) ?? manifest;
  }
  noteRepair(repaired, key);
  return { ...read, value: manifest };
}

/** A speaker's day file, rebuilt from the reports of that day's articles when damaged. */
export async function readSpeakerDay(
  store: ObjectStore,
  bucket: string,
  key: string,
  ref: { speakerId: string; partition: string; day: string; undated: boolean },
  repaired: RepairLog,
): Promise<Read<SpeakerDay>> {
  const read = await readDerived(store, bucket, key, SpeakerDaySchema);
  if (!read.damaged) return read;
  let file = emptySpeakerDay(ref.speakerId, ref.partition, ref.day, ref.undated);
  for (const { entry, report } of await readMarkedArticles(store, bucket, ref.partition)) {
    if (entry.status !== 'analysed' || !report) continue;
    const quotes = speakerQuotesOf(report, entry).get(ref.speakerId)?.quotes ?? [];
    file = withDayChanges(file, new Set(), quotes);
  }
  noteRepair(repaired, key);
  return { ...read, value: file };
}

/**
 * A speaker's head, rebuilt from their day files when damaged (or when `rebuild`: one of their day
 * files was rebuilt, so the head's figures for it are unknown). A rebuilt head comes back marked
 * `damaged`: it already holds every day file's figures, so no change is to be added on top.
 */
export async function readSpeakerHead(
  store: ObjectStore,
  bucket: string,
  key: string,
  speaker: { id: string; name: string },
  repaired: RepairLog,
  rebuild = false,
): Promise<Read<SpeakerHead>> {
  const read = await readDerived(store, bucket, key, SpeakerHeadSchema);
  if (!read.damaged && !rebuild) return read;
  const days = [];
  const quoted = [];
  for await (const dayKey of store.list(bucket, `${SPEAKERS_PREFIX}${speaker.id}/`)) {
    const day = await readDerived(store, bucket, dayKey, SpeakerDaySchema);
    if (!day.value) continue;
    const { partition, day: date, undated, tally, quotes } = day.value;
    quoted.push(...quotes.filter((quote) => quote.role));
    days.push({
      partition,
      day: date,
      undated,
      before: emptyTally(),
      after: tally,
      newest: quotes.slice(0, HEAD_LATEST_QUOTES),
    });
  }
  const { head } = withHeadChange(emptySpeakerHead(speaker.id, speaker.name), {
    name: speaker.name,
    quoted: false,
    mentions: [],
    roles: rolesOf(quoted),
    changedArticles: new Set(),
    days,
  });
  if (read.damaged) noteRepair(repaired, key);
  return { ...read, damaged: true, value: head };
}

/**
 * The articles marked under a partition (or one of its pages), each with the entry its results
 * give now. Markers are written beside every page change, so this is the page's list without the
 * page; an article whose results moved it elsewhere meanwhile is left out.
 */
async function readMarkedArticles(
  store: ObjectStore,
  bucket: string,
  partition: string,
  page?: number,
): Promise<{ entry: ArticleEntry; report: Report | null }[]> {
  const ids: string[] = [];
  for await (const key of store.list(bucket, entryCopiesPrefix(partition, page))) {
    ids.push(key.slice(key.lastIndexOf('/') + 1, -'.json'.length));
  }
  const marked: { entry: ArticleEntry; report: Report | null }[] = [];
  await forEachLimited(ids, IO_CONCURRENCY, async (id) => {
    // A result that cannot be read is left out here; its own event reports it.
    const results = await readResults(store, bucket, id, { skipUnreadable: true });
    const entry = currentEntry(results);
    if (entry && entryPartition(entry) === partition) {
      marked.push({ entry, report: entry.status === 'analysed' ? results.report : null });
    }
  });
  return marked;
}

/**
 * What the store holds for one article now: its report and error record, each checked. An
 * unreadable one throws, or with `skipUnreadable` counts as absent.
 *
 * @example currentEntry(await readResults(store, bucket, 'talks-1a2b3c4d'))
 */
export async function readResults(
  store: ObjectStore,
  bucket: string,
  articleId: string,
  { skipUnreadable = false } = {},
): Promise<ArticleResults> {
  const lenient = <T>(read: Promise<T>) => (skipUnreadable ? read.catch(() => null) : read);
  const [report, error] = await Promise.all([
    lenient(getCheckedJson(store, bucket, reportKey(articleId), ReportSchema)),
    lenient(getCheckedJson(store, bucket, errorKey(articleId), ErrorRecordSchema)),
  ]);
  return { report: report?.value ?? null, error: error?.value ?? null };
}

/** Records a repaired key once, however often this run read it. */
export function noteRepair(repaired: RepairLog, key: string): void {
  if (!repaired.includes(key)) repaired.push(key);
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) await work(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
