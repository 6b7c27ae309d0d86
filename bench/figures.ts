import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { analyzeArticle } from '../shared/analyze-article.ts';
import type { AnalyzeResult, AnalyzeTask, MemoryResult, MemoryTask } from './child.ts';
import { BENCH_CACHE, type ChildBundles, PROJECT_ROOT, runChild } from './children.ts';
import { estimateCost } from './cost.ts';
import { formatBytes, formatDollars, formatRate, type Row, significant } from './format.ts';
import { bundleLambda, type ColdStartRun, lambdaEntries, measureColdStarts } from './lambda-bundles.ts';
import { MB, repeatFor } from './measure.ts';
import type { EndToEndProgress, EndToEndResult, EndToEndTask } from './pipeline-child.ts';
import { ADVERSARIAL_CASES, articleHtml, articleText, newsSentences } from './synthetic.ts';
import { loadBaselineScorers, QUOTE_TONE_SCORER, type Scorer } from './tone-scorers.ts';

// The figures of issue 7 (and issue 6's linearity): each measures quote-tone and its baseline in
// the same run and returns table rows plus the raw numbers for --json.

/** How much work each figure does: the default run, or a smaller one for a smoke test. */
export interface BenchPlan {
  sentences: number;
  toneMinMs: number;
  articleSizes: number[];
  articleMinMs: number;
  adversarialSizes: number[];
  adversarialMinMs: number;
  /** A child that goes this long without finishing one size is killed: "timeout". */
  sizeTimeoutMs: number;
  coldStartRuns: number;
  endToEndArticles: number;
  endToEndTimeoutMs: number;
  memoryArticleBytes: number;
}

export interface Figure {
  rows: Row[];
  data: unknown;
}

// Targets from issue 7.
const TONE_TARGET_PER_SECOND = 100_000;
const TEXT_TARGET_MB_PER_SECOND = 5;
const BUNDLE_TARGET_BYTES = 1_000_000;
const COLD_START_TARGET_MS = 150;
const END_TO_END_TARGET_PER_SECOND = 50;
const MEMORY_TARGET_MB = 256;
// "Orders of magnitude cheaper" than Comprehend: at most 1% of its price.
const COST_TARGET_SHARE = 0.01;
// Time per MB may wobble with GC and cache effects; quadratic growth would be 10x per size step.
const FLAT_RATIO_LIMIT = 3;

// A typical news article, for the cost estimate and the end-to-end run.
const TYPICAL_ARTICLE_BYTES = 5000;
const COST_SAMPLE_ARTICLES = 50;
// Each analysis waits on four S3 round trips (two lookups, the read, the write), ~15 ms each in-region.
const S3_WAIT_MS = 4 * 15;
// The stack's analyze memory when infra/ cannot be read.
const DEFAULT_ANALYZE_MEMORY_MB = 512;
// The local pipeline's names for the functions' routes.
const ANALYZE_ROUTE = 'analyze-article';
const INDEX_ROUTE = 'update-index';
// Uploads in flight during the end-to-end run, like a bulk `aws s3 cp`.
const UPLOAD_CONCURRENCY = 8;

const SEED = 20261128;
// Enough of a failure message to name it in a table cell; --json keeps all of it.
const FAILURE_PREVIEW = 90;

/**
 * Figure 1: sentences per second for quote-tone's scorer and each baseline, on the same sentences.
 *
 * @example
 * const { rows } = toneThroughput(plan)
 */
