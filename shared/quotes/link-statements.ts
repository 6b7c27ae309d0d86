import type { Span } from '../types.ts';
import { DENIAL_CUES } from './lexicon.ts';

// One statement, counted once. A reported clause that quotes some of its words ("Ruiz said the
// plan was "a waste of money"") is one statement with two entries: the clause, and the quoted
// words as a direct quote inside it. The direct entry keeps its own text and tone but points at
// its clause, so counts and means can skip it.

/** What a statement entry needs for linking: its kind, pieces and cue word. */
export interface LinkableQuote {
  kind: 'direct' | 'indirect';
  pieces: readonly Span[];
  /** The cue as written ("denied"), lowercased by the caller or not. */
  cue: string | null;
}

export interface StatementLink {
  /** Index of the reported clause that contains this direct quote, or -1. */
  within: number;
  /** The speaker denies or rebuts these words: they are not the speaker's own claim. */
  denial: boolean;
}

/**
 * Links each direct quote to the reported clause that contains it, and marks denials: a clause
 * whose cue denies ("denied it was a "political manoeuvre"") and the quoted words inside it.
 *
 * @example
 * linkStatements([clause, quoteInside])[1] // { within: 0, denial: false }
 */
export function linkStatements(quotes: readonly LinkableQuote[]): StatementLink[] {
  const links: StatementLink[] = quotes.map((quote) => ({
    within: -1,
    denial: quote.kind === 'indirect' && isDenial(quote.cue),
  }));
  quotes.forEach((quote, index) => {
    if (quote.kind !== 'direct') return;
    const clause = quotes.findIndex(
      (other) => other.kind === 'indirect' && contains(other.pieces, quote.pieces),
    );
    const link = links[index];
    if (clause < 0 || !link) return;
    link.within = clause;
    link.denial = links[clause]?.denial ?? false;
  });
  return links;
}

/** True when the cue reports a denial ("denied", "has rejected"). */
export function isDenial(cue: string | null): boolean {
  if (!cue) return false;
  return cue
    .toLowerCase()
    .split(/\s+/)
    .some((word) => DENIAL_CUES.has(word));
}

function contains(outer: readonly Span[], inner: readonly Span[]): boolean {
  return inner.every((piece) => outer.some((span) => span.start <= piece.start && piece.end <= span.end));
}
