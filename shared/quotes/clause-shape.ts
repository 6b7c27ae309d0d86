import type { Span } from '../types.ts';
import {
  FINITE_AUXILIARIES,
  IRREGULAR_PAST_VERBS,
  NEW_SUBJECT_OPENERS,
  NEW_SUBJECT_VERBS,
  QUESTION_OPENERS,
  QUESTION_WORDS,
  SUBORDINATORS,
} from './lexicon.ts';
import type { Token } from './text-index.ts';

// Marks in these patterns are escapes (\u2019 ’): the Lambda bundle stays ASCII
// (test/infra/bundle.test.ts says why).

// What makes a stretch of words a statement rather than a noun phrase or a question: small
// English-shape checks the reported-speech readers share.

// "-ss" (class), "-us" (status), "-is" (crisis), "-ous" (famous) end nouns and adjectives, not verbs.
const NOT_VERB_S = /(?:ss|us|is|ics)$/;
// Past tense and third person singular: "discussed", "remains", "hopes".
const VERB_FORM = /^[a-z][a-z'\u2019-]*(?:ed|s)$/;
// A contraction carries a finite verb: "won't", "it's", "they're".
const CONTRACTION = /[\u2019'](?:s|re|ve|ll|d|m|t)$/;
// The shortest word whose -s/-ed ending is read as a verb ("runs"; "bus" and "red" are not).
const MIN_VERB_LENGTH = 4;

/**
 * True when the words between `from` and `to` (token indices) can hold a finite verb: an
 * auxiliary, a contraction, or a lowercase -ed/-s form. A title or noun phrase ("Evening News
 * programme on Channel 4") has none, so a reporting verb after it reports no statement.
 *
 * @example
 * hasFiniteVerb(tokenize('the talks remain hard', 0, 21), 0, 4) // true
 */
export function hasFiniteVerb(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const token = tokens[k];
    if (!token) continue;
    // "on 3 May", "Will Moy": inside a clause a capital is a name or a month, not "may" or "will".
    if (token.capital && k > from) continue;
    if (FINITE_AUXILIARIES.has(token.lower) || CONTRACTION.test(token.lower)) return true;
    if (IRREGULAR_PAST_VERBS.has(token.lower)) return true;
    if (token.capital || token.lower.length < MIN_VERB_LENGTH) continue;
    if (VERB_FORM.test(token.lower) && !NOT_VERB_S.test(token.lower)) return true;
  }
  return false;
}

// "a question from a reporter whether": words a question noun and its opener may have between them.
const MAX_QUESTION_GAP = 4;

/**
 * The stretches of a sentence that put a question to someone ("Asked whether the deal will
 * hold, ..."): from the question word to the next comma. A reporting verb inside one reports
 * the question, not anybody's statement; the answer comes after the comma.
 *
 * @example
 * questionZones(masked, tokens) // [{ start: 0, end: 31 }]
 */
export function questionZones(masked: string, tokens: readonly Token[]): Span[] {
  const zones: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || !QUESTION_WORDS.has(token.lower)) continue;
    let opener = -1;
    for (let k = i + 1; k < tokens.length && k - i <= MAX_QUESTION_GAP; k++) {
      if (QUESTION_OPENERS.has(tokens[k]?.lower ?? '')) {
        opener = k;
        break;
      }
    }
    if (opener < 0) continue;
    const comma = masked.indexOf(',', tokens[opener]?.end ?? token.end);
    const end = comma < 0 ? (tokens.at(-1)?.end ?? token.end) : comma;
    zones.push({ start: token.start, end });
    while (i + 1 < tokens.length && (tokens[i + 1]?.start ?? 0) < end) i++;
  }
  return zones;
}

// "the footage with this statement was": how many words a new subject may run to its verb.
const MAX_NEW_SUBJECT_TOKENS = 6;

/**
 * Where a reported clause ends at a comma splice: a comma, then a new subject ("the", "this"
 * and a noun) with a finite verb of its own starts a new sentence in all but punctuation, which
 * the narrator says, not the speaker. Returns the token index after which the clause ends, or -1.
 *
 * @example
 * commaSplice(masked, tokens, 3) // "he will come, the statement was shown" -> index of "come"
 */
export function commaSplice(masked: string, tokens: readonly Token[], from: number, to: number): number {
  if (SUBORDINATORS.has(tokens[from]?.lower ?? '')) return -1;
  for (let k = from + 1; k < to; k++) {
    const token = tokens[k];
    const previous = tokens[k - 1];
    if (!token || !previous || !NEW_SUBJECT_OPENERS.has(token.lower)) continue;
    if (!masked.slice(previous.end, token.start).includes(',')) continue;
    for (let v = k + 2; v < to && v - k <= MAX_NEW_SUBJECT_TOKENS; v++) {
      const word = tokens[v];
      if (!word || masked.slice(tokens[v - 1]?.end ?? 0, word.start).trim() !== '') break;
      if (NEW_SUBJECT_VERBS.has(word.lower)) return k - 1;
    }
  }
  return -1;
}