export function toneThroughput(plan: BenchPlan): Figure {
  const sentences = newsSentences(plan.sentences, SEED);
  const rate = (scorer: Scorer): { perSecond: number; perCpuSecond: number } => {
    const scoreAll = () => {
      for (const sentence of sentences) scorer.score(sentence);
    };
    // Some scorers (wink-nlp) take several passes to reach speed: warm every one up the same way.
    repeatFor(scoreAll, plan.toneMinMs / 2, false);
    const { runs, ms, cpuMs } = repeatFor(scoreAll, plan.toneMinMs, false);
    return {
      perSecond: (runs * sentences.length) / (ms / 1000),
      perCpuSecond: (runs * sentences.length) / (cpuMs / 1000),
    };
  };
  const quoteTone = rate(QUOTE_TONE_SCORER);
  const baselines = loadBaselineScorers().map((scorer) => ({ name: scorer.name, ...rate(scorer) }));
  return {
    rows: [
      {
        figure: 'tone scoring, sentences/s (1 core)',
        quoteTone: `${formatRate(quoteTone.perCpuSecond)} per CPU-s (${formatRate(quoteTone.perSecond)}/s wall)`,
        baselines: baselines
          .map((baseline) => `${baseline.name} ${formatRate(baseline.perCpuSecond)}`)
          .join(' · '),
        target: `>= ${formatRate(TONE_TARGET_PER_SECOND)}/s`,
        met: quoteTone.perCpuSecond >= TONE_TARGET_PER_SECOND,
      },
    ],
    data: { sentences: sentences.length, quoteTone, baselines },
  };
}

function msPerMb(result: AnalyzeResult): number {
  return result.ms / result.runs / (result.bytes / MB);
}

function timeoutText(plan: BenchPlan): string {
  return `timeout (> ${plan.sizeTimeoutMs / 1000} s)`;
}

/**
 * Figure 2: MB/s and articles/s of the full analyser on text and HTML articles of growing size.
 *
 * @example
 * const { rows } = await articleThroughput(plan, await buildChildren())
 */
export async function articleThroughput(plan: BenchPlan, children: ChildBundles): Promise<Figure> {
  const rows: Row[] = [];
  const data: Record<string, unknown> = {};
  for (const format of ['text', 'html'] as const) {
    const task: AnalyzeTask = {
      input: 'article',
      format,
      sizes: plan.articleSizes,
      minMs: plan.articleMinMs,
      baseline: true,
    };
    const run = await runChild<AnalyzeResult>(children.analysis, ['analyze', JSON.stringify(task)], {
      resultTimeoutMs: plan.sizeTimeoutMs,
    });
    data[format] = run;
    const reference = run.results[0];
    plan.articleSizes.forEach((size, index) => {
      const result = run.results[index];
      const figure = `analyse ${format === 'text' ? 'plain text' : 'HTML'} ${formatBytes(size)}`;
      const target = format === 'text' ? `>= ${TEXT_TARGET_MB_PER_SECOND} MB/s, flat` : 'flat ms/MB';
      if (!result || !reference) {
        rows.push({
          figure,
          quoteTone: run.timedOut ? timeoutText(plan) : `failed: ${run.error}`,
          baselines: '',
          target,
          met: false,
        });
        return;
      }
      const seconds = result.ms / result.runs / 1000;
      const mbPerSecond = result.bytes / MB / seconds;
      const ratio = msPerMb(result) / msPerMb(reference);
      const baselineMbPerSecond =
        result.baselineMs && result.baselineRuns
          ? result.bytes / MB / (result.baselineMs / result.baselineRuns / 1000)
          : NaN;
      const analysed = result.outcome === 'analysed';
      rows.push({
        figure,
        quoteTone: analysed
          ? `${significant(mbPerSecond)} MB/s, ${formatRate(1 / seconds)} art/s, ${significant(msPerMb(result))} ms/MB (x${ratio.toFixed(2)}), ${result.quotes} quotes`
          : `refused: ${result.outcome}`,
        baselines: `${format === 'text' ? 'AFINN alone' : 'linkedom parse alone'} ${significant(baselineMbPerSecond)} MB/s`,
        target,
        met: analysed
          ? ratio <= FLAT_RATIO_LIMIT && (format === 'html' || mbPerSecond >= TEXT_TARGET_MB_PER_SECOND)
          : false,
      });
    });
  }
  return { rows, data };
}

