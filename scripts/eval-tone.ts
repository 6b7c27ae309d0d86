// The tone part of `npm run eval`: human-rated news sentences through `quote-tone score`, beside
// three off-the-shelf scorers run on the same sentences in the same process.
//
//   node bin/run-ts.js scripts/eval-tone.ts
//
// Sentences come from ../shared/eval/sentiment/dev beside the checkout (measuring material only).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SentimentAnalyzer } from 'natural/lib/natural/sentiment/index.js';
import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/index.js';
import Sentiment from 'sentiment';
import { accuracy, classF1, type EvalPart, macroF1, pearson } from './eval-part.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEV = resolve(REPO, '../shared/eval/sentiment/dev');
const DATASETS = [
  // Gold is the mean human rating on [-4, 4]; the eval owners' ternary cut is +-0.2.
  { key: 'nyt', title: 'NYT editorial (1,520)', file: 'nyt_editorial.jsonl', cut: 0.2 },
  // Gold is already -1, 0 or 1.
  { key: 'newsmtsc', title: 'NewsMTSC rw (305)', file: 'newsmtsc_rw.jsonl', cut: 0.5 },
] as const;
const TERNARY = ['negative', 'neutral', 'positive'] as const;
type Ternary = (typeof TERNARY)[number];
// VADER's documented cut for its compound score.
const VADER_NEUTRAL_BAND = 0.05;
// CI fails below these: each sits just under the figure measured when the model was last fitted
// (see the commit), so a harmless change passes and a real regression does not. NewsMTSC's floors
// went down (r 0.55 -> 0.505) when reports of harm started to read as negative: its gold is the
// tone towards a named target, which calls most such reports neutral (see shared/tone/MODEL.md).
// Reading changes ("costs rose"), judgements by the word table and the rated sets at 0.5 with a
// rating cut of 2 moved NewsMTSC to r 0.516 and accuracy 0.623 (three of its 305 sentences fewer).
// Raised on 2026-12-07 under the rules of that night (NYT 0.624 / 0.634 / 0.602, NewsMTSC 0.525 /
// 0.630 / 0.621), each a few sentences below, so those rules' gains cannot slip away unseen.
const FLOORS: Readonly<Record<string, number>> = {
  'nyt.r': 0.615,
  'nyt.accuracy': 0.628,
  'nyt.macroF1': 0.597,
  'newsmtsc.r': 0.515,
  'newsmtsc.accuracy': 0.62,
  'newsmtsc.macroF1': 0.61,
};

interface Row {
  id: string;
  text: string;
  gold: number;
}

interface Scored {
  score: number;
  label: Ternary;
}

type Scorer = (rows: readonly Row[]) => Promise<Scored[]>;

// vader-sentiment ships no types; this is the one call used.
const vader = createRequire(import.meta.url)('vader-sentiment') as {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
};
const afinn = new Sentiment();
const naturalAfinn = new SentimentAnalyzer('English', PorterStemmer, 'afinn');
const wordTokenizer = new WordTokenizer();

const SCORERS: ReadonlyArray<readonly [string, Scorer]> = [
  ['quote-tone score', scoreWithCli],
  ['sentiment (AFINN-165)', async (rows) => rows.map((row) => bySign(afinn.analyze(row.text).score))],
  [
    'natural SentimentAnalyzer (afinn)',
    async (rows) => rows.map((row) => bySign(naturalAfinn.getSentiment(wordTokenizer.tokenize(row.text)))),
  ],
  [
    'vader-sentiment compound',
    async (rows) =>
      rows.map((row) => {
        const compound = vader.SentimentIntensityAnalyzer.polarity_scores(row.text).compound;
        return { score: compound, label: band(compound, VADER_NEUTRAL_BAND) };
      }),
  ],
];

/**
 * Runs the tone evaluation and returns its table, metrics and CI floors.
 *
 * @example
 * const part = await run(); console.log(part.table);
 */
