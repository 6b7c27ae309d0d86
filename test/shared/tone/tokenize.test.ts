import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../shared/tone/tokenize.ts';

describe('tokenize', () => {
  it('keeps contractions and hyphenated words whole and splits off punctuation', () => {
    expect(tokenize("We can't back de-escalation, yet.").lower).toEqual([
      'we',
      "can't",
      'back',
      'de-escalation',
      ',',
      'yet',
      '.',
    ]);
  });

  it('reads a curly apostrophe as a straight one but keeps offsets into the original', () => {
    const statement = 'They don’t agree';
    const tokens = tokenize(statement);
    expect(tokens.lower[1]).toBe("don't");
    expect(statement.slice(tokens.start[1], tokens.end[1])).toBe('don’t');
  });

  it('marks the words inside square brackets', () => {
    const tokens = tokenize('We met [in person] today');
    expect(tokens.lower.filter((_, i) => tokens.bracketed[i] && tokens.isWord[i])).toEqual(['in', 'person']);
    expect(tokens.bracketed[tokens.lower.indexOf('today')]).toBe(false);
  });

  it('reads accented words as words and remembers capitals', () => {
    const tokens = tokenize('Señor Müller was naïve');
    expect(tokens.lower).toEqual(['señor', 'müller', 'was', 'naïve']);
    expect(tokens.capitalised).toEqual([true, true, false, false]);
  });

  it('keeps a number with thousands separators or decimals whole, so its comma ends no clause', () => {
    expect(tokenize('They paid 2,000 or 3.5 each, in 1998.').lower).toEqual([
      'they',
      'paid',
      '2,000',
      'or',
      '3.5',
      'each',
      ',',
      'in',
      '1998',
      '.',
    ]);
  });

  it('keeps the full stop of a title, so it ends no sentence', () => {
    expect(tokenize('Mr. Smart and Dr. Bliss met.').lower).toEqual([
      'mr.',
      'smart',
      'and',
      'dr.',
      'bliss',
      'met',
      '.',
    ]);
  });
});
