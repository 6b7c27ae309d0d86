// The fitted part of the scorer: a multinomial logistic regression (positive, negative, neutral)
// over the dense rule features, the mean word vector and the hashed stems, with L2, fitted by
// full-batch Adam from zero weights (deterministic). Targets may be soft (continuous ratings) and
// examples weighted (by source).
import { DENSE_FEATURES, HASH_BITS } from '../../shared/tone/features.ts';

const BUCKETS = 1 << HASH_BITS;
const DENSE = DENSE_FEATURES.length;
// Chosen by --cv and on dev: the dense rule features need little shrinkage, the hashed buckets and
// the mean word vector more.
export const L2 = { dense: 4.5e-4, hashed: 1.8e-3, embedded: 9.3e-4 };
// Full-batch Adam settles well within this many steps.
export const STEPS = 400;
export const LEARNING_RATE = 0.05;
const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
const ADAM_EPSILON = 1e-8;
// The model's classes in parameter order; neutral last, folded out as the reference.
const CLASSES = 3;
/**
 * Rule features whose weight is set, not fitted: [feature, positive logit, negative logit] per unit.
 * Reports of harm are bad news to a reader, but most training text rated for the tone towards a
 * named target calls "X was killed" neutral, so a fitted weight would learn to ignore them. One
 * report (log1p(1) = 0.69) adds 1.4 to the negative logit: about as much as a clearly bad word.
 */
export const SET_WEIGHTS: ReadonlyArray<readonly [string, number, number]> = [['harms', 0, 2]];
const SET_AT = SET_WEIGHTS.map(([name, positive, negative]) => ({
  k: DENSE_FEATURES.indexOf(name as (typeof DENSE_FEATURES)[number]),
  positive,
  negative,
}));

export interface Example {
  dense: Float64Array;
  buckets: Int32Array;
  /** The value of each bucket entry (the feature buffer's per-word share). */
  bucketValues: Float64Array;
  /** The statement's frequency-weighted mean word vector. */
  embedded: Float64Array;
  /** [positive, negative, neutral] probabilities, summing to 1. */
  target: readonly [number, number, number];
  weight: number;
}

export interface Fitted {
  bias: [number, number];
  denseWeights: [number[], number[]];
  hashedWeights: [number[], number[]];
  /** [positive, negative] weights on the mean word vector. */
  embeddedWeights: [Float64Array, Float64Array];
}

