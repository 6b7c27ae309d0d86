import { startLocalPipeline } from '../functions/local/pipeline.ts';
import { UPLOAD_PREFIX } from '../shared/store/layout.ts';
import { articleText } from './synthetic.ts';

// The end-to-end child: one local pipeline (handlers read the environment at import, so one
// process runs one pipeline). The parent bundles this file, runs `node pipeline-child.mjs
// PARAMS_JSON` with the repository as working directory and reads one JSON line.

export interface EndToEndTask {
  directory: string;
  count: number;
  articleBytes: number;
  /** Articles uploaded at once. */
  uploadConcurrency: number;
}

/** Printed every PROGRESS_INTERVAL_MS, so a run cut short by the time limit still tells its rate. */
export interface EndToEndProgress {
  kind: 'progress';
  /** Since the first article upload began. */
  ms: number;
  /** Handler invocations finished so far, per function. */
  deliveries: Record<string, number>;
  uploadOnlyMs: number;
  /** When the last report was written (every analyze-article delivery done), once it was. */
  reportsMs?: number;
}

export interface EndToEndResult {
  kind: 'done';
  count: number;
  ms: number;
  /** The same uploads under a prefix no function listens to: the embedded server's own speed. */
  uploadOnlyMs: number;
  /** When the last report was written; the rest of `ms` is the index catching up. */
  reportsMs: number;
  reports: number;
  errors: number;
  indexFiles: number;
  failedDeliveries: number;
  firstFailure?: string;
}

const SEED = 20261128;
// The local pipeline's name for the analyze function's route.
const ANALYZE_ROUTE = 'analyze-article';
const PROGRESS_INTERVAL_MS = 2000;

function emit(line: EndToEndProgress | EndToEndResult): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function runEndToEnd(task: EndToEndTask): Promise<EndToEndResult> {
  const pipeline = await startLocalPipeline({ directory: task.directory, port: 0 });
  let failedDeliveries = 0;
  let firstFailure: string | undefined;
  const deliveries: Record<string, number> = {};
  let started = performance.now();
  let reportsMs: number | undefined;
  pipeline.bridge.onDelivery((delivery) => {
    deliveries[delivery.route] = (deliveries[delivery.route] ?? 0) + 1;
    if (delivery.route === ANALYZE_ROUTE && deliveries[delivery.route] === task.count) {
      reportsMs = performance.now() - started;
    }
    if (delivery.error === undefined) return;
    failedDeliveries++;
    firstFailure ??= `${delivery.route} ${delivery.key}: ${String(delivery.error)}`;
  });
  const articles = Array.from({ length: task.count }, (_, index) =>
    articleText(task.articleBytes, SEED + index),
  );

  const upload = async (prefix: string) => {
    let next = 0;
    const uploader = async () => {
      for (let index = next++; index < articles.length; index = next++) {
        await pipeline.store.put(pipeline.uploadBucket, `${prefix}bench-${index}.txt`, articles[index] ?? '');
      }
    };
    await Promise.all(Array.from({ length: task.uploadConcurrency }, uploader));
  };

  const baselineStarted = performance.now();
  await upload('not-articles/');
  const uploadOnlyMs = performance.now() - baselineStarted;

  for (const route of Object.keys(deliveries)) deliveries[route] = 0;
  started = performance.now();
  const progress = setInterval(
    () =>
      emit({
        kind: 'progress',
        ms: performance.now() - started,
        deliveries,
        uploadOnlyMs,
        ...(reportsMs === undefined ? {} : { reportsMs }),
      }),
    PROGRESS_INTERVAL_MS,
  );
  await upload(UPLOAD_PREFIX);
  // The embedded server publishes each write's event before answering it, so by now every event
  // is queued; idle() waits for them and for every event their handlers' writes cause.
  await pipeline.bridge.idle();
  const ms = performance.now() - started;
  clearInterval(progress);

  const count = async (prefix: string) => {
    let found = 0;
    for await (const _key of pipeline.store.list(pipeline.resultsBucket, prefix)) found++;
    return found;
  };
  const result: EndToEndResult = {
    kind: 'done',
    count: task.count,
    ms,
    uploadOnlyMs,
    reportsMs: reportsMs ?? ms,
    reports: await count('reports/'),
    errors: await count('errors/'),
    indexFiles: await count('index/'),
    failedDeliveries,
    ...(firstFailure ? { firstFailure } : {}),
  };
  await pipeline.close();
  return result;
}

const task = JSON.parse(process.argv[2] ?? '{}') as EndToEndTask;
emit(await runEndToEnd(task));
// Sockets to the embedded server may keep the event loop alive; the result is out.
process.exit(0);
