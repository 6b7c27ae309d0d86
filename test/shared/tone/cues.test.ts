import { describe, expect, it } from 'vitest';
import { DOUBTS } from '../../../shared/tone/cues.ts';
import { readStatement } from '../../../shared/tone/read-statement.ts';

describe('the doubt cues', () => {
  // The label rule for hedged praise looks for a doubt among the hedges the reader marked: a doubt
  // the reader does not mark as a hedge would never count. ("can't say the plan works" denies it works:
  // a "not" raised, not a doubt.)
  it('each mark a hedge in a statement', () => {
    for (const doubt of DOUBTS) {
      const reading = readStatement(`They said ${doubt}, the plan works`);
      expect(reading.hedgeAt.length, doubt).toBeGreaterThan(0);
    }
  });
});