/** Fits a positive/negative-vs-neutral logistic model with L2 by full-batch Adam. */
export function fitModel(examples: readonly Example[], l2 = L2): Fitted {
  const EMBEDDED = examples[0]?.embedded.length ?? 0;
  let totalWeight = 0;
  for (const example of examples) totalWeight += example.weight;
  // Standardise dense features for the optimiser; the scale is folded back into the weights.
  const mean = new Float64Array(DENSE);
  const scale = new Float64Array(DENSE);
  for (const example of examples) {
    for (let k = 0; k < DENSE; k += 1)
      mean[k] = (mean[k] ?? 0) + ((example.dense[k] ?? 0) * example.weight) / totalWeight;
  }
  for (const example of examples) {
    for (let k = 0; k < DENSE; k += 1) {
      scale[k] =
        (scale[k] ?? 0) + (((example.dense[k] ?? 0) - (mean[k] ?? 0)) ** 2 * example.weight) / totalWeight;
    }
  }
  for (let k = 0; k < DENSE; k += 1) scale[k] = Math.sqrt(scale[k] ?? 0) || 1;

  // Parameters: [bias, dense..., embedded..., hashed...] for positive, negative and neutral. Fitting
  // all three with L2 shrinks every class alike (fitting two against a fixed neutral shrank them
  // toward neutral); neutral is folded out at the end.
  const HASHED_AT = 1 + DENSE + EMBEDDED;
  const size = HASHED_AT + BUCKETS;
  const make = () => Array.from({ length: CLASSES }, () => new Float64Array(size));
  const params = make();
  const moment1 = make();
  const moment2 = make();
  const gradient = make();
  const standard = new Float64Array(DENSE);
  const penalty = new Float64Array(size);
  for (let k = 1; k < size; k += 1)
    penalty[k] = k <= DENSE ? l2.dense : k < HASHED_AT ? l2.embedded : l2.hashed;
  const logits = new Float64Array(CLASSES);

  for (let step = 1; step <= STEPS; step += 1) {
    for (const g of gradient) g.fill(0);
    for (const example of examples) {
      for (let k = 0; k < DENSE; k += 1)
        standard[k] = ((example.dense[k] ?? 0) - (mean[k] ?? 0)) / (scale[k] ?? 1);
      for (const set of SET_AT) standard[set.k] = 0;
      let top = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < CLASSES; c += 1) {
        const p = params[c] as Float64Array;
        let z = p[0] ?? 0;
        for (const set of SET_AT)
          z += (c === 0 ? set.positive : c === 1 ? set.negative : 0) * (example.dense[set.k] ?? 0);
        for (let k = 0; k < DENSE; k += 1) z += (p[1 + k] ?? 0) * (standard[k] ?? 0);
        for (let k = 0; k < EMBEDDED; k += 1) z += (p[1 + DENSE + k] ?? 0) * (example.embedded[k] ?? 0);
        for (let b = 0; b < example.buckets.length; b += 1)
          z += (p[HASHED_AT + (example.buckets[b] ?? 0)] ?? 0) * (example.bucketValues[b] ?? 0);
        logits[c] = z;
        top = Math.max(top, z);
      }
      let total = 0;
      for (let c = 0; c < CLASSES; c += 1) {
        logits[c] = Math.exp((logits[c] ?? 0) - top);
        total += logits[c] ?? 0;
      }
      for (let c = 0; c < CLASSES; c += 1) {
        const g = gradient[c] as Float64Array;
        const r = (((logits[c] ?? 0) / total - (example.target[c] ?? 0)) * example.weight) / totalWeight;
        g[0] = (g[0] ?? 0) + r;
        for (let k = 0; k < DENSE; k += 1) g[1 + k] = (g[1 + k] ?? 0) + r * (standard[k] ?? 0);
        for (let k = 0; k < EMBEDDED; k += 1)
          g[1 + DENSE + k] = (g[1 + DENSE + k] ?? 0) + r * (example.embedded[k] ?? 0);
        for (let b = 0; b < example.buckets.length; b += 1) {
          const at = HASHED_AT + (example.buckets[b] ?? 0);
          g[at] = (g[at] ?? 0) + r * (example.bucketValues[b] ?? 0);
        }
      }
    }
    for (let c = 0; c < CLASSES; c += 1) {
      const p = params[c] as Float64Array;
      const g = gradient[c] as Float64Array;
      const m = moment1[c] as Float64Array;
      const v = moment2[c] as Float64Array;
      for (let k = 0; k < size; k += 1) {
        const grad = (g[k] ?? 0) + (penalty[k] ?? 0) * (p[k] ?? 0);
        m[k] = ADAM_BETA1 * (m[k] ?? 0) + (1 - ADAM_BETA1) * grad;
        v[k] = ADAM_BETA2 * (v[k] ?? 0) + (1 - ADAM_BETA2) * grad * grad;
        const mHat = (m[k] ?? 0) / (1 - ADAM_BETA1 ** step);
        const vHat = (v[k] ?? 0) / (1 - ADAM_BETA2 ** step);
        p[k] = (p[k] ?? 0) - (LEARNING_RATE * mHat) / (Math.sqrt(vHat) + ADAM_EPSILON);
      }
    }
  }

  // Neutral becomes the reference (logit 0), and the standardisation folds into raw-feature weights.
  const neutral = params[2] as Float64Array;
  const fitted: Fitted = {
    bias: [0, 0],
    denseWeights: [[], []],
    hashedWeights: [[], []],
    embeddedWeights: [new Float64Array(EMBEDDED), new Float64Array(EMBEDDED)],
  };
  for (let c = 0; c < 2; c += 1) {
    const p = (params[c] as Float64Array).map((w, k) => w - (neutral[k] ?? 0));
    let bias = p[0] ?? 0;
    const dense: number[] = [];
    for (let k = 0; k < DENSE; k += 1) {
      const w = (p[1 + k] ?? 0) / (scale[k] ?? 1);
      dense.push(w);
      bias -= w * (mean[k] ?? 0);
    }
    for (const set of SET_AT) {
      // Learned as 0 (its standardised value was 0); the set weight applies to the raw feature.
      bias += (dense[set.k] ?? 0) * (mean[set.k] ?? 0);
      dense[set.k] = c === 0 ? set.positive : set.negative;
    }
    fitted.bias[c] = bias;
    fitted.denseWeights[c] = dense;
    fitted.embeddedWeights[c] = p.slice(1 + DENSE, HASHED_AT);
    fitted.hashedWeights[c] = Array.from(p.subarray(HASHED_AT));
  }
  return fitted;
}

/** Class probabilities and the score (positive - negative) under a fitted model, for one example. */
export function predictExample(
  model: Fitted,
  example: Example,
): { positive: number; negative: number; neutral: number; score: number } {
  const logits = [0, 0];
  for (let c = 0; c < 2; c += 1) {
    let z = model.bias[c] ?? 0;
    const dense = model.denseWeights[c] ?? [];
    const hashed = model.hashedWeights[c] ?? [];
    const embedded = model.embeddedWeights[c] as Float64Array;
    for (let k = 0; k < DENSE; k += 1) z += (dense[k] ?? 0) * (example.dense[k] ?? 0);
    for (let k = 0; k < embedded.length; k += 1) z += (embedded[k] ?? 0) * (example.embedded[k] ?? 0);
    for (let b = 0; b < example.buckets.length; b += 1)
      z += (hashed[example.buckets[b] ?? 0] ?? 0) * (example.bucketValues[b] ?? 0);
    logits[c] = z;
  }
  const top = Math.max(0, logits[0] ?? 0, logits[1] ?? 0);
  const e0 = Math.exp((logits[0] ?? 0) - top);
  const e1 = Math.exp((logits[1] ?? 0) - top);
  const eNeutral = Math.exp(-top);
  const total = e0 + e1 + eNeutral;
  return { score: (e0 - e1) / total, positive: e0 / total, negative: e1 / total, neutral: eNeutral / total };
}
