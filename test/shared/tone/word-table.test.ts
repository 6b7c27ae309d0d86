import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scoreTone } from '../../../shared/score-tone.ts';
import { secondaryWeight, wordWeight } from '../../../shared/tone/lexicon.ts';
import {
  decodeColumn,
  decodeWordTable,
  encodeWordTable,
  WORD_TABLE,
  type WordTableColumns,
  wordTableColumns,
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

  const columns: WordTableColumns = {
    id: 'sorted',
    words: [
      'a',
      'abandon',
      'abandoned',
      'able',
      'blunder',
      'blundered',
      "can't",
      'de-escalation',
      'zoo',
      'été',
    ],
    polarityStep: 0.5,
    polarity: Int8Array.from([0, -3, -4, 1, -5, -5, 0, 2, 0, 1]),
    logitStep: 1,
    positive: Int8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 127]),
    negative: Int8Array.from([-1, -2, -3, -4, -5, -6, -7, -8, -9, -128]),
  };

  it('finds every word by binary search, and no word it does not hold', () => {
    const table = decodeWordTable(encodeWordTable(columns));
    columns.words.forEach((word, row) => {
      expect(table.rowOf(word)).toBe(row);
    });
    for (const missing of ['', 'aa', 'ab', 'abandons', 'ablest', 'can', 'zz', 'zzz', 'étés', 'e'])
      expect(table.rowOf(missing)).toBe(-1);
    expect(
      decodeWordTable(
        encodeWordTable({
          ...columns,
          words: [],
          polarity: new Int8Array(0),
          positive: new Int8Array(0),
          negative: new Int8Array(0),
        }),
      ).rowOf('a'),
    ).toBe(-1);
  });

  it('still reads a table in the earlier deflate form, with the same rows and values', () => {
    const count = columns.words.length;
    const bytes = Buffer.concat([
      Buffer.from(columns.polarity.buffer),
      Buffer.from(columns.positive.buffer),
      Buffer.from(columns.negative.buffer),
      Buffer.from(columns.words.join(' ')),
    ]);
    const older = decodeWordTable({
      id: 'older',
      count,
      polarityStep: columns.polarityStep,
      logitStep: columns.logitStep,
      data: deflateRawSync(bytes).toString('base64'),
    });
    const packed = decodeWordTable(encodeWordTable(columns));
    expect([...older.rows]).toEqual([...packed.rows]);
    expect(older.rowOf('blundered')).toBe(5);
    expect(Array.from(older.negative)).toEqual(Array.from(packed.negative));
  });

  it('gives back the columns it was encoded from, so an older table can be re-encoded as it is', () => {
    const back = wordTableColumns(encodeWordTable(columns));
    expect(back.words).toEqual(columns.words);
    expect(Array.from(back.polarity)).toEqual(Array.from(columns.polarity));
    expect(Array.from(back.negative)).toEqual(Array.from(columns.negative));
  });

  it('refuses words out of order: the binary search would miss them', () => {
    expect(() => encodeWordTable({ ...columns, words: ['b', 'a', ...columns.words.slice(2)] })).toThrow(
      /"a" is out of order/,
    );
  });

  it('refuses columns that do not match the words', () => {
    const columns = { id: 't', words: ['a', 'b'], polarityStep: 1, logitStep: 1 };
    const one = Int8Array.from([1]);
    expect(() => encodeWordTable({ ...columns, polarity: one, positive: one, negative: one })).toThrow(
      /1 values for 2 words/,
    );
  });
});
