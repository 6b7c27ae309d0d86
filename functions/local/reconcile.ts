import { articleIdFromKey } from '../../shared/article-id.ts';
import type { ArticleEntry } from '../../shared/store/article-entry.ts';
import { ERRORS_PREFIX, LOCATORS_PREFIX, REPORTS_PREFIX, UPLOAD_PREFIX } from '../../shared/store/layout.ts';
import {
  isLaterTime,
  REANALYSED_META,
  REANALYSIS_REQUESTS_PREFIX,
  ReanalysisRequestSchema,
} from '../../shared/store/reanalysis.ts';
import type { ArticleSource } from '../../shared/types.ts';
import { type ArticleState, currentResult, readArticleState } from '../analyze-article/result-state.ts';
import { readAllEntries } from '../lib/index-reader.ts';
import type { ListedObject, ObjectStore } from '../lib/object-store.ts';
import type { S3Event } from '../lib/s3-event.ts';
import { unrecordedEntries } from '../update-index/reindex.ts';

// The local pipeline's queue lives in memory, so a crash (SIGKILL, power loss) loses the events
// it held: articles uploaded but never analysed, results written but never indexed. Rather than
// keep a second copy of the queue on disk, the store is the queue: on start, every object under
// articles/ whose current version has no result is queued for analysis again, every result of a
// vanished article is queued for removal, and every result without an index entry is announced to
// update-index again, through the same events the embedded server emits. A re-analysis asked for by
// `quote-tone reanalyse` keeps the upload's ETag, so it is found by the upload's re-analysis time
// (its metadata) being later than its result's, and queued as the copy's event: without an ETag,
// so the handler analyses it instead of taking it for a repeat. All steps are safe to repeat (the
// handlers skip what is already done), so a crash during reconciling is harmless.

export interface ReconcileTarget {
  store: ObjectStore;
  uploadBucket: string;
  resultsBucket: string;
  /** Where the events go: the local event bridge's `publish`. */
  publish: (event: S3Event) => void;
  /** The ids the index lists, by status; the default reads the article index. */
  indexedArticles?: () => Promise<Map<string, 'analysed' | 'failed'>>;
}

export interface ReconcileResult {
  /** Articles whose current version had no report or error record: queued for analysis. */
  analysing: string[];
  /** Articles copied by `quote-tone reanalyse` after their result was made: queued for re-analysis. */
  reanalysing: string[];
  /** Results whose article is gone: queued for removal. */
  removing: string[];
  /** Results the index does not list as they are: announced to update-index again. */
  reindexing: string[];
  /**
   * When each `quote-tone reanalyse` that was stopped before its last copy was asked: the copies it
   * never made are not in the store, so running it again (which picks up where it stopped) does them.
   */
  stoppedReanalyses: string[];
}

// Reads a few articles' results at a time: enough to hide the embedded server's latency.
const READ_CONCURRENCY = 8;

/**
 * Brings a local store left by a crash back to "every article has a result for its current
 * version, and every result is indexed", by queueing events for what is missing.
 *
 * @example
 * const { analysing } = await reconcileStore({ store, uploadBucket, resultsBucket, publish })
 */
export async function reconcileStore(target: ReconcileTarget): Promise<ReconcileResult> {
  const { store, uploadBucket, resultsBucket } = target;
  const [articles, reports, errors, stoppedReanalyses] = await Promise.all([
    listObjects(store, uploadBucket, UPLOAD_PREFIX),
    listObjects(store, resultsBucket, REPORTS_PREFIX),
    listObjects(store, resultsBucket, ERRORS_PREFIX),
    readStoppedReanalyses(store, uploadBucket),
  ]);
  const results = new Map<string, ListedObject>();
  for (const result of [...reports, ...errors]) results.set(idOfResult(result.key), result);

  const outcome: ReconcileResult = {
    analysing: [],
    reanalysing: [],
    removing: [],
    reindexing: [],
    stoppedReanalyses,
  };
  const upToDate: { id: string; kind: 'report' | 'error'; object: ListedObject }[] = [];
  const articleIds = new Set<string>();
  await forEachLimited(articles, READ_CONCURRENCY, async (article) => {
    if (article.key.endsWith('/')) return;
    const id = articleIdFromKey(article.key);
    articleIds.add(id);
    const [state, upload] = results.has(id)
      ? await Promise.all([readArticleState(store, resultsBucket, id), store.head(uploadBucket, article.key)])
      : [null, null];
    const current = state && currentResult(state);
    if (current && sameEtag(current.source.etag, article.etag)) {
      if (isLaterTime(upload?.metadata?.[REANALYSED_META], resultTime(state, current.kind))) {
        outcome.reanalysing.push(article.key);
        target.publish(eventFor(uploadBucket, 'ObjectCreated:Copy', article));
        return;
      }
      const object = results.get(id);
      if (object) upToDate.push({ id, kind: current.kind, object });
      return;
    }
    outcome.analysing.push(article.key);
    target.publish(eventFor(uploadBucket, 'ObjectCreated:Put', article));
  });

  const orphans = [...results.keys()].filter((id) => !articleIds.has(id));
  await forEachLimited(orphans, READ_CONCURRENCY, async (id) => {
    const source = await sourceOf(store, resultsBucket, id);
    // Results of objects outside articles/ (hand-made events in tests, other tools) are not ours.
    if (source?.bucket !== uploadBucket || !source.key.startsWith(UPLOAD_PREFIX)) return;
    outcome.removing.push(source.key);
    target.publish(eventFor(uploadBucket, 'ObjectRemoved:Delete', { key: source.key, etag: '', size: 0 }));
  });

  const indexed = await (target.indexedArticles ?? (() => readIndexedArticles(store, resultsBucket)))();
  for (const { id, kind, object } of upToDate) {
    if (indexed.get(id) === (kind === 'report' ? 'analysed' : 'failed')) continue;
    outcome.reindexing.push(object.key);
    target.publish(eventFor(resultsBucket, 'ObjectCreated:Put', object));
  }
  return outcome;
}

