import { describe, expect, it } from 'vitest';
import { decide } from '../../../shared/tone/decision.ts';

const NO_BIAS = { positive: 0, negative: 0 };

describe('decide', () => {
  it('takes the most probable class when no bias is fitted', () => {
    expect(decide({ positive: 0.5, negative: 0.2, neutral: 0.3 }, NO_BIAS)).toBe(1);
    expect(decide({ positive: 0.1, negative: 0.5, neutral: 0.4 }, NO_BIAS)).toBe(-1);
    expect(decide({ positive: 0.2, negative: 0.3, neutral: 0.5 }, NO_BIAS)).toBe(0);
  });

  it('reads a leaning statement as polar once its class is biased up against neutral', () => {
    // "There are no reasons for joy" comes out about like this: neutral most probable, clearly leaning negative.
    const leaning = { positive: 0.05, negative: 0.4, neutral: 0.55 };
    expect(decide(leaning, NO_BIAS)).toBe(0);
    expect(decide(leaning, { positive: 0.45, negative: 0.5 })).toBe(-1);
  });

  it('keeps a statement with no lean neutral under the same biases', () => {
    expect(decide({ positive: 0.15, negative: 0.15, neutral: 0.7 }, { positive: 0.45, negative: 0.5 })).toBe(
      0,
    );
  });

  it('labels by the side the statement leans to, so the label has the sign of the score', () => {
    // Negative's larger bias lifts it over neutral, but the statement leans (barely) positive.
    const barely = { positive: 0.3, negative: 0.28, neutral: 0.42 };
    expect(decide(barely, { positive: 0.2, negative: 0.5 })).toBe(1);
  });
});
