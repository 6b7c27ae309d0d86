// The shipped weights read back into the fitting code's own form, so a test can check that the
// fitting code's prediction equals the product's predict(): the word table's logit shares stand in
// for the mean word vector (that is what they fold), as a two-dimensional "vector" with identity weights.
import type { FeatureBuffer } from '../../shared/tone/features.ts';
import type { ModelWeights } from '../../shared/tone/model.ts';
import { decodeColumn } from '../../shared/tone/word-table.ts';
import type { Example, Fitted } from './logistic.ts';

/** Shipped weights as a fitted model over examples from `exampleFromFeatures`. */
export function fittedFromShipped(weights: ModelWeights): Fitted {
  return {
    bias: [weights.bias[0], weights.bias[1]],
    denseWeights: [[...weights.denseWeights[0]], [...weights.denseWeights[1]]],
    hashedWeights: [
      Array.from(decodeColumn(weights.hashedWeights[0], weights.hashedStep)),
      Array.from(decodeColumn(weights.hashedWeights[1], weights.hashedStep)),
    ],
    embeddedWeights: [Float64Array.from([1, 0]), Float64Array.from([0, 1])],
  };
}

/** One statement's product features as a fitting example (target and weight do not matter here). */
export function exampleFromFeatures(features: FeatureBuffer): Example {
  return {
    dense: Float64Array.from(features.dense),
    buckets: features.buckets.slice(0, features.hashedCount),
    bucketValues: features.bucketValues.slice(0, features.hashedCount),
    embedded: Float64Array.from([features.tablePositive, features.tableNegative]),
    target: [0, 0, 1],
    weight: 1,
  };
}
