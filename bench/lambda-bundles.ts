import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import S3rver from 's3rver';
import { embeddedSignedTransport, ObjectStore } from '../functions/lib/object-store.ts';
import { analyzerSourceHash } from '../infra/analyzer-build.ts';
import { bundleEdgeFunction } from '../infra/dashboard-auth-function.ts';
import {
  HTML_LIBRARIES_DEFINE,
  HTML_LIBRARIES_FILE,
  htmlLibrariesBuildArgs,
} from '../infra/html-libraries-bundle.ts';
import { REPORTS_PREFIX, UPLOAD_PREFIX } from '../shared/store/layout.ts';
import { BENCH_CACHE, PROJECT_ROOT } from './children.ts';
import { median } from './measure.ts';
import { articleText } from './synthetic.ts';

// Each Lambda function bundled as the CDK stack bundles it, its size, and its cold start: a fresh
// Node process importing the bundle and handling one event against an embedded S3 server.

// The same esbuild settings as infra/pipeline-function.ts (NodejsFunction bundling): minified ESM
// for Node 24 with source maps (without sources), the AWS SDK bundled too, and a
// `require` for bundled CommonJS dependencies.
const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
const LAMBDA_TARGET = 'node24';
// Lambda's Node version may be newer than the esbuild in use knows; node20 is the fallback.
const FALLBACK_TARGET = 'node20';
// Node options as the stack sets them: none (no --enable-source-maps; the handlers read the map
// only when they log an error).
const LAMBDA_NODE_ARGS: string[] = [];

const UPLOAD_BUCKET = 'bench-uploads';
const RESULTS_BUCKET = 'bench-results';
// A typical news article: what one cold start handles.
const COLD_START_ARTICLE_BYTES = 5000;
const RESULT_MARK = 'BENCH_RESULT ';

export interface LambdaBundle {
  name: string;
  entry: string;
  edge: boolean;
  file: string;
  bytes: number;
  target: string;
  /** What the bundle is made of: bytes of output per npm package or project folder, largest first. */
  largest: { input: string; bytes: number }[];
  /** A file loaded beside the bundle on demand: analyze-article's HTML libraries. */
  beside?: { file: string; bytes: number };
}

// The functions whose HTML libraries are a file of their own, as infra/quote-tone-stack.ts builds
// them (htmlLibrariesApart).
const HTML_LIBRARIES_APART: ReadonlySet<string> = new Set(['analyze-article']);

// Enough of the composition to see what to cut.
const LARGEST_INPUTS = 6;

// node_modules/natural/lib/natural/sentiment/x.json -> natural/lib/natural/sentiment; shared/quotes/x.ts -> shared/quotes
function inputGroup(file: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(file);
  if (!inPackage) return path.dirname(file);
  const [, name = '', rest = ''] = inPackage;
  // natural is a collection of separately imported submodules: show which ones.
  return name === 'natural' ? `natural/${path.dirname(rest)}` : name;
}

function composition(inputs: Record<string, { bytesInOutput: number }>): LambdaBundle['largest'] {
  const groups = new Map<string, number>();
  for (const [file, info] of Object.entries(inputs)) {
    const group = inputGroup(file);
    groups.set(group, (groups.get(group) ?? 0) + info.bytesInOutput);
  }
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, LARGEST_INPUTS)
    .map(([input, bytes]) => ({ input, bytes }));
}

/**
 * The functions the stack deploys: every functions/<name>/handler.ts (local/ and lib/ have none).
 *
 * @example
 * lambdaEntries() // [{ name: 'analyze-article', entry: 'functions/analyze-article/handler.ts' }, ...]
 */
export function lambdaEntries(): LambdaEntry[] {
  const functionsDir = path.join(PROJECT_ROOT, 'functions');
  return readdirSync(functionsDir)
    .filter((name) => existsSync(path.join(functionsDir, name, 'handler.ts')))
    .map((name) => ({
      name,
      entry: path.join('functions', name, 'handler.ts'),
      edge: name === EDGE_FUNCTION,
    }));
}

