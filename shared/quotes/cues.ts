import type { Span } from '../types.ts';
import {
  ARTICLES,
  CUE_FILLERS,
  DETERMINERS,
  GIVEN_NAME_WORDS,
  GROUP_HEADS,
  GROUP_NOUNS,
  NAMING_VERBS,
  NON_NAME_CAPITALS,
  NOT_IN_MENTION,
  NOUN_LIKE,
  PLURAL_SUBJECT,
  PRONOUNS,
  SPEECH_PHRASES,
  SPEECH_VERBS,
  SUBJECT_PREPOSITIONS,
  TITLES,
} from './lexicon.ts';
import type { Token } from './text-index.ts';

// Marks in these patterns are escapes (\u2019 ’, \u201C “, \u201D ”): the Lambda bundle stays ASCII
// (test/infra/bundle.test.ts says why).

// Recognising a reporting cue ("said", "weighed in", "quoted ... as saying") in a token list, and
// the speaker mention on either side of it.

export interface Cue {
  /** Token index of the first cue word. */
  first: number;
  /** Token index just past the last cue word. */
  next: number;
  /** Naming verbs ("described as") attribute quoted words but never govern a clause. */
  naming: boolean;
}

// One capital letter: an initial inside a name ("Ann B. Lee").
const INITIAL = /^\p{Lu}$/u;
const POSSESSIVE_END = /['\u2019]s?$/;
// The longest mention a cue reaches for: "Tory shadow home secretary David Davis" and a title.
export const MAX_MENTION_TOKENS = 8;
// How many fillers ("has also recently") may stand between a mention and its cue.
const MAX_FILLERS = 3;

/**
 * The cue starting at token `i`, if any. `besideQuote`: the words sit right after a closing mark.
 *
 * @example
 * cueAt(tokenize('he said', 0, 7), 1) // { first: 1, next: 2, naming: false }
 */
export function cueAt(tokens: readonly Token[], i: number, besideQuote = false): Cue | null {
  const token = tokens[i];
  if (!token || token.capital) return null;
  for (const phrase of SPEECH_PHRASES) {
    if (phrase[0] !== token.lower) continue;
    if (phrase.every((word, k) => tokens[i + k]?.lower === word)) {
      return { first: i, next: i + phrase.length, naming: false };
    }
  }
  const speech = SPEECH_VERBS.has(token.lower);
  const naming = !speech && NAMING_VERBS.has(token.lower);
  if (!speech && !naming) return null;
  // Right beside a quote (`," comments Robin`) a reporting word is a verb whatever its form.
  if (NOUN_LIKE.has(token.lower) && !besideQuote) {
    let k = i - 1;
    while (
      k > 0 &&
      i - k <= MAX_FILLERS &&
      CUE_FILLERS.has(tokens[k]?.lower ?? '') &&
      tokens[k]?.lower !== 'to'
    )
      k--;
    const before = tokens[k];
    const subjectOk =
      before &&
      (PLURAL_SUBJECT.has(before.lower) ||
        GROUP_NOUNS.has(before.lower) ||
        isPluralName(before) ||
        // "Novacorp claims": a proper name, not possessive, is a subject.
        (before.capital && !POSSESSIVE_END.test(before.lower)));
    // "which Apple views as": a naming verb followed by "as" is a verb whatever its subject.
    const namingAs = naming && tokens[i + 1]?.lower === 'as';
    // "The firm estimates that ...": "that" after the word makes it a verb, unless a determiner
    // or possessive makes it a noun ("the claims that", "his claims that").
    const verbThat =
      tokens[i + 1]?.lower === 'that' &&
      !!before &&
      !DETERMINERS.has(before.lower) &&
      !POSSESSIVE_END.test(before.lower);
    if (!subjectOk && !namingAs && !verbThat) return null;
  }
  // "quoted as saying" is matched as a phrase; a bare "quoted" is reported by "as saying" later.
  return { first: i, next: i + 1, naming };
}

function isPluralName(token: Token): boolean {
  return (
    !token.capital &&
    token.lower.length > 3 &&
    token.lower.endsWith('s') &&
    !token.lower.endsWith('ss') &&
    !NOT_IN_MENTION.has(token.lower) &&
    !DETERMINERS.has(token.lower)
  );
}

/**
 * The speaker mention ending just before token `cueIndex`, skipping fillers ("has also").
 * Returns the token range [first, next) or null when the words before are not a mention.
 *
 * @example
 * mentionBefore(text, tokenize(text, 0, text.length), 3) // "Mr Blair has said": tokens 0..2
 */
export function mentionBefore(
  text: string,
  tokens: readonly Token[],
  cueIndex: number,
): [number, number] | null {
  let end = cueIndex;
  let fillers = 0;
  while (end > 0 && fillers < MAX_FILLERS && CUE_FILLERS.has(tokens[end - 1]?.lower ?? '')) {
    if (!joined(text, tokens, end - 1, end)) break;
    end--;
    fillers++;
  }
  // "to say" only counts when a subject sits before the fillers; an infinitive alone has none.
  const last = tokens[end - 1];
  if (!last || !joined(text, tokens, end - 1, fillers > 0 ? end : cueIndex)) return null;
  if (PRONOUNS.has(last.lower) && last.lower !== 'i' && last.lower !== 'we') return [end - 1, end];
  let first = end;
  while (first > 0 && end - first < MAX_MENTION_TOKENS) {
    const token = tokens[first - 1];
    if (!token || !isMentionWord(token, tokens[first])) break;
    if (first < end && !joined(text, tokens, first - 1, first)) break;
    // An article opens a description: "According to Mr Lee the minister said" stops at "the"
    // (but "Save the Children" is one name: there the article precedes a capital).
    const opened = tokens[first];
    if (first < end && opened && ARTICLES.has(opened.lower) && !tokens[first + 1]?.capital) break;
    first--;
  }
  // A mention ends in a name or a noun, never in a determiner alone.
  while (first < end && !tokens[first]?.capital && !isHeadable(tokens, first, end)) first++;
  // A determiner alone ("a said", "His repeated") names nobody.
  if (end - first === 1 && DETERMINERS.has(tokens[first]?.lower ?? '')) return null;
  return first < end ? throughPrepositions(text, tokens, first, end) : null;
}

// The longest subject read through its prepositional phrases.
const MAX_SUBJECT_TOKENS = 2 * MAX_MENTION_TOKENS;

/**
 * The subject of the verb, not the nearest name: a mention right after a preposition is the
 * object of a phrase attached to the real subject ("the leader, meeting with his rival Ann Lee,
 * said"; "a spokesman for the embassy in Rome said"), so the mention grows back over each such
 * phrase to the noun phrase that heads it.
 */
function throughPrepositions(
  text: string,
  tokens: readonly Token[],
  first: number,
  end: number,
): [number, number] {
  let start = first;
  while (start > 1 && end - start < MAX_SUBJECT_TOKENS) {
    const preposition = start - 1;
    if (!SUBJECT_PREPOSITIONS.has(tokens[preposition]?.lower ?? '')) break;
    // "those with the condition reported": the people the phrase describes are the speakers.
    if (GROUP_HEADS.has(tokens[preposition - 1]?.lower ?? '')) return [preposition - 1, end];
    if (!joined(text, tokens, preposition, start) || !joined(text, tokens, preposition - 1, preposition))
      break;
    const head = mentionBeforeOnly(text, tokens, preposition);
    if (!head) break;
    start = head[0];
  }
  return [start, end];
}

/** The noun phrase ending right before token `at` (no fillers, no prepositions). */
function mentionBeforeOnly(text: string, tokens: readonly Token[], at: number): [number, number] | null {
  let first = at;
  while (first > 0 && at - first < MAX_MENTION_TOKENS) {
    const token = tokens[first - 1];
    if (!token || !isMentionWord(token, tokens[first]) || PRONOUNS.has(token.lower)) break;
    if (first < at && !joined(text, tokens, first - 1, first)) break;
    first--;
  }
  while (first < at && !tokens[first]?.capital && !isHeadable(tokens, first, at)) first++;
  return first < at ? [first, at] : null;
}

/**
 * The speaker mention starting at token `from` (after a cue: "said Ola Lunde, an analyst").
 * Stops at punctuation; an appositive name after a comma is included ("the director, Jon Dale").
 *
 * @example
 * mentionAfter(text, tokens, 1) // "said the American." -> tokens 1..3
 */
export function mentionAfter(text: string, tokens: readonly Token[], from: number): [number, number] | null {
  const first = tokens[from];
  if (!first || !isMentionWord(first, tokens[from + 1])) return null;
  if (PRONOUNS.has(first.lower)) return [from, from + 1];
  let next = from + 1;
  while (next < tokens.length && next - from < MAX_MENTION_TOKENS) {
    const token = tokens[next];
    if (!token || !isMentionWord(token, tokens[next + 1]) || !joined(text, tokens, next - 1, next)) break;
    next++;
  }
  // "the festival's executive director, Jon Dale." names the person after the comma.
  const after = tokens[next];
  const lastWord = tokens[next - 1];
  if (
    after?.capital &&
    lastWord &&
    !lastWord.capital &&
    text.slice(lastWord.end, after.start).trim() === ','
  ) {
    let name = next;
    while (tokens[name]?.capital && name - next < MAX_MENTION_TOKENS && joined(text, tokens, name - 1, name))
      name++;
    const rest = text.slice(tokens[name - 1]?.end ?? 0, (tokens[name - 1]?.end ?? 0) + 2).trim();
    if (name > next && (rest === '' || /^[.,;]/.test(rest))) next = name;
  }
  if (!tokens.slice(from, next).some((token) => token.capital))
    return withAppositiveName(text, tokens, from, next);
  return [from, next];
}

// "said another witness in the probe, former adviser Ada Moss.": a description without a name
// is followed, within this many words, by the name it describes.
const MAX_APPOSITIVE_TOKENS = 14;
// Lowercase role words an appositive may open with before its name ("former press adviser").
const MAX_APPOSITIVE_ROLE_WORDS = 3;

function withAppositiveName(
  text: string,
  tokens: readonly Token[],
  from: number,
  next: number,
): [number, number] {
  let comma = -1;
  for (let k = next; k < tokens.length && k - from < MAX_APPOSITIVE_TOKENS; k++) {
    const token = tokens[k];
    const previous = tokens[k - 1];
    if (!token || !previous) break;
    const gap = text.slice(previous.end, token.start);
    if (/[.;:!?"\u201C\u201D]/.test(gap)) break;
    if (gap.includes(',')) comma = k;
    // The name may follow a few words of its role: ", former harbour adviser Ana Ruiz".
    if (!token.capital || comma < 0 || k - comma > MAX_APPOSITIVE_ROLE_WORDS) continue;
    let end = k;
    while (
      end < tokens.length &&
      end - k < MAX_MENTION_TOKENS &&
      (end === k || joined(text, tokens, end - 1, end))
    ) {
      if (!tokens[end]?.capital && !TITLES.has(tokens[end]?.lower ?? '')) break;
      end++;
    }
    const rest = text.slice(tokens[end - 1]?.end ?? 0).trimStart();
    if (rest === '' || /^[.;!?]/.test(rest)) return comma === k ? [from, end] : [comma, end];
    comma = -1;
  }
  return [from, next];
}

/** `next`: the token after it, which decides a word that is also a given name ("said Will Hanley"). */
function isMentionWord(token: Token, next: Token | undefined): boolean {
  if (token.capital && next?.capital && GIVEN_NAME_WORDS.has(token.lower)) return true;
  // "US Airways said": a capital "US" is the country, not the pronoun.
  if (token.capital)
    return !NOT_IN_MENTION.has(token.lower) || PRONOUNS.has(token.lower) || token.lower === 'us';
  if (PRONOUNS.has(token.lower)) return true;
  // "a report from ...": a reporting word in its noun form can head a mention.
  return !NOT_IN_MENTION.has(token.lower) && (!SPEECH_VERBS.has(token.lower) || NOUN_LIKE.has(token.lower));
}

function isHeadable(tokens: readonly Token[], first: number, end: number): boolean {
  const token = tokens[first];
  if (!token) return false;
  return (
    DETERMINERS.has(token.lower) ||
    TITLES.has(token.lower) ||
    GROUP_NOUNS.has(token.lower) ||
    PRONOUNS.has(token.lower) ||
    end - first <= 2
  );
}

/** True when only spaces (or a title's full stop) separate tokens `a` and `b`. */
export function joined(text: string, tokens: readonly Token[], a: number, b: number): boolean {
  const left = tokens[a];
  const right = tokens[b];
  if (!left || !right) return false;
  const gap = text.slice(left.end, right.start);
  if (gap.trim() === '') return gap.length > 0 || left.end === right.start;
  // "Dr. Ann Lee", "Ann B. Lee": a title's or an initial's full stop stays inside a name.
  return (
    gap.trim() === '.' &&
    (TITLES.has(`${left.lower}.`) || (INITIAL.test(text.slice(left.start, left.end)) && right.capital))
  );
}

/** The span from the first token of [first, next) to the end of the last one. */
export function spanOf(tokens: readonly Token[], first: number, next: number): Span {
  return { start: tokens[first]?.start ?? 0, end: tokens[next - 1]?.end ?? 0 };
}

/**
 * "Eva Lind, director for games at the firm, tells the paper": a name, an appositive between
 * commas, then the cue. Returns the name's token range and the cue, reading forward from `from`.
 *
 * @example
 * appositiveCue(text, tokens, 0) // { mention: [0, 2], cue: { first: 8, ... } }
 */
export function appositiveCue(
  text: string,
  tokens: readonly Token[],
  from: number,
): { mention: [number, number]; cue: Cue } | null {
  const start = tokens[from];
  if (!start?.capital) return null;
  let end = from + 1;
  while (end < tokens.length && tokens[end]?.capital && joined(text, tokens, end - 1, end)) end++;
  if (!commaGap(text, tokens, end - 1, end)) return null;
  for (let k = end + 1; k < tokens.length && k - end <= MAX_APPOSITIVE_TOKENS; k++) {
    if (/[.;:!?"\u201C\u201D_]/.test(text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0))) return null;
    const cue = cueAt(tokens, k);
    if (cue && commaGap(text, tokens, k - 1, k)) return { mention: [from, end], cue };
  }
  return null;
}

/**
 * Reading backward from a cue preceded by a comma: "..., Eva Lind, director at the firm, said".
 * Returns the name's token range, or null when no name-and-appositive precedes the cue.
 */
export function appositiveBefore(
  text: string,
  tokens: readonly Token[],
  cueIndex: number,
): [number, number] | null {
  if (!commaGap(text, tokens, cueIndex - 1, cueIndex)) return null;
  for (let k = cueIndex - 1; k > 0 && cueIndex - k <= MAX_APPOSITIVE_TOKENS; k--) {
    if (
      /[.;:!?"\u201C\u201D_]/.test(text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0)) &&
      !commaGap(text, tokens, k - 1, k)
    ) {
      return null;
    }
    if (!commaGap(text, tokens, k - 1, k) || k === cueIndex) continue;
    let first = k - 1;
    if (!tokens[first]?.capital) return null;
    while (first > 0 && tokens[first - 1]?.capital && joined(text, tokens, first - 1, first)) first--;
    // "Then Tom Bell, the treasurer, told": an opening adverb is not part of the name.
    while (first < k - 1 && NON_NAME_CAPITALS.has(tokens[first]?.lower ?? '')) first++;
    return [first, k];
  }
  return null;
}

function commaGap(text: string, tokens: readonly Token[], a: number, b: number): boolean {
  const left = tokens[a];
  const right = tokens[b];
  return !!left && !!right && text.slice(left.end, right.start).trim() === ',';
}
