// The index design before issue 13 (one articles.json and one speakers.json, rewritten whole by
// every update), kept verbatim as the baseline the index bench measures the bounded index against.
// Not used by the product.
import { isDeepStrictEqual } from 'node:util';
import { type ObjectStore, type PutOptions, WriteConflictError } from '../../functions/lib/object-store.ts';
import { decodeEventKey, type S3EventRecord } from '../../functions/lib/s3-event.ts';
import { type RetryOptions, retryOnConflict } from '../../functions/update-index/retry-on-conflict.ts';
import { type Report, ReportSchema } from '../../shared/report-schema.ts';
import { type ErrorRecord, ErrorRecordSchema } from '../../shared/store/error-record.ts';
import { ERRORS_PREFIX, errorKey, REPORTS_PREFIX, reportKey } from '../../shared/store/layout.ts';
import { lakeKey, toLakeFile } from '../../shared/store/quote-lake.ts';
import {
  ARTICLES_INDEX_KEY,
  type ArticleEntry,
  type ArticlesIndex,
  currentEntry,
  emptyArticlesIndex,
  readArticlesIndex,
  withArticles,
} from './article-index.ts';
import {
  type ArticleQuotes,
  buildSpeakersIndex,
  readSpeakersIndex,
  SPEAKERS_INDEX_KEY,
  speakerQuotesFromReport,
} from './speaker-index.ts';

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
// - speakers.json is then recomputed from articles.json with the same read-then-conditional-write;
//   its quote reels take this update's quotes, and keep the stored ones of articles still current.
// - All records of one event go through this together: one articles.json write, one speakers.json
//   write. A bulk drop delivered in batches costs a few index writes, not one per article.

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

/** What became of one record of a batch: its outcome, or why it could not be indexed. */
export type RecordResult = { key: string; outcome: IndexOutcome } | { key: string; error: unknown };

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
  const [result] = await updateIndexBatch(store, config, [record]);
  if (!result) throw new Error('Expected one result for one record, but got none.');
  if ('error' in result) throw result.error;
  return result.outcome;
}

/**
 * Brings every article named by a batch of results-bucket events into the index with ONE
 * read-modify-conditional-write of `index/articles.json` (a conflict retries the whole batch) and
 * one rebuild of `index/speakers.json`: a bulk drop costs a few index writes, not one per article.
 * Returns one result per record, in order; a record that cannot be indexed (a bad key, an
 * unreadable report) fails alone and the others are still indexed.
 *
 * @example
 * await updateIndexBatch(store, config, event.Records) // [{ key: 'reports/a-1.json', outcome: {...} }, ...]
 */