export interface LambdaEntry {
  name: string;
  entry: string;
  /**
   * The dashboard's Lambda@Edge sign-in check: bundled as infra/dashboard-auth-function.ts does
   * (CommonJS, build settings defined in), and without a cold start here: its first request
   * reads its configuration from SSM, which this bench has no stand-in for.
   */
  edge: boolean;
}

const EDGE_FUNCTION = 'dashboard-auth';
// Example build settings, as the stack would define them.
const EDGE_SETTINGS = {
  parameterName: '/quote-tone/QuoteTone/dashboard-auth',
  parameterRegion: 'us-east-1',
  dataPrefixes: ['index/', 'reports/'],
};

/**
 * Bundles one handler like the CDK stack does and returns where the bundle is and its size.
 *
 * @example
 * const bundle = await bundleLambda({ name: 'analyze-article', entry: 'functions/analyze-article/handler.ts' })
 */
export async function bundleLambda(fn: LambdaEntry): Promise<LambdaBundle> {
  if (fn.edge) {
    const directory = path.join(BENCH_CACHE, 'lambda', fn.name);
    bundleEdgeFunction(directory, EDGE_SETTINGS);
    const file = path.join(directory, 'index.js');
    return { ...fn, file, bytes: statSync(file).size, target: 'node22 CommonJS', largest: [] };
  }
  const file = path.join(BENCH_CACHE, 'lambda', fn.name, 'index.mjs');
  const htmlApart = HTML_LIBRARIES_APART.has(fn.name);
  const bundleWith = (target: string) =>
    build({
      entryPoints: [path.join(PROJECT_ROOT, fn.entry)],
      outfile: file,
      bundle: true,
      minify: true,
      sourcemap: true,
      sourcesContent: false,
      format: 'esm',
      platform: 'node',
      target,
      mainFields: ['module', 'main'],
      banner: { js: REQUIRE_BANNER },
      external: [],
      // As the CDK bundles it: the analyser build id fixed at bundle time (infra/pipeline-function.ts).
      define: {
        'process.env.QUOTE_TONE_ANALYZER_BUILD': JSON.stringify(analyzerSourceHash(PROJECT_ROOT)),
        ...(htmlApart ? HTML_LIBRARIES_DEFINE : {}),
      },
      metafile: true,
      logLevel: 'silent',
    });
  let target = LAMBDA_TARGET;
  let result: Awaited<ReturnType<typeof bundleWith>>;
  try {
    result = await bundleWith(target);
  } catch {
    target = FALLBACK_TARGET;
    result = await bundleWith(target);
  }
  const output = Object.entries(result.metafile.outputs).find(([name]) => name.endsWith('.mjs'))?.[1];
  const largest = output ? composition(output.inputs) : [];
  const bundle: LambdaBundle = { ...fn, file, bytes: statSync(file).size, target, largest };
  if (!htmlApart) return bundle;
  // As the stack's afterBundling hook does (infra/pipeline-function.ts).
  const directory = path.dirname(file);
  execFileSync(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'esbuild'),
    htmlLibrariesBuildArgs(PROJECT_ROOT, target, directory),
  );
  const beside = path.join(directory, HTML_LIBRARIES_FILE);
  return { ...bundle, beside: { file: beside, bytes: statSync(beside).size } };
}

/** Medians over the runs of one way of starting the function. */
export interface ColdStartRun {
  /** Wall time from spawning Node to its exit after handling one event. */
  medianMs: number;
  /** `node -e ""` measured in the same loop. */
  bareMs: number;
  /** Node importing only @aws-sdk/client-s3: what the SDK alone would add, had the functions kept it. */
  sdkOnlyMs: number;
  /** Inside the child: importing the bundle, then handling the event. */
  importMs: number;
  handleMs: number;
  /** The same in CPU time (user and system) of each process: fair on a machine other work shares. */
  cpuMs: number;
  bareCpuMs: number;
  sdkOnlyCpuMs: number;
  importCpuMs: number;
  handleCpuMs: number;
  /** The handler's outcomes (e.g. "analysed"), or its error. */
  outcome: string;
}

export interface ColdStart {
  name: string;
  /** The bundle alone in a task root where only `@aws-sdk/*` resolves, as on Lambda. */
  packaged: ColdStartRun;
  /** Only when the packaged bundle fails: the same bundle inside the repository, node_modules reachable. */
  inRepository?: ColdStartRun;
  /** For a bundle with its HTML libraries beside it: the cold start for an HTML article, which loads them. */
  html?: ColdStartRun;
}

