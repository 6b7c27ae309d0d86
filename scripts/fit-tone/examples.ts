// Training and dev sentences as model examples: the product's own rule reading and features
// (shared/tone), plus the statement's frequency-weighted mean word vector for the table's logit shares.
import { createFeatureBuffer, featurize } from '../../shared/tone/features.ts';
import { readStatement } from '../../shared/tone/read-statement.ts';
import type { Example } from './logistic.ts';
import type { FittingTable } from './table.ts';

/** One sentence as the model sees it, with its soft target and weight. */
export function toExample(
  text: string,
  target: readonly [number, number, number],
  weight: number,
  fitting: FittingTable,
  buffer = createFeatureBuffer(),
): Example {
  const { dimensions, weightedVectors } = fitting;
  const features = featurize(readStatement(text, { table: fitting.table }), buffer, fitting.table);
  const embedded = new Float64Array(dimensions);
  for (let k = 0; k < features.rowCount; k += 1) {
    const at = (features.rows[k] ?? 0) * dimensions;
    const share = features.rowWeights[k] ?? 1;
    for (let d = 0; d < dimensions; d += 1)
      embedded[d] = (embedded[d] ?? 0) + share * (weightedVectors[at + d] ?? 0);
  }
  if (features.hashedCount > 0)
    for (let d = 0; d < dimensions; d += 1) embedded[d] = (embedded[d] ?? 0) / features.hashedCount;
  return {
    dense: Float64Array.from(features.dense),
    buckets: features.buckets.slice(0, features.hashedCount),
    bucketValues: features.bucketValues.slice(0, features.hashedCount),
    embedded,
    target,
    weight,
  };
}