/**
 * Figure 3 (issue 6): time per MB over growing hostile inputs, each size under a time limit.
 *
 * @example
 * const { rows } = await adversarialLinearity(plan, await buildChildren())
 */
export async function adversarialLinearity(plan: BenchPlan, children: ChildBundles): Promise<Figure> {
  const rows: Row[] = [];
  const data: Record<string, unknown> = {};
  for (const adversarial of ADVERSARIAL_CASES) {
    const task: AnalyzeTask = {
      input: adversarial.name,
      format: 'text',
      sizes: plan.adversarialSizes,
      minMs: plan.adversarialMinMs,
      baseline: false,
    };
    const run = await runChild<AnalyzeResult>(children.analysis, ['analyze', JSON.stringify(task)], {
      resultTimeoutMs: plan.sizeTimeoutMs,
    });
    data[adversarial.name] = run;
    const [reference, ...larger] = run.results;
    const largest = run.results.at(-1);
    const complete = run.results.length === plan.adversarialSizes.length;
    const outcomes = [...new Set(run.results.map((result) => result.outcome))].join(', ');
    const worstRatio = reference
      ? Math.max(1, ...larger.map((result) => msPerMb(result) / msPerMb(reference)))
      : NaN;
    // The largest size is in the quote-tone column once complete; until then every size is here.
    const perSize = (complete ? run.results.slice(0, -1) : run.results)
      .map((result) => `${formatBytes(result.size)} ${significant(msPerMb(result))}`)
      .join(' · ');
    let quoteTone: string;
    if (!complete) {
      const failedAt = plan.adversarialSizes[run.results.length] ?? 0;
      quoteTone = `${run.timedOut ? timeoutText(plan) : `failed: ${run.error}`} at ${formatBytes(failedAt)}`;
    } else {
      quoteTone = `${formatBytes(largest?.size ?? 0)}: ${significant(largest ? msPerMb(largest) : NaN)} ms/MB, worst x${worstRatio.toFixed(2)} [${outcomes}]`;
    }
    rows.push({
      figure: `adversarial: ${adversarial.name}`,
      quoteTone,
      baselines: perSize ? `ms/MB at ${perSize}` : '',
      target: `ms/MB <= ${FLAT_RATIO_LIMIT}x the ${formatBytes(plan.adversarialSizes[0] ?? 0)} run`,
      met: complete && worstRatio <= FLAT_RATIO_LIMIT,
    });
  }
  return { rows, data };
}

/**
 * Figure 4: each function's bundle as CDK builds it, and its cold start beside a bare Node start.
 *
 * @example
 * const { rows } = await bundlesAndColdStarts(plan)
 */
