import { isDeepStrictEqual } from 'node:util';
import {
  ARTICLES_INDEX_KEY,
  type ArticleEntry,
  type ArticlesIndex,
  ArticlesIndexSchema,
  currentEntry,
  emptyArticlesIndex,
  findArticle,
  withArticle,
} from '../../shared/article-index.ts';
import { type ErrorRecord, ErrorRecordSchema } from '../../shared/error-record.ts';
import { lakeKey, toLakeFile } from '../../shared/quote-lake.ts';
import { type Report, ReportSchema } from '../../shared/report-schema.ts';
import { buildSpeakersIndex, SPEAKERS_INDEX_KEY, SpeakersIndexSchema } from '../../shared/speaker-index.ts';
import { ERRORS_PREFIX, errorKey, REPORTS_PREFIX, reportKey } from '../../shared/store-layout.ts';
import { type ObjectStore, type PutOptions, WriteConflictError } from '../lib/object-store.ts';
import { decodeEventKey, type S3EventRecord } from '../lib/s3-event.ts';
import { type RetryOptions, retryOnConflict } from './retry-on-conflict.ts';

// How the index stays right under concurrent, duplicated and reordered events:
// - The event only names the article. Each attempt reads the index (with its ETag) FIRST, then
//   checks what the store holds for the article now (report, error record, or neither; read in
//   advance and confirmed by ETag), and writes the index back with If-Match on that ETag
//   (If-None-Match '*' for the first write).
// - A write succeeds only if no other index write happened since this attempt's index read, and
//   every other writer checked the article after its own index read. So successful writes land in
//   the order of their article checks, and the last one reflects the store after the last change:
//   no entry is lost and no stale state wins, whatever order the events arrive in.
// - The lake file is written with the article's content and confirmed by the same ETag check, and
//   the previous entry's file is deleted before the index write, so the lake follows the index.
// - speakers.json is then recomputed from articles.json with the same read-then-conditional-write.

const LAKE_TYPE = 'application/x-ndjson; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

export interface UpdateIndexConfig {
  resultsBucket: string;
  retry?: RetryOptions;
}

export type IndexOutcome = {
  articleId: string;
  key: string;
  /** What the article's index entry is now; `unchanged` when it already matched the store. */
  status: 'analysed' | 'failed' | 'removed' | 'unchanged';
  /** Attempts of the articles.json write (1 = no conflict). */
  attempts: number;
};

/** A results key that is neither `reports/<id>.json` nor `errors/<id>.json`. */
export class UnexpectedResultKeyError extends Error {
  constructor(key: string) {
    super(`Expected a key like reports/<id>.json or errors/<id>.json, but got "${key}".`);
    this.name = 'UnexpectedResultKeyError';
  }
}

/**
 * Brings the article named by one results-bucket event into `index/articles.json`,
 * `index/speakers.json` and the quote lake. Safe to run concurrently, repeatedly and out of order.
 *
 * @example
 * await updateIndex(store, { resultsBucket: 'quote-tone-results' }, record) // { status: 'analysed', ... }
 */
export async function updateIndex(
  store: ObjectStore,
  config: UpdateIndexConfig,
  record: S3EventRecord,
): Promise<IndexOutcome> {
  const key = decodeEventKey(record.s3.object.key);
  const articleId = articleIdFromResultKey(key);
  const bucket = config.resultsBucket;

  const lakeWrites = new Set<string>();
  let prepared: Prepared | null = null;
  const { value: committed, attempts } = await retryOnConflict(async () => {
    prepared ??= await prepareArticle(store, bucket, articleId, lakeWrites);
    try {
      return await commitArticle(store, bucket, articleId, prepared);
    } catch (error) {
      if (error instanceof ArticleChangedError) prepared = null;
      throw error;
    }
  }, config.retry);
  // An attempt that lost its race may have written a lake file for a state that never reached the
  // index; the winning state's file is the only one this article may keep.
  for (const written of lakeWrites) {
    if (written !== committed.lake) await store.delete(bucket, written);
  }
  // Always, even when articles.json was unchanged: an earlier run may have stopped between the two.
  await retryOnConflict(() => refreshSpeakers(store, bucket), config.retry);

  const status = committed.changed ? (committed.entry?.status ?? 'removed') : 'unchanged';
  return { articleId, key, status, attempts };
}

/** @example articleIdFromResultKey('reports/talks-1a2b3c4d.json') // 'talks-1a2b3c4d' */
export function articleIdFromResultKey(key: string): string {
  for (const prefix of [REPORTS_PREFIX, ERRORS_PREFIX]) {
    if (key.startsWith(prefix) && key.endsWith('.json') && !key.slice(prefix.length).includes('/')) {
      return key.slice(prefix.length, -'.json'.length);
    }
  }
  throw new UnexpectedResultKeyError(key);
}

