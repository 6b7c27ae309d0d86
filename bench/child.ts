import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import Sentiment from 'sentiment';
import { analyzeArticle } from '../shared/analyze-article.ts';
import { QuoteToneError } from '../shared/errors.ts';
import type { ArticleFormat } from '../shared/types.ts';
import { repeatFor } from './measure.ts';
import { ADVERSARIAL_CASES, articleHtml, articleText } from './synthetic.ts';

// The benchmark's analysis child: work that must run in a fresh process (memory peaks) or under a
// time limit (inputs that might be pathological). The parent bundles this file, runs
// `node child.mjs TASK PARAMS_JSON` with the repository as working directory and reads one JSON
// result per stdout line. The local pipeline runs in its own child (pipeline-child.ts), so its
// S3 server and SDK never weigh on the memory figure.

export interface AnalyzeTask {
  /** An ordinary synthetic article, or one of ADVERSARIAL_CASES by name. */
  input: 'article' | string;
  format: 'text' | 'html';
  /** Ascending sizes in bytes; one result line each. */
  sizes: number[];
  /** Repeat each size for at least this long (a large input runs once). */
  minMs: number;
  /** Also time the baseline on the same input (AFINN over the text, or a bare HTML parse). */
  baseline: boolean;
}

export interface AnalyzeResult {
  size: number;
  bytes: number;
  runs: number;
  ms: number;
  quotes: number;
  /** 'analysed', or the refusal code when the analyser refused the input. */
  outcome: string;
  baselineRuns?: number;
  baselineMs?: number;
}

export interface MemoryTask {
  file: string;
  format: ArticleFormat;
  /** False: load everything and read the file, but do not analyse (the baseline). */
  analyze: boolean;
}

export interface MemoryResult {
  maxRssMb: number;
  ms: number;
  quotes: number;
  outcome: string;
}

const SEED = 20261128;
// Enough runs of a small article for V8 to optimise the analyser's hot functions.
const MIN_WARM_UP_MS = 500;

function input(task: AnalyzeTask, size: number): string {
  if (task.input === 'article')
    return task.format === 'html' ? articleHtml(size, SEED) : articleText(size, SEED);
  const adversarial = ADVERSARIAL_CASES.find((candidate) => candidate.name === task.input);
  if (!adversarial) throw new Error(`Expected an adversarial case name, but got "${task.input}".`);
  return adversarial.make(size);
}

// The bench measures the analyser on inputs up to 10 MB; the handler's size limit is policy,
// tested with the handler, and would turn the largest runs into instant refusals.
const NO_SIZE_LIMIT = Number.MAX_SAFE_INTEGER;

// The analyser as the handler calls it: bytes in; a refusal is an outcome, not a failure.
function analyseOnce(content: Uint8Array, format: ArticleFormat): { quotes: number; outcome: string } {
  try {
    const report = analyzeArticle(
      { id: 'bench', source: { bucket: null, key: 'bench.txt' }, content, format },
      { analyzedAt: new Date(0), maxBytes: NO_SIZE_LIMIT },
    );
    return { quotes: report.quotes.length, outcome: 'analysed' };
  } catch (error) {
    if (error instanceof QuoteToneError) return { quotes: 0, outcome: error.code };
    throw error;
  }
}

function runAnalyze(task: AnalyzeTask, emit: (result: AnalyzeResult) => void): void {
  const afinn = new Sentiment();
  const first = task.sizes[0] ?? 10_000;
  // Warm the JIT on the smallest input until it is hot (a Lambda container analyses many
  // articles), so the first timed size is neither charged for compilation nor a flattering
  // reference for the time per MB of the larger ones.
  const smallest = Buffer.from(input(task, first));
  repeatFor(() => analyseOnce(smallest, task.format), Math.max(task.minMs, MIN_WARM_UP_MS), false);
  for (const size of task.sizes) {
    const text = input(task, size);
    const content = Buffer.from(text, 'utf8');
    let last = { quotes: 0, outcome: '' };
    const timing = repeatFor(
      () => {
        last = analyseOnce(content, task.format);
      },
      task.minMs,
      false,
    );
    const result: AnalyzeResult = { size, bytes: content.byteLength, ...timing, ...last };
    if (task.baseline) {
      const parse = () => parseHTML(text).document.body?.textContent;
      const score = () => afinn.analyze(text);
      const baseline = repeatFor(task.format === 'html' ? parse : score, task.minMs, false);
      result.baselineRuns = baseline.runs;
      result.baselineMs = baseline.ms;
    }
    emit(result);
  }
}

function runMemory(task: MemoryTask): MemoryResult {
  const content = new Uint8Array(readFileSync(task.file));
  const started = performance.now();
  const result = task.analyze ? analyseOnce(content, task.format) : { quotes: 0, outcome: 'not analysed' };
  const ms = performance.now() - started;
  return { maxRssMb: process.resourceUsage().maxRSS / 1024, ms, ...result };
}

function emit(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function main(): void {
  const [task, params] = process.argv.slice(2);
  const parsed = JSON.parse(params ?? '{}') as unknown;
  if (task === 'analyze') runAnalyze(parsed as AnalyzeTask, emit);
  else if (task === 'memory') emit(runMemory(parsed as MemoryTask));
  else throw new Error(`Expected a task (analyze, memory), but got "${task}".`);
}

main();
