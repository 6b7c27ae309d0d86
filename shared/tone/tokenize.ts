// Splits a statement into word and punctuation tokens that point back into it by offsets.
import { type WordFacts, wordFacts, wordFactsIn } from './word-facts.ts';

// Marks in these patterns are escapes (\u2019 ’): the Lambda bundle stays ASCII
// (test/infra/bundle.test.ts says why).

/** The tokens of one statement, as parallel arrays (one entry per token). */
export interface Tokens {
  /** Lower-cased token text; curly apostrophes read as straight ones. */
  lower: string[];
  start: number[];
  end: number[];
  /** Letters or digits, as opposed to punctuation. */
  isWord: boolean[];
  /** Inside [square brackets]: the reporter's insertion, not the speaker's words. */
  bracketed: boolean[];
  /** Written with a capital first letter. */
  capitalised: boolean[];
  /**
   * What is known about each word (word-facts.ts), undefined for punctuation: looked up while
   * scanning, so a word's text is cut out of the statement only the first time it is seen.
   */
  facts: (WordFacts | undefined)[];
}

// Words keep inner apostrophes and hyphens ("can't", "de-escalation"); any other non-space
// character is a token of its own, so punctuation can end clauses. A hand-written scanner rather
// than a global regex: it allocates nothing per token beyond the token's text.
const CURLY_APOSTROPHE = /\u2019/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
const UPPER = /\p{Lu}/u;
const APOSTROPHE = 39;
const CURLY = 0x2019;
const HYPHEN = 45;
const COMMA = 44;
const PERIOD = 46;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const FIRST_NON_ASCII = 128;

/**
 * Tokenises one statement.
 *
 * @example
 * tokenize("We can't [now] agree").lower // ['we', "can't", '[', 'now', ']', 'agree']
 */
export function tokenize(statement: string): Tokens {
  let lowered = statement.toLowerCase();
  // Lower-casing can change the length of rare characters (e.g. "İ"); then lower per token.
  const sameLength = lowered.length === statement.length;
  if (lowered.includes('’')) lowered = lowered.replace(CURLY_APOSTROPHE, "'");
  const tokens: Tokens = {
    lower: [],
    start: [],
    end: [],
    isWord: [],
    bracketed: [],
    capitalised: [],
    facts: [],
  };
  let bracketDepth = 0;
  const length = statement.length;
  let at = 0;
  while (at < length) {
    const code = statement.charCodeAt(at);
    if (isWordChar(statement, code, at)) {
      const start = at;
      at += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      while (at < length) {
        const next = statement.charCodeAt(at);
        if (isWordChar(statement, next, at)) {
          at += next >= 0xd800 && next <= 0xdbff ? 2 : 1;
        } else if (
          (next === APOSTROPHE || next === CURLY || next === HYPHEN) &&
          at + 1 < length &&
          isWordChar(statement, statement.charCodeAt(at + 1), at + 1)
        ) {
          at += 1;
        } else if (
          (next === COMMA || next === PERIOD) &&
          isDigit(statement.charCodeAt(at - 1)) &&
          isDigit(statement.charCodeAt(at + 1))
        ) {
          // "2,000" and "3.5" are one number: the comma in it ends no clause.
          at += 1;
        } else {
          break;
        }
      }
      // "Mr." keeps its full stop: the stop ends no sentence, and the name after it stays a name.
      if (statement.charCodeAt(at) === PERIOD && at - start <= LONGEST_TITLE && isTitle(statement, start, at))
        at += 1;
      const original = statement.charCodeAt(start);
      const facts = sameLength
        ? wordFactsIn(lowered, start, at)
        : wordFacts(statement.slice(start, at).toLowerCase().replace(CURLY_APOSTROPHE, "'"));
      push(
        tokens,
        facts.word,
        start,
        at,
        true,
        bracketDepth > 0,
        (original >= 65 && original <= 90) ||
          (original >= FIRST_NON_ASCII && UPPER.test(statement[start] ?? '')),
        facts,
      );
      continue;
    }
    if (code <= 32 || (code >= FIRST_NON_ASCII && SPACE.test(statement[at] ?? ''))) {
      at += 1;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && at + 1 < length ? 2 : 1;
    if (code === OPEN_BRACKET) bracketDepth += 1;
    const mark = sameLength
      ? lowered.slice(at, at + width)
      : statement.slice(at, at + width).replace(CURLY_APOSTROPHE, "'");
    push(tokens, mark, at, at + width, false, bracketDepth > 0, false, undefined);
    if (code === CLOSE_BRACKET && bracketDepth > 0) bracketDepth -= 1;
    at += width;
  }
  return tokens;
}

// Titles written with a full stop before a name.
const TITLES: ReadonlySet<string> = new Set(
  'mr mrs ms dr prof gen sen rep gov lt col capt sgt cpl adm rev hon pres supt insp det'.split(' '),
);
const LONGEST_TITLE = Math.max(...[...TITLES].map((title) => title.length));

function isTitle(statement: string, start: number, end: number): boolean {
  return TITLES.has(statement.slice(start, end).toLowerCase());
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordChar(text: string, code: number, at: number): boolean {
  if (code < FIRST_NON_ASCII) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  if (code === CURLY) return false;
  const point = text.codePointAt(at) ?? code;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(point));
}

function push(
  tokens: Tokens,
  lower: string,
  start: number,
  end: number,
  isWord: boolean,
  bracketed: boolean,
  capitalised: boolean,
  facts: WordFacts | undefined,
): void {
  tokens.lower.push(lower);
  tokens.start.push(start);
  tokens.end.push(end);
  tokens.isWord.push(isWord);
  tokens.bracketed.push(bracketed);
  tokens.capitalised.push(capitalised);
  tokens.facts.push(facts);
}
