import type { Span } from '../types.ts';
import { PRONOUNS, SPEECH_VERBS } from './lexicon.ts';

// Marks in these patterns are escapes (\u00A3 £, \u00AB «, \u00BB », \u2013 –, \u2014 —, \u2018 ‘,
// \u2019 ’, \u201C “, \u201D ”, \u201E „, \u2026 …, \u20AC €): the Lambda bundle stays ASCII
// (test/infra/bundle.test.ts says why).

// Finds the direct-quote spans of an article from its quotation marks, in every form news uses:
// straight "…", curly “…”, guillemets «…» and low-high „…“, or, in an article quoted the British
// way, single marks ‘…’ and '…' (with double marks nested inside). In a double-quoted article
// single marks stay inside (nested quotes, apostrophes). The scan is one pass over the marks, so
// it is linear.

/** A run of quoted text before attribution: pieces in text order, marks excluded. */
export interface MarkedQuote {
  pieces: Span[];
  /** Paragraph index of the first piece. */
  paragraph: number;
  /** Offset of the opening mark of the first piece. */
  open: number;
  /** Offset just past the closing mark, or the paragraph end when the quote was never closed. */
  close: number;
  /** False when the article never closes the quote (it then ends at its paragraph end). */
  closed: boolean;
  /** Paragraph index of the last piece. */
  lastParagraph: number;
}

