// The behavioural part of `npm run eval`: the CheckList-style tone cases in
// ../shared/eval/sentiment/checklist run through `quote-tone score` as a user would, scored by the
// suite's own score.mjs, beside VADER and AFINN labelled by the suite's baselines.mjs in the same run.
//
//   node bin/run-ts.js scripts/eval-checklist.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvalPart } from './eval-part.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SUITE = resolve(REPO, '../shared/eval/sentiment/checklist');
const CASES = join(SUITE, 'cases.jsonl');
const BASELINES = ['vader', 'afinn'] as const;
// CI fails below these. The mean and the worst capability sit a case or two under the figures
// measured at the last change (see the commit); names and places must never change a label.
const FLOORS: Readonly<Record<string, number>> = {
  mean: 0.975,
  worst: 0.8,
  'invariance to names and places': 1,
};

/** What score.mjs --json prints. */
export interface SuiteScore {
  mean: number;
  rows: { capability: string; n: number; passRate: number }[];
  fails: string[];
}

/**
 * Runs the checklist and returns its table, metrics and CI floors.
 *
 * @example
 * const part = await run(); console.log(part.table);
 */
export async function run(): Promise<EvalPart> {
  const scratch = mkdtempSync(join(tmpdir(), 'quote-tone-checklist-'));
  try {
    const ours = ourScore(scratch);
    const baselines = BASELINES.map((name) =>
      scoreSuite(
        predictionsFile(scratch, name, () =>
          // Run from the project root so the suite's script resolves our vader-sentiment and sentiment.
          execFileSync(process.execPath, [join(SUITE, 'baselines.mjs'), CASES, name], {
            cwd: REPO,
            maxBuffer: 64 * 1024 * 1024,
          }),
        ),
      ),
    );
    const percent = (value: number | undefined): string =>
      value === undefined ? '-' : `${(value * 100).toFixed(1)}%`;
    const lines = [
      'Behavioural tone cases (pass rate per capability; ../shared/eval/sentiment/checklist)',
      '',
      '| capability | cases | quote-tone | VADER | AFINN |',
      '|---|---|---|---|---|',
    ];
    const metrics: Record<string, number> = {};
    for (const row of ours.rows) {
      const others = baselines.map((b) => b.rows.find((r) => r.capability === row.capability)?.passRate);
      lines.push(
        `| ${row.capability} | ${row.n} | ${percent(row.passRate)} | ${others.map(percent).join(' | ')} |`,
      );
      metrics[row.capability] = round(row.passRate);
    }
    const worst = Math.min(...ours.rows.map((row) => row.passRate));
    lines.push(
      `| **mean** | ${ours.rows.reduce((n, row) => n + row.n, 0)} | ${percent(ours.mean)} | ${baselines.map((b) => percent(b.mean)).join(' | ')} |`,
    );
    metrics.mean = round(ours.mean);
    metrics.worst = round(worst);
    if (ours.fails.length > 0) {
      lines.push('', `failing cases (first ${Math.min(ours.fails.length, 20)}):`);
      for (const fail of ours.fails.slice(0, 20)) lines.push(`  ${fail}`);
    }
    return { name: 'checklist', table: lines.join('\n'), metrics, floors: { ...FLOORS } };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** quote-tone's pass rates on the suite, through the CLI (a fresh process: the weights on disk). */
export async function suiteScore(): Promise<SuiteScore> {
  const scratch = mkdtempSync(join(tmpdir(), 'quote-tone-checklist-'));
  try {
    return ourScore(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function ourScore(scratch: string): SuiteScore {
  return scoreSuite(
    predictionsFile(scratch, 'quote-tone', () =>
      execFileSync(process.execPath, [resolve(REPO, 'bin/quote-tone.js'), 'score'], {
        cwd: REPO,
        input: readFileSync(CASES),
        env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
        maxBuffer: 64 * 1024 * 1024,
      }),
    ),
  );
}

function predictionsFile(scratch: string, name: string, produce: () => Buffer): string {
  const path = join(scratch, `${name}.jsonl`);
  writeFileSync(path, produce());
  return path;
}

function scoreSuite(predictions: string): SuiteScore {
  const out = execFileSync(process.execPath, [join(SUITE, 'score.mjs'), CASES, predictions, '--json'], {
    cwd: REPO,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as SuiteScore;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const part = await run();
  console.log(part.table);
  console.log(`\nmetrics ${JSON.stringify(part.metrics)}\nfloors  ${JSON.stringify(part.floors)}`);
}
