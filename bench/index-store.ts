import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { readAllEntries } from '../functions/lib/index-reader.ts';
import { isGzipped, jsonText, type ObjectStore } from '../functions/lib/object-store.ts';
import type { S3EventRecord } from '../functions/lib/s3-event.ts';
import { type RecordResult, updateIndexBatch } from '../functions/update-index/update-index.ts';
import type { Report, ReportQuote } from '../shared/report-schema.ts';
import { ArticlePageSchema } from '../shared/store/article-pages.ts';
import { INDEX_BATCH_SIZE, INDEX_MAX_CONCURRENCY, INDEX_MAX_RECEIVES } from '../shared/store/delivery.ts';
import { articlePageKey, MANIFEST_KEY, reportKey, SPEAKER_LIST_KEY } from '../shared/store/layout.ts';
import { ManifestSchema } from '../shared/store/manifest.ts';
import { unpackTally } from '../shared/store/tally.ts';
import {
  ARTICLES_INDEX_KEY,
  articleEntryFromReport,
  emptyArticlesIndex,
  withArticles,
} from './baseline-index/article-index.ts';
import { buildSpeakersIndex } from './baseline-index/speaker-index.ts';
import { updateIndexBatch as baselineUpdateIndexBatch } from './baseline-index/update-index.ts';
import { MemoryS3 } from './memory-s3.ts';
import { createRandom, type Random } from './synthetic.ts';

// The index bench (issue 13): the real update-index code against an in-memory S3 with real 412s,
// fed the way AWS feeds it (one S3 record per SQS message, batches of INDEX_BATCH_SIZE, at most
// INDEX_MAX_CONCURRENCY invocations at once, failed messages received again and dead-lettered after
// INDEX_MAX_RECEIVES), beside the design it replaces (bench/baseline-index/: one articles.json and
// one speakers.json rewritten by every update) under the same queue. Reports are synthetic and
// schema-valid: invented speakers with a Zipf-like spread of quotes, articles spread over a year.

export const BUCKET = 'results';
// Requests one Lambda's S3 client keeps in flight: the SDK's default (its HTTP agent's maxSockets),
// which the functions keep.
const SDK_MAX_SOCKETS = 50;
// Invented speaker names: many speakers, a few quoted far more than the rest, as in news.
const SPEAKER_COUNT = 5000;
const QUOTES_PER_ARTICLE = 5;
const DAYS = 365;
const FIRST = ['Amara', 'Tomas', 'Lena', 'Rafael', 'Ines', 'Jonah', 'Priya', 'Mateo', 'Greta', 'Kofi'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Castellan', 'Brandt', 'Haddad', 'Novak', 'Serrano'];
const LABELS = ['positive', 'negative', 'neutral', 'mixed'] as const;

function speakerName(rank: number): string {
  return `${FIRST[rank % FIRST.length]} ${LAST[Math.floor(rank / FIRST.length) % LAST.length]} ${rank}`;
}

// Zipf (s = 1) over SPEAKER_COUNT ranks by inverse transform on the harmonic numbers.
function zipfPicker(random: Random): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= SPEAKER_COUNT; rank++) {
    sum += 1 / rank;
    cumulative.push(sum);
  }
  return () => {
    const target = random.next() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? 0) < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/** A schema-valid synthetic report: QUOTES_PER_ARTICLE attributed quotes, published on `day`. */
export function syntheticReport(
  n: number,
  day: string,
  analyzedAt: string,
  random: Random,
  pick: () => number,
): Report {
  const id = `article-${n}-${createHash('sha256').update(String(n)).digest('hex').slice(0, 8)}`;
  let text = `Synthetic article ${n}\n\n`;
  const quotes: ReportQuote[] = [];
  const labels = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
  const bySpeaker = new Map<string, { quotes: number; sum: number; labels: typeof labels }>();
  let scoreSum = 0;
  for (let q = 0; q < QUOTES_PER_ARTICLE; q++) {
    const name = speakerName(pick());
    const label = random.pick(LABELS);
    const score = Math.round((random.next() * 2 - 1) * 1000) / 1000;
    const quoteText = `Statement ${q + 1} of article ${n}, on the budget and the talks ahead.`;
    const start = text.length + 1;
    text += `"${quoteText}" said ${name}.\n\n`;
    quotes.push({
      id: `q${q + 1}`,
      text: quoteText,
      kind: 'direct',
      speaker: { name, mention: name, confidence: 0.9 },
      cue: 'said',
      span: { start, end: start + quoteText.length },
      spans: [{ start, end: start + quoteText.length }],
      paragraph: q + 1,
      tone: {
        label,
        score,
        confidence: { positive: 0.25, negative: 0.25, neutral: 0.25, mixed: 0.25 },
        intensity: Math.abs(score),
        tones: [],
        explanation: [],
      },
    });
    labels[label] += 1;
    scoreSum += score;
    const own = bySpeaker.get(name) ?? {
      quotes: 0,
      sum: 0,
      labels: { positive: 0, negative: 0, neutral: 0, mixed: 0 },
    };
    own.quotes += 1;
    own.sum += score;
    own.labels[label] += 1;
    bySpeaker.set(name, own);
  }
  return {
    schemaVersion: 1,
    article: {
      id,
      source: { bucket: 'uploads', key: `articles/${id}.txt` },
      format: 'text',
      sha256: '0'.repeat(64),
      chars: text.length,
      title: `Synthetic article ${n}`,
      metadata: { publishedAt: day },
      text,
    },
    analyzer: { name: 'quote-tone', version: 'bench' },
    analyzedAt,
    quotes,
    summary: {
      quotes: quotes.length,
      direct: quotes.length,
      indirect: 0,
      unattributed: 0,
      labels,
      meanScore: scoreSum / quotes.length,
      speakers: [...bySpeaker].map(([name, own]) => ({
        name,
        quotes: own.quotes,
        meanScore: own.sum / own.quotes,
        labels: own.labels,
      })),
    },
  } as Report;
}

