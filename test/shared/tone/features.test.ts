import { describe, expect, it } from 'vitest';
import { createFeatureBuffer, DENSE_FEATURES, featurize } from '../../../shared/tone/features.ts';
import { readStatement } from '../../../shared/tone/read-statement.ts';

const dense = (statement: string, name: (typeof DENSE_FEATURES)[number]): number =>
  featurize(readStatement(statement), createFeatureBuffer()).dense[DENSE_FEATURES.indexOf(name)] ??
  Number.NaN;

describe('featurize with the word table', () => {
  it("flips a negated word's predicted polarity, as it flips a lexicon weight", () => {
    expect(dense('It was a blunder', 'inducedWeakest')).toBeLessThan(0);
    expect(dense('It was not a blunder', 'inducedStrongest')).toBeGreaterThan(0);
  });

  it('keeps a negated word out of the mean word vector', () => {
    const plain = featurize(readStatement('There are reasons for joy'), createFeatureBuffer());
    const negated = featurize(readStatement('There are no reasons for joy'), createFeatureBuffer());
    // "reasons for joy" is in the negation scope: its words leave the mean.
    expect(negated.rowCount).toBeLessThan(plain.rowCount);
    expect(negated.tablePositive).toBeLessThan(plain.tablePositive);
  });

  it('grows its buffers for a statement longer than they were made for', () => {
    const long = Array.from({ length: 400 }, () => 'blunder').join(' ');
    const features = featurize(readStatement(long), createFeatureBuffer(8));
    expect(features.hashedCount).toBe(400);
    expect(features.rowCount).toBe(400);
  });
});
