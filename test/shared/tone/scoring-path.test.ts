import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateTone, scoreTone } from '../../../shared/score-tone.ts';
import { createFeatureBuffer, featurize } from '../../../shared/tone/features.ts';
import { type Reading, readStatement } from '../../../shared/tone/read-statement.ts';
import shipped from '../../../shared/tone/word-table.json' with { type: 'json' };
import { decodeWordTable, type WordTableJson } from '../../../shared/tone/word-table.ts';

// The scoring path takes shortcuts (no evidence list, scratch arrays, word-table rows cached with
// each word's facts). These statements are built to reach every rule: negation, modifiers, contrast,
// concession, hedges, open questions, judgements, harm phrases, brackets, names and headlines.
const WORDS = [
  'the',
  'plan',
  'is',
  'was',
  'a',
  'an',
  'total',
  'very',
  'a bit',
  'not',
  "didn't",
  'never',
  'no',
  'but',
  'although',
  'yet',
  'despite',
  'whether',
  'may',
  'perhaps',
  'too early',
  'clearly',
  'success',
  'disaster',
  'blunder',
  'admirable',
  'good',
  'bad',
  'failed',
  'killed',
  'were laid off',
  'we',
  'will',
  'fight',
  'this',
  'decision',
  'rescue',
  'hope',
  'like',
  'well',
  'of course',
  'Maria',
  'Okonkwo',
  'Lisbon',
  '[the council]',
  'Council',
  'Votes',
  '12',
  'people',
  'encouraging',
  ',',
  '.',
  '!',
  '?',
  ';',
  '—',
  '“',
  '”',
  "'",
  'é',
  'qqzxv',
];
const statement = fc
  .array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 40 })
  .map((words) => words.join(' '));

function arrays(reading: Reading) {
  const { evidence: _evidence, ...rest } = reading;
  return Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      ArrayBuffer.isView(value) ? Array.from(value as Uint8Array) : value,
    ]),
  );
}

describe('the scoring shortcuts change no result', () => {
  it('rateTone gives the label and score scoreTone gives', () => {
    fc.assert(
      fc.property(statement, (text) => {
        const full = scoreTone(text);
        expect(rateTone(text)).toEqual({ label: full.label, score: full.score });
      }),
      { numRuns: 2000 },
    );
  });

  it('a reading without evidence holds everything else a full reading holds', () => {
    fc.assert(
      fc.property(statement, (text) => {
        const full = readStatement(text);
        const fast = readStatement(text, { evidence: false });
        expect(fast.evidence).toEqual([]);
        expect(arrays(fast)).toEqual(arrays(full));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a full reading intact when later readings reuse the scratch arrays', () => {
    const kept = readStatement('They were not killed, but the plan failed badly.');
    const before = arrays(kept);
    readStatement('A very good, admirable success [for Lisbon].', { evidence: false });
    expect(arrays(kept)).toEqual(before);
  });

  it('the word-table rows cached with word facts are the rows a lookup finds', () => {
    // A table equal to the shipped one but not the same object takes the lookup path.
    const lookedUp = decodeWordTable(shipped as WordTableJson);
    fc.assert(
      fc.property(statement, (text) => {
        const reading = readStatement(text, { evidence: false });
        const cached = featurize(reading, createFeatureBuffer());
        const found = featurize(reading, createFeatureBuffer(), lookedUp);
        expect(Array.from(cached.dense)).toEqual(Array.from(found.dense));
        expect(Array.from(cached.tokenRows.subarray(0, reading.tokens.lower.length))).toEqual(
          Array.from(found.tokenRows.subarray(0, reading.tokens.lower.length)),
        );
        expect([cached.tablePositive, cached.tableNegative]).toEqual([
          found.tablePositive,
          found.tableNegative,
        ]);
      }),
      { numRuns: 1000 },
    );
  });
});
