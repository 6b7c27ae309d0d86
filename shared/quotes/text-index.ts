import { ABBREVIATIONS } from './lexicon.ts';

// Marks in these patterns are escapes (\u00AB «, \u00BB », \u2018 ‘, \u2019 ’, \u201C “, \u201D ”,
// \u201E „): the Lambda bundle stays ASCII (test/infra/bundle.test.ts says why).

// Word tokens and sentence boundaries with offsets, so every later step can point into the
// article text instead of copying it.

export interface Token {
  start: number;
  end: number;
  /** Lowercased text, for lexicon lookups. */
  lower: string;
  /** First character is an uppercase letter. */
  capital: boolean;
}

// A word is letters/digits with inner apostrophes, hyphens, dots and ampersands ("don't",
// "co-founder", "U.S", "B&B"): the regex /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/u. It is
// scanned by hand because this is the hottest loop of the analysis: ASCII is decided from the
// character code, and only other characters go to a one-code-point regex.
const WORD_CHAR = /[\p{L}\p{N}]/uy;
// Inside a word, a separator joins two runs of letters and digits: ' ’ . & -
const SEPARATORS: ReadonlySet<number> = new Set([0x27, 0x2019, 0x2e, 0x26, 0x2d]);
const UPPER = /^\p{Lu}/u;

/**
 * Tokenises `text` between `start` and `end` into words with absolute offsets.
 *
 * @example
 * tokenize('He said so.', 0, 11).map((t) => t.lower) // ['he', 'said', 'so']
 */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  for (let at = nextWordStart(text, start, end); at < end; ) {
    const after = wordEnd(text, at, end);
    const word = text.slice(at, after);
    tokens.push({ start: at, end: after, lower: word.toLowerCase(), capital: isCapital(word) });
    at = nextWordStart(text, after, end);
  }
  return tokens;
}

/**
 * Calls `visit` with each word of `text` that does not start with a capital, lowercased, without
 * building tokens: for whole-article word sets, where a token per word would be held at once.
 *
 * @example
 * forEachLowercaseWord('Mr Hogg said so.', (word) => words.push(word)) // 'said', 'so'
 */
export function forEachLowercaseWord(text: string, visit: (word: string) => void): void {
  const end = text.length;
  for (let at = nextWordStart(text, 0, end); at < end; ) {
    const after = wordEnd(text, at, end);
    const word = text.slice(at, after);
    if (!isCapital(word)) visit(word.toLowerCase());
    at = nextWordStart(text, after, end);
  }
}

/**
 * How many runs of letters and digits lie between `start` and `end`: words without the inner
 * separators tokenize joins them by, so "don't" counts two. Counted without building strings.
 *
 * @example
 * countLetterRuns("don't stop", 0, 10) // 3
 */
export function countLetterRuns(text: string, start: number, end: number): number {
  let count = 0;
  let inRun = false;
  for (let at = start; at < end; ) {
    const width = wordCharWidth(text, at, end);
    if (width > 0 && !inRun) count++;
    inRun = width > 0;
    at += width > 0 ? width : codePointWidth(text, at);
  }
  return count;
}

// Below this code a character is ASCII, decided without the regex.
const FIRST_NON_ASCII = 0x80;
const CODE_A = 0x41;
const CODE_Z = 0x5a;

/** How many code units the letter or digit at `at` takes (0 when there is none before `limit`). */
function wordCharWidth(text: string, at: number, limit: number): number {
  if (at >= limit) return 0;
  const code = text.charCodeAt(at);
  if (code < FIRST_NON_ASCII) {
    const lower = code | 0x20; // ASCII letters differ from their lowercase only in this bit
    return (lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39) ? 1 : 0;
  }
  // The low half of a pair cut by the range start is no letter; the regex is not asked, as it
  // may step back to the pair's start.
  if ((code & SURROGATE_MASK) === LOW_SURROGATE_BITS) return 0;
  WORD_CHAR.lastIndex = at;
  if (!WORD_CHAR.test(text)) return 0;
  const width = WORD_CHAR.lastIndex - at;
  // A surrogate pair cut by the limit is no letter inside the range.
  return at + width <= limit ? width : 0;
}

