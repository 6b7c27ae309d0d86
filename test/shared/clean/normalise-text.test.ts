import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../shared/clean/normalise-text.ts';

describe('normaliseText', () => {
  it('composes characters to NFC', () => {
    expect(normaliseText('Cafe\u0301')).toBe('Café');
  });

  it('turns no-break, thin and ideographic spaces into plain spaces', () => {
    expect(normaliseText('a\u00a0b\u2009c\u3000d')).toBe('a b c d');
  });

  it('removes zero-width characters and soft hyphens that split words', () => {
    expect(normaliseText('pi\u00ader\u200bs')).toBe('piers');
  });

  it('maps quote-mark look-alikes to standard marks, keeping curly and straight apart', () => {
    expect(normaliseText('\u201fa\u201d \u2033b\u2033 \uff02c\uff02 \u201cd\u201d "e"')).toBe(
      '“a” "b" "c" “d” "e"',
    );
  });

  it('unifies line ends', () => {
    expect(normaliseText('a\r\nb\rc\u2028d')).toBe('a\nb\nc\nd');
  });

  it('replaces lone surrogates and keeps valid pairs', () => {
    expect(normaliseText('a\ud800b\udc00c\ud83d\ude00')).toBe('a\ufffdb\ufffdc\ud83d\ude00');
  });
});