interface Committed {
  entry: ArticleEntry | null;
  changed: boolean;
  /** The article's lake file after this commit, or null. */
  lake: string | null;
}

/** What the store holds for the article, read before the index so the index is held only briefly. */
interface Prepared {
  entry: ArticleEntry | null;
  lake: string | null;
  reportEtag: string | null;
  errorEtag: string | null;
}

// Reads the article's report and error record (the slow part: the report holds the whole text) and
// writes its lake file, before the index is read. The attempt then checks their ETags after reading
// the index, which is as good as reading them then, and keeps the read-to-write window short: in a
// bulk drop the index changes every few tens of milliseconds, and a long window always loses.
async function prepareArticle(
  store: ObjectStore,
  bucket: string,
  articleId: string,
  lakeWrites: Set<string>,
): Promise<Prepared> {
  const [report, error] = await Promise.all([
    store.getJson<unknown>(bucket, reportKey(articleId)),
    store.getJson<unknown>(bucket, errorKey(articleId)),
  ]);
  const parsedReport: Report | null = report ? ReportSchema.parse(report.value) : null;
  const parsedError: ErrorRecord | null = error ? ErrorRecordSchema.parse(error.value) : null;
  const entry = currentEntry({ report: parsedReport, error: parsedError });
  const lake = entry?.status === 'analysed' ? lakeKey(articleId, entry.analyzedAt) : null;
  if (lake && parsedReport) {
    await store.put(bucket, lake, toLakeFile(parsedReport), { contentType: LAKE_TYPE });
    lakeWrites.add(lake);
  }
  return { entry, lake, reportEtag: report?.etag ?? null, errorEtag: error?.etag ?? null };
}

/** The article's report or error record changed after it was prepared: prepare again. */
class ArticleChangedError extends WriteConflictError {}

// One read-modify-conditional-write of articles.json; throws WriteConflictError to be retried.
async function commitArticle(
  store: ObjectStore,
  bucket: string,
  articleId: string,
  prepared: Prepared,
): Promise<Committed> {
  const stored = await store.getJson<unknown>(bucket, ARTICLES_INDEX_KEY);
  const [report, error] = await Promise.all([
    store.head(bucket, reportKey(articleId)),
    store.head(bucket, errorKey(articleId)),
  ]);
  if ((report?.etag ?? null) !== prepared.reportEtag || (error?.etag ?? null) !== prepared.errorEtag) {
    throw new ArticleChangedError(bucket, reportKey(articleId));
  }
  const index: ArticlesIndex = stored ? ArticlesIndexSchema.parse(stored.value) : emptyArticlesIndex();
  const { entry, lake } = prepared;
  const previous = findArticle(index, articleId);
  if (stored && isDeepStrictEqual(previous, entry)) return { entry, changed: false, lake };

  // The previous file's key follows from the previous entry, so no listing of the lake is needed.
  const previousLake = previous?.status === 'analysed' ? lakeKey(articleId, previous.analyzedAt) : null;
  if (previousLake && previousLake !== lake) await store.delete(bucket, previousLake);

  await store.put(
    bucket,
    ARTICLES_INDEX_KEY,
    compactJson(withArticle(index, articleId, entry)),
    conditionOn(stored?.etag),
  );
  return { entry, changed: true, lake };
}

// speakers.json is read before articles.json, so a write based on an older articles.json conflicts.
async function refreshSpeakers(store: ObjectStore, bucket: string): Promise<void> {
  const stored = await store.getJson<unknown>(bucket, SPEAKERS_INDEX_KEY);
  const articles = await store.getJson<unknown>(bucket, ARTICLES_INDEX_KEY);
  const index = articles ? ArticlesIndexSchema.parse(articles.value) : emptyArticlesIndex();
  const speakers = buildSpeakersIndex(index);
  if (stored && isDeepStrictEqual(SpeakersIndexSchema.parse(stored.value), speakers)) return;
  await store.put(bucket, SPEAKERS_INDEX_KEY, compactJson(speakers), conditionOn(stored?.etag));
}

// If-Match the version read, or If-None-Match '*' when there was none: either way the write fails
// if anyone else wrote the file since.
function conditionOn(etag: string | undefined): PutOptions {
  return etag ? { contentType: JSON_TYPE, ifMatch: etag } : { contentType: JSON_TYPE, ifNoneMatch: '*' };
}

// The index files are rewritten and re-read on every update and loaded whole by the dashboard:
// unindented JSON is about a third smaller, and nobody reads them raw.
function compactJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
