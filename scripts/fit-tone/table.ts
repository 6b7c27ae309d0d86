// The word table while fitting and as shipped. A ridge regression from a word's GloVe vector to its
// mean lexicon rating (and 0 for frequent words no lexicon lists) predicts a polarity for each of
// the 100k most frequent words; the logistic model's weights on the mean word vector then fold into
// one logit share per word and class, so the shipped table holds three small numbers per word.
import { createHash } from 'node:crypto';
import { lexiconWords, SECONDARY_COUNT, secondaryWeight, wordWeight } from '../../shared/tone/lexicon.ts';
import {
  decodeWordTable,
  encodeWordTable,
  type WordTable,
  type WordTableJson,
} from '../../shared/tone/word-table.ts';
import { fitRidge, frequencyWeight, type WordVectors } from '../word-vectors.ts';
import type { Fitted } from './logistic.ts';
import { INT8_MAX, round, toInt8 } from './numbers.ts';

// Plain lower-case words among the most frequent, about 100k of them. Half as many words cost NYT
// dev macro-F1 about 0.005.
export const TABLE_RANKS = 100_000;
const TABLE_WORD = /^[a-z][a-z'-]*$/;
// Frequent words no lexicon lists teach the polarity regression what "no sentiment" looks like.
const NEUTRAL_RANKS = 30_000;
const NEUTRAL_WORD = /^[a-z]+$/;
export const RIDGE_ALPHA = 10;
// Smooth-inverse-frequency constant: 1e-4 beat 1e-3 and plain means on both dev sets.
export const SMOOTHING = 1e-4;
// Vectors the package holds in all, for the Zipf estimate of a word's frequency.
const VOCABULARY = 341_479;
// The polarity column ships in steps of 1/127 (-1..1); the logit columns in steps of their largest
// value / 127.
const POLARITY_STEP = 1 / 127;
// AFINN's largest weight: dividing by it puts the main lexicon on -1..1 like the others.
const AFINN_MAX = 5;

/** The word table while fitting: the table itself, and each row's vector times its frequency weight. */
export interface FittingTable {
  table: WordTable;
  words: readonly string[];
  polarity: Int8Array;
  dimensions: number;
  /** Row-major: row r's weighted vector is at r * dimensions. */
  weightedVectors: Float64Array;
}

/**
 * The table's words, their ridge-predicted polarity (quantised as it will ship, so the model is
 * fitted on the values the product reads) and their weighted vectors.
 */
export function buildFittingTable(vectors: WordVectors): FittingTable {
  const dimensions = vectors.dimensions;
  // Sorted, so neighbours share prefixes and the shipped table compresses well.
  const words = vectors.words
    .slice(0, TABLE_RANKS)
    .filter((word) => TABLE_WORD.test(word))
    .sort();
  const ridge = fitPolarity(vectors);
  const polarity = new Int8Array(words.length);
  const weightedVectors = new Float64Array(words.length * dimensions);
  words.forEach((word, row) => {
    const vector = vectors.vector(word) as Float64Array;
    let predicted = ridge.intercept;
    for (let d = 0; d < dimensions; d += 1) predicted += (ridge.weights[d] ?? 0) * (vector[d] ?? 0);
    polarity[row] = toInt8(predicted, POLARITY_STEP);
    const weight = frequencyWeight(vectors.rank(word) ?? 0, VOCABULARY, SMOOTHING);
    for (let d = 0; d < dimensions; d += 1) weightedVectors[row * dimensions + d] = weight * (vector[d] ?? 0);
  });
  const zeros = new Int8Array(words.length);
  const table = decodeWordTable(
    encodeWordTable({
      id: 'fitting',
      words,
      polarityStep: POLARITY_STEP,
      polarity,
      logitStep: 1,
      positive: zeros,
      negative: zeros,
    }),
  );
  return { table, words, polarity, dimensions, weightedVectors };
}

/** Ridge from a word's vector to its mean rating over the lexicons that rate it (each on -1..1). */
function fitPolarity(vectors: WordVectors): { weights: Float64Array; intercept: number } {
  const rows: Float64Array[] = [];
  const targets: number[] = [];
  const rated = new Set<string>();
  for (const word of lexiconWords()) {
    const vector = vectors.vector(word);
    if (!vector) continue;
    const ratings = [wordWeight(word) / AFINN_MAX];
    for (let lexicon = 0; lexicon < SECONDARY_COUNT; lexicon += 1)
      ratings.push(secondaryWeight(lexicon, word));
    const given = ratings.filter((rating) => rating !== 0);
    rows.push(vector);
    targets.push(given.length > 0 ? given.reduce((sum, rating) => sum + rating, 0) / given.length : 0);
    rated.add(word);
  }
  for (const word of vectors.words.slice(0, NEUTRAL_RANKS)) {
    if (rated.has(word) || !NEUTRAL_WORD.test(word)) continue;
    rows.push(vectors.vector(word) as Float64Array);
    targets.push(0);
  }
  return fitRidge(rows, targets, RIDGE_ALPHA);
}

/**
 * The shipped table: each word's polarity, and its share of each class logit (its weighted vector
 * times the fitted vector weights), in steps of the largest share / 127.
 */
export function finalTable(fitting: FittingTable, model: Fitted): WordTableJson {
  const { words, dimensions, weightedVectors } = fitting;
  const shares = model.embeddedWeights.map((weights) => {
    const column = new Float64Array(words.length);
    for (let row = 0; row < words.length; row += 1) {
      let share = 0;
      for (let d = 0; d < dimensions; d += 1)
        share += (weights[d] ?? 0) * (weightedVectors[row * dimensions + d] ?? 0);
      column[row] = share;
    }
    return column;
  });
  let largest = 0;
  for (const column of shares) for (const share of column) largest = Math.max(largest, Math.abs(share));
  const logitStep = round(largest / INT8_MAX, 6) || 1;
  const [positive, negative] = shares.map((column) =>
    Int8Array.from(column, (share) => toInt8(share, logitStep)),
  );
  const columns = {
    words,
    polarityStep: POLARITY_STEP,
    polarity: fitting.polarity,
    logitStep,
    positive: positive ?? new Int8Array(0),
    negative: negative ?? new Int8Array(0),
  };
  const hash = createHash('sha256').update(words.join(' '));
  for (const column of [columns.polarity, columns.positive, columns.negative]) hash.update(column);
  return encodeWordTable({ id: hash.digest('hex').slice(0, 16), ...columns });
}
