// Turns a rule reading into the model's features: a few dense rule features, hashed word stems,
// and what the word table (word-table.ts) says of the words. `scripts/fit-tone.ts` and the scorer share this file, so the fitted
// weights always line up with what the scorer computes.
import { changeValue } from './changes.ts';
import { SECONDARY_COUNT } from './lexicon.ts';
import { type Reading, RULE } from './read-statement.ts';
import { NUMBER_WORD, type WordFacts } from './word-facts.ts';
import { WORD_TABLE, type WordTable } from './word-table.ts';

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
  // Reports of harm, and lexicon weight that negation turned around ("not a success").
  'harms',
  'negatedPositive',
  'negatedNegative',
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
  // The word table's predicted polarity: sums of each sign, balance, and the strongest word of each sign.
  'inducedPositive',
  'inducedNegative',
  'inducedBalance',
  'inducedStrongest',
  'inducedWeakest',
  // The same two for the judgement of "X is a Y" alone: what the statement says X is.
  'judgementStrongest',
  'judgementWeakest',
  // Reported changes by what they mean for a reader: "unemployment fell" improves, "costs rose" worsens.
  'improvements',
  'worsenings',
] as const;

/** A lexicon weight (AFINN units) on the word table's polarity scale, for judgement words it rates. */
const LEXICON_TO_POLARITY = 0.1;

/** A judgement word's polarity: the lexicon's when it rates the word, else the word table's. */
export function judgementPolarity(reading: Reading, i: number, tablePolarity: number): number {
  const main = reading.facts[i]?.main ?? 0;
  const value = main !== 0 ? main * LEXICON_TO_POLARITY : tablePolarity;
  return reading.negated[i] === 1 ? -value : value;
}

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
  /** Per entry of `buckets`: its value, the word's share (reading.share) over the root of `hashedCount`. */
  bucketValues: Float64Array;
  /** Per entry of `buckets`: the token it came from. */
  bucketTokens: Int32Array;
  /** How many entries of `buckets` are in use, one per counted word (the divisor of the table means). */
  hashedCount: number;
  /** The words' mean additions to the positive and negative logits, from the word table. */
  tablePositive: number;
  tableNegative: number;
  /** Word-table rows of the counted, not negated words the table knows (the first `rowCount`), for fitting. */
  rows: Int32Array;
  /** Per entry of `rows`: the word's share. */
  rowWeights: Float64Array;
  rowCount: number;
  /** Per token: its word-table row, or -1 when it is not counted or the table does not know it. */
  tokenRows: Int32Array;
}

/** A buffer sized for statements of up to `maxTokens` tokens; it grows when needed. */
export function createFeatureBuffer(maxTokens = 256): FeatureBuffer {
  return {
    dense: new Float64Array(DENSE_FEATURES.length),
    buckets: new Int32Array(maxTokens),
    bucketValues: new Float64Array(maxTokens),
    bucketTokens: new Int32Array(maxTokens),
    hashedCount: 0,
    tablePositive: 0,
    tableNegative: 0,
    rows: new Int32Array(maxTokens),
    rowWeights: new Float64Array(maxTokens),
    tokenRows: new Int32Array(maxTokens),
    rowCount: 0,
  };
}

/**
 * Fills `out` with the features of one reading and returns it.
 *
 * @example
 * featurize(readStatement('Good talks'), createFeatureBuffer()).dense[0] // log1p(3)
 */