export async function bundlesAndColdStarts(plan: BenchPlan): Promise<Figure> {
  const bundles = [];
  for (const entry of lambdaEntries()) bundles.push(await bundleLambda(entry));
  const naturalBytes = await bundleWholeNatural();
  const starts = await measureColdStarts(
    bundles.filter((bundle) => !bundle.edge),
    plan.coldStartRuns,
  );
  const rows: Row[] = bundles.map((bundle) => ({
    figure: `bundle: ${bundle.name}${bundle.edge ? ' (Lambda@Edge; no cold start here: it reads SSM)' : ''}`,
    quoteTone: `${formatBytes(bundle.bytes)} (esbuild ${bundle.target}, minified${bundle.edge ? '' : ' ESM'})${
      bundle.beside
        ? `, and its HTML libraries beside it, loaded for HTML articles only: ${formatBytes(bundle.beside.bytes)}`
        : ''
    }${
      bundle.bytes > BUNDLE_TARGET_BYTES
        ? `; largest: ${bundle.largest
            .slice(0, 3)
            .map((input) => `${input.input} ${formatBytes(input.bytes)}`)
            .join(', ')}`
        : ''
    }`,
    baselines: `all of natural ${formatBytes(naturalBytes)}`,
    target: `<= ${formatBytes(BUNDLE_TARGET_BYTES)}`,
    met: bundle.bytes <= BUNDLE_TARGET_BYTES,
  }));
  for (const start of starts) {
    const describe = (run: ColdStartRun) =>
      `CPU ${Math.round(run.cpuMs)} ms = bare +${Math.round(run.cpuMs - run.bareCpuMs)} ms (import ${Math.round(run.importCpuMs)}, handle ${Math.round(run.handleCpuMs)}); wall ${Math.round(run.medianMs)} ms = bare +${Math.round(run.medianMs - run.bareMs)} ms (import ${Math.round(run.importMs)}, handle ${Math.round(run.handleMs)}) [${run.outcome.slice(0, FAILURE_PREVIEW)}]`;
    const { packaged, inRepository, html } = start;
    rows.push({
      figure: `cold start: ${start.name} (median of ${plan.coldStartRuns})`,
      quoteTone: inRepository
        ? `FAILS as packaged for Lambda: ${packaged.outcome.slice(0, FAILURE_PREVIEW)}; with the repo's node_modules: ${describe(inRepository)}`
        : describe(packaged),
      baselines: `bare node -e "" CPU ${Math.round(packaged.bareCpuMs)} ms (wall ${Math.round(packaged.bareMs)}) · node importing only @aws-sdk/client-s3 (which the functions no longer use) CPU ${Math.round(packaged.sdkOnlyCpuMs)} ms (wall ${Math.round(packaged.sdkOnlyMs)})`,
      target: `<= +${COLD_START_TARGET_MS} ms (CPU)`,
      met:
        !inRepository &&
        !packaged.outcome.includes('error') &&
        packaged.cpuMs - packaged.bareCpuMs <= COLD_START_TARGET_MS,
    });
    if (html)
      rows.push({
        figure: `cold start: ${start.name}, HTML article (median of ${plan.coldStartRuns})`,
        quoteTone: describe(html),
        baselines: `bare node -e "" CPU ${Math.round(html.bareCpuMs)} ms (wall ${Math.round(html.bareMs)})`,
        target: 'n/a (loads the HTML libraries)',
        met: null,
      });
  }
  return { rows, data: { bundles, naturalBytes, starts } };
}

// What importing the `natural` package root would cost a bundle (issue 7: about 9.9 MB).
async function bundleWholeNatural(): Promise<number> {
  const outfile = path.join(BENCH_CACHE, 'natural-root', 'index.mjs');
  await build({
    stdin: { contents: "import 'natural';", resolveDir: PROJECT_ROOT },
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
  });
  return statSync(outfile).size;
}

/**
 * Figure 5: articles dropped into the local pipeline until every report (and the index) is written.
 *
 * @example
 * const { rows } = await endToEnd(plan, await buildChildren())
 */
