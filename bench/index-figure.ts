import { cappedDrop } from './capped-drop.ts';
import type { ChildBundles } from './children.ts';
import { LAMBDA_MB_PER_VCPU } from './cost.ts';
import { formatBytes, type Row, significant } from './format.ts';
import { bulkDrop, seededBatch } from './index-store.ts';

// The index figures of issue 13, in `npm run bench` (`-- --only index`).

export interface IndexPlan {
  /** Articles dropped at once in the AWS-shaped run. */
  dropArticles: number;
  /** Articles pre-seeded before the measured batch. */
  seededArticles: number;
  /** Simulated S3 round trip per request in the AWS-shaped run. */
  latencyMs: number;
  /** The same drop again with a round trip closer to S3's from Lambda (no target: how it changes). */
  s3LatencyMs: number;
  /** Either design stops (and is reported as cut short) after this long. */
  timeoutMs: number;
  /** Run the capped drop again through real S3 clients over HTTP, the functions' and the SDK's (minutes). */
  httpDrops: boolean;
}

export const FULL_INDEX_PLAN: IndexPlan = {
  dropArticles: 10_000,
  seededArticles: 100_000,
  latencyMs: 1,
  s3LatencyMs: 15,
  timeoutMs: 600_000,
  httpDrops: true,
};
export const QUICK_INDEX_PLAN: IndexPlan = {
  dropArticles: 1_000,
  seededArticles: 5_000,
  latencyMs: 1,
  s3LatencyMs: 15,
  timeoutMs: 120_000,
  // Two minutes even at 1,000 articles: too long for a smoke run.
  httpDrops: false,
};

const BATCH_TARGET_BYTES = 2_000_000;
const FIRST_VIEW_TARGET_BYTES = 300_000;
const HEAP_TARGET_MB = 256;
const COMPLETE_TARGET_S = 10;

const mb = (bytes: number) => formatBytes(bytes);