export function featurize(
  reading: Reading,
  out: FeatureBuffer,
  table: WordTable = WORD_TABLE,
): FeatureBuffer {
  const dense = out.dense;
  const words = reading.words;
  const norm = Math.sqrt(words + 1);
  let k = 0;
  dense[k++] = Math.log1p(reading.positive);
  dense[k++] = Math.log1p(reading.negative);
  dense[k++] = (reading.positive - reading.negative) / norm;
  dense[k++] = Math.log1p(reading.cues.tentative.length);
  dense[k++] = Math.log1p(Math.max(0, reading.negations - reading.releases));
  dense[k++] = Math.log1p(reading.contrasts);
  dense[k++] = reading.exclamations > 0 ? 1 : 0;
  dense[k++] = reading.questions > 0 ? 1 : 0;
  dense[k++] = Math.log1p(words);
  dense[k++] = Math.log1p(reading.harms);
  dense[k++] = Math.log1p(reading.negatedPositive);
  dense[k++] = Math.log1p(reading.negatedNegative);
  for (let lexicon = 0; lexicon < SECONDARY_COUNT; lexicon += 1) {
    const positive = reading.secondaryPositive[lexicon] ?? 0;
    const negative = reading.secondaryNegative[lexicon] ?? 0;
    dense[k++] = Math.log1p(positive);
    dense[k++] = Math.log1p(negative);
    dense[k++] = (positive - negative) / norm;
  }

  const tokens = reading.tokens;
  const count = tokens.lower.length;
  if (out.buckets.length < count) {
    out.buckets = new Int32Array(count);
    out.bucketValues = new Float64Array(count);
    out.bucketTokens = new Int32Array(count);
    out.rows = new Int32Array(count);
    out.rowWeights = new Float64Array(count);
    out.tokenRows = new Int32Array(count);
  }
  let used = 0;
  let rowCount = 0;
  let inducedPositive = 0;
  let inducedNegative = 0;
  let strongest = 0;
  let weakest = 0;
  let judgedStrongest = 0;
  let judgedWeakest = 0;
  let tablePositive = 0;
  let tableNegative = 0;
  // The arrays in locals: the loop calls out (judgementPolarity), after which the engine reloads
  // every property it reads.
  const {
    facts: allFacts,
    counted: isCounted,
    share: shares,
    negated: isNegated,
    predicate,
    flags,
  } = reading;
  const { buckets, bucketValues, bucketTokens, rows, rowWeights, tokenRows } = out;
  const shipped = table === WORD_TABLE;
  for (let i = 0; i < count; i += 1) {
    tokenRows[i] = -1;
    if (!isCounted[i]) continue;
    const wordFacts = allFacts[i];
    const hash = wordFacts?.hash ?? 0;
    const share = shares[i] ?? 1;
    bucketTokens[used] = i;
    bucketValues[used] = share;
    buckets[used++] = (isNegated[i] ? hash ^ NEGATED_SALT : hash) & HASH_MASK;
    const row = tableRow(wordFacts, table, tokens.lower[i] ?? '');
    if (row < 0) continue;
    // The shipped table's values come cached with the word's facts (see WordFacts.polarity).
    const facts = shipped ? wordFacts : undefined;
    const tablePolarity = facts ? facts.polarity : (table.polarity[row] ?? 0);
    // A change's words speak through the change features alone.
    if (((flags[i] ?? 0) & RULE.CHANGED) !== 0) continue;
    tokenRows[i] = row;
    // Negation flips the predicted polarity, as it flips a lexicon weight.
    const negated = isNegated[i] === 1;
    const polarity = negated ? -tablePolarity : tablePolarity;
    if (polarity > 0) inducedPositive += polarity;
    else inducedNegative -= polarity;
    if (polarity > strongest) strongest = polarity;
    if (polarity < weakest) weakest = polarity;
    if (predicate[i] === 1) {
      const judged = judgementPolarity(reading, i, tablePolarity);
      if (judged > judgedStrongest) judgedStrongest = judged;
      if (judged < judgedWeakest) judgedWeakest = judged;
    }
    // A negated word's vector says nothing reliable about the statement ("no reasons for joy" is
    // not joyful): it stays out of the mean, and its negated stem bucket speaks for it instead.
    if (negated) continue;
    rowWeights[rowCount] = share;
    rows[rowCount++] = row;
    tablePositive += share * (facts ? facts.tablePositive : (table.positive[row] ?? 0));
    tableNegative += share * (facts ? facts.tableNegative : (table.negative[row] ?? 0));
  }
  const counted = Math.sqrt(used + 1);
  dense[k++] = Math.log1p(inducedPositive);
  dense[k++] = Math.log1p(inducedNegative);
  dense[k++] = (inducedPositive - inducedNegative) / counted;
  dense[k++] = strongest;
  dense[k++] = weakest;
  dense[k++] = judgedStrongest;
  dense[k++] = judgedWeakest;
  let improvements = 0;
  let worsenings = 0;
  for (const change of reading.changes) {
    const value = changeValue(reading, change, table);
    if (value > 0) improvements += value;
    else worsenings -= value;
  }
  dense[k++] = Math.log1p(improvements);
  dense[k++] = Math.log1p(worsenings);
  out.rowCount = rowCount;
  out.tablePositive = used > 0 ? tablePositive / used : 0;
  out.tableNegative = used > 0 ? tableNegative / used : 0;
  out.hashedCount = used;
  // Scaled so a long sentence's many words do not drown the rule features.
  const scale = used > 0 ? 1 / Math.sqrt(used) : 0;
  for (let k = 0; k < used; k += 1) out.bucketValues[k] = (out.bucketValues[k] ?? 0) * scale;
  return out;
}

/**
 * The word's row in the table, or -1. The shipped table's row is cached with the word's facts; a
 * fitting table is looked up. A number has no row in either: amounts carry no tone of their own.
 */
function tableRow(facts: WordFacts | undefined, table: WordTable, word: string): number {
  if (facts !== undefined && (facts.kinds & NUMBER_WORD) !== 0) return -1;
  return table === WORD_TABLE && facts !== undefined ? facts.row : table.rowOf(word);
}
