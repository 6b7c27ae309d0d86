// Splits a statement into word and punctuation tokens that point back into it by offsets.

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
}

// Words with inner apostrophes or hyphens stay whole ("can't", "de-escalation"); any other
// non-space character is a token of its own, so punctuation can end clauses.
const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const CURLY_APOSTROPHE = /’/g;
const WORD_START = /[\p{L}\p{N}]/u;
const UPPER_START = /\p{Lu}/u;

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
  const tokens: Tokens = { lower: [], start: [], end: [], isWord: [], bracketed: [], capitalised: [] };
  let bracketDepth = 0;
  TOKEN.lastIndex = 0;
  const source = sameLength ? lowered : statement;
  for (let match = TOKEN.exec(source); match !== null; match = TOKEN.exec(source)) {
    const text = match[0];
    const start = match.index;
    const first = text.charCodeAt(0);
    // ASCII fast path before the Unicode property test.
    const isWord =
      (first >= 97 && first <= 122) || (first >= 48 && first <= 57) || (first > 127 && WORD_START.test(text));
    if (!isWord && text === '[') bracketDepth += 1;
    tokens.lower.push(sameLength ? text : text.toLowerCase().replace(CURLY_APOSTROPHE, "'"));
    tokens.start.push(start);
    tokens.end.push(start + text.length);
    tokens.isWord.push(isWord);
    tokens.bracketed.push(bracketDepth > 0);
    const original = statement.charCodeAt(start);
    tokens.capitalised.push(
      isWord &&
        ((original >= 65 && original <= 90) || (original > 127 && UPPER_START.test(statement[start] ?? ''))),
    );
    if (!isWord && text === ']' && bracketDepth > 0) bracketDepth -= 1;
  }
  return tokens;
}
