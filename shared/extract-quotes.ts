import {
  appositiveBefore,
  appositiveCue,
  cueAt,
  joined,
  MAX_MENTION_TOKENS,
  mentionAfter,
  mentionBefore,
  spanOf,
} from './quotes/cues.ts';
import { NON_NAME_CAPITALS, OBJECT_VERBS, TITLE_SMALL_WORDS } from './quotes/lexicon.ts';
import { type MarkedQuote, scanQuoteMarks } from './quotes/quote-marks.ts';
import { findReports, type Report } from './quotes/reported-speech.ts';
import { splitSentences, type Token, tokenize } from './quotes/text-index.ts';
import type { CleanArticle, QuoteCandidate, Span } from './types.ts';

// Marks in these patterns are escapes (\u2013 –, \u2014 —, \u2019 ’, \u201D ”, \u2026 …): the
// Lambda bundle stays ASCII (test/infra/bundle.test.ts says why).

// How far after a closing mark an attribution may sit ("," said Lars Berg, spokesman for ...).
const AFTER_WINDOW = 160;
// How far before an opening mark an attribution may sit (Tory leader Michael Howard has said: ").
const BEFORE_WINDOW = 200;
// Words between two quote pieces that can still be one attribution ("Ruiz weighed in, telling Bell,").
const MAX_JOIN_GAP_TOKENS = 12;
// Words a listener or "that" may add between a cue and the opening mark ("told delegates: ").
const MAX_BEFORE_OBJECT_TOKENS = 4;
// Replaces quoted characters in the masked copy: not a letter, digit, space or sentence mark.
const MASK = '_';
const SENTENCE_FINAL = /[.!?\u2026]["'\u2019\u201D)\]]*$/;

interface Sentence {
  /** Position in the article's sentence list. */
  index: number;
  span: Span;
  paragraph: number;
  reports: Report[];
}

interface Attribution {
  cue: Span | null;
  mention: Span | null;
}

/**
 * Finds the quoted statements of an article: direct quotes (joined across attribution and
 * paragraph breaks) and reported clauses, each with its cue and speaker mention.
 *
 * @example
 * extractQuotes(cleanArticle('"We will meet," Putin said.', 'text'))[0].cue // span of "said"
 */
export function extractQuotes(article: CleanArticle): QuoteCandidate[] {
  const { text, paragraphs } = article;
  const marked = scanQuoteMarks(text, paragraphs);
  const masked = maskQuotes(text, marked);
  const sentences: Sentence[] = [];
  paragraphs.forEach((paragraph, index) => {
    for (const span of splitSentences(masked, paragraph.start, paragraph.end)) {
      const tokens = tokenize(masked, span.start, span.end);
      sentences.push({
        index: sentences.length,
        span,
        paragraph: index,
        reports: findReports(text, masked, tokens, span),
      });
    }
  });
  const direct = directQuotes(text, masked, marked, sentences);
  const indirect: QuoteCandidate[] = [];
  for (const sentence of sentences) {
    for (const report of sentence.reports) {
      if (report.naming || report.pieces.length === 0) continue;
      indirect.push({
        kind: 'indirect',
        pieces: report.pieces,
        paragraph: sentence.paragraph,
        cue: report.cue,
        mention: report.mention,
        rule: `reported-${report.form}`,
      });
    }
  }
  return [...direct, ...indirect].sort((a, b) => (a.pieces[0]?.start ?? 0) - (b.pieces[0]?.start ?? 0));
}

function directQuotes(
  text: string,
  masked: string,
  marked: readonly MarkedQuote[],
  sentences: readonly Sentence[],
): QuoteCandidate[] {
  const quotes: QuoteCandidate[] = [];
  let previousClose = -1;
  for (let i = 0; i < marked.length; i++) {
    const first = marked[i];
    if (!first) continue;
    const pieces = [...first.pieces];
    let last = first;
    let between: Attribution | null = null;
    // `"X," he said, "Y."`: join while the next quote follows a comma-ended attribution.
    for (let next = marked[i + 1]; next && canJoin(masked, last, next); next = marked[i + 1]) {
      const gap = attributionAfter(masked, last.close, next.open);
      if (!gap) break;
      between ??= gap;
      pieces.push(...next.pieces);
      last = next;
      i++;
    }
    const openSentence = sentenceAt(sentences, first.open);
    const closeSentence = sentenceAt(sentences, last.close - 1);
    const nextOpen = marked[i + 1]?.open ?? Number.POSITIVE_INFINITY;
    const afterEnd = Math.min(closeSentence?.span.end ?? last.close, nextOpen, last.close + AFTER_WINDOW);
    const beforeStart = Math.max(
      openSentence?.span.start ?? first.open,
      previousClose,
      first.open - BEFORE_WINDOW,
    );
    previousClose = last.close;
    const site: QuoteSite = {
      text,
      masked,
      sentences,
      between,
      last,
      afterEnd,
      beforeStart,
      first,
      openSentence,
    };
    const adjacent = firstRule(ADJACENT_CUE_RULES, site);
    if (!adjacent && pieces.length === 1 && isTitleLike(text, pieces[0])) {
      // "The Audacity Of Hope", "Never Trumpers": capitalised like a title, said by nobody next to it.
      continue;
    }
    const found = adjacent ?? firstRule(DIRECT_CUE_RULES, site);
    if (!found && !opensStatement(masked, beforeStart, first.open)) {
      // Quoted words inside narration with nobody saying them: a title, term or scare quote.
      continue;
    }
    quotes.push({
      kind: 'direct',
      pieces,
      paragraph: first.paragraph,
      cue: found?.attribution.cue ?? null,
      mention: found?.attribution.mention ?? null,
      rule: found?.rule ?? 'opens-statement',
    });
  }
  return quotes;
}

/** Where a direct quote sits: what the cue rules read around it. */
interface QuoteSite {
  text: string;
  masked: string;
  sentences: readonly Sentence[];
  /** The attribution between two joined pieces (`"X," he said, "Y."`), if any. */
  between: Attribution | null;
  last: MarkedQuote;
  first: MarkedQuote;
  /** How far after the closing mark an attribution is read. */
  afterEnd: number;
  /** Where reading before the opening mark starts. */
  beforeStart: number;
  openSentence: Sentence | undefined;
}

/** A named way of finding a direct quote's cue and speaker mention; tried in declared order. */
interface DirectCueRule {
  name: string;
  /** Reads only the words touching the quote: a quote with such a cue is never a title. */
  adjacent?: true;
  find(site: QuoteSite): Attribution | null;
}

/**
 * The cue rules for direct quotes, in the order they are tried: the first that finds an
 * attribution wins. A quote no rule attributes is kept only when it opens a statement
 * ("opens-statement": a floating quote, whose speaker is inherited).
 */
export const DIRECT_CUE_RULES: readonly DirectCueRule[] = [
  // `"X," he said, "Y."`: the words between two joined pieces.
  { name: 'between-pieces', adjacent: true, find: (site) => site.between },
  // `"...," said Ana Ruiz` / `"...," Ruiz told reporters` / `"...," according to officials`.
  {
    name: 'cue-after-quote',
    adjacent: true,
    find: (site) => (site.last.closed ? attributionAfter(site.masked, site.last.close, site.afterEnd) : null),
  },
  // `"...", the minister's statement that ..., he said`: a fronted report owns its sentence's quotes.
  { name: 'fronted-report', find: (site) => frontedAttribution(site.openSentence) },
  // `Ruiz said: "...` / `she told the board: "...`.
  {
    name: 'cue-before-quote',
    find: (site) => attributionBefore(site.masked, site.beforeStart, site.first.open),
  },
  // `Ruiz said the plan was "a disaster"`: a mixed clause's speaker says its quoted words.
  { name: 'sentence-report', find: (site) => sentenceAttribution(site.openSentence, site.first.open) },
  // `Ruiz said:` ending one paragraph introduces the quote opening the next.
  {
    name: 'introduced-above',
    find: (site) => introducedAbove(site.masked, site.sentences, site.openSentence, site.first.open),
  },
];

const ADJACENT_CUE_RULES = DIRECT_CUE_RULES.filter((rule) => rule.adjacent);

function firstRule(
  rules: readonly DirectCueRule[],
  site: QuoteSite,
): { rule: string; attribution: Attribution } | null {
  for (const rule of rules) {
    const attribution = rule.find(site);
    if (attribution) return { rule: rule.name, attribution };
  }
  return null;
}

// A title has at most this many words ("The Lord of the Rings: The Return of the King").
const MAX_TITLE_WORDS = 10;
// Share of its longer words a title capitalises.
const TITLE_CAPITALS = 0.75;

/** Capitalised like the title of a work and not punctuated like a sentence. */
function isTitleLike(text: string, piece: Span | undefined): boolean {
  if (!piece) return false;
  const inner = text.slice(piece.start, piece.end);
  if (/[.!?,;:]\s*\S/.test(inner)) return false;
  const words = tokenize(text, piece.start, piece.end).filter((word) => !TITLE_SMALL_WORDS.has(word.lower));
  if (words.length < 2 || words.length > MAX_TITLE_WORDS) return false;
  // "I", a sentence's first word and names are capitalised in speech too: the rest must be.
  const capitals = words.filter((word) => word.capital && word.lower !== 'i').length;
  return capitals / words.length >= TITLE_CAPITALS && words.slice(1).every((word) => word.capital);
}

function canJoin(masked: string, left: MarkedQuote, right: MarkedQuote): boolean {
  if (!left.closed || left.lastParagraph !== right.paragraph) return false;
  const lastPiece = left.pieces.at(-1);
  if (!lastPiece || SENTENCE_FINAL.test(masked.slice(lastPiece.start, lastPiece.end).replaceAll(MASK, ''))) {
    return false;
  }
  const gap = masked.slice(left.close, right.open);
  if (/[.!?;]/.test(gap) || !/[,:\u2014\u2013]\s*$/.test(gap)) return false;
  return tokenize(masked, left.close, right.open).length <= MAX_JOIN_GAP_TOKENS;
}

/** `," said Ola Lunde` / `," Lunde testified` / `," according to officials`. */
function attributionAfter(masked: string, start: number, end: number): Attribution | null {
  if (end <= start) return null;
  const tokens = tokenize(masked, start, end);
  const head = tokens[0];
  if (!head || !/^[\s,\u2014\u2013-]*$/.test(masked.slice(start, head.start))) return null;
  if (head.lower === 'according' && tokens[1]?.lower === 'to') {
    const mention = mentionAfter(masked, tokens, 2);
    return { cue: spanOf(tokens, 0, 2), mention: mention ? spanOf(tokens, mention[0], mention[1]) : null };
  }
  const cueFirst = cueAt(tokens, 0, true);
  if (cueFirst) {
    // `," told Reuters`: after a telling verb the words name the listener, not the speaker.
    const listener = OBJECT_VERBS.has(head.lower);
    const mention = listener ? null : mentionAfter(masked, tokens, cueFirst.next);
    return {
      cue: spanOf(tokens, 0, cueFirst.next),
      mention: mention ? spanOf(tokens, mention[0], mention[1]) : null,
    };
  }
  const appositive = appositiveCue(masked, tokens, 0);
  if (appositive) {
    const { mention, cue } = appositive;
    return { cue: spanOf(tokens, cue.first, cue.next), mention: spanOf(tokens, mention[0], mention[1]) };
  }
  for (let k = 1; k < tokens.length && k <= MAX_MENTION_TOKENS + 3; k++) {
    const word = tokens[k]?.lower;
    if (word === 'quoted') {
      const quoted = quotedAsSaying(masked, tokens, k);
      if (quoted) return quoted;
    }
    const cue = cueAt(tokens, k, true);
    if (!cue) continue;
    const mention = mentionBefore(masked, tokens, k);
    if (mention && mention[0] === 0) {
      return { cue: spanOf(tokens, cue.first, cue.next), mention: spanOf(tokens, mention[0], mention[1]) };
    }
    return null;
  }
  return null;
}

/** `the news agency quoted Mr Novak as saying`: the speaker is the one quoted. */
function quotedAsSaying(masked: string, tokens: readonly Token[], k: number): Attribution | null {
  for (let as = k + 2; as < tokens.length && as - k <= MAX_MENTION_TOKENS; as++) {
    if (tokens[as]?.lower === 'as' && tokens[as + 1]?.lower === 'saying') {
      return { cue: spanOf(tokens, k, as + 2), mention: spanOf(tokens, k + 1, as) };
    }
    if (!joined(masked, tokens, as - 1, as)) return null;
  }
  return null;
}

/** `Mr Blair said: "` / `he told delegates: "` / `the spokesman stated that "`. */
function attributionBefore(masked: string, start: number, end: number): Attribution | null {
  if (end <= start) return null;
  const tokens = tokenize(masked, start, end);
  const tail = tokens.at(-1);
  if (!tail || !/^[\s,:\u2014\u2013-]*$/.test(masked.slice(tail.end, end))) return null;
  for (let k = tokens.length - 1; k >= 0 && tokens.length - k <= MAX_BEFORE_OBJECT_TOKENS + 1; k--) {
    const cue = cueAt(tokens, k);
    if (!cue) continue;
    for (let j = cue.next; j < tokens.length; j++) {
      if (!joined(masked, tokens, j - 1, j)) return null;
    }
    const objectWords = tokens.length - cue.next;
    const word = tokens[k]?.lower ?? '';
    if (objectWords > 0 && !OBJECT_VERBS.has(word) && tokens.at(-1)?.lower !== 'that' && !cue.naming)
      return null;
    // "Ada Moss, an expert at ..., told the paper: "": past a long appositive, the subject.
    const mention =
      mentionBefore(masked, tokens, k) ?? appositiveBefore(masked, tokens, k) ?? leadingName(tokens);
    return {
      cue: spanOf(tokens, cue.first, cue.next),
      mention: mention ? spanOf(tokens, mention[0], mention[1]) : null,
    };
  }
  return null;
}

/** The capitalised name that opens the window, when it is followed by a comma (an appositive). */
function leadingName(tokens: readonly Token[]): [number, number] | null {
  const first = tokens[0];
  if (!first?.capital || NON_NAME_CAPITALS.has(first.lower)) return null;
  let end = 1;
  while (tokens[end]?.capital) end++;
  return [0, end];
}

function frontedAttribution(sentence: Sentence | undefined): Attribution | null {
  const fronted = sentence?.reports.find((report) => report.form === 'fronted');
  return fronted ? { cue: fronted.cue, mention: fronted.mention } : null;
}

/** A mixed clause: `Mr Davis said Labour had been responsible for "huge waste ..."`. */
function sentenceAttribution(sentence: Sentence | undefined, open: number): Attribution | null {
  if (!sentence) return null;
  let best: Report | null = null;
  for (const report of sentence.reports) {
    if (report.cue.end <= open && report.mention) best = report;
  }
  best ??= sentence.reports.find((report) => report.mention) ?? null;
  return best ? { cue: best.cue, mention: best.mention } : null;
}

/** `Mr Blair said:` closing one paragraph introduces the quote that opens the next. */
function introducedAbove(
  masked: string,
  sentences: readonly Sentence[],
  sentence: Sentence | undefined,
  open: number,
): Attribution | null {
  if (!sentence || masked.slice(sentence.span.start, open).trim() !== '') return null;
  const previous = sentences[sentence.index - 1];
  if (!previous || previous.paragraph === sentence.paragraph) return null;
  if (!masked.slice(previous.span.start, previous.span.end).trimEnd().endsWith(':')) return null;
  return attributionBefore(masked, previous.span.start, previous.span.end);
}

/** A quote with no cue still counts when it opens a sentence or follows a colon. */
function opensStatement(masked: string, start: number, open: number): boolean {
  const before = masked.slice(start, open).trim();
  return before === '' || before.endsWith(':') || tokenize(masked, start, open).length === 0;
}

function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const sentence = sentences[mid];
    if (!sentence) break;
    if (offset < sentence.span.start) high = mid - 1;
    else if (offset >= sentence.span.end) low = mid + 1;
    else return sentence;
  }
  return sentences[Math.max(0, Math.min(low, sentences.length - 1))];
}

// A quote's final punctuation stays visible in the masked text: sentence splitting needs it.
const TRAILING_PUNCTUATION = /[.!?,\u2026]/;
// Runs rather than single characters: one replacement per word, not per character.
const NON_SPACE_RUN = /\S+/g;
const maskRun = (run: string): string => MASK.repeat(run.length);

/**
 * A copy of the text with quoted words replaced by a mask character, keeping length, marks and
 * a quote's final punctuation, so narration can be read without what the speakers said. Built
 * from slices: spreading the text into an array of characters costs a string per character.
 * The mask replaces UTF-16 code units, so the copy keeps every offset of the text.
 */
function maskQuotes(text: string, marked: readonly MarkedQuote[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const quote of marked) {
    for (const piece of quote.pieces) {
      let end = piece.end;
      while (end > piece.start && TRAILING_PUNCTUATION.test(text[end - 1] ?? '')) end--;
      // Pieces come in text order; one that starts inside the masked stretch masks only the rest.
      const from = Math.max(at, piece.start);
      if (end <= from) continue;
      parts.push(text.slice(at, from), text.slice(from, end).replace(NON_SPACE_RUN, maskRun));
      at = end;
    }
  }
  parts.push(text.slice(at));
  return parts.join('');
}
