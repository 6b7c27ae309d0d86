import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LinkableQuote, linkStatements } from '../../../shared/quotes/link-statements.ts';

// linkStatements finds each direct quote's clause by a sorted search; it must agree with the plain
// definition: the first reported clause (in report order) whose pieces contain all the quote's.

function byDefinition(quotes: readonly LinkableQuote[]): number[] {
  const within = (outer: LinkableQuote, inner: LinkableQuote) =>
    inner.pieces.every((piece) =>
      outer.pieces.some((span) => span.start <= piece.start && piece.end <= span.end),
    );
  return quotes.map((quote) =>
    quote.kind === 'direct'
      ? quotes.findIndex((other) => other.kind === 'indirect' && within(other, quote))
      : -1,
  );
}

const span = fc
  .tuple(fc.nat({ max: 400 }), fc.nat({ max: 120 }))
  .map(([start, length]) => ({ start, end: start + length }));
const quote: fc.Arbitrary<LinkableQuote> = fc.record({
  kind: fc.constantFrom('direct' as const, 'indirect' as const),
  pieces: fc.array(span, { minLength: 1, maxLength: 3 }),
  cue: fc.constantFrom('said', 'denied', null),
});

describe('linkStatements', () => {
  it('links each direct quote to the first clause containing it, as the definition says', () => {
    fc.assert(
      fc.property(fc.array(quote, { maxLength: 40 }), (quotes) => {
        expect(linkStatements(quotes).map((link) => link.within)).toEqual(byDefinition(quotes));
      }),
      { numRuns: 500 },
    );
  });

  it('marks the quoted words of a denial as denied', () => {
    const links = linkStatements([
      { kind: 'indirect', pieces: [{ start: 0, end: 60 }], cue: 'denied' },
      { kind: 'direct', pieces: [{ start: 20, end: 40 }], cue: null },
      { kind: 'direct', pieces: [{ start: 70, end: 90 }], cue: null },
    ]);
    expect(links).toEqual([
      { within: -1, denial: true },
      { within: 0, denial: true },
      { within: -1, denial: false },
    ]);
  });
});