interface DriverResult {
  importMs: number;
  handleMs: number;
  importCpuMs: number;
  handleCpuMs: number;
  outcome: string;
}

// Imports the bundle, handles one event, prints the timings; run with `node --input-type=module -e`.
const DRIVER = `
const started = performance.now();
const cpuStarted = process.cpuUsage();
const cpuMs = (from) => { const used = process.cpuUsage(from); return (used.user + used.system) / 1000; };
let outcome;
let imported = started;
let cpuImported = cpuStarted;
try {
  const { handler } = await import(process.argv[1]);
  imported = performance.now();
  cpuImported = process.cpuUsage();
  const result = await handler(JSON.parse(process.argv[2]), { awsRequestId: 'bench' });
  const describe = (r) => [r?.status ?? typeof r, r?.code, r?.reason].filter(Boolean).join(': ');
  // update-index answers { batchItemFailures, outcomes }; analyze-article an array of outcomes.
  const list = Array.isArray(result) ? result : Array.isArray(result?.outcomes) ? result.outcomes : null;
  outcome = list ? list.map(describe).join(', ') : describe(result);
} catch (error) {
  outcome = 'error: ' + (error?.message ?? String(error)).split('\\n')[0];
}
const done = performance.now();
const importCpuMs = cpuMs(cpuStarted) - cpuMs(cpuImported);
console.log('${RESULT_MARK}' + JSON.stringify({ importMs: imported - started, handleMs: done - imported, importCpuMs, handleCpuMs: cpuMs(cpuImported), outcome }));
process.exit(0);
`;

const IMPORT_SDK_ONLY = "await import('@aws-sdk/client-s3');";

// Every timed process reports its own CPU time at exit (bench/report-cpu.cjs).
const REPORT_CPU = path.join(PROJECT_ROOT, 'bench/report-cpu.cjs');
const CPU_MARK = /BENCH_CPU_MS ([\d.]+)/;

function timeProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; cpuMs: number; result?: DriverResult }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-r', REPORT_CPU, ...args], {
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
      const cpuMs = Number(CPU_MARK.exec(stderr)?.[1] ?? Number.NaN);
      stderr = stderr.replace(CPU_MARK, '');
      const line = stdout.split('\n').find((text) => text.startsWith(RESULT_MARK));
      if (!line && args.length > 2) {
        resolve({
          ms,
          cpuMs,
          result: {
            importMs: 0,
            handleMs: 0,
            importCpuMs: 0,
            handleCpuMs: 0,
            outcome: `error: ${stderr.trim().slice(0, 300)}`,
          },
        });
        return;
      }
      resolve({
        ms,
        cpuMs,
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
  const store = new ObjectStore(embeddedSignedTransport(endpoint));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    S3_ENDPOINT: endpoint,
    RESULTS_BUCKET,
    NODE_OPTIONS: '',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    POWERTOOLS_METRICS_NAMESPACE: 'QuoteTone',
  };
  const taskRoot = lambdaTaskRoot();
  const starts: ColdStart[] = [];
  let eventNumber = 0;
  const measure = async (bundle: LambdaBundle, file: string, html = false): Promise<ColdStartRun> => {
    const bare: { ms: number; cpuMs: number }[] = [];
    const sdkOnly: { ms: number; cpuMs: number }[] = [];
    const total: { ms: number; cpuMs: number }[] = [];
    const results: DriverResult[] = [];
    for (let run = 0; run < runs; run++) {
      const event = await eventFor(bundle.name, eventNumber++, store, html);
      bare.push(await timeProcess(['-e', ''], env));
      sdkOnly.push(await timeProcess(['--input-type=module', '-e', IMPORT_SDK_ONLY], env));
      const driver = [...LAMBDA_NODE_ARGS, '--input-type=module', '-e', DRIVER];
      const timed = await timeProcess([...driver, pathToFileURL(file).href, JSON.stringify(event)], env);
      total.push(timed);
      if (timed.result) results.push(timed.result);
    }
    return {
      medianMs: median(total.map((run) => run.ms)),
      bareMs: median(bare.map((run) => run.ms)),
      sdkOnlyMs: median(sdkOnly.map((run) => run.ms)),
      importMs: median(results.map((result) => result.importMs)),
      handleMs: median(results.map((result) => result.handleMs)),
      cpuMs: median(total.map((run) => run.cpuMs)),
      bareCpuMs: median(bare.map((run) => run.cpuMs)),
      sdkOnlyCpuMs: median(sdkOnly.map((run) => run.cpuMs)),
      importCpuMs: median(results.map((result) => result.importCpuMs)),
      handleCpuMs: median(results.map((result) => result.handleCpuMs)),
      outcome: [...new Set(results.map((result) => result.outcome))].join(' / '),
    };
  };
  try {
    for (const bundle of bundles) {
      const packagedFile = packageInto(taskRoot, bundle);
      const packaged = await measure(bundle, packagedFile);
      const failed = packaged.outcome.startsWith('error');
      starts.push({
        name: bundle.name,
        packaged,
        ...(failed ? { inRepository: await measure(bundle, bundle.file) } : {}),
        ...(bundle.beside ? { html: await measure(bundle, packagedFile, true) } : {}),
      });
    }
  } finally {
    store.transport.destroy();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
    rmSync(taskRoot, { recursive: true, force: true });
  }
  return starts;
}

