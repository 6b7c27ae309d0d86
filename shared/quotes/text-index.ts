import { ABBREVIATIONS } from './lexicon.ts';

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

// Letters/digits with inner apostrophes, hyphens, dots and ampersands ("don't", "co-founder",
// "U.S", "B&B").
// No nested quantifier over overlapping classes: each repetition must start with a separator.
const WORD = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu;
const UPPER = /^\p{Lu}/u;

/**
 * Tokenises `text` between `start` and `end` into words with absolute offsets.
 *
 * @example
 * tokenize('He said so.', 0, 11).map((t) => t.lower) // ['he', 'said', 'so']
 */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  // An exec loop rather than matchAll: no iterator result per word, and tokenising is the
  // hottest loop of the analysis.
  WORD.lastIndex = 0;
  for (let match = WORD.exec(slice); match; match = WORD.exec(slice)) {
    const word = match[0];
    const at = start + match.index;
    tokens.push({ start: at, end: at + word.length, lower: word.toLowerCase(), capital: isCapital(word) });
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
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    if (!isCapital(match[0])) visit(match[0].toLowerCase());
  }
}

// Below this code, a capital is an ASCII one: most words are decided without the regex.
const FIRST_NON_ASCII = 0x80;
const CODE_A = 0x41;
const CODE_Z = 0x5a;

function isCapital(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < FIRST_NON_ASCII) return code >= CODE_A && code <= CODE_Z;
  return UPPER.test(word);
}

// A full stop, question or exclamation mark, any closing quotes or brackets, then a space
// before something that can start a sentence (capital, digit, opening mark, or the mask "_"
// that stands for a quote's first word in the masked text).
const SENTENCE_END = /[.!?]+["'”’»)\]]*\s+(?=["“‘'«„([]?[\p{Lu}\p{N}_])/gu;
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
