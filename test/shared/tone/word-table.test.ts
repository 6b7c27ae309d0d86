import { describe, expect, it } from 'vitest';
import { scoreTone } from '../../../shared/score-tone.ts';
import { secondaryWeight, wordWeight } from '../../../shared/tone/lexicon.ts';
import {
  decodeColumn,
  decodeWordTable,
  encodeWordTable,
  WORD_TABLE,
} from '../../../shared/tone/word-table.ts';

const polarity = (word: string): number | undefined => {
  const row = WORD_TABLE.rows.get(word);
  return row === undefined ? undefined : WORD_TABLE.polarity[row];
};
const lexiconsRate = (word: string): boolean =>
  wordWeight(word) !== 0 || [0, 1, 2].some((lexicon) => secondaryWeight(lexicon, word) !== 0);

describe('the shipped word table', () => {
  it('rates words no lexicon lists, with the sign a reader expects', () => {
    for (const word of ['debacle', 'blunder']) {
      expect(lexiconsRate(word)).toBe(false);
      expect(polarity(word)).toBeLessThan(-0.1);
    }
    expect(polarity('admirable')).toBeGreaterThan(0.1);
  });

  it('leaves everyday words near zero and has no row for a non-word', () => {
    for (const word of ['the', 'table', 'government'])
      expect(Math.abs(polarity(word) ?? 1)).toBeLessThan(0.1);
    expect(WORD_TABLE.rows.has('qqzxv')).toBe(false);
  });

  it('lets a statement whose only sentiment word is beyond the lexicons read as negative, and says why', () => {
    const tone = scoreTone('It was a blunder');
    expect(tone.label).toBe('negative');
    const blunder = tone.explanation.find((part) => part.text === 'blunder');
    expect(blunder).toEqual({
      text: 'blunder',
      start: 9,
      weight: expect.any(Number),
      rules: ['judgement, learned from similar words'],
    });
    expect(blunder?.weight).toBeLessThan(0);
  });

  it('explains a negated word only the table rates with its flipped contribution', () => {
    const blunder = scoreTone('It was not a blunder').explanation.find((part) => part.text === 'blunder');
    expect(blunder?.rules).toEqual(["negated by 'not'"]);
    expect(blunder?.weight).toBeGreaterThan(0);
  });
});

describe('decodeWordTable', () => {
  it('reads signed bytes in units of each step', () => {
    // Bytes 1, 255 (-1) and 128 (-128).
    expect(Array.from(decodeColumn(btoa('\x01\xff\x80'), 0.5))).toEqual([0.5, -0.5, -64]);
  });

  it('reads back what encodeWordTable wrote', () => {
    const json = encodeWordTable({
      id: 't',
      words: ['blunder', 'été'],
      polarityStep: 0.5,
      polarity: Int8Array.from([-2, 1]),
      logitStep: 0.25,
      positive: Int8Array.from([0, 4]),
      negative: Int8Array.from([8, -128]),
    });
    const table = decodeWordTable(json);
    expect([...table.rows]).toEqual([
      ['blunder', 0],
      ['été', 1],
    ]);
    expect(Array.from(table.polarity)).toEqual([-1, 0.5]);
    expect(Array.from(table.positive)).toEqual([0, 1]);
    expect(Array.from(table.negative)).toEqual([2, -32]);
  });

  it('refuses columns that do not match the words', () => {
    const columns = { id: 't', words: ['a', 'b'], polarityStep: 1, logitStep: 1 };
    const one = Int8Array.from([1]);
    expect(() => encodeWordTable({ ...columns, polarity: one, positive: one, negative: one })).toThrow(
      /1 values for 2 words/,
    );
  });
});
