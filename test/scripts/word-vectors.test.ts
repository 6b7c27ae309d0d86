import { describe, expect, it } from 'vitest';
import { fitRidge, frequencyWeight, solveSymmetric } from '../../scripts/word-vectors.ts';

describe('fitRidge', () => {
  it('recovers a linear rule with its intercept when the shrinkage is tiny', () => {
    // y = 2 x0 - 3 x1 + 0.5 over a small grid.
    const rows: Float64Array[] = [];
    const targets: number[] = [];
    for (let a = -2; a <= 2; a += 1) {
      for (let b = -2; b <= 2; b += 1) {
        rows.push(Float64Array.from([a, b * 0.5 + a * 0.1]));
        targets.push(2 * a - 3 * (b * 0.5 + a * 0.1) + 0.5);
      }
    }
    const { weights, intercept } = fitRidge(rows, targets, 1e-9);
    expect(weights[0]).toBeCloseTo(2, 6);
    expect(weights[1]).toBeCloseTo(-3, 6);
    expect(intercept).toBeCloseTo(0.5, 6);
  });

  it('shrinks the weights toward zero as alpha grows', () => {
    const rows = [1, 2, 3, 4].map((x) => Float64Array.from([x]));
    const targets = [1, 2, 3, 4];
    expect(fitRidge(rows, targets, 100).weights[0]).toBeLessThan(
      fitRidge(rows, targets, 0.01).weights[0] ?? 0,
    );
  });
});

describe('solveSymmetric', () => {
  it('solves a positive definite system and refuses one that is not', () => {
    const x = solveSymmetric(Float64Array.from([4, 1, 1, 3]), Float64Array.from([1, 2]), 2);
    expect(4 * (x[0] ?? 0) + (x[1] ?? 0)).toBeCloseTo(1, 12);
    expect((x[0] ?? 0) + 3 * (x[1] ?? 0)).toBeCloseTo(2, 12);
    expect(() => solveSymmetric(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1]), 2)).toThrow(
      /positive definite/,
    );
  });
});

describe('frequencyWeight', () => {
  it('gives "the" (rank 0) almost nothing and a rare word almost all of its vector', () => {
    expect(frequencyWeight(0, 400_000, 1e-4)).toBeLessThan(0.01);
    expect(frequencyWeight(50_000, 400_000, 1e-4)).toBeGreaterThan(0.95);
  });
});
