import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeSpeakers } from '../../shared/attribute-speakers.ts';
import { extractQuotes } from '../../shared/extract-quotes.ts';
import { articleOf } from './quotes/article-fixture.ts';

// Hostile text: every quote mark news uses, cue words, names and breaks, in any order.
const PIECES = [
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  "'",
  '‘',
  '’',
  '‘‘',
  '’’',
  ',',
  '.',
  ':',
  ' ',
  ' ',
  ' ',
  'said',
  'he',
  'she',
  'told',
  'that',
  'Mr',
  'Ana',
  'Ruiz',
  'the',
  'spokesman',
  'for',
  'Home',
  'Office',
  'according',
  'to',
  'We',
  'will',
  'win',
  '[in',
  'person]',
  '\u00a0',
  '—',
];
const paragraph = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

describe('extractQuotes on hostile text', () => {
  it('never throws, and every piece lies inside the text in order', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), (paragraphs) => {
        const article = articleOf(paragraphs);
        const quotes = attributeSpeakers(article, extractQuotes(article));
        for (const quote of quotes) {
          let previousEnd = 0;
          for (const piece of quote.pieces) {
            expect(piece.start).toBeGreaterThanOrEqual(previousEnd);
            expect(piece.end).toBeGreaterThan(piece.start);
            expect(piece.end).toBeLessThanOrEqual(article.text.length);
            previousEnd = piece.end;
          }
          expect(quote.speaker.confidence).toBeGreaterThanOrEqual(0);
          expect(quote.speaker.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
