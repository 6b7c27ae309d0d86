// HTML body extraction on ../shared/eval/html/dev: our cleaner beside plain Mozilla
// Readability (textContent) on the same pages in the same run, both scored by the benchmark's
// own scorer (4-token shingle F1). Run alone: node bin/run-ts.js scripts/eval-html.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanArticle } from '../shared/clean-article.ts';
import { QuoteToneError } from '../shared/errors.ts';
import type { EvalPart } from './eval-part.ts';

const HTML_EVAL_DIR = fileURLToPath(new URL('../../shared/eval/html/', import.meta.url));
const PAGES_DIR = join(HTML_EVAL_DIR, 'dev', 'html');
const SCORER = join(HTML_EVAL_DIR, 'score.mjs');
// Floors sit just under the dev figures measured when the cleaner was tuned (F1 0.982, R 0.989):
// a drop below means a change made extraction worse, not noise in an unchanged run.
const FLOORS = { 'html.f1': 0.975, 'html.recall': 0.98 } as const;

interface Score {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
}

type Extractor = (html: string) => string;

const extractors: ReadonlyArray<{ name: string; extract: Extractor }> = [
  { name: 'quote-tone cleanArticle', extract: extractOurs },
  { name: 'plain Readability (textContent)', extract: extractReadability },
];

function extractOurs(html: string): string {
  try {
    return cleanArticle(html, 'html').text;
  } catch (error) {
    // A page we refuse scores as an empty extraction, as the scorer treats a missing file.
    if (error instanceof QuoteToneError) return '';
    throw error;
  }
}

function extractReadability(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as never).parse()?.textContent ?? '';
}

function score(predictionDir: string): Score {
  const output = execFileSync(process.execPath, [SCORER, predictionDir, '--json', '--n-bootstrap', '0'], {
    encoding: 'utf8',
  });
  return JSON.parse(output) as Score;
}

/**
 * Extracts every dev page with both extractors, scores them and returns the eval part.
 *
 * @example
 * const part = await run(); console.log(part.table);
 */
export async function run(): Promise<EvalPart> {
  const pages = readdirSync(PAGES_DIR).filter((file) => file.endsWith('.html'));
  const workDir = mkdtempSync(join(tmpdir(), 'quote-tone-eval-html-'));
  try {
    const scores = extractors.map(({ name, extract }, index) => {
      const dir = join(workDir, String(index));
      mkdirSync(dir);
      const started = performance.now();
      for (const page of pages) {
        const html = readFileSync(join(PAGES_DIR, page), 'utf8');
        writeFileSync(join(dir, page.replace(/\.html$/, '.txt')), extract(html));
      }
      return { name, seconds: (performance.now() - started) / 1_000, ...score(dir) };
    });
    const ours = scores[0];
    const readability = scores[1];
    if (!ours || !readability) throw new Error('both extractors must be scored');
    const rows = scores.map(
      (row) =>
        `${row.name.padEnd(34)} ${fixed(row.f1)}  ${fixed(row.precision)}  ${fixed(row.recall)}  ${fixed(row.accuracy)}  ${row.seconds.toFixed(1)}s`,
    );
    const table = [
      `HTML body extraction, ${pages.length} dev pages (4-token shingle F1, benchmark scorer)`,
      `${'extractor'.padEnd(34)} F1     P      R      exact  time`,
      ...rows,
    ].join('\n');
    return {
      name: 'html',
      table,
      metrics: {
        'html.f1': ours.f1,
        'html.precision': ours.precision,
        'html.recall': ours.recall,
        'html.accuracy': ours.accuracy,
        'html.readability.f1': readability.f1,
        'html.f1.minusReadability': ours.f1 - readability.f1,
      },
      floors: { ...FLOORS, 'html.f1.minusReadability': 0 },
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function fixed(value: number): string {
  return value.toFixed(3);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const part = await run();
  console.log(part.table);
  const failures = Object.entries(part.floors).filter(
    ([metric, floor]) => (part.metrics[metric] ?? 0) < floor,
  );
  for (const [metric, floor] of failures) {
    console.error(`below floor: ${metric} ${part.metrics[metric]?.toFixed(3)} < ${floor}`);
  }
  process.exitCode = failures.length > 0 ? 1 : 0;
}
