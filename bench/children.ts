import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';

// Runs benchmark work in child processes under a time limit. The children are bundled by esbuild
// (their npm dependencies left external) so they start as plain Node: no TypeScript loader in
// their start time or their memory.

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
// Inside the repository, so bundles resolve external packages from its node_modules; ignored by git.
export const BENCH_CACHE = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'quote-tone-bench');

export interface ChildBundles {
  analysis: string;
  pipeline: string;
  /** One update-index container of the capped drop (bench/index-container.ts). */
  indexContainer: string;
  /** The S3 request cost client (bench/s3-request-child.ts). */
  s3Requests: string;
}

/**
 * Bundles bench/child.ts, bench/pipeline-child.ts, bench/index-container.ts and
 * bench/s3-request-child.ts into BENCH_CACHE.
 *
 * @example
 * const { analysis } = await buildChildren()
 */
export async function buildChildren(): Promise<ChildBundles> {
  const outdir = path.join(BENCH_CACHE, 'children');
  await build({
    entryPoints: {
      child: path.join(PROJECT_ROOT, 'bench', 'child.ts'),
      'pipeline-child': path.join(PROJECT_ROOT, 'bench', 'pipeline-child.ts'),
      'index-container': path.join(PROJECT_ROOT, 'bench', 'index-container.ts'),
      's3-request-child': path.join(PROJECT_ROOT, 'bench', 's3-request-child.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // A `require` for the external packages the core loads on demand (linkedom and Readability
    // with the first HTML article: shared/clean/html-libraries.ts), as the Lambda bundles have.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  return {
    analysis: path.join(outdir, 'child.mjs'),
    pipeline: path.join(outdir, 'pipeline-child.mjs'),
    indexContainer: path.join(outdir, 'index-container.mjs'),
    s3Requests: path.join(outdir, 's3-request-child.mjs'),
  };
}

export interface ChildRun<T> {
  /** One parsed JSON value per stdout line, in order. */
  results: T[];
  /** The child went longer than the limit without a result and was killed. */
  timedOut: boolean;
  /** The child failed: its exit code and the end of its stderr. */
  error?: string;
}

export interface ChildOptions {
  /** Kill the child when it goes this long without printing a result. */
  resultTimeoutMs: number;
  /** Kill the child when it runs longer than this in all. */
  totalTimeoutMs?: number;
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

// Enough of stderr to show an error's message and first stack frames.
const STDERR_TAIL = 2000;

/**
 * Runs `node [nodeArgs] script ...args` from the repository root, collecting one JSON result per
 * line; a child that goes quiet for longer than the limit is killed and reported as timed out.
 *
 * @example
 * const run = await runChild(bundles.analysis, ['memory', JSON.stringify(task)], { resultTimeoutMs: 60_000 })
 */
export function runChild<T>(script: string, args: string[], options: ChildOptions): Promise<ChildRun<T>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const results: T[] = [];
    let stderr = '';
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const kill = () => {
      timedOut = true;
      child.kill('SIGKILL');
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(kill, options.resultTimeoutMs);
    };
    arm();
    const total = options.totalTimeoutMs ? setTimeout(kill, options.totalTimeoutMs) : undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      results.push(JSON.parse(line) as T);
      arm();
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(total);
      const failed = !timedOut && code !== 0;
      resolve({ results, timedOut, ...(failed ? { error: `exit ${code}: ${stderr.trim()}` } : {}) });
    });
  });
}