export async function endToEnd(plan: BenchPlan, children: ChildBundles): Promise<Figure> {
  const directory = mkdtempSync(path.join(tmpdir(), 'quote-tone-bench-e2e-'));
  const task: EndToEndTask = {
    directory,
    count: plan.endToEndArticles,
    articleBytes: TYPICAL_ARTICLE_BYTES,
    uploadConcurrency: UPLOAD_CONCURRENCY,
  };
  const run = await runChild<EndToEndResult | EndToEndProgress>(children.pipeline, [JSON.stringify(task)], {
    resultTimeoutMs: plan.endToEndTimeoutMs,
    totalTimeoutMs: plan.endToEndTimeoutMs,
    // As `npm start` runs: the embedded S3 server pages listings (the index's thousands of files)
    // with a cipher OpenSSL 3 keeps only in its legacy provider.
    nodeArgs: ['--openssl-legacy-provider'],
  });
  rmSync(directory, { recursive: true, force: true });
  const result = run.results.find((line): line is EndToEndResult => line.kind === 'done');
  const figure = `local end to end, ${plan.endToEndArticles} x ${formatBytes(TYPICAL_ARTICLE_BYTES)}`;
  const target = `>= ${END_TO_END_TARGET_PER_SECOND} articles/s`;
  const rate = (count: number, ms: number) => `${significant(count / (ms / 1000))}/s`;
  if (!result) {
    // Cut short: the last progress line still tells how far each stage got.
    const last = run.results.at(-1);
    const progress = last?.kind === 'progress' ? last : undefined;
    const reports = progress?.reportsMs
      ? `all ${plan.endToEndArticles} reports in ${significant(progress.reportsMs / 1000)} s (${rate(plan.endToEndArticles, progress.reportsMs)})`
      : `${progress?.deliveries[ANALYZE_ROUTE] ?? 0} reports`;
    const indexed = progress?.deliveries[INDEX_ROUTE];
    const index = indexed === undefined ? '' : `, ${indexed} of ${plan.endToEndArticles} index updates`;
    const quoteTone = run.timedOut
      ? `timeout (> ${plan.endToEndTimeoutMs / 1000} s): ${reports}${index} by then`
      : `failed: ${run.error}`;
    const uploads = progress ? rate(plan.endToEndArticles, progress.uploadOnlyMs) : 'n/a';
    return {
      rows: [{ figure, quoteTone, baselines: `the same uploads alone ${uploads}`, target, met: false }],
      data: run,
    };
  }
  const perSecond = result.count / (result.ms / 1000);
  const uploadsPerSecond = result.count / (result.uploadOnlyMs / 1000);
  const indexNote =
    result.indexFiles > 0
      ? `${result.indexFiles} index files`
      : 'reports only: no index written (no update-index yet)';
  const complete = result.reports === result.count && result.failedDeliveries === 0;
  return {
    rows: [
      {
        figure,
        quoteTone: `${significant(perSecond)} articles/s (${significant(result.ms / 1000)} s; reports alone ${rate(result.count, result.reportsMs)}; ${result.reports} reports, ${result.errors} errors, ${indexNote}${result.failedDeliveries ? `, ${result.failedDeliveries} failed deliveries, first: ${(result.firstFailure ?? '').slice(0, FAILURE_PREVIEW)}` : ''})`,
        baselines: `the same uploads alone ${significant(uploadsPerSecond)}/s`,
        target,
        met: complete && perSecond >= END_TO_END_TARGET_PER_SECOND,
      },
    ],
    data: result,
  };
}

/**
 * Figure 6: the peak resident memory of a fresh process analysing one large article.
 *
 * @example
 * const { rows } = await peakMemory(plan, await buildChildren())
 */
