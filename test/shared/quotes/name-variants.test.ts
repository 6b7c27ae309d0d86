import { describe, expect, it } from 'vitest';
import { sameSurname } from '../../../shared/quotes/name-variants.ts';

describe('sameSurname', () => {
  it('accepts transliteration variants of a long surname', () => {
    expect(sameSurname('Zelensky', 'Zelenskiy')).toBe(true); // -y / -iy spelling
  });

  it('keeps short surnames that differ by a letter apart', () => {
    expect(sameSurname('Hill', 'Hall')).toBe(false); // short names compared exactly
  });

  it('keeps different long surnames apart', () => {
    expect(sameSurname('Peterson', 'Patterson')).toBe(false); // similar but distinct
  });
});
