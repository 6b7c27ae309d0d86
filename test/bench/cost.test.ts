import { describe, expect, it } from 'vitest';
import { comprehendCall, estimateCost } from '../../bench/cost.ts';

describe('cost estimate', () => {
  it('charges Comprehend per 100 characters with a three-unit minimum per call', () => {
    expect(comprehendCall(5000)).toBeCloseTo(0.005);
    expect(comprehendCall(150)).toBeCloseTo(0.0003);
    expect(comprehendCall(401)).toBeCloseTo(0.0005);
  });

  it('prices 1,000 five-KB articles on Comprehend at about $5, as the issue states', () => {
    const estimate = estimateCost({
      analysisMs: 2,
      s3WaitMs: 60,
      memoryMb: 512,
      articleChars: 5000,
      quoteChars: [80, 120, 350],
      sampleArticles: 1,
    });
    expect(estimate.comprehendPerArticlePer1000).toBeCloseTo(5);
    expect(estimate.comprehendPerQuotePer1000).toBeCloseTo((0.0003 + 0.0003 + 0.0004) * 1000);
  });

  it('scales CPU time to the vCPU share of the configured memory and bills whole milliseconds', () => {
    const at = (memoryMb: number) =>
      estimateCost({
        analysisMs: 10,
        s3WaitMs: 0,
        memoryMb,
        articleChars: 5000,
        quoteChars: [],
        sampleArticles: 1,
      });
    expect(at(1769).billedMs).toBe(10);
    expect(at(3538).billedMs).toBe(10);
    expect(at(512).billedMs).toBe(35);
    expect(at(512).lambdaPer1000).toBeGreaterThan(at(1769).lambdaPer1000 / 2);
    expect(at(512).totalPer1000).toBeCloseTo(at(512).lambdaPer1000 + at(512).s3Per1000);
  });
});
