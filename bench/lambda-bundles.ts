import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import { build } from 'esbuild';
import S3rver from 's3rver';
import { embeddedS3ClientConfig, ObjectStore } from '../functions/lib/object-store.ts';
import { articleIdFromKey } from '../shared/article-id.ts';
import { reportKey } from '../shared/store-layout.ts';
import { BENCH_CACHE, PROJECT_ROOT } from './children.ts';
import { median } from './measure.ts';
import { articleText } from './synthetic.ts';

// Each Lambda function bundled as the CDK stack bundles it, its size, and its cold start: a fresh
// Node process importing the bundle and handling one event against an embedded S3 server.

// The same esbuild settings as infra/pipeline-function.ts (NodejsFunction bundling): minified ESM
// for Node 24 with source maps, `@aws-sdk/*` external because the runtime ships it, and a
// `require` for bundled CommonJS dependencies.
const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
const LAMBDA_TARGET = 'node24';
// Lambda's Node version may be newer than the esbuild in use knows; node20 is the fallback.
const FALLBACK_TARGET = 'node20';
// The stack sets NODE_OPTIONS=--enable-source-maps, so a cold start pays for reading the map.
const LAMBDA_NODE_ARGS = ['--enable-source-maps'];

const UPLOAD_BUCKET = 'bench-uploads';
const RESULTS_BUCKET = 'bench-results';
// A typical news article: what one cold start handles.
const COLD_START_ARTICLE_BYTES = 5000;
const RESULT_MARK = 'BENCH_RESULT ';

export interface LambdaBundle {
  name: string;
  entry: string;
  file: string;
  bytes: number;
  target: string;
}

/** The functions the stack deploys: every functions/<name>/handler.ts except the local and shared code. */
export function lambdaEntries(): { name: string; entry: string }[] {
  const functionsDir = path.join(PROJECT_ROOT, 'functions');
  return readdirSync(functionsDir)
    .filter((name) => existsSync(path.join(functionsDir, name, 'handler.ts')))
    .map((name) => ({ name, entry: path.join('functions', name, 'handler.ts') }));
}

/**
 * Bundles one handler like the CDK stack does and returns where the bundle is and its size.
 *
 * @example
 * const bundle = await bundleLambda({ name: 'analyze-article', entry: 'functions/analyze-article/handler.ts' })
 */
export async function bundleLambda(fn: { name: string; entry: string }): Promise<LambdaBundle> {
  const file = path.join(BENCH_CACHE, 'lambda', fn.name, 'index.mjs');
  const bundleWith = (target: string) =>
    build({
      entryPoints: [path.join(PROJECT_ROOT, fn.entry)],
      outfile: file,
      bundle: true,
      minify: true,
      sourcemap: true,
      format: 'esm',
      platform: 'node',
      target,
      mainFields: ['module', 'main'],
      banner: { js: REQUIRE_BANNER },
      external: ['@aws-sdk/*'],
      logLevel: 'silent',
    });
  let target = LAMBDA_TARGET;
  try {
    await bundleWith(target);
  } catch {
    target = FALLBACK_TARGET;
    await bundleWith(target);
  }
  return { ...fn, file, bytes: statSync(file).size, target };
}

export interface ColdStart {
  name: string;
  /** Median wall time from spawning Node to its exit after handling one event. */
  medianMs: number;
  /** Median wall time of `node -e ""` measured in the same loop. */
  bareMs: number;
  /** Inside the child: importing the bundle, then handling the event (medians). */
  importMs: number;
  handleMs: number;
  /** The handler's outcomes (e.g. "analysed"), or its error. */
  outcome: string;
}

interface DriverResult {
  importMs: number;
  handleMs: number;
  outcome: string;
}

// Imports the bundle, handles one event, prints the timings; run with `node --input-type=module -e`.
const DRIVER = `
const started = performance.now();
let outcome;
let imported = started;
try {
  const { handler } = await import(process.argv[1]);
  imported = performance.now();
  const result = await handler(JSON.parse(process.argv[2]), { awsRequestId: 'bench' });
  const describe = (r) => [r?.status ?? typeof r, r?.code, r?.reason].filter(Boolean).join(': ');
  outcome = Array.isArray(result) ? result.map(describe).join(', ') : describe(result);
} catch (error) {
  outcome = 'error: ' + (error?.message ?? String(error)).split('\\n')[0];
}
const done = performance.now();
console.log('${RESULT_MARK}' + JSON.stringify({ importMs: imported - started, handleMs: done - imported, outcome }));
process.exit(0);
`;