// A directory shaped like Lambda's: the function's files, and only the runtime's `@aws-sdk/*`
// resolvable (a link to the repository's copy; its own dependencies resolve from where it lives).
// A bundle that still reads files from node_modules at run time fails here, as it would on Lambda.
function lambdaTaskRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'quote-tone-bench-lambda-'));
  mkdirSync(path.join(root, 'node_modules'));
  symlinkSync(
    path.join(PROJECT_ROOT, 'node_modules', '@aws-sdk'),
    path.join(root, 'node_modules', '@aws-sdk'),
  );
  return root;
}

function packageInto(root: string, bundle: LambdaBundle): string {
  const directory = path.join(root, bundle.name);
  mkdirSync(directory);
  const file = path.join(directory, path.basename(bundle.file));
  copyFileSync(bundle.file, file);
  if (existsSync(`${bundle.file}.map`)) copyFileSync(`${bundle.file}.map`, `${file}.map`);
  if (bundle.beside)
    copyFileSync(bundle.beside.file, path.join(directory, path.basename(bundle.beside.file)));
  return file;
}

// analyze-article gets a new article per event (a repeat would be skipped as a duplicate);
// update-index gets one of the reports analyze-article wrote, as an SQS message.
async function eventFor(
  name: string,
  eventNumber: number,
  store: ObjectStore,
  html = false,
): Promise<unknown> {
  if (name === 'update-index') {
    const reports: string[] = [];
    for await (const key of store.list(RESULTS_BUCKET, REPORTS_PREFIX)) reports.push(key);
    const key = reports[eventNumber % Math.max(1, reports.length)] ?? `${REPORTS_PREFIX}missing.json`;
    const head = await store.head(RESULTS_BUCKET, key);
    // update-index is fed by SQS: one message whose body is the S3 notification.
    const body = JSON.stringify(s3Event(RESULTS_BUCKET, key, head?.size ?? 0, head?.etag ?? ''));
    return { Records: [{ messageId: `cold-start-${eventNumber}`, body }] };
  }
  const articleKey = `${UPLOAD_PREFIX}cold-start-${eventNumber}.${html ? 'html' : 'txt'}`;
  const text = articleText(COLD_START_ARTICLE_BYTES, eventNumber + 1);
  const body = html ? htmlPage(text) : text;
  const etag = await store.put(UPLOAD_BUCKET, articleKey, body);
  return s3Event(UPLOAD_BUCKET, articleKey, Buffer.byteLength(body), etag);
}

// The same article as a web page: a menu, the article's paragraphs, a footer.
function htmlPage(text: string): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`)
    .join('\n');
  return `<!doctype html><html><head><title>Cold start</title></head><body><nav><a href="/">Home</a></nav><article>${paragraphs}</article><footer>Footer</footer></body></html>`;
}
