import type { AttributedQuote, CleanArticle, QuoteCandidate, Speaker } from './types.ts';

const PRONOUNS = new Set(['he', 'she', 'they']);
// "Dmitry Peskov": two or more capitalised words in a row are taken as a full name.
const FULL_NAME = /\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b/g;
const CONFIDENCE = { named: 0.9, pronoun: 0.6, inherited: 0.4, none: 0 } as const;

/**
 * Names the speaker of each quote: the mention itself when it is a name, else the last full
 * name before it for a pronoun, else the speaker of the previous quote (a follow-on quote).
 *
 * @example
 * attributeSpeakers(article, quotes)[0].speaker.name // 'Dmitry Peskov'
 */
export function attributeSpeakers(article: CleanArticle, quotes: QuoteCandidate[]): AttributedQuote[] {
  let previous: Speaker | null = null;
  return quotes.map((quote) => {
    const speaker = resolve(article.text, quote, previous);
    if (speaker.name) previous = speaker;
    return { ...quote, speaker };
  });
}

function resolve(text: string, quote: QuoteCandidate, previous: Speaker | null): Speaker {
  if (!quote.mention) {
    return previous
      ? { name: previous.name, mention: null, confidence: CONFIDENCE.inherited }
      : { name: null, mention: null, confidence: CONFIDENCE.none };
  }
  const mention = text.slice(quote.mention.start, quote.mention.end);
  if (PRONOUNS.has(mention.toLowerCase())) {
    const firstPiece = quote.pieces[0];
    const before = text.slice(0, Math.min(quote.mention.start, firstPiece?.start ?? quote.mention.start));
    const names = [...before.matchAll(FULL_NAME)];
    const last = names.at(-1)?.[0] ?? previous?.name ?? null;
    return { name: last, mention, confidence: last ? CONFIDENCE.pronoun : CONFIDENCE.none };
  }
  return { name: mention.replace(/^the\s+/i, ''), mention, confidence: CONFIDENCE.named };
}
