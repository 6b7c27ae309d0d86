// The model card: what the shipped tone weights were fitted on and how they measure, written by
// `npm run fit-tone` beside the weights (shared/tone/MODEL.md).
import type { Thresholds } from '../../shared/tone/decision.ts';
import type { Source } from './sources.ts';

/** Dev figures of one fit. */
export interface DevFigures {
  nyt: { r: number; macroF1: number; perClass: readonly number[] };
  newsmtsc: { r: number; macroF1: number; perClass: readonly number[] };
}

interface CardInput {
  date: string;
  sources: readonly (Source & { rows: number; bytes: number; sha256: string })[];
  hyperparameters: Readonly<Record<string, number | string>>;
  thresholds: Thresholds;
  dev: DevFigures;
  crossValidated?: { r: number; macroF1: number };
  /** What each source changed: the dev figures of fits with and without it. */
  ablation?: readonly { label: string; dev: DevFigures }[];
  checklist?: readonly { capability: string; n: number; passRate: number }[];
  checklistMean?: number;
  wordTable: { id: string; words: number };
}

const CLASSES = ['negative', 'neutral', 'positive'];

/** The card as Markdown. */
export function modelCard(input: CardInput): string {
  const f = (value: number) => value.toFixed(3);
  const devRow = (label: string, dev: DevFigures) =>
    `| ${label} | ${f(dev.nyt.r)} | ${f(dev.nyt.macroF1)} | ${dev.nyt.perClass.map(f).join(' / ')} | ${f(dev.newsmtsc.r)} | ${f(dev.newsmtsc.macroF1)} |`;
  const lines = [
    '# Tone model card',
    '',
    `Written by \`npm run fit-tone\` on ${input.date}. Do not edit by hand: refit instead.`,
    '',
    'A multinomial logistic regression (positive, negative, neutral) over rule features (clause-scoped',
    'negation, intensifiers, contrast, hedges, copular judgements, reports of harm), four lexicons,',
    'hashed word stems and a word table distilled from GloVe vectors (`word-table.json`,',
    `id ${input.wordTable.id}, ${input.wordTable.words} words). Weights: \`model-weights.json\`.`,
    '',
    '## Training data',
    '',
    '| file | rows | bytes | sha256 | gold | weight per example |',
    '|---|---|---|---|---|---|',
    ...input.sources.map(
      (s) =>
        `| ${s.file} | ${s.rows} | ${s.bytes} | \`${s.sha256.slice(0, 16)}\` | ${s.gold === 'rating' ? 'mean rating on [-4, 4], soft target' : '-1 / 0 / 1'} | ${s.weight} |`,
    ),
    '',
    'A rating becomes a soft target: |rating| / 1 of the mass (at most all) on its sign, the rest on',
    'neutral. Files are read from `../shared/eval/sentiment/train`; no sentence ships.',
    '',
    '## Hyperparameters',
    '',
    ...Object.entries(input.hyperparameters).map(([name, value]) => `- ${name}: ${value}`),
    `- label decision (log-odds biases against neutral, chosen on dev): positive ${input.thresholds.positive}, negative ${input.thresholds.negative}`,
    '',
    '## Figures',
    '',
    'Dev sets from `../shared/eval/sentiment/dev` (NYT ternary cut +-0.2). Per-class F1 is',
    `${CLASSES.join(' / ')}.`,
    '',
    '| fit | NYT r | NYT macro-F1 | NYT F1 per class | NewsMTSC r | NewsMTSC macro-F1 |',
    '|---|---|---|---|---|---|',
    devRow('shipped', input.dev),
    ...(input.ablation ?? []).map((row) => devRow(row.label, row.dev)),
  ];
  if (input.crossValidated) {
    lines.push(
      '',
      `5-fold cross-validation over all training rows: r ${f(input.crossValidated.r)}, macro-F1 ${f(input.crossValidated.macroF1)}.`,
    );
  }
  if (input.checklist) {
    lines.push(
      '',
      '## Behavioural checklist (dev suite)',
      '',
      '| capability | cases | pass rate |',
      '|---|---|---|',
      ...input.checklist.map(
        (row) => `| ${row.capability} | ${row.n} | ${(row.passRate * 100).toFixed(1)}% |`,
      ),
      `| mean | | ${((input.checklistMean ?? 0) * 100).toFixed(1)}% |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