function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; result?: DriverResult }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', () => {
      const ms = performance.now() - started;
      const line = stdout.split('\n').find((text) => text.startsWith(RESULT_MARK));
      if (!line && args.length > 2) {
        resolve({
          ms,
          result: { importMs: 0, handleMs: 0, outcome: `error: ${stderr.trim().slice(0, 300)}` },
        });
        return;
      }
      resolve({
        ms,
        ...(line ? { result: JSON.parse(line.slice(RESULT_MARK.length)) as DriverResult } : {}),
      });
    });
  });
}

function s3Event(bucket: string, key: string, size: number, eTag: string): unknown {
  return {
    Records: [
      {
        eventName: 'ObjectCreated:Put',
        eventTime: new Date().toISOString(),
        s3: { bucket: { name: bucket }, object: { key, size, eTag: eTag.replaceAll('"', '') } },
      },
    ],
  };
}

/**
 * Cold starts of every bundle: an embedded S3 server runs in this process; each child gets
 * S3_ENDPOINT and RESULTS_BUCKET and handles one fresh event (a new article for analyze-article,
 * the report it wrote for update-index), `runs` times, interleaved with bare Node starts.
 *
 * @example
 * const starts = await measureColdStarts(bundles, 5)
 */
export async function measureColdStarts(
  bundles: readonly LambdaBundle[],
  runs: number,
): Promise<ColdStart[]> {
  const directory = mkdtempSync(path.join(tmpdir(), 'quote-tone-bench-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [
      { name: UPLOAD_BUCKET, configs: [] },
      { name: RESULTS_BUCKET, configs: [] },
    ],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const store = new ObjectStore(new S3Client(embeddedS3ClientConfig(endpoint)));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    S3_ENDPOINT: endpoint,
    RESULTS_BUCKET,
    NODE_OPTIONS: '',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    POWERTOOLS_METRICS_NAMESPACE: 'QuoteTone',
  };
  const starts: ColdStart[] = [];
  try {
    for (const bundle of bundles) {
      const bare: number[] = [];
      const total: number[] = [];
      const results: DriverResult[] = [];
      for (let run = 0; run < runs; run++) {
        const event = await eventFor(bundle.name, run, store);
        bare.push((await timeProcess(['-e', ''], env)).ms);
        const timed = await timeProcess(
          [
            ...LAMBDA_NODE_ARGS,
            '--input-type=module',
            '-e',
            DRIVER,
            pathToFileURL(bundle.file).href,
            JSON.stringify(event),
          ],
          env,
        );
        total.push(timed.ms);
        if (timed.result) results.push(timed.result);
      }
      starts.push({
        name: bundle.name,
        medianMs: median(total),
        bareMs: median(bare),
        importMs: median(results.map((result) => result.importMs)),
        handleMs: median(results.map((result) => result.handleMs)),
        outcome: [...new Set(results.map((result) => result.outcome))].join(' / '),
      });
    }
  } finally {
    store.client.destroy();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  }
  return starts;
}

// analyze-article gets a new article per run (a repeat would be skipped as a duplicate);
// update-index gets the report analyze-article wrote in the same run.
async function eventFor(name: string, run: number, store: ObjectStore): Promise<unknown> {
  const articleKey = `articles/cold-start-${run}.txt`;
  if (name === 'update-index') {
    const key = reportKey(articleIdFromKey(articleKey));
    const head = await store.head(RESULTS_BUCKET, key);
    return s3Event(RESULTS_BUCKET, key, head?.size ?? 0, head?.etag ?? '');
  }
  const body = articleText(COLD_START_ARTICLE_BYTES, run + 1);
  const etag = await store.put(UPLOAD_BUCKET, articleKey, body);
  return s3Event(UPLOAD_BUCKET, articleKey, Buffer.byteLength(body), etag);
}