type BatchFn = (store: ObjectStore, records: S3EventRecord[]) => Promise<RecordResult[]>;

const NEW_DESIGN: BatchFn = (store, records) => updateIndexBatch(store, { resultsBucket: BUCKET }, records);
const OLD_DESIGN: BatchFn = (store, records) =>
  baselineUpdateIndexBatch(store, { resultsBucket: BUCKET }, records) as Promise<RecordResult[]>;

/** The S3 record of a report written at `key`, as one queue message carries it. */
export function createdRecord(key: string): S3EventRecord {
  return {
    eventName: 'ObjectCreated:Put',
    eventTime: new Date().toISOString(),
    s3: { bucket: { name: BUCKET }, object: { key } },
  };
}

export interface QueueRun {
  invocations: number;
  deadLettered: number;
  ms: number;
  peakHeapMb: number;
}

/**
 * A batch handler of one simulated container: the keys of the records it could not index (the
 * partial batch response); throwing fails the whole batch.
 */
export type Lane = (records: S3EventRecord[]) => Promise<string[]>;

/**
 * Drains a simulated SQS queue of one message per record through `lanes` (one container each, at
 * most one batch in flight per container), as the event source mapping does: batches of
 * INDEX_BATCH_SIZE, failed messages received again, dead-lettered after INDEX_MAX_RECEIVES.
 */
export async function drainThrough(
  lanes: readonly Lane[],
  records: S3EventRecord[],
  timeoutMs: number,
): Promise<Omit<QueueRun, 'peakHeapMb'>> {
  const queue = records.map((record) => ({ record, receives: 0 }));
  let invocations = 0;
  let deadLettered = 0;
  const started = performance.now();
  const drain = async (lane: Lane) => {
    while (queue.length > 0 && performance.now() - started < timeoutMs) {
      const messages = queue.splice(0, INDEX_BATCH_SIZE);
      invocations += 1;
      for (const message of messages) message.receives += 1;
      const keys = messages.map((message) => message.record.s3.object.key);
      const failed = new Set(await lane(messages.map((message) => message.record)).catch(() => keys));
      for (const message of messages) {
        if (!failed.has(message.record.s3.object.key)) continue;
        if (message.receives >= INDEX_MAX_RECEIVES) deadLettered += 1;
        else queue.push(message);
      }
    }
  };
  await Promise.all(lanes.map(drain));
  return { invocations, deadLettered, ms: performance.now() - started };
}

/** drainThrough with INDEX_MAX_CONCURRENCY warm containers in this process, each with its own S3 client. */
async function drainQueue(
  store: MemoryS3,
  batch: BatchFn,
  records: S3EventRecord[],
  timeoutMs: number,
): Promise<QueueRun> {
  let peakHeap = 0;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const lanes = Array.from({ length: INDEX_MAX_CONCURRENCY }, (): Lane => {
    const client = store.connection(SDK_MAX_SOCKETS);
    return async (batchRecords) =>
      (await batch(client, batchRecords)).flatMap((result) => ('error' in result ? [result.key] : []));
  });
  const run = await drainThrough(lanes, records, timeoutMs);
  clearInterval(sampler);
  return { ...run, peakHeapMb: peakHeap / 2 ** 20 };
}

