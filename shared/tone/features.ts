// Turns a rule reading into the model's features: a few dense rule features plus hashed word
// word stems. `scripts/fit-tone.ts` and the scorer share this file, so the fitted
// weights always line up with what the scorer computes.
import { SECONDARY_COUNT } from './lexicon.ts';
import type { Reading } from './read-statement.ts';

/** Dense features, in the order the weights list them. */
export const DENSE_FEATURES = [
  'positive',
  'negative',
  'balance',
  'tentative',
  'negations',
  'contrasts',
  'exclamations',
  'questions',
  'length',
  // One positive, negative and balance triple per secondary lexicon, in lexicon.ts order.
  'senticonPositive',
  'senticonNegative',
  'senticonBalance',
  'patternPositive',
  'patternNegative',
  'patternBalance',
  'vaderPositive',
  'vaderNegative',
  'vaderBalance',
] as const;

/** 2^14 buckets: room for the stems of 7k training sentences with few collisions, 16 kB per class as bytes. */
export const HASH_BITS = 14;
const HASH_MASK = (1 << HASH_BITS) - 1;
// A distinct salt keeps a negated word from sharing the plain word's bucket. Stems only, no bigrams:
// bigrams learned on target-rated news carried over poorly to other news text (5-fold CV r on train
// 0.575 -> 0.587, NYT dev r 0.579 -> 0.582, NewsMTSC dev r 0.488 -> 0.495 without them).
const NEGATED_SALT = 0x5bd1e995;

/** Reusable feature storage: dense values plus (bucket, value) pairs for the hashed part. */
export interface FeatureBuffer {
  dense: Float64Array;
  buckets: Int32Array;
  /** How many entries of `buckets` are in use; each has the value `hashedValue`. */
  hashedCount: number;
  hashedValue: number;
}

/** A buffer sized for statements of up to `maxTokens` tokens; it grows when needed. */
export function createFeatureBuffer(maxTokens = 256): FeatureBuffer {
  return {
    dense: new Float64Array(DENSE_FEATURES.length),
    buckets: new Int32Array(maxTokens),
    hashedCount: 0,
    hashedValue: 0,
  };
}

/**
 * Fills `out` with the features of one reading and returns it.
 *
 * @example
 * featurize(readStatement('Good talks'), createFeatureBuffer()).dense[0] // log1p(3)
 */
export function featurize(reading: Reading, out: FeatureBuffer): FeatureBuffer {
  const dense = out.dense;
  const words = reading.words;
  const norm = Math.sqrt(words + 1);
  let k = 0;
  dense[k++] = Math.log1p(reading.positive);
  dense[k++] = Math.log1p(reading.negative);
  dense[k++] = (reading.positive - reading.negative) / norm;
  dense[k++] = Math.log1p(reading.cues.tentative.length);
  dense[k++] = Math.log1p(reading.negations);
  dense[k++] = Math.log1p(reading.contrasts);
  dense[k++] = reading.exclamations > 0 ? 1 : 0;
  dense[k++] = reading.questions > 0 ? 1 : 0;
  dense[k++] = Math.log1p(words);
  for (let lexicon = 0; lexicon < SECONDARY_COUNT; lexicon += 1) {
    const positive = reading.secondaryPositive[lexicon] ?? 0;
    const negative = reading.secondaryNegative[lexicon] ?? 0;
    dense[k++] = Math.log1p(positive);
    dense[k++] = Math.log1p(negative);
    dense[k++] = (positive - negative) / norm;
  }

  const tokens = reading.tokens;
  const count = tokens.lower.length;
  if (out.buckets.length < count) out.buckets = new Int32Array(count);
  let used = 0;
  for (let i = 0; i < count; i += 1) {
    if (!reading.counted[i]) continue;
    const hash = reading.facts[i]?.hash ?? 0;
    out.buckets[used++] = (reading.negated[i] ? hash ^ NEGATED_SALT : hash) & HASH_MASK;
  }
  out.hashedCount = used;
  // Scaled so a long sentence's many words do not drown the rule features.
  out.hashedValue = used > 0 ? 1 / Math.sqrt(used) : 0;
  return out;
}