// Double marks, including doubled single marks that some wires use for them (‘‘…’’, ``…'').
const MARKS = /["\u201C\u201D\u201E\u00AB\u00BB]|\u2018\u2018|\u2019\u2019|``|''/g;
// Single marks, for an article quoted with them.
const SINGLE_MARKS = /[\u2018\u2019']/g;
// The double mark a doubled single mark stands for.
const DOUBLED: Readonly<Record<string, string>> = { '‘‘': '“', '’’': '”', '``': '“', "''": '"' };
const SPACE = /\s/;
// `... one. Mr Hopkins said that ...`: a sentence opening with a titled or two-word name and a
// reporting verb is narration about the speaker.
const NARRATION =
  /[.!?]\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+\p{Lu}[\p{L}'\u2019-]+|\p{Lu}[\p{L}'\u2019-]+\s+\p{Lu}[\p{L}'\u2019-]+)\s+(\p{Ll}+)\b/gu;
const WORDISH = /[\p{L}\p{N}[(\u2018'\u2026$\u00A3\u20AC]/u;

type Role = 'open' | 'close' | 'reopen' | 'ignore';

/** Which marks an article quotes with: British style uses single marks and nests double ones. */
export type QuoteStyle = 'double' | 'single';

// A quote opened with a single mark: at a word start, before a capital or a digit ("‘We will",
// "'The plan"), which an apostrophe ("'em", "rock 'n' roll") seldom is.
const SINGLE_OPENER = /(?:^|[\s([\u2014\u2013-])[\u2018'](?=[\p{Lu}\p{N}])/gmu;
const DOUBLE_MARK = /["\u201C\u201D\u201E\u00AB\u00BB]/g;

/**
 * The article's quoting style: single when it opens more quotes with single marks than double
 * marks could open (a double-quoted article nests a few single-quoted phrases; a British one
 * nests a few double-quoted ones).
 *
 * @example
 * quoteStyle("‘We will fight,’ she said.") // 'single'
 */
export function quoteStyle(text: string): QuoteStyle {
  const singles = text.match(SINGLE_OPENER)?.length ?? 0;
  if (singles === 0) return 'double';
  const doubles = text.match(DOUBLE_MARK)?.length ?? 0;
  return singles > doubles / 2 ? 'single' : 'double';
}

/**
 * Scans the paragraphs for quotation marks and returns each quoted run. A paragraph that ends
 * inside a quote continues into the next one when that one opens with a mark (the news habit
 * of reopening a quote in each paragraph); otherwise the quote ends at its paragraph end, so an
 * unbalanced mark never swallows the rest of the article.
 *
 * @example
 * scanQuoteMarks('“Yes,” he said.', [{ start: 0, end: 15 }])[0].pieces // [{ start: 1, end: 5 }]
 */
export function scanQuoteMarks(
  text: string,
  paragraphs: readonly Span[],
  style: QuoteStyle = quoteStyle(text),
): MarkedQuote[] {
  const quotes: MarkedQuote[] = [];
  let current: MarkedQuote | null = null;
  let pieceStart = -1;
  let openedWith = '';
  // Opening marks already consumed as a continuation; the scan of their paragraph skips them.
  const continued = new Set<number>();

  const single = style === 'single';
  const marks = new MarkCursor(text, single ? SINGLE_MARKS : MARKS);

  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index];
    if (!paragraph) continue;
    for (
      let match = marks.firstFrom(paragraph.start);
      match && match.index < paragraph.end;
      match = marks.following()
    ) {
      const at = match.index;
      const width = match[0].length;
      const mark = DOUBLED[match[0]] ?? match[0];
      const role = continued.has(at)
        ? 'ignore'
        : single
          ? singleRole(text, at, paragraph, current !== null)
          : roleOf(text, mark, at, width, paragraph, current !== null, openedWith);
      if (role === 'open') {
        current = {
          pieces: [],
          paragraph: index,
          open: at,
          close: -1,
          closed: false,
          lastParagraph: index,
        };
        pieceStart = at + width;
        openedWith = mark;
      } else if (current && role === 'reopen') {
        // A lost paragraph break inside an open quote: `... end. "Next ...` starts a new piece.
        // If the mark was really never closed, narration sits before the reopening: cut it off.
        pushPiece(text, current, pieceStart, narrationStart(text, pieceStart, at) ?? at);
        pieceStart = at + width;
        openedWith = mark;
      } else if (current && role === 'close') {
        pushPiece(text, current, pieceStart, at);
        current.close = at + width;
        current.closed = true;
        current.lastParagraph = index;
        quotes.push(current);
        current = null;
      }
    }
    if (!current) continue;
    const open: MarkedQuote = current;
    pushPiece(text, open, pieceStart, paragraph.end);
    open.lastParagraph = index;
    const next = paragraphs[index + 1];
    const nextOpening = next ? firstNonSpace(text, next.start, next.end) : -1;
    const openingWidth =
      nextOpening < 0
        ? 0
        : single
          ? singleOpeningWidth(text, nextOpening)
          : openingMarkWidth(text, nextOpening);
    if (next && openingWidth > 0) {
      // The quote continues in the next paragraph: its opening mark starts the next piece.
      pieceStart = nextOpening + openingWidth;
      continued.add(nextOpening);
      continue;
    }
    open.close = paragraph.end;
    quotes.push(open);
    current = null;
  }
  return quotes.filter((quote) => quote.pieces.length > 0);
}

/**
 * The double marks of a text in order, found by one regex that never searches the same stretch
 * twice: the match that lies past a paragraph's end is kept for the paragraphs after it. Setting
 * `lastIndex` to each paragraph's start instead would search from there to the next mark, which
 * in an article with few marks is the rest of the article for every paragraph: quadratic.
 */
class MarkCursor {
  private readonly marks: RegExp;
  /** The next match found and not yet handed out (null: none to the end of the text). */
  private pending: RegExpExecArray | null = null;
  /** Where the search that found `pending` began; -1 before the first search. */
  private pendingFrom = -1;

  constructor(
    private readonly text: string,
    pattern: RegExp,
  ) {
    this.marks = new RegExp(pattern.source, pattern.flags);
  }

  /** The first mark at or after `start`, which must not lie before an earlier paragraph's start. */
  firstFrom(start: number): RegExpExecArray | null {
    // The kept match is the first at or after `start` when its search began no later than
    // `start` and it does not lie before `start` (a mark between paragraphs).
    const reusable =
      this.pendingFrom >= 0 &&
      this.pendingFrom <= start &&
      (this.pending === null || this.pending.index >= start);
    if (reusable) return this.pending;
    this.marks.lastIndex = start;
    return this.search();
  }

  /** The mark after the last one handed out. */
  following(): RegExpExecArray | null {
    return this.search();
  }

  private search(): RegExpExecArray | null {
    this.pendingFrom = this.marks.lastIndex;
    this.pending = this.marks.exec(this.text);
    return this.pending;
  }
}

function roleOf(
  text: string,
  mark: string,
  at: number,
  width: number,
  paragraph: Span,
  inQuote: boolean,
  openedWith: string,
): Role {
  const before = at > paragraph.start ? (text[at - 1] ?? ' ') : ' ';
  const after = at + width < paragraph.end ? (text[at + width] ?? ' ') : ' ';
  const spaceBefore = SPACE.test(before) || '([—–-'.includes(before);
  const spaceAfter = SPACE.test(after) || at + width >= paragraph.end;
  switch (mark) {
    case '«':
    case '„':
      return inQuote ? 'reopen' : 'open';
    case '»':
      return inQuote ? 'close' : 'ignore';
    case '“':
      if (inQuote) return openedWith === '„' || !spaceBefore || spaceAfter ? 'close' : 'reopen';
      return 'open';
    case '”':
      if (inQuote) return 'close';
      // A right mark used as an opener: only at a word start.
      return spaceBefore && WORDISH.test(after) ? 'open' : 'ignore';
    default:
      // The straight mark is ambiguous: its neighbours decide.
      if (!inQuote) return spaceAfter && !spaceBefore ? 'ignore' : 'open';
      return spaceBefore && WORDISH.test(after) ? 'reopen' : 'close';
  }
}

const LETTER = /[\p{L}\p{N}]/u;
const LOWER = /\p{Ll}/u;

/**
 * The role of a single mark in a single-quoted article. Between letters it is an apostrophe
 * ("don’t", "O'Brien"); after a plural's "s" and before a lower-case word it is a possessive
 * ("the workers’ rights"), unless that word is an attribution ("‘... nurses’ he said").
 */
function singleRole(text: string, at: number, paragraph: Span, inQuote: boolean): Role {
  const before = at > paragraph.start ? (text[at - 1] ?? ' ') : ' ';
  const after = at + 1 < paragraph.end ? (text[at + 1] ?? ' ') : ' ';
  if (LETTER.test(before) && LETTER.test(after)) return 'ignore';
  const opens = text[at] !== '’' && (SPACE.test(before) || '([—–-'.includes(before)) && WORDISH.test(after);
  if (!inQuote) return opens ? 'open' : 'ignore';
  if (opens) return 'reopen';
  if (SPACE.test(before)) return 'ignore';
  return possessive(text, at, paragraph) ? 'ignore' : 'close';
}

function possessive(text: string, at: number, paragraph: Span): boolean {
  if (!'sS'.includes(text[at - 1] ?? '') || !SPACE.test(text[at + 1] ?? '')) return false;
  const next = firstNonSpace(text, at + 1, paragraph.end);
  if (next < 0 || !LOWER.test(text[next] ?? '')) return false;
  let end = next;
  while (end < paragraph.end && LETTER.test(text[end] ?? '')) end++;
  const word = text.slice(next, end);
  // An attribution may follow a closing mark without a comma: "‘We back the nurses’ he said".
  return !PRONOUNS.has(word) && !SPEECH_VERBS.has(word);
}

/** The width of a single opening mark at `at` (0 when there is none). */
function singleOpeningWidth(text: string, at: number): number {
  return (text[at] === '‘' || text[at] === "'") && WORDISH.test(text[at + 1] ?? '') ? 1 : 0;
}

/** The width of the opening mark at `at` (0 when there is none). */
function openingMarkWidth(text: string, at: number): number {
  const pair = text.slice(at, at + 2);
  if (pair === '‘‘' || pair === '``') return 2;
  const char = text[at];
  return char === '"' || char === '“' || char === '«' || char === '„' ? 1 : 0;
}

function firstNonSpace(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (!SPACE.test(text[i] ?? '')) return i;
  return -1;
}

/** Where a sentence of narration about a speaker starts inside [start, end), or null. */
function narrationStart(text: string, start: number, end: number): number | null {
  const piece = text.slice(start, end);
  for (const match of piece.matchAll(NARRATION)) {
    if (SPEECH_VERBS.has(match[1] ?? '')) return start + (match.index ?? 0) + 1;
  }
  return null;
}

function pushPiece(text: string, quote: MarkedQuote, start: number, end: number): void {
  let from = start;
  let to = end;
  while (from < to && SPACE.test(text[from] ?? '')) from++;
  while (to > from && SPACE.test(text[to - 1] ?? '')) to--;
  if (to > from) quote.pieces.push({ start: from, end: to });
}