export interface DropResult {
  design: 'bounded' | 'baseline';
  articles: number;
  run: QueueRun;
  indexRead: number;
  indexWritten: number;
  conflicts: number;
  /** Every S3 request of the run: index, lake, reports and error records. */
  requests: number;
  lost: number;
  duplicated: number;
  timedOut: boolean;
  /** Bytes read and written, requests, and writes refused (412), per kind of key (MemoryS3's kinds). */
  byKind: Record<string, { read: number; written: number; requests: number; conflicts: number }>;
}

/**
 * The reports of a bulk drop, written to `store` at once: `count` synthetic articles over a year
 * of publication days, the same every run. Returns their article ids.
 */
export function seedDropReports(store: MemoryS3, count: number): string[] {
  const random = createRandom(13);
  const pick = zipfPicker(random);
  const now = new Date().toISOString();
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const report = syntheticReport(n, dayOf(n % DAYS), now, random, pick);
    ids.push(report.article.id);
    store.seed(BUCKET, reportKey(report.article.id), JSON.stringify(report));
  }
  return ids;
}

/** `count` reports written at once, then indexed through the queue by one design. */
export async function bulkDrop(
  design: 'bounded' | 'baseline',
  count: number,
  timeoutMs: number,
  latencyMs: number,
): Promise<DropResult> {
  const store = new MemoryS3(latencyMs);
  const ids = seedDropReports(store, count);
  const run = await drainQueue(
    store,
    design === 'bounded' ? NEW_DESIGN : OLD_DESIGN,
    ids.map((id) => createdRecord(reportKey(id))),
    timeoutMs,
  );
  const traffic = store.total(['index', 'lake']);
  const requests = store.total().requests;
  let indexed: string[];
  if (design === 'bounded') indexed = (await readAllEntries(store.direct, BUCKET)).map((entry) => entry.id);
  else {
    const stored = await store.direct.getJson<{ articles: { id: string }[] }>(BUCKET, ARTICLES_INDEX_KEY);
    indexed = stored?.value.articles.map((entry) => entry.id) ?? [];
  }
  const unique = new Set(indexed);
  return {
    design,
    articles: count,
    run,
    indexRead: traffic.bytesRead,
    indexWritten: traffic.bytesWritten,
    conflicts: traffic.conflicts,
    requests,
    lost: ids.filter((id) => !unique.has(id)).length,
    duplicated: indexed.length - unique.size,
    timedOut: run.ms >= timeoutMs,
    byKind: Object.fromEntries(
      Object.entries(store.traffic).map(([kind, traffic]) => [
        kind,
        {
          read: traffic.bytesRead,
          written: traffic.bytesWritten,
          requests: traffic.requests,
          conflicts: traffic.conflicts,
        },
      ]),
    ),
  };
}

export interface BatchCost {
  records: number;
  read: number;
  written: number;
  reportsRead: number;
  requests: number;
  ms: number;
  cpuMs: number;
  heapGrowthMb: number;
  byKind: Record<string, { read: number; written: number }>;
}

export interface SeededBatchResult {
  seeded: number;
  seedMs: number;
  /** 100 new articles on the newest day: the batch. */
  batch: BatchCost;
  /** A full batch (INDEX_BATCH_SIZE) of articles spread over the year, after `batch`: the heaviest invocation. */
  fullBatch: BatchCost;
  /** As stored (what a browser downloads), as JSON, and with CloudFront compressing the plain files. */
  firstView: { storedBytes: number; bytes: number; gzipBytes: number; files: string[] };
  baselineFirstView: { bytes: number; gzipBytes: number };
}

export const SEEDED_BUCKET = BUCKET;

export interface SeededStore {
  store: MemoryS3;
  seedMs: number;
  random: Random;
  pick: () => number;
  baselineEntries: ReturnType<typeof articleEntryFromReport>[];
}

/**
 * A store of `seeded` articles indexed through the real batch update (their reports and lake files
 * dropped afterwards: the index is what is measured), in bucket SEEDED_BUCKET.
 */
export async function seedStore(seeded: number): Promise<SeededStore> {
  const store = new MemoryS3(0);
  const random = createRandom(99);
  const pick = zipfPicker(random);
  const now = new Date().toISOString();
  const seedStarted = performance.now();
  const SEED_BATCH = 1000;
  const baselineEntries: ReturnType<typeof articleEntryFromReport>[] = [];
  for (let start = 0; start < seeded; start += SEED_BATCH * INDEX_MAX_CONCURRENCY) {
    await Promise.all(
      Array.from({ length: INDEX_MAX_CONCURRENCY }, async (_, lane) => {
        const from = start + lane * SEED_BATCH;
        const ids: string[] = [];
        for (let n = from; n < Math.min(from + SEED_BATCH, seeded); n++) {
          const report = syntheticReport(n, dayOf(n % DAYS), now, random, pick);
          baselineEntries.push(articleEntryFromReport(report));
          ids.push(report.article.id);
          store.seed(BUCKET, reportKey(report.article.id), JSON.stringify(report));
        }
        if (ids.length === 0) return;
        await updateIndexBatch(
          store.direct,
          { resultsBucket: BUCKET },
          ids.map((id) => createdRecord(reportKey(id))),
        );
        for (const id of ids) store.objects.delete(`${BUCKET}/${reportKey(id)}`);
      }),
    );
  }
  for (const key of [...store.objects.keys()])
    if (key.startsWith(`${BUCKET}/lake/`)) store.objects.delete(key);
  return { store, seedMs: performance.now() - seedStarted, random, pick, baselineEntries };
}