export async function peakMemory(plan: BenchPlan, children: ChildBundles): Promise<Figure> {
  const directory = mkdtempSync(path.join(tmpdir(), 'quote-tone-bench-memory-'));
  const rows: Row[] = [];
  const data: Record<string, unknown> = {};
  try {
    for (const format of ['text', 'html'] as const) {
      const file = path.join(directory, `article.${format === 'html' ? 'html' : 'txt'}`);
      const content =
        format === 'html'
          ? articleHtml(plan.memoryArticleBytes, SEED)
          : articleText(plan.memoryArticleBytes, SEED);
      writeFileSync(file, content);
      const measure = async (analyze: boolean) => {
        const task: MemoryTask = { file, format, analyze };
        return runChild<MemoryResult>(children.analysis, ['memory', JSON.stringify(task)], {
          resultTimeoutMs: plan.sizeTimeoutMs,
        });
      };
      const baseline = (await measure(false)).results[0];
      const run = await measure(true);
      const result = run.results[0];
      data[format] = { baseline, run };
      rows.push({
        figure: `peak memory, ${formatBytes(plan.memoryArticleBytes)} ${format === 'html' ? 'HTML' : 'text'} article`,
        quoteTone: result
          ? `${Math.round(result.maxRssMb)} MB max RSS (${significant(result.ms / 1000)} s, ${result.outcome})`
          : run.timedOut
            ? timeoutText(plan)
            : `failed: ${run.error}`,
        baselines: baseline ? `same process, not analysing: ${Math.round(baseline.maxRssMb)} MB` : '',
        target: `<= ${MEMORY_TARGET_MB} MB`,
        met: result ? result.maxRssMb <= MEMORY_TARGET_MB : false,
      });
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return { rows, data };
}

// The stack's configured memory for the analyze function, when infra/ exports it.
async function analyzeMemoryMb(): Promise<{ memoryMb: number; from: string }> {
  try {
    // Found at run time: the bench must run before the stack exists, and loads it only for this number.
    const stackFile = pathToFileURL(path.join(PROJECT_ROOT, 'infra', 'quote-tone-stack.ts')).href;
    const stack = (await import(stackFile)) as { ANALYZE_MEMORY_MB?: unknown };
    if (typeof stack.ANALYZE_MEMORY_MB === 'number')
      return { memoryMb: stack.ANALYZE_MEMORY_MB, from: 'infra' };
  } catch {
    // No stack yet, or it does not load: use the default below.
  }
  return { memoryMb: DEFAULT_ANALYZE_MEMORY_MB, from: 'default' };
}

/**
 * Figure 7: estimated AWS cost per 1,000 typical articles, beside Comprehend for the same characters.
 *
 * @example
 * const { rows } = await costPer1000(plan)
 */
export async function costPer1000(plan: BenchPlan): Promise<Figure> {
  const articles = Array.from({ length: COST_SAMPLE_ARTICLES }, (_, index) =>
    Buffer.from(articleText(TYPICAL_ARTICLE_BYTES, SEED + index)),
  );
  const analyse = (content: Buffer, index: number) =>
    analyzeArticle(
      { id: `cost-${index}`, source: { bucket: null, key: `cost-${index}.txt` }, content },
      { analyzedAt: new Date(0) },
    );
  const { runs, ms } = repeatFor(() => articles.forEach(analyse), plan.articleMinMs);
  const analysisMs = ms / runs / articles.length;
  const reports = articles.map(analyse);
  const quoteChars = reports.flatMap((report) => report.quotes.map((quote) => quote.text.length));
  const { memoryMb, from } = await analyzeMemoryMb();
  const estimate = estimateCost({
    analysisMs,
    s3WaitMs: S3_WAIT_MS,
    memoryMb,
    articleChars: articles.reduce((sum, article) => sum + article.length, 0) / articles.length,
    quoteChars,
    sampleArticles: articles.length,
  });
  const quotesPerArticle = quoteChars.length / articles.length;
  const comprehend = Math.min(estimate.comprehendPerArticlePer1000, estimate.comprehendPerQuotePer1000);
  return {
    rows: [
      {
        figure: `AWS cost / 1,000 articles of ${formatBytes(TYPICAL_ARTICLE_BYTES)}`,
        quoteTone: `${formatDollars(estimate.totalPer1000)} (Lambda ${formatDollars(estimate.lambdaPer1000)} at ${memoryMb} MB [${from}], ${estimate.billedMs} ms billed; S3 ${formatDollars(estimate.s3Per1000)})`,
        baselines: `Comprehend ${formatDollars(estimate.comprehendPerArticlePer1000)} per-article calls · ${formatDollars(estimate.comprehendPerQuotePer1000)} per-quote calls (${significant(quotesPerArticle)} quotes/article)`,
        target: `<= ${COST_TARGET_SHARE * 100}% of Comprehend`,
        met: estimate.totalPer1000 <= COST_TARGET_SHARE * comprehend,
      },
    ],
    data: { analysisMs, s3WaitMs: S3_WAIT_MS, memoryMb, memoryFrom: from, quotesPerArticle, estimate },
  };
}
