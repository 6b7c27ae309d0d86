import { describe, expect, it } from 'vitest';
import { collapseWhitespace, splitBlocks } from '../../../shared/clean/paragraphs.ts';

describe('collapseWhitespace', () => {
  it('turns every whitespace run into one space, whatever it starts with', () => {
    expect(collapseWhitespace('a b  c \td\t e\n\nf \u00a0g')).toBe('a b c d e f g');
  });

  it('trims the ends and keeps single spaces as they are', () => {
    expect(collapseWhitespace(' \t one two three \n')).toBe('one two three');
  });
});

describe('splitBlocks', () => {
  it('splits at blank lines and joins hard-wrapped lines', () => {
    expect(splitBlocks('One\nline.\n \nTwo  words.')).toEqual(['One line.', 'Two words.']);
  });
});