/**
 * A store pre-seeded with `seeded` articles (seedStore), then one batch of 100 new articles on the
 * newest day: what it reads and writes, and the dashboard's first view; then a full batch spread
 * over the year.
 */
export async function seededBatch(seeded: number): Promise<SeededBatchResult> {
  const { store, seedMs, random, pick, baselineEntries } = await seedStore(seeded);
  const newReports = (from: number, count: number, day: (n: number) => string) => {
    const ids: string[] = [];
    for (let n = from; n < from + count; n++) {
      const report = syntheticReport(n, day(n), new Date().toISOString(), random, pick);
      ids.push(report.article.id);
      store.seed(BUCKET, reportKey(report.article.id), JSON.stringify(report));
    }
    return ids;
  };
  const batch = await measureBatch(
    store,
    newReports(seeded, 100, () => dayOf(DAYS - 1)),
  );

  // The dashboard's first view: the manifest, the newest page and the speaker list.
  const manifest = (await store.direct.getJson(BUCKET, MANIFEST_KEY, ManifestSchema))?.value;
  const newest = manifest?.partitions.find((row) => unpackTally(row.tally).articles > 0);
  const lastPage = newest?.pages.filter((page) => unpackTally(page.tally).articles > 0).at(-1);
  const files = [
    MANIFEST_KEY,
    SPEAKER_LIST_KEY,
    ...(newest && lastPage ? [articlePageKey(newest.id, lastPage.page)] : []),
  ];
  const bodies = files.map((key) => store.objects.get(`${BUCKET}/${key}`)?.body ?? new Uint8Array());
  const texts = bodies.map((body) => jsonText(body));
  if (newest && lastPage) ArticlePageSchema.parse(JSON.parse(texts[2] ?? ''));

  // The old design's first view: articles.json and speakers.json, built from the same entries.
  const oldIndex = withArticles(
    emptyArticlesIndex(),
    new Map(baselineEntries.map((entry) => [entry.id, entry])),
  );
  const oldArticles = Buffer.from(`${JSON.stringify(oldIndex)}\n`);
  const oldSpeakers = Buffer.from(`${JSON.stringify(buildSpeakersIndex(oldIndex))}\n`);

  const firstView = {
    storedBytes: bodies.reduce((sum, body) => sum + body.length, 0),
    bytes: texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
    gzipBytes: bodies.reduce((sum, body) => sum + (isGzipped(body) ? body : gzipSync(body)).length, 0),
    files,
  };
  const fullBatch = await measureBatch(
    store,
    newReports(seeded + 100, INDEX_BATCH_SIZE, (n) => dayOf(n % DAYS)),
  );
  return {
    seeded,
    seedMs,
    batch,
    fullBatch,
    firstView,
    baselineFirstView: {
      bytes: oldArticles.length + oldSpeakers.length,
      gzipBytes: gzipSync(oldArticles).length + gzipSync(oldSpeakers).length,
    },
  };
}

/** One batch of the given reports through the real update, with what it cost. */
async function measureBatch(store: MemoryS3, ids: string[]): Promise<BatchCost> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 5);
  store.resetTraffic();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await updateIndexBatch(
    store.direct,
    { resultsBucket: BUCKET },
    ids.map((id) => createdRecord(reportKey(id))),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const ms = performance.now() - started;
  clearInterval(sampler);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  const derived = store.total(['index', 'lake']);
  const reports = store.total(['reports', 'errors']);
  return {
    records: ids.length,
    read: derived.bytesRead,
    written: derived.bytesWritten,
    reportsRead: reports.bytesRead,
    requests: derived.requests + reports.requests,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapGrowthMb: (heapPeak - heapBefore) / 2 ** 20,
    byKind: Object.fromEntries(
      Object.entries(store.traffic).map(([kind, traffic]) => [
        kind,
        { read: traffic.bytesRead, written: traffic.bytesWritten },
      ]),
    ),
  };
}

function dayOf(offset: number): string {
  return new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}
