import { describe, expect, it } from 'vitest';
import {
  countLetterRuns,
  forEachLowercaseWord,
  splitSentences,
  tokenize,
} from '../../../shared/quotes/text-index.ts';

describe('tokenize', () => {
  it('marks capitals in and beyond ASCII, with offsets into the whole text', () => {
    const text = 'Then Élodie met über-fans in Zürich and 3 others.';
    const tokens = tokenize(text, 5, text.length);
    expect(tokens.map((token) => [token.lower, token.capital, text.slice(token.start, token.end)])).toEqual([
      ['élodie', true, 'Élodie'],
      ['met', false, 'met'],
      ['über-fans', false, 'über-fans'],
      ['in', false, 'in'],
      ['zürich', true, 'Zürich'],
      ['and', false, 'and'],
      ['3', false, '3'],
      ['others', false, 'others'],
    ]);
  });

  it('gives the same words when called again on another range', () => {
    const text = 'Ana said no. Bo said yes.';
    expect(tokenize(text, 13, 25).map((token) => token.lower)).toEqual(['bo', 'said', 'yes']);
    expect(tokenize(text, 0, 12).map((token) => token.lower)).toEqual(['ana', 'said', 'no']);
  });

  it('joins words only across a separator with a letter after it, inside the range', () => {
    const text = "U.S. co-founder's B&B-- don'";
    expect(tokenize(text, 0, text.length).map((token) => token.lower)).toEqual([
      'u.s',
      "co-founder's",
      'b&b',
      'don',
    ]);
    // The range ends right after "co-": the hyphen no longer joins anything.
    expect(tokenize(text, 5, 8).map((token) => token.lower)).toEqual(['co']);
  });

  it('reads letters outside the basic plane whole and never half of one cut by the range', () => {
    const text = 'x 𝐀bc 😀 y';
    expect(tokenize(text, 0, text.length).map((token) => token.lower)).toEqual(['x', '𝐀bc', 'y']);
    // Starting inside the pair of 𝐀 leaves only "bc"; ending inside it leaves nothing of it.
    expect(tokenize(text, 3, text.length).map((token) => token.lower)).toEqual(['bc', 'y']);
    expect(tokenize(text, 0, 3).map((token) => token.lower)).toEqual(['x']);
  });
});

describe('forEachLowercaseWord', () => {
  it('visits the words that do not start with a capital, lowercased', () => {
    const words: string[] = [];
    forEachLowercaseWord('Mr Hogg didn’t say ÉTÉ or été, 42 times.', (word) => words.push(word));
    expect(words).toEqual(['didn’t', 'say', 'or', 'été', '42', 'times']);
  });
});

describe('splitSentences', () => {
  it('splits after sentence ends but not after titles or initials', () => {
    const text = 'Mr. Hogg spoke. George W. Bush replied! It rained.';
    const spans = splitSentences(text, 0, text.length);
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual([
      'Mr. Hogg spoke.',
      'George W. Bush replied!',
      'It rained.',
    ]);
  });
});

describe('countLetterRuns', () => {
  it('counts runs of letters and digits, split at separators and masks, inside the range', () => {
    const text = "Don't stop: 3 co-ops, __ 𝐀b!";
    expect(countLetterRuns(text, 0, text.length)).toBe(7); // Don, t, stop, 3, co, ops, 𝐀b
    expect(countLetterRuns(text, 0, 4)).toBe(1);
    expect(countLetterRuns('__ __, __.', 0, 10)).toBe(0);
  });
});
