// The fitted part of the scorer: a small multinomial logistic regression over the rule features,
// hashed words and the word table's per-word logit shares (word-table.ts), fitted by `scripts/fit-tone.ts` on the NewsMTSC training split. Neutral is the
// reference class, so the model holds two weight vectors: positive-vs-neutral and negative-vs-neutral.
import * as z from 'zod/mini';
import { QuoteToneError } from '../errors.ts';
import type { Probabilities, Thresholds } from './decision.ts';
import { DENSE_FEATURES, type FeatureBuffer, HASH_BITS } from './features.ts';
import weights from './model-weights.json' with { type: 'json' };
import { decodeColumn, WORD_TABLE } from './word-table.ts';

const pair = <T extends z.core.SomeType>(item: T) => z.tuple([item, item]);
const finite = () => z.number().check(z.refine(Number.isFinite, 'a finite number'));

/** The JSON that `scripts/fit-tone.ts` writes: checked at load, so a damaged file fails loudly. */
export const ModelWeightsSchema = z.object({
  hashBits: z.int(),
  dense: z.array(z.string()),
  bias: pair(finite()),
  denseWeights: pair(z.array(finite())),
  hashedStep: z.number().check(z.positive()),
  hashedWeights: pair(z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/))),
  thresholds: z.object({ positive: finite(), negative: finite() }),
  wordTable: z.string(),
});

/** The JSON that `scripts/fit-tone.ts` writes. */
export interface ModelWeights {
  hashBits: number;
  dense: readonly string[];
  bias: readonly [number, number];
  /** [positive, negative] weights per dense feature, already divided by the training scale. */
  denseWeights: readonly [readonly number[], readonly number[]];
  /** Hashed-bucket weights are whole multiples of this. */
  hashedStep: number;
  /** [positive, negative] weights per hash bucket, as signed bytes in units of `hashedStep`, base64. */
  hashedWeights: readonly [string, string];
  /** The label decision's log-odds biases (decision.ts). */
  thresholds: Thresholds;
  /** The id of the word table fitted with these weights. */
  wordTable: string;
}

/** The shipped weights were fitted for other features: the scorer would silently be wrong. */
export class ModelWeightsMismatchError extends QuoteToneError {
  override readonly code = 'TONE_WEIGHTS_MISMATCH';

  constructor(detail: string) {
    super(`Expected tone weights fitted for the current features, but ${detail}; run scripts/fit-tone.ts.`);
    this.name = 'ModelWeightsMismatchError';
  }
}

const MODEL: ModelWeights = loadWeights(weights);
const POSITIVE_DENSE = Float64Array.from(MODEL.denseWeights[0]);
const NEGATIVE_DENSE = Float64Array.from(MODEL.denseWeights[1]);
const POSITIVE_HASHED = decodeColumn(MODEL.hashedWeights[0], MODEL.hashedStep);
const NEGATIVE_HASHED = decodeColumn(MODEL.hashedWeights[1], MODEL.hashedStep);
// What predict reads: both classes' weights of a bucket side by side, as the shipped bytes (in units
// of HASHED_STEP), 32 kB where the decoded columns take 256 kB: each hashed word then reads one
// cache line, and the lines stay cached. A byte times the step is the decoded weight, to the bit.
const HASHED_STEP = MODEL.hashedStep;
const HASHED_PAIRS = interleavedBytes(MODEL.hashedWeights[0], MODEL.hashedWeights[1]);

/** The decoded weights, [positive, negative] each, for the explanation (explain.ts). */
export const LOGIT_WEIGHTS = {
  bias: MODEL.bias,
  dense: [POSITIVE_DENSE, NEGATIVE_DENSE],
  hashed: [POSITIVE_HASHED, NEGATIVE_HASHED],
} as const;

/** The label decision's biases, as fitted. */
export const THRESHOLDS: Readonly<Thresholds> = MODEL.thresholds;

/**
 * Class probabilities from a statement's features.
 *
 * @example
 * predict(featurize(readStatement('A great success'), createFeatureBuffer())).positive // > 0.5
 */
export function predict(features: FeatureBuffer): Probabilities {
  let positive = MODEL.bias[0];
  let negative = MODEL.bias[1];
  const dense = features.dense;
  for (let k = 0; k < dense.length; k += 1) {
    const value = dense[k] ?? 0;
    positive += (POSITIVE_DENSE[k] ?? 0) * value;
    negative += (NEGATIVE_DENSE[k] ?? 0) * value;
  }
  for (let k = 0; k < features.hashedCount; k += 1) {
    const bucket = features.buckets[k] ?? 0;
    const value = features.bucketValues[k] ?? 0;
    positive += (HASHED_PAIRS[2 * bucket] ?? 0) * HASHED_STEP * value;
    negative += (HASHED_PAIRS[2 * bucket + 1] ?? 0) * HASHED_STEP * value;
  }
  positive += features.tablePositive;
  negative += features.tableNegative;
  // Softmax against the neutral logit 0, shifted by the largest logit so exp never overflows.
  const top = Math.max(0, positive, negative);
  const ePositive = Math.exp(positive - top);
  const eNegative = Math.exp(negative - top);
  const eNeutral = Math.exp(-top);
  const total = ePositive + eNegative + eNeutral;
  return { positive: ePositive / total, negative: eNegative / total, neutral: eNeutral / total };
}

function interleavedBytes(positive: string, negative: string): Int8Array {
  const first = atob(positive);
  const second = atob(negative);
  const pairs = new Int8Array(2 * first.length);
  for (let k = 0; k < first.length; k += 1) {
    pairs[2 * k] = first.charCodeAt(k);
    pairs[2 * k + 1] = second.charCodeAt(k);
  }
  return pairs;
}

/** Validates shipped (or refitted) weights against the schema and the current features. */
export function loadWeights(json: unknown): ModelWeights {
  const parsed = ModelWeightsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelWeightsMismatchError(
      `model-weights.json does not match its schema at ${issue?.path.join('.') || 'the top'} (${issue?.message})`,
    );
  }
  const model = parsed.data;
  checkShape(model);
  if (model.denseWeights.some((column) => column.length !== model.dense.length)) {
    throw new ModelWeightsMismatchError(`the dense weights do not list one weight per dense feature`);
  }
  return model;
}

function checkShape(model: ModelWeights): void {
  if (model.hashBits !== HASH_BITS) throw new ModelWeightsMismatchError(`hashBits is ${model.hashBits}`);
  for (const hashed of model.hashedWeights) {
    const buckets = atob(hashed).length;
    if (buckets !== 1 << HASH_BITS) throw new ModelWeightsMismatchError(`${buckets} hashed weights ship`);
  }
  if (model.wordTable !== WORD_TABLE.id) {
    throw new ModelWeightsMismatchError(
      `they were fitted with word table ${model.wordTable}, not ${WORD_TABLE.id}`,
    );
  }
  if (model.dense.join() !== DENSE_FEATURES.join()) {
    throw new ModelWeightsMismatchError(`the dense features are ${model.dense.join(', ')}`);
  }
}