/** What the index says at start: each listed article's status, and the entries a crash broke. */
export interface IndexView {
  statuses: Map<string, 'analysed' | 'failed'>;
  /**
   * Articles the pages list without a commit record (their locator), or twice. A crash between
   * update-index's page write and its locator write leaves them; no event can mend them (an update
   * places an article by its locator), so `start` rebuilds the index when there are any.
   */
  uncommitted: string[];
}

/**
 * One read of the index pages and one listing of the locators, for both of start's checks.
 *
 * @example const { uncommitted } = await readIndexView(store, 'quote-tone-results')
 */
export async function readIndexView(store: ObjectStore, bucket: string): Promise<IndexView> {
  const committed = new Set<string>();
  for await (const key of store.list(bucket, LOCATORS_PREFIX))
    committed.add(key.slice(LOCATORS_PREFIX.length).replace(/\.json$/, ''));
  const entries = await readEntriesOrNone(store, bucket);
  return {
    statuses: new Map(entries.map((entry) => [entry.id, entry.status])),
    uncommitted: unrecordedEntries(
      entries.map((entry) => entry.id),
      committed,
    ),
  };
}

async function listObjects(store: ObjectStore, bucket: string, prefix: string): Promise<ListedObject[]> {
  const listed: ListedObject[] = [];
  for await (const object of store.listObjects(bucket, prefix)) listed.push(object);
  return listed;
}

// When the result was made: a report's analysis, an error record's failure.
function resultTime(state: ArticleState, kind: 'report' | 'error'): string | undefined {
  return kind === 'report' ? state.report?.value?.analyzedAt : state.error?.value?.failedAt;
}

// The request times of the `reanalyse` records left in the upload bucket, oldest first; a record
// that does not parse still names a stopped run.
async function readStoppedReanalyses(store: ObjectStore, bucket: string): Promise<string[]> {
  const times: string[] = [];
  for await (const key of store.list(bucket, REANALYSIS_REQUESTS_PREFIX)) {
    const record = await store.getJson(bucket, key).catch(() => null);
    const parsed = ReanalysisRequestSchema.safeParse(record?.value);
    times.push(parsed.success ? parsed.data.requestedAt : key.slice(REANALYSIS_REQUESTS_PREFIX.length));
  }
  return times.sort();
}

function idOfResult(key: string): string {
  return key.slice(key.indexOf('/') + 1).replace(/\.json$/, '');
}

async function sourceOf(store: ObjectStore, bucket: string, id: string): Promise<ArticleSource | undefined> {
  const state = await readArticleState(store, bucket, id);
  return currentResult(state)?.source;
}

// The default view of the index: the article index's ids and statuses.
async function readIndexedArticles(
  store: ObjectStore,
  bucket: string,
): Promise<Map<string, 'analysed' | 'failed'>> {
  const entries = await readEntriesOrNone(store, bucket);
  return new Map(entries.map((entry) => [entry.id, entry.status]));
}

// A missing or unreadable index lists nothing, so every result is announced again and
// update-index rebuilds it (a damaged page is rebuilt from its markers).
async function readEntriesOrNone(store: ObjectStore, bucket: string): Promise<ArticleEntry[]> {
  try {
    return await readAllEntries(store, bucket);
  } catch {
    return [];
  }
}

// The event the embedded server emits for a write, copy or delete (unencoded key; the bridge
// encodes it); like the server's, a copy's event carries no ETag. The sequencer is now: the
// version found is the key's latest change.
function eventFor(bucket: string, eventName: string, object: ListedObject): S3Event {
  const removed = eventName.startsWith('ObjectRemoved');
  const copied = eventName === 'ObjectCreated:Copy';
  return {
    Records: [
      {
        eventName,
        eventTime: new Date().toISOString(),
        s3: {
          bucket: { name: bucket },
          object: {
            key: object.key,
            sequencer: Date.now().toString(16).toUpperCase(),
            ...(removed ? {} : { size: object.size }),
            ...(removed || copied ? {} : { eTag: object.etag.replace(/"/g, '') }),
          },
        },
      },
    ],
  };
}

function sameEtag(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.replace(/"/g, '') === b.replace(/"/g, '');
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