/** @example const { rows } = await indexFigures(FULL_INDEX_PLAN) */
export async function indexFigures(
  plan: IndexPlan,
  bundles: ChildBundles,
): Promise<{ rows: Row[]; data: unknown }> {
  const bounded = await bulkDrop('bounded', plan.dropArticles, plan.timeoutMs, plan.latencyMs);
  const atS3Latency = await bulkDrop('bounded', plan.dropArticles, plan.timeoutMs, plan.s3LatencyMs);
  const baseline = await bulkDrop('baseline', plan.dropArticles, plan.timeoutMs, plan.latencyMs);
  const seeded = await seededBatch(plan.seededArticles);
  // Loaded here, not at the top: the CDK library is only needed for these two numbers.
  const { UPDATE_INDEX_MEMORY_MB: memoryMb, UPDATE_INDEX_TIMEOUT } = await import(
    '../infra/quote-tone-stack.ts'
  );
  const timeoutS = UPDATE_INDEX_TIMEOUT.toSeconds();
  const capped = await cappedDrop(bundles.indexContainer, plan.dropArticles, plan.latencyMs, memoryMb);
  // The same, each request through the functions' S3 client as deployed (what a function on AWS pays
  // per request), and through the SDK's client, which they used before.
  const notQuick = { skipped: 'not in --quick (minutes even at 1,000 articles)' };
  const cappedDeployed = plan.httpDrops
    ? await cappedDrop(bundles.indexContainer, plan.dropArticles, plan.latencyMs, memoryMb, 'deployed')
    : notQuick;
  const cappedSdk = plan.httpDrops
    ? await cappedDrop(bundles.indexContainer, plan.dropArticles, plan.latencyMs, memoryMb, 'sdk')
    : notQuick;
  const cappedMet = (run: typeof capped) =>
    'skipped' in run
      ? null
      : run.lost === 0 &&
        run.duplicated === 0 &&
        run.deadLettered === 0 &&
        run.ms <= COMPLETE_TARGET_S * 1000;
  // What the deployed client adds to each request, from two capped drops: the same requests, over
  // IPC and through the client. The full batch below is measured in process, so it is added there.
  const clientMsPerRequest =
    'skipped' in capped || 'skipped' in cappedDeployed
      ? 0
      : Math.max(0, cappedDeployed.containerCpuMs - capped.containerCpuMs) / cappedDeployed.requests;
  const fullBatchCpuMs = seeded.fullBatch.cpuMs + seeded.fullBatch.requests * clientMsPerRequest;
  const describeCapped = (run: typeof capped, requests: string) =>
    'skipped' in run
      ? `not measured: ${run.skipped}`
      : `${significant(run.ms / 1000)} s, ${run.requests.toLocaleString('en')} S3 requests ${requests}, ${run.invocations} invocations, ${run.conflicts} conflicts, ${significant(run.containerCpuMs / 1000)} s of container CPU (${significant(run.cpuShare)} of a core each), ${run.lost} lost, ${run.duplicated} duplicated, ${run.deadLettered} dead-lettered`;
  const describe = (run: typeof bounded) =>
    `${run.timedOut ? `cut short at ${significant(run.run.ms / 1000)} s: ` : ''}${mb(run.indexRead)} read + ${mb(run.indexWritten)} written, ${run.requests.toLocaleString('en')} S3 requests, ${run.run.invocations} invocations, ${run.conflicts} conflicts, ${significant(run.run.ms / 1000)} s, ${run.lost} lost, ${run.duplicated} duplicated, ${run.run.deadLettered} dead-lettered, heap peak ${significant(run.run.peakHeapMb)} MB`;
  const batchBytes = seeded.batch.read + seeded.batch.written;
  const rows: Row[] = [
    {
      figure: `index: ${plan.dropArticles.toLocaleString('en')} articles at once, AWS-shaped`,
      quoteTone: describe(bounded),
      baselines: `one articles.json + speakers.json (before issue 13), same queue: ${describe(baseline)}`,
      target: `0 lost/duplicated/dead-lettered; complete <= ${COMPLETE_TARGET_S} s after the last report`,
      met:
        bounded.lost === 0 &&
        bounded.duplicated === 0 &&
        bounded.run.deadLettered === 0 &&
        !bounded.timedOut &&
        bounded.run.ms <= COMPLETE_TARGET_S * 1000,
    },
    {
      figure: `index: the same drop, each invocation a process capped to a ${memoryMb} MB Lambda's CPU`,
      quoteTone: describeCapped(capped, 'over IPC'),
      baselines: `the ${plan.latencyMs} ms run above (five invocations sharing one uncapped process)`,
      target: `complete <= ${COMPLETE_TARGET_S} s after the last report, as above`,
      met: cappedMet(capped),
    },
    {
      figure: `index: the capped drop with its requests through the functions' S3 client, as on AWS`,
      quoteTone: describeCapped(
        cappedDeployed,
        "through the functions' signed HTTP client to an HTTP front of the same store",
      ),
      baselines: `the same through @aws-sdk/client-s3 (the functions' client before): ${describeCapped(cappedSdk, 'through the SDK')}`,
      target: `complete <= ${COMPLETE_TARGET_S} s after the last report, as above`,
      met: cappedMet(cappedDeployed),
    },
    {
      figure: `index: the same drop at a ${plan.s3LatencyMs} ms S3 round trip`,
      quoteTone: `${describe(atS3Latency)}; ${Math.round(atS3Latency.requests / (atS3Latency.run.ms / 1000)).toLocaleString('en')} requests/s`,
      baselines: `the ${plan.latencyMs} ms run above`,
      target: 'none: what the round trip costs',
      met: null,
    },
    {
      figure: `index: one batch of 100 into ${plan.seededArticles.toLocaleString('en')} articles`,
      quoteTone: `index + lake ${mb(seeded.batch.read)} read + ${mb(seeded.batch.written)} written (reports read ${mb(seeded.batch.reportsRead)}), ${seeded.batch.requests} requests, ${significant(seeded.batch.ms)} ms, heap +${significant(seeded.batch.heapGrowthMb)} MB`,
      baselines: `before issue 13 every update read and wrote articles.json + speakers.json: ${mb(seeded.baselineFirstView.bytes)} each way`,
      target: `<= ${mb(BATCH_TARGET_BYTES)} read + written, heap < ${HEAP_TARGET_MB} MB`,
      met:
        batchBytes + seeded.batch.reportsRead <= BATCH_TARGET_BYTES &&
        seeded.batch.heapGrowthMb < HEAP_TARGET_MB,
    },
    {
      figure: `index: a full batch (${seeded.fullBatch.records.toLocaleString('en')}) over a year into ${plan.seededArticles.toLocaleString('en')} articles`,
      quoteTone: `index + lake ${mb(seeded.fullBatch.read)} read + ${mb(seeded.fullBatch.written)} written (reports read ${mb(seeded.fullBatch.reportsRead)}), ${seeded.fullBatch.requests} requests, ${significant(seeded.fullBatch.ms)} ms, ${significant(seeded.fullBatch.cpuMs)} ms CPU in process, ${clientMsPerRequest > 0 ? `${significant(fullBatchCpuMs)} ms with the client's ${significant(clientMsPerRequest)} ms per request (from the capped drops)` : "the S3 client's share not measured in this run"}; about ${significant(lambdaSeconds(fullBatchCpuMs, memoryMb))} s at ${memoryMb} MB, heap +${significant(seeded.fullBatch.heapGrowthMb)} MB`,
      baselines: 'the batch of 100 above',
      target: `heap < ${HEAP_TARGET_MB} MB; CPU at a ${memoryMb} MB Lambda's share of a vCPU under its ${timeoutS} s timeout`,
      met:
        seeded.fullBatch.heapGrowthMb < HEAP_TARGET_MB && lambdaSeconds(fullBatchCpuMs, memoryMb) < timeoutS,
    },
    {
      figure: `dashboard first view at ${plan.seededArticles.toLocaleString('en')} articles`,
      quoteTone: `${mb(seeded.firstView.storedBytes)} downloaded (${mb(seeded.firstView.bytes)} of JSON, ${mb(seeded.firstView.gzipBytes)} with CloudFront compressing the rest): manifest, newest page, speaker list`,
      baselines: `articles.json + speakers.json: ${mb(seeded.baselineFirstView.bytes)} (${mb(seeded.baselineFirstView.gzipBytes)} gzipped)`,
      target: `<= ${mb(FIRST_VIEW_TARGET_BYTES)} (draw time: \`--only draw\`)`,
      met: seeded.firstView.storedBytes <= FIRST_VIEW_TARGET_BYTES,
    },
  ];
  return { rows, data: { plan, bounded, capped, cappedDeployed, cappedSdk, atS3Latency, baseline, seeded } };
}

/** Seconds a Lambda of `memoryMb` needs for `cpuMs` of one core's CPU. */
function lambdaSeconds(cpuMs: number, memoryMb: number): number {
  return cpuMs / 1000 / Math.min(1, memoryMb / LAMBDA_MB_PER_VCPU);
}
