import type { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import {
  INDEX_BATCH_SIZE,
  INDEX_BATCH_WINDOW_SECONDS,
  INDEX_MAX_RECEIVES,
} from '../../shared/store/delivery.ts';
import { ERRORS_PREFIX, INDEX_PREFIX, REPORTS_PREFIX, UPLOAD_PREFIX } from '../../shared/store/layout.ts';
import { type ObjectStore, objectStoreFromEnv } from '../lib/object-store.ts';
import { PipelineError } from '../lib/pipeline-error.ts';
import type { S3Event } from '../lib/s3-event.ts';
import { type ReindexSummary, reindex } from '../update-index/reindex.ts';
import { EventBridge, type Route } from './event-bridge.ts';
import { claimStoreDirectory, type InterruptedWritesRepair } from './interrupted-writes.ts';
import { refuseUnstorableKeys } from './key-guard.ts';
import { type IndexView, type ReconcileResult, readIndexView, reconcileStore } from './reconcile.ts';

// The local pipeline: the same handlers as on AWS, behind an embedded S3 server on 127.0.0.1.
// Handlers read their configuration from the environment at import, like on Lambda, so the
// environment is set before they are imported and one process runs one pipeline.

export const LOCAL_UPLOAD_BUCKET = 'quote-tone-uploads';
export const LOCAL_RESULTS_BUCKET = 'quote-tone-results';
// s3rver's conventional port, so `quote-tone drop` finds a running pipeline without flags.
export const LOCAL_S3_PORT = 4569;
export const LOCAL_ADDRESS = '127.0.0.1';

export interface LocalPipelineOptions {
  /** Where the embedded server keeps its buckets; kept between runs. */
  directory: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Show the handlers' JSON logs. */
  verbose?: boolean;
}

export interface LocalPipeline {
  endpoint: string;
  uploadBucket: string;
  resultsBucket: string;
  store: ObjectStore;
  bridge: EventBridge;
  /** What starting found missing after an earlier run (e.g. a crash) and queued again. */
  reconciled: ReconcileResult;
  /** The embedded server's files an earlier run that never closed left unreadable, and were repaired. */
  repaired: InterruptedWritesRepair;
  /** The index rebuild, when that run left index files cut short; null otherwise. */
  reindexed: ReindexSummary | null;
  /** Articles the index listed without their commit record after a crash: the index was rebuilt. */
  uncommitted: string[];
  close(): Promise<void>;
}

/** @example const pipeline = await startLocalPipeline({ directory: '.local/s3' }) */
export async function startLocalPipeline(options: LocalPipelineOptions): Promise<LocalPipeline> {
  mkdirSync(options.directory, { recursive: true });
  const claim = await claimStoreDirectory(options.directory, {
    bodiesUnder: [{ bucket: LOCAL_RESULTS_BUCKET, prefix: INDEX_PREFIX }],
  });
  const server = new S3rver({
    address: LOCAL_ADDRESS,
    port: options.port ?? LOCAL_S3_PORT,
    directory: options.directory,
    silent: true,
    configureBuckets: [
      { name: LOCAL_UPLOAD_BUCKET, configs: [] },
      { name: LOCAL_RESULTS_BUCKET, configs: [] },
    ],
  });
  refuseUnstorableKeys(server);
  const address = await server.run().catch(async (error: unknown) => {
    await claim.release();
    throw error;
  });
  const endpoint = `http://${LOCAL_ADDRESS}:${address.port}`;

  process.env.S3_ENDPOINT = endpoint;
  process.env.RESULTS_BUCKET = LOCAL_RESULTS_BUCKET;
  process.env.POWERTOOLS_LOG_LEVEL ??= options.verbose ? 'INFO' : 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

  const bridge = new EventBridge(await routes());
  // S3rver is a Koa app and so an EventEmitter, which its type definitions leave out.
  (server as unknown as EventEmitter).on('event', (event: S3Event) => bridge.publish(event));
  const store = objectStoreFromEnv();
  const close = async () => {
    await bridge.idle();
    await server.close();
    await claim.release();
  };
  let reconciled: ReconcileResult;
  let reindexed: ReindexSummary | null = null;
  let uncommitted: string[] = [];
  try {
    // An index file cut short that no later batch rewrites would stay unreadable: rebuild the
    // index from the results first (as `quote-tone reindex` does), then resume as usual.
    // So are entries a crash left without their commit record: no later event can reach them.
    let view: IndexView | undefined =
      claim.repair.damagedBodies.length === 0 ? await readIndexView(store, LOCAL_RESULTS_BUCKET) : undefined;
    uncommitted = view?.uncommitted ?? [];
    if (claim.repair.damagedBodies.length > 0 || uncommitted.length > 0) {
      reindexed = await reindex(store, LOCAL_RESULTS_BUCKET);
      view = undefined;
    }
    // The view read above, when no rebuild made it stale, is the index reconcile compares with.
    const statuses = view?.statuses;
    reconciled = await reconcileStore({
      store,
      uploadBucket: LOCAL_UPLOAD_BUCKET,
      resultsBucket: LOCAL_RESULTS_BUCKET,
      publish: (event) => bridge.publish(event),
      ...(statuses ? { indexedArticles: async () => statuses } : {}),
    });
  } catch (error) {
    // A start that fails must not leave the server listening: it would keep the process alive.
    await server.close();
    await claim.release();
    throw new LocalStoreUnreadableError(options.directory, error);
  }

  return {
    endpoint,
    uploadBucket: LOCAL_UPLOAD_BUCKET,
    resultsBucket: LOCAL_RESULTS_BUCKET,
    store,
    bridge,
    reconciled,
    repaired: claim.repair,
    reindexed,
    uncommitted,
    close,
  };
}

/** Starting could not read the local store to resume the last run. */
export class LocalStoreUnreadableError extends PipelineError {
  override readonly code = 'LOCAL_STORE_UNREADABLE';

  constructor(directory: string, cause: unknown) {
    super(
      `could not read the local store in ${directory} to resume the last run: ` +
        `${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'LocalStoreUnreadableError';
  }
}

// Mirrors the notifications the CDK stack configures on AWS.
async function routes(): Promise<Route[]> {
  const analyze = await import('../analyze-article/handler.ts');
  const updateIndex = await import('../update-index/handler.ts');
  return [
    {
      name: 'analyze-article',
      bucket: LOCAL_UPLOAD_BUCKET,
      // Everything under articles/: the analyze step decides what it reads (see the stack).
      prefix: UPLOAD_PREFIX,
      events: ['ObjectCreated', 'ObjectRemoved'],
      handler: (event) => analyze.handler(event),
    },
    ...[REPORTS_PREFIX, ERRORS_PREFIX].map(
      (prefix): Route => ({
        name: 'update-index',
        bucket: LOCAL_RESULTS_BUCKET,
        prefix,
        suffixes: ['.json'],
        events: ['ObjectCreated', 'ObjectRemoved'],
        handler: (event) => updateIndex.handler(event),
        // As on AWS: one message per record, batched by the queue, partial failures redelivered.
        queue: {
          batchSize: INDEX_BATCH_SIZE,
          maxReceiveCount: INDEX_MAX_RECEIVES,
          batchWindowMs: INDEX_BATCH_WINDOW_SECONDS * 1000,
        },
      }),
    ),
  ];
}