export async function run(): Promise<EvalPart> {
  const metrics: Record<string, number> = {};
  const lines: string[] = [
    'Tone on human-rated news sentences (Pearson r / ternary accuracy / macro-F1)',
    '',
    `| scorer | ${DATASETS.map((d) => d.title).join(' | ')} |`,
    `|---|${DATASETS.map(() => '---').join('|')}|`,
  ];
  const perClass: string[] = [];
  const loaded = DATASETS.map((dataset) => ({ dataset, rows: readRows(resolve(DEV, dataset.file)) }));
  for (const [name, scorer] of SCORERS) {
    const cells: string[] = [];
    for (const { dataset, rows } of loaded) {
      const scored = await scorer(rows);
      const gold = rows.map((row) => band(row.gold, dataset.cut));
      const r = pearson(
        scored.map((s) => s.score),
        rows.map((row) => row.gold),
      );
      const acc = accuracy(
        scored.map((s) => s.label),
        gold,
      );
      const f1 = macroF1(
        scored.map((s) => s.label),
        gold,
        TERNARY,
      );
      cells.push(`${r.toFixed(3)} / ${acc.toFixed(3)} / ${f1.toFixed(3)}`);
      if (name === 'quote-tone score') {
        const f1s = classF1(
          scored.map((s) => s.label),
          gold,
          TERNARY,
        );
        perClass.push(
          `${dataset.title}: ${TERNARY.map((label, k) => `${label} ${(f1s[k] ?? 0).toFixed(3)}`).join(', ')}`,
        );
        TERNARY.forEach((label, k) => {
          metrics[`${dataset.key}.f1.${label}`] = round(f1s[k] ?? 0);
        });
        metrics[`${dataset.key}.r`] = round(r);
        metrics[`${dataset.key}.accuracy`] = round(acc);
        metrics[`${dataset.key}.macroF1`] = round(f1);
      }
    }
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  lines.push('', 'quote-tone F1 per class:', ...perClass.map((line) => `  ${line}`));
  return { name: 'tone', table: lines.join('\n'), metrics, floors: { ...FLOORS } };
}

/** Feeds the rows to `node bin/quote-tone.js score` as JSON Lines, as a user would. */
async function scoreWithCli(rows: readonly Row[]): Promise<Scored[]> {
  const child = spawn(process.execPath, [resolve(REPO, 'bin/quote-tone.js'), 'score'], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const exited = new Promise<number>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done(code ?? 1));
  });
  child.stdin.end(rows.map((row) => JSON.stringify({ id: row.id, text: row.text })).join('\n'));
  const code = await exited;
  if (code !== 0) throw new Error(`Expected quote-tone score to exit 0, but it exited ${code}.`);
  const byId = new Map<string, Scored>();
  for (const line of Buffer.concat(chunks).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const result = JSON.parse(line) as { id: string; score: number; label: string };
    byId.set(String(result.id), {
      score: result.score,
      // Mixed sits between the poles: the ternary gold calls it neutral.
      label: result.label === 'positive' || result.label === 'negative' ? result.label : 'neutral',
    });
  }
  return rows.map((row) => {
    const scored = byId.get(row.id);
    if (!scored) throw new Error(`Expected a score for sentence ${row.id}, but quote-tone score gave none.`);
    return scored;
  });
}

function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const row = JSON.parse(line) as { id: unknown; text: string; gold: number };
      return { id: String(row.id), text: row.text, gold: row.gold };
    });
}

function bySign(score: number): Scored {
  return { score, label: band(score, 0) };
}

function band(value: number, cut: number): Ternary {
  if (cut === 0) return value > 0 ? 'positive' : value < 0 ? 'negative' : 'neutral';
  return value >= cut ? 'positive' : value <= -cut ? 'negative' : 'neutral';
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const part = await run();
  console.log(part.table);
  console.log(`\nmetrics ${JSON.stringify(part.metrics)}\nfloors  ${JSON.stringify(part.floors)}`);
}
