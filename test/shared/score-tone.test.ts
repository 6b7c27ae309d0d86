import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ToneSchema } from '../../shared/report-schema.ts';
import { scoreTone } from '../../shared/score-tone.ts';

// Statements from the tone issue, with the words as written: what users expect to read.
describe('scoreTone on the statements users care about', () => {
  it('reads a negated "joy" as negative', () => {
    expect(scoreTone('There are no reasons for joy, of course').label).toBe('negative');
  });

  it('reads "very serious" as negative', () => {
    const tone = scoreTone(
      'the situation is very serious and requires the constant attention of the head of state',
    );
    expect(tone.label).toBe('negative');
  });

  it('reads mutual respect as positive', () => {
    const tone = scoreTone(
      'positive in terms of the tone of the conversation, the presidents respect one another',
    );
    expect(tone.label).toBe('positive');
  });

  it('reads challenges and disagreements after "nevertheless" as negative', () => {
    const tone = scoreTone(
      'Nevertheless, issues raised are challenging, and most importantly, there were topics which concerned disagreements',
    );
    expect(tone.label).toBe('negative');
  });

  it('reads a definite wish to meet as positive and confident', () => {
    const tone = scoreTone("We'll definitely meet [in person], I would really like that");
    expect(tone.label).toBe('positive');
    expect(tone.tones.map((t) => t.name)).toContain('confident');
  });

  it('does not let the filler "something like that" make isolation sound positive', () => {
    expect(scoreTone('Russia will be financially isolated then and something like that').label).toBe(
      'negative',
    );
  });

  it('reads "no, you can\'t say that yet" as not positive and tentative', () => {
    const tone = scoreTone("no, you can't say that yet");
    expect(tone.label).not.toBe('positive');
    expect(tone.tones.map((t) => t.name)).toContain('tentative');
  });

  it('lets the clause after "but" lead: "No deal yet, but the talks were good" leans positive', () => {
    expect(scoreTone('No deal yet, but the talks were good').score).toBeGreaterThan(0);
  });
});

describe('scoreTone explains itself', () => {
  it('lists the words that moved the score in text order, with the rules applied', () => {
    const tone = scoreTone('The plan is not good, but the outcome was excellent');
    expect(tone.explanation.map((e) => e.text)).toEqual(['good', 'excellent']);
    expect(tone.explanation[0]?.rules).toEqual(['negated', 'conceded']);
    expect(tone.explanation[1]?.rules).toEqual(['contrasted']);
  });

  it('points each explained word at its place in the statement', () => {
    const statement = 'A terrible week, a wonderful ending';
    for (const evidence of scoreTone(statement).explanation) {
      expect(statement.slice(evidence.start, evidence.start + evidence.text.length)).toBe(evidence.text);
    }
  });

  it('names the cue words behind each tone', () => {
    const tone = scoreTone('Perhaps the talks may resume, it is too early to tell');
    const tentative = tone.tones.find((t) => t.name === 'tentative');
    expect(tentative?.evidence).toEqual(['Perhaps', 'may', 'too early']);
  });
});

describe('scoreTone labels', () => {
  it('calls a statement without sentiment words neutral', () => {
    expect(scoreTone('The committee published its report on Tuesday').label).toBe('neutral');
  });

  it('calls strongly opposed words in balance mixed', () => {
    const tone = scoreTone('A wonderful, brilliant deal, and a terrible, disastrous war');
    expect(tone.label).toBe('mixed');
  });
});

describe('scoreTone contract', () => {
  it('always returns a tone the report schema accepts, with confidences summing to 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (statement) => {
        const tone = scoreTone(statement);
        expect(ToneSchema.safeParse(tone).success).toBe(true);
        const total = Object.values(tone.confidence).reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(1, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result for the same statement', () => {
    const statement = 'We strongly condemn this unacceptable provocation';
    expect(scoreTone(statement)).toEqual(scoreTone(statement));
  });
});