/** Where the next word starts at or after `from` (a code point boundary), or `limit`. */
function nextWordStart(text: string, from: number, limit: number): number {
  let at = from;
  while (at < limit && wordCharWidth(text, at, limit) === 0) at += codePointWidth(text, at);
  return Math.min(at, limit);
}

/** The end of the word that starts at `at`. */
function wordEnd(text: string, at: number, limit: number): number {
  let end = at;
  for (let width = wordCharWidth(text, end, limit); width > 0; width = wordCharWidth(text, end, limit)) {
    end += width;
    // A separator continues the word only when a letter or digit follows it.
    if (wordCharWidth(text, end, limit) === 0 && SEPARATORS.has(text.charCodeAt(end))) {
      if (wordCharWidth(text, end + 1, limit) > 0) end++;
    }
  }
  return end;
}

// Surrogate pairs are stepped over whole, as the regex's /u flag does.
const HIGH_SURROGATE_MIN = 0xd800;
const HIGH_SURROGATE_MAX = 0xdbff;
const SURROGATE_MASK = 0xfc00;
const LOW_SURROGATE_BITS = 0xdc00;

function codePointWidth(text: string, at: number): number {
  const code = text.charCodeAt(at);
  const paired =
    code >= HIGH_SURROGATE_MIN &&
    code <= HIGH_SURROGATE_MAX &&
    (text.charCodeAt(at + 1) & SURROGATE_MASK) === LOW_SURROGATE_BITS;
  return paired ? 2 : 1;
}

function isCapital(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < FIRST_NON_ASCII) return code >= CODE_A && code <= CODE_Z;
  return UPPER.test(word);
}

// A full stop, question or exclamation mark, any closing quotes or brackets, then a space
// before something that can start a sentence (capital, digit, opening mark, or the mask "_"
// that stands for a quote's first word in the masked text).
const SENTENCE_END = /[.!?]+["'\u201D\u2019\u00BB)\]]*\s+(?=["\u201C\u2018'\u00AB\u201E([]?[\p{Lu}\p{N}_])/gu;
// Letters before the full stop, to recognise "Mr." or an initial ("J.").
const WORD_BEFORE_DOT = /([\p{L}.]+)[.!?]*$/u;
// How far back an abbreviation check looks: the longest entry ("approx.") and some slack.
const ABBREVIATION_LOOKBACK = 12;

/**
 * Splits the range into sentence spans, skipping abbreviations and initials. Run it on the
 * masked text (quotes blanked) so a full stop inside a quote never splits its sentence.
 *
 * @example
 * splitSentences('Mr. Hogg spoke. It rained.', 0, 26) // [{start:0,end:15},{start:16,end:26}]
 */
export function splitSentences(text: string, start: number, end: number): { start: number; end: number }[] {
  const sentences: { start: number; end: number }[] = [];
  const slice = text.slice(start, end);
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(slice); match; match = SENTENCE_END.exec(slice)) {
    const at = match.index;
    const punctuationEnd = at + match[0].trimEnd().length;
    if (match[0][0] === '.' && isAbbreviation(slice.slice(Math.max(0, at - ABBREVIATION_LOOKBACK), at + 1))) {
      continue;
    }
    sentences.push({ start: start + from, end: start + punctuationEnd });
    from = at + match[0].length;
  }
  if (from < slice.length) {
    const tail = slice.slice(from).trimEnd();
    if (tail.length > 0) sentences.push({ start: start + from, end: start + from + tail.length });
  }
  return sentences;
}

function isAbbreviation(before: string): boolean {
  const word = WORD_BEFORE_DOT.exec(before)?.[1];
  if (!word) return false;
  const bare = word.replace(/\.+$/, '').toLowerCase();
  // A single capital letter is an initial ("George W. Bush").
  if (bare.length === 1 && /\p{Lu}/u.test(word)) return true;
  return ABBREVIATIONS.has(bare);
}
