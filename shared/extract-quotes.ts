import type { CleanArticle, QuoteCandidate, Span } from './types.ts';

// First honest version: a direct quote is text between straight or curly double quotes inside one
// paragraph; its cue and speaker mention are an adjacent "X said" / "said X". The quote-extraction
// issue deepens this (split and multi-paragraph quotes, reported speech, other quote marks).
const DIRECT_QUOTE = /["\u201c]([^"\u201c\u201d]+)["\u201d]/g;
const CUE_VERBS = 'said|says|added|told|stated|asked';
const SPEAKER_WORDS = "(?:[Hh]e|[Ss]he|[Tt]hey|(?:the\\s+)?[A-Z][\\w'.-]*(?:\\s+[A-Z][\\w'.-]*){0,3})";
const MENTION_THEN_CUE = new RegExp(`^[\\s,]*(${SPEAKER_WORDS})\\s+(${CUE_VERBS})\\b`);
const CUE_THEN_MENTION = new RegExp(`^[\\s,]*(${CUE_VERBS})\\s+(${SPEAKER_WORDS})`);
const MENTION_CUE_BEFORE = new RegExp(`(${SPEAKER_WORDS})\\s+(${CUE_VERBS})[:,]?\\s*$`);
// How far around a quote an attribution may sit: enough for "Kremlin Spokesman Dmitry Peskov said".
const CUE_WINDOW = 80;

/**
 * Finds the quoted statements of an article, each with its cue and speaker mention when adjacent.
 *
 * @example
 * extractQuotes(cleanArticle('"We will meet," Putin said.', 'text'))[0].cue // span of "said"
 */
export function extractQuotes(article: CleanArticle): QuoteCandidate[] {
  const quotes: QuoteCandidate[] = [];
  article.paragraphs.forEach((paragraph, index) => {
    const text = article.text.slice(paragraph.start, paragraph.end);
    for (const match of text.matchAll(DIRECT_QUOTE)) {
      const inner = match[1] ?? '';
      const start = paragraph.start + (match.index ?? 0) + 1;
      const piece: Span = { start, end: start + inner.length };
      quotes.push({
        kind: 'direct',
        pieces: [piece],
        paragraph: index,
        ...findCue(article.text, piece, paragraph),
      });
    }
  });
  return quotes;
}

function findCue(text: string, piece: Span, paragraph: Span): Pick<QuoteCandidate, 'cue' | 'mention'> {
  const afterStart = piece.end + 1;
  const after = text.slice(afterStart, Math.min(paragraph.end, afterStart + CUE_WINDOW));
  const mentionFirst = MENTION_THEN_CUE.exec(after);
  if (mentionFirst?.[1] && mentionFirst[2]) {
    return spansOf(afterStart, after, mentionFirst[0], mentionFirst[1], mentionFirst[2]);
  }
  const cueFirst = CUE_THEN_MENTION.exec(after);
  if (cueFirst?.[1] && cueFirst[2]) {
    return spansOf(afterStart, after, cueFirst[0], cueFirst[2], cueFirst[1]);
  }
  const beforeStart = Math.max(paragraph.start, piece.start - 1 - CUE_WINDOW);
  const before = text.slice(beforeStart, piece.start - 1);
  const leading = MENTION_CUE_BEFORE.exec(before);
  if (leading?.[1] && leading[2]) {
    return spansOf(beforeStart + leading.index, before, leading[0], leading[1], leading[2]);
  }
  return { cue: null, mention: null };
}

function spansOf(
  matchStart: number,
  _window: string,
  whole: string,
  mention: string,
  cue: string,
): Pick<QuoteCandidate, 'cue' | 'mention'> {
  const mentionAt = whole.indexOf(mention);
  const cueAt = whole.indexOf(
    cue,
    mentionAt >= 0 && whole.indexOf(cue) < mentionAt ? 0 : mentionAt + mention.length,
  );
  return {
    mention: { start: matchStart + mentionAt, end: matchStart + mentionAt + mention.length },
    cue: { start: matchStart + cueAt, end: matchStart + cueAt + cue.length },
  };
}