export async function updateIndexBatch(
  store: ObjectStore,
  config: UpdateIndexConfig,
  records: readonly S3EventRecord[],
): Promise<RecordResult[]> {
  const bucket = config.resultsBucket;
  const keys = records.map((record) => decodeEventKey(record.s3.object.key));
  const failures = new Map<string, unknown>();
  const ids = new Map<string, string>();
  for (const key of keys) {
    try {
      ids.set(key, articleIdFromResultKey(key));
    } catch (error) {
      failures.set(key, error);
    }
  }
  // The same article twice in one batch (written, then rewritten) is indexed once, as it is now.
  const articles = new Map<string, Article>();
  for (const articleId of ids.values()) articles.set(articleId, { prepared: null, lakeWrites: new Set() });
  const failed = new Map<string, unknown>();

  let committed: CommittedBatch = { changed: new Set(), index: null, etag: undefined };
  let attempts = 0;
  if (articles.size > 0) {
    ({ value: committed, attempts } = await retryOnConflict(async () => {
      await prepareMissing(store, bucket, articles, failed);
      return commitBatch(store, bucket, articles);
    }, config.retry));
    // An attempt that lost its race may have written a lake file for a state that never reached
    // the index; the winning state's file is the only one each article may keep.
    await forEachLimited([...articles.values()], IO_CONCURRENCY, async (article) => {
      for (const written of article.lakeWrites) {
        if (written !== article.prepared?.lake) await store.delete(bucket, written);
      }
    });
  }
  // Always, even when articles.json was unchanged: an earlier run may have stopped between the two.
  const fresh = new Map<string, ArticleQuotes>();
  for (const [articleId, { prepared }] of articles)
    if (prepared?.quotes) fresh.set(articleId, prepared.quotes);
  await retryOnConflict(() => refreshSpeakers(store, bucket, committed, fresh), config.retry);

  return keys.map((key): RecordResult => {
    const articleId = ids.get(key);
    const error = failures.get(key) ?? (articleId === undefined ? undefined : failed.get(articleId));
    if (articleId === undefined || error !== undefined) return { key, error };
    const entry = articles.get(articleId)?.prepared?.entry ?? null;
    const status = committed.changed.has(articleId) ? (entry?.status ?? 'removed') : 'unchanged';
    return { key, outcome: { articleId, key, status, attempts } };
  });
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

/** One article of a batch: what the store holds for it (null until read), and lake files written. */
interface Article {
  prepared: Prepared | null;
  lakeWrites: Set<string>;
}

interface CommittedBatch {
  /** Ids whose entries this batch changed. */
  changed: Set<string>;
  /** articles.json as this batch left it (null when nothing was read), and its ETag. */
  index: ArticlesIndex | null;
  etag: string | undefined;
}

/** What the store holds for the article, read before the index so the index is held only briefly. */
interface Prepared {
  entry: ArticleEntry | null;
  /** The analysed article's quotes per speaker, for the speakers.json reels; null otherwise. */
  quotes: ArticleQuotes | null;
  lake: string | null;
  reportEtag: string | null;
  errorEtag: string | null;
}

// Reads and lake-writes a few articles at a time: enough to hide S3 latency, few enough not to
// queue hundreds of requests on one client at once.
const IO_CONCURRENCY = 8;

// Prepares every article not prepared yet (all on the first attempt; on later ones only those whose
// results changed). An article that cannot be read or parsed leaves the batch with its error.
async function prepareMissing(
  store: ObjectStore,
  bucket: string,
  articles: Map<string, Article>,
  failed: Map<string, unknown>,
): Promise<void> {
  const missing = [...articles].filter(([, article]) => article.prepared === null);
  await forEachLimited(missing, IO_CONCURRENCY, async ([articleId, article]) => {
    try {
      article.prepared = await prepareArticle(store, bucket, articleId, article.lakeWrites);
    } catch (error) {
      failed.set(articleId, error);
      articles.delete(articleId);
    }
  });
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
  let quotes: ArticleQuotes | null = null;
  if (lake && parsedReport) {
    await store.put(bucket, lake, toLakeFile(parsedReport), { contentType: LAKE_TYPE });
    lakeWrites.add(lake);
    quotes = speakerQuotesFromReport(parsedReport);
  }
  return { entry, quotes, lake, reportEtag: report?.etag ?? null, errorEtag: error?.etag ?? null };
}

/** An article's report or error record changed after it was prepared: prepare it again. */
class ArticleChangedError extends WriteConflictError {}

// One read-modify-conditional-write of articles.json for the whole batch; throws WriteConflictError
// to be retried.
async function commitBatch(
  store: ObjectStore,
  bucket: string,
  articles: Map<string, Article>,
): Promise<CommittedBatch> {
  const stored = await store.getJson<unknown>(bucket, ARTICLES_INDEX_KEY);
  let changedKey: string | null = null;
  await forEachLimited([...articles], IO_CONCURRENCY, async ([articleId, article]) => {
    const [report, error] = await Promise.all([
      store.head(bucket, reportKey(articleId)),
      store.head(bucket, errorKey(articleId)),
    ]);
    const prepared = article.prepared;
    if ((report?.etag ?? null) !== prepared?.reportEtag || (error?.etag ?? null) !== prepared?.errorEtag) {
      article.prepared = null;
      changedKey = reportKey(articleId);
    }
  });
  if (changedKey) throw new ArticleChangedError(bucket, changedKey);

  const index: ArticlesIndex = stored ? readArticlesIndex(stored.value) : emptyArticlesIndex();
  const previousById = new Map(index.articles.map((entry) => [entry.id, entry]));
  const updates = new Map<string, ArticleEntry | null>();
  const staleLakes: string[] = [];
  for (const [articleId, { prepared }] of articles) {
    const entry = prepared?.entry ?? null;
    const previous = previousById.get(articleId) ?? null;
    if (isDeepStrictEqual(previous, entry)) continue;
    updates.set(articleId, entry);
    // The previous file's key follows from the previous entry, so no listing of the lake is needed.
    const previousLake = previous?.status === 'analysed' ? lakeKey(articleId, previous.analyzedAt) : null;
    if (previousLake && previousLake !== prepared?.lake) staleLakes.push(previousLake);
  }
  if (stored && updates.size === 0) return { changed: new Set(), index, etag: stored.etag };

  await forEachLimited(staleLakes, IO_CONCURRENCY, (key) => store.delete(bucket, key));
  const next = withArticles(index, updates);
  const etag = await store.put(bucket, ARTICLES_INDEX_KEY, compactJson(next), conditionOn(stored?.etag));
  return { changed: new Set(updates.keys()), index: next, etag };
}

// speakers.json is read before articles.json, so a write based on an older articles.json conflicts.
// When articles.json still has the ETag this batch wrote, the index in hand is the one stored, so
// the file is not read back. The stored speakers.json gives the reels of articles outside this
// batch; this batch's quotes are added to them (see shared/speaker-index.ts).
async function refreshSpeakers(
  store: ObjectStore,
  bucket: string,
  committed: CommittedBatch,
  fresh: ReadonlyMap<string, ArticleQuotes>,
): Promise<void> {
  const stored = await store.get(bucket, SPEAKERS_INDEX_KEY);
  const storedText = stored ? Buffer.from(stored.body).toString('utf8') : null;
  let index = committed.index;
  const current = committed.etag ? await store.head(bucket, ARTICLES_INDEX_KEY) : null;
  if (!index || !current || current.etag !== committed.etag) {
    const articles = await store.getJson<unknown>(bucket, ARTICLES_INDEX_KEY);
    index = articles ? readArticlesIndex(articles.value) : emptyArticlesIndex();
  }
  const previous = storedText === null ? null : readSpeakersIndex(JSON.parse(storedText));
  const text = compactJson(buildSpeakersIndex(index, { fresh, previous }));
  if (storedText === text) return;
  await store.put(bucket, SPEAKERS_INDEX_KEY, text, conditionOn(stored?.etag));
}

// Runs `work` over `items` with at most `limit` in flight.
async function forEachLimited<T>(
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
