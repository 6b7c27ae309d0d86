// Small rules that decide how a token counts, each reading the tokens around it. The weights
// here shape the explanation; the fitted model (model.ts) decides the final score.
import {
  ACCOUNTABILITY,
  AMOUNT_NEGATORS,
  DEBUNKING,
  DETERMINERS,
  HARM_PHRASES,
  LIKE_AS_VERB_BEFORE,
  LIKE_LOOKBACK_SKIP,
  NOT_NAMES,
  NUMBER_WORDS,
  PHRASES,
  type PhraseRole,
  QUANTITY_WORDS,
  RELIEF_PHRASES,
  REVERSING_DEGREES,
  SAYING_VERBS,
} from './cues.ts';
import type { Tokens } from './tokenize.ts';

/** "not at all happy", "no reasons for joy": a negator reaches up to this many words ahead. */
export const NEGATION_WINDOW = 4;
/** A negated word counts against its sign, but weaker: "not good" is milder than "bad" (VADER uses -0.74). */
export const NEGATION_FACTOR = -0.6;
/** Words in a clause the speaker concedes ("Although X", "X but") count for half. */
export const CONCEDED_FACTOR = 0.3;
/** Words after "but", "nevertheless" or a concession carry the speaker's point. */
export const CONTRAST_FACTOR = 2;
/** "Most importantly, ...": the clause that follows is stressed. */
export const EMPHASIS_FACTOR = 1.5;
/** A hedged clause ("may", "perhaps") commits less. */
export const HEDGE_FACTOR = 0.8;
/** An intensifier or diminisher reaches the sentiment word this many words ahead ("very, very serious"). */
export const MODIFIER_WINDOW = 2;

const CLAUSE_BOUNDARIES: ReadonlySet<string> = new Set([
  ',',
  ';',
  ':',
  '.',
  '!',
  '?',
  '(',
  ')',
  '"',
  '“',
  '”',
  '—',
  '–',
  '-',
  '…',
]);
const SENTENCE_ENDS: ReadonlySet<string> = new Set(['.', '!', '?', ';', '…']);

/** Punctuation that ends a clause, and with it the reach of negators and modifiers. */
export function isClauseBoundary(token: string): boolean {
  return CLAUSE_BOUNDARIES.has(token);
}

/** Punctuation that ends a sentence, and with it the reach of a contrast. */
export function isSentenceEnd(token: string): boolean {
  return SENTENCE_ENDS.has(token);
}

/** A listed negator ("not", "never", "can't") negates, unless it is a "no" standing alone ("No, ..."). */
export function negates(tokens: Tokens, index: number): boolean {
  const word = tokens.lower[index] ?? '';
  // "a little progress", "the few who came", "his little house": an amount or a size, not "almost none".
  if (AMOUNT_NEGATORS.has(word)) return !DETERMINERS.has(tokens.lower[index - 1] ?? '');
  if (REVERSING_DEGREES.has(word)) return reversesDegree(tokens, index);
  if (notOnly(tokens, index)) return false;
  if (unexpected(tokens, index)) return false;
  return !(word === 'no' && standsAlone(tokens, index));
}

// "We didn't expect such a warm welcome" is surprise, not denial: what came was warm, and "did not
// anticipate the cuts to be so deep" says they were deep.
function unexpected(tokens: Tokens, index: number): boolean {
  const word = tokens.lower[index] ?? '';
  const auxiliary = word === 'not' ? (tokens.lower[index - 1] ?? '') : word;
  return PAST_NEGATORS.has(auxiliary) && FORESEEING_VERBS.has(tokens.lower[index + 1] ?? '');
}
const FORESEEING_VERBS: ReadonlySet<string> = new Set(['expect', 'anticipate', 'foresee', 'predict']);

/**
 * "I don't think this is a good plan" says the plan is not good: a "not" on a verb of opinion
 * passes to the clause the verb introduces (negative raising), past its subject and its "is".
 * "say" and "call" raise only after a modal ("I wouldn't say it was a success"; "I don't say this
 * lightly" denies nothing). The index of the verb of opinion, or -1.
 *
 * @example raisedNegationVerb(tokenize("I don't think it works"), 1) // 2
 */
export function raisedNegationVerb(tokens: Tokens, negator: number): number {
  const word = tokens.lower[negator] ?? '';
  if (word !== 'not' && !word.endsWith("n't") && word !== 'cannot') return -1;
  const verbAt = OPINION_ADVERBS.has(tokens.lower[negator + 1] ?? '') ? negator + 2 : negator + 1;
  const verb = tokens.lower[verbAt] ?? '';
  const auxiliaryAt = word === 'not' ? negator - 1 : negator;
  const auxiliary = tokens.lower[auxiliaryAt] ?? '';
  // "Don't believe them" is an order, and "I didn't think it would be this good" surprise: only a
  // speaker's present opinion is raised.
  if (tokens.isWord[auxiliaryAt - 1] !== true || PAST_NEGATORS.has(auxiliary)) return -1;
  // "I can't believe they did it" is disbelief at what happened, not an opinion that it did not.
  if (OPINION_VERBS.has(verb)) return ABILITY_NEGATORS.has(auxiliary) || auxiliary === 'can' ? -1 : verbAt;
  if (!DECLARING_VERBS.has(verb) || !MODAL_NEGATORS.has(auxiliary)) return -1;
  // "I can't say whether it will work" is a hedge, not a verdict.
  const next = tokens.lower[verbAt + 1] ?? '';
  return tokens.isWord[verbAt + 1] === true && !OPEN_COMPLEMENTS.has(next) ? verbAt : -1;
}
// What follows "can't say" when it declines to judge, and "can't call" when it is a telephone
// ("can't call to cancel", "won't call back").
const OPEN_COMPLEMENTS: ReadonlySet<string> = new Set([
  'to',
  'on',
  'off',
  'up',
  'back',
  'out',
  'in',
  'whether',
  'if',
  'when',
  'how',
  'what',
  'who',
  'which',
  'where',
  'why',
  'yet',
  'for',
  'exactly',
  'anything',
  'much',
  'more',
  'enough',
]);
const OPINION_VERBS: ReadonlySet<string> = new Set([
  'think',
  'believe',
  'suppose',
  'reckon',
  'imagine',
  'expect',
]);
const DECLARING_VERBS: ReadonlySet<string> = new Set(['say', 'call', 'describe']);
const OPINION_ADVERBS: ReadonlySet<string> = new Set(['really', 'honestly', 'personally', 'actually']);
const PAST_NEGATORS: ReadonlySet<string> = new Set(['did', "didn't", 'had', "hadn't"]);
// "can't" and its kin: what one cannot do enough of, one does to the full (cannotEnough); "I
// can't believe it" is disbelief, not an opinion raised.
const ABILITY_NEGATORS: ReadonlySet<string> = new Set(["can't", 'cannot', 'cant', "couldn't", 'couldnt']);
// The modals, negated or before "not", after which "say" and "call" raise.
const MODAL_NEGATORS: ReadonlySet<string> = new Set([
  ...ABILITY_NEGATORS,
  'can',
  'could',
  'would',
  "wouldn't",
  'will',
  "won't",
]);

// "not only a disaster but a scandal", "isn't just dubious": the focus adds to what follows, it
// does not deny it ("the verdict is not just", with nothing after, still does).
function notOnly(tokens: Tokens, index: number): boolean {
  const word = tokens.lower[index] ?? '';
  if (word !== 'not' && !word.endsWith("n't")) return false;
  return ADDITIVE_FOCUS.has(tokens.lower[index + 1] ?? '') && tokens.isWord[index + 2] === true;
}
const ADDITIVE_FOCUS: ReadonlySet<string> = new Set(['only', 'just', 'merely', 'simply', 'solely']);

/**
 * A negation offered as the other alternative asserts neither: "whether or not it helps", "like
 * it or not", "it may or may not help", "did or did not know". What follows is an open question.
 * The index of the "or" that offers it, or -1.
 *
 * @example alternativeStart(tokenize('It may or may not help'), 4) // 2
 */
export function alternativeStart(tokens: Tokens, index: number): number {
  const before = tokens.lower[index - 1];
  if (before === 'or') return index - 1;
  const repeated =
    tokens.lower[index - 2] === 'or' && before !== undefined && before === tokens.lower[index - 3];
  return repeated ? index - 2 : -1;
}

/** The forms of "be" that link a subject to what is said of it. */
export const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been']);

/** How many words after it a negator turns: an amount ("little", "few") only its noun phrase. */
export function negationReach(negator: string): number {
  return AMOUNT_NEGATORS.has(negator) || REVERSING_DEGREES.has(negator)
    ? AMOUNT_NEGATION_WINDOW
    : NEGATION_WINDOW;
}
// "little real progress": the noun and one word before it.
const AMOUNT_NEGATION_WINDOW = 2;

// "the least popular", "is less effective", "less than happy" turn the judgement after them; "at
// least", "no less than" and an amount ("less work", "less than 10%") do not.
function reversesDegree(tokens: Tokens, index: number): boolean {
  const before = tokens.lower[index - 1] ?? '';
  if (tokens.lower[index] === 'least')
    return DETERMINERS.has(before) && before !== 'no' && judgedAfter(tokens, index);
  if (before === 'no' || before === 'nothing') return false;
  if (tokens.lower[index + 1] === 'than')
    return tokens.isWord[index + 2] === true && !isAmount(tokens.lower[index + 2] ?? '');
  return BE_FORMS.has(before) || LINKING_VERBS.has(before);
}
// "the least popular", not "the least we can do" or "the least of our worries".
function judgedAfter(tokens: Tokens, index: number): boolean {
  const next = tokens.lower[index + 1] ?? '';
  return tokens.isWord[index + 1] === true && !DETERMINERS.has(next) && !NOT_JUDGED.has(next);
}
const NOT_JUDGED: ReadonlySet<string> = new Set([
  'of',
  'i',
  'we',
  'you',
  'he',
  'she',
  'it',
  'they',
  'one',
  'bit',
]);

/** A listed interjection ("Yes, ...", "Well, ...", "No.") takes the floor and says nothing about the topic. */
export function takesTheFloor(tokens: Tokens, index: number): boolean {
  return opensClause(tokens, index) && standsAlone(tokens, index);
}

/** "like" is the verb after a subject or auxiliary ("I would really like"), else a preposition. */
export function likeIsVerb(tokens: Tokens, index: number): boolean {
  let back = index - 1;
  while (back >= 0 && LIKE_LOOKBACK_SKIP.has(tokens.lower[back] ?? '')) back -= 1;
  const before = tokens.lower[back];
  return before === undefined || LIKE_AS_VERB_BEFORE.has(before);
}

/**
 * "too early to call it a success", "too weak to win": the infinitive after "too <word> to" is what
 * does not happen, so it is not asserted. The index of its first word, or -1.
 *
 * @example unassertedAfterToo(tokenize('too early to call it a success'), 0) // 3
 */
export function unassertedAfterToo(tokens: Tokens, index: number): number {
  if (tokens.lower[index] !== 'too' || !tokens.isWord[index + 1]) return -1;
  if (tokens.lower[index + 2] !== 'to' || !tokens.isWord[index + 3]) return -1;
  return index + 3;
}

// Verbs that open a yes-or-no question ("Will this deal bring peace?").
const QUESTION_OPENERS: ReadonlySet<string> = new Set([
  'will',
  'would',
  'can',
  'could',
  'should',
  'shall',
  'may',
  'might',
  'is',
  'are',
  'was',
  'were',
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
]);

/**
 * "Will this deal bring peace?" asks, it does not assert: when the sentence at `index` opens with a
 * question verb and ends in "?", the index of that "?", else -1. A negative opener ("Isn't this a
 * disgrace?") is left alone: such questions assert their answer.
 *
 * @example askedUntil(tokenize('Will this deal bring peace?'), 0) // 5
 */
export function askedUntil(tokens: Tokens, index: number): number {
  if (!QUESTION_OPENERS.has(tokens.lower[index] ?? '')) return -1;
  for (let k = index + 1; k < tokens.lower.length; k += 1) {
    const token = tokens.lower[k] ?? '';
    if (!tokens.isWord[k] && isSentenceEnd(token)) return token === '?' ? k : -1;
  }
  return -1;
}

/** "Yet, ..." or "..., yet the talks" contrasts; "not yet" and "can't say that yet" hedge. */
export function yetContrasts(tokens: Tokens, index: number): boolean {
  return opensClause(tokens, index) && !standsAlone(tokens, index) && index > 0;
}

/**
 * A capitalised word inside a sentence names something ("United Nations", "Hope Hicks"), so its
 * dictionary sense does not count. Headlines, where most words are capitalised, are exempt.
 */
export function namesSomething(tokens: Tokens, index: number, headline: boolean): boolean {
  if (headline) return false;
  if (!tokens.capitalised[index]) return joinsName(tokens, index);
  if (opensClause(tokens, index)) return opensName(tokens, index);
  const previous = tokens.lower[index - 1] ?? '';
  return previous !== '"' && previous !== '“' && previous !== "'" && previous !== '[';
}

// Lower-case words that join the parts of a name ("Rio de Janeiro", "Ludwig van Beethoven").
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'ben',
]);

// The neighbours first: most words are not between two capitalised ones, and the set lookup costs more.
function joinsName(tokens: Tokens, index: number): boolean {
  return (
    tokens.capitalised[index - 1] === true &&
    tokens.capitalised[index + 1] === true &&
    tokens.isWord[index - 1] === true &&
    tokens.isWord[index + 1] === true &&
    NAME_PARTICLES.has(tokens.lower[index] ?? '')
  );
}

/**
 * A capitalised word opening a clause is a name when another capitalised word follows it ("Anna
 * Berg said") or a verb of saying does ("Anna said"), unless it is a word sentences open with ("The").
 */
function opensName(tokens: Tokens, index: number): boolean {
  if (NOT_NAMES.has(tokens.lower[index] ?? '')) return false;
  const next = index + 1;
  if (!tokens.isWord[next] || tokens.bracketed[next]) return false;
  return tokens.capitalised[next] === true || SAYING_VERBS.has(tokens.lower[next] ?? '');
}

// A statement reads as a headline when more than this share of its words are capitalised.
const HEADLINE_CAPITAL_SHARE = 0.6;
// Too few words to tell a headline from a name-heavy fragment.
const HEADLINE_MIN_WORDS = 4;

/** Title Case text capitalises every word, so capitals say nothing about names there. */
export function looksLikeHeadline(tokens: Tokens): boolean {
  let words = 0;
  let capitals = 0;
  for (let i = 0; i < tokens.lower.length; i += 1) {
    if (!tokens.isWord[i]) continue;
    words += 1;
    if (tokens.capitalised[i]) capitals += 1;
  }
  return words >= HEADLINE_MIN_WORDS && capitals > words * HEADLINE_CAPITAL_SHARE;
}

function opensClause(tokens: Tokens, index: number): boolean {
  if (index === 0) return true;
  const previous = tokens.lower[index - 1] ?? '';
  return isClauseBoundary(previous) || previous === '[' || previous === ']' || previous === "'";
}

function standsAlone(tokens: Tokens, index: number): boolean {
  const next = tokens.lower[index + 1];
  return next === undefined || isClauseBoundary(next);
}

interface PhraseEntry {
  words: readonly string[];
  role: PhraseRole;
}

// First word -> phrases starting with it, longest first so "as well as" wins over "as well".
const PHRASE_INDEX: ReadonlyMap<string, readonly PhraseEntry[]> = (() => {
  const index = new Map<string, PhraseEntry[]>();
  const all: (readonly [string, PhraseRole])[] = [
    ...PHRASES,
    ...HARM_PHRASES.map((phrase) => [phrase, 'harm'] as const),
    ...[...ACCOUNTABILITY].map((phrase) => [phrase, 'blame'] as const),
    ...RELIEF_PHRASES.map((phrase) => [phrase, 'relief'] as const),
  ];
  for (const [phrase, role] of all) {
    const words = phrase.split(' ');
    const first = words[0] ?? '';
    const list = index.get(first) ?? [];
    list.push({ words, role });
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
})();

/** Whether some multi-word cue starts with this lower-cased word (word-facts.ts keeps the answer per word). */
export function startsPhrase(word: string): boolean {
  return PHRASE_INDEX.has(word);
}

/** The multi-word cue starting at `index`, if any: its role and the index after its last word. */
export function phraseAt(tokens: Tokens, index: number): { role: PhraseRole; end: number } | null {
  const candidates = PHRASE_INDEX.get(tokens.lower[index] ?? '');
  if (!candidates) return null;
  for (const { words, role } of candidates) {
    let at = index + 1;
    let matched = true;
    for (let k = 1; k < words.length; k += 1) {
      if (words[k] === AMOUNT_SLOT) {
        if (isAmount(tokens.lower[at] ?? '') && !tokens.bracketed[at]) {
          at += 1;
          // "claimed hundreds of lives", "cost thousands of jobs".
          if (tokens.lower[at] === 'of' && isAmount(tokens.lower[at - 1] ?? '')) at += 1;
        }
        continue;
      }
      if (words[k] === POSSESSIVE_SLOT) {
        if (!POSSESSIVES.has(tokens.lower[at] ?? '') || tokens.bracketed[at]) {
          matched = false;
          break;
        }
        at += 1;
        continue;
      }
      if (tokens.lower[at] !== words[k] || tokens.bracketed[at]) {
        matched = false;
        break;
      }
      at += 1;
    }
    if (matched) return { role, end: at };
  }
  return null;
}

/** In a cue, "#" stands for an amount the text may give or leave out ("claimed # lives"). */
const AMOUNT_SLOT = '#';
/** In a cue, "~" stands for one possessive ("turned ~ back on": "their", "his", "its" ...). */
const POSSESSIVE_SLOT = '~';
const POSSESSIVES: ReadonlySet<string> = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);
const DIGIT_ZERO = 48;
const DIGIT_NINE = 57;

function isAmount(word: string): boolean {
  return isNumber(word) || QUANTITY_WORDS.has(word);
}

/** A number, in digits or in words (NUMBER_WORDS). */
export function isNumber(word: string): boolean {
  const first = word.charCodeAt(0);
  return (first >= DIGIT_ZERO && first <= DIGIT_NINE) || NUMBER_WORDS.has(word);
}

// Words between a copula and its participle ("was never recognised", "is not yet done").
const PASSIVE_SKIP: ReadonlySet<string> = new Set([
  'not',
  'never',
  'being',
  'been',
  'also',
  'still',
  'already',
  'yet',
  'just',
  'now',
  'then',
  'widely',
  'largely',
  'fully',
  'quickly',
]);
// Irregular participles that make "is/was X" passive rather than a judgement.
const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set([
  'made',
  'done',
  'given',
  'taken',
  'seen',
  'held',
  'known',
  'shown',
  'built',
  'found',
  'kept',
  'left',
  'paid',
  'sent',
  'told',
  'won',
  'hit',
  'cut',
  'put',
  'set',
  'shut',
  'brought',
  'bought',
  'caught',
  'taught',
  'sold',
  'spent',
  'struck',
  'led',
  'met',
  'run',
  'begun',
  'chosen',
  'written',
  'driven',
  'broken',
  'spoken',
  'stolen',
  'thrown',
  'hidden',
  'forgotten',
  'beaten',
  'born',
  'sworn',
  'torn',
  'worn',
]);

/** "was recognised", "were laid off": a copula before a participle is passive, not a judgement. */
export function passiveAfter(tokens: Tokens, copula: number): boolean {
  let next = copula + 1;
  while (PASSIVE_SKIP.has(tokens.lower[next] ?? '')) next += 1;
  if (!tokens.isWord[next]) return false;
  const word = tokens.lower[next] ?? '';
  // "The fears were unfounded" judges the fears: these -ed words are adjectives.
  if (DEBUNKING.has(word)) return false;
  return (word.length > 4 && word.endsWith('ed')) || IRREGULAR_PARTICIPLES.has(word);
}

// Comparatives that a negated linking verb raises to a superlative ("never felt better").
const COMPARATIVES: ReadonlySet<string> = new Set([
  'better',
  'worse',
  'happier',
  'prouder',
  'stronger',
  'weaker',
  'brighter',
  'bleaker',
  // Levels: "exports have never been higher" is a record.
  'higher',
  'lower',
  'greater',
]);
// Linking verbs of that frame, and the words that may sit between it and the comparative.
const LINKING_VERBS: ReadonlySet<string> = new Set([
  'be',
  'been',
  'look',
  'looked',
  'looks',
  'feel',
  'felt',
  'seem',
  'seemed',
  'get',
  'got',
  'gotten',
  'sound',
  'sounded',
  'go',
  'gone',
  'went',
  'do',
  'done',
  'did',
  'played',
  'performed',
]);
/** Degree words that may stand between a linking verb and a comparative ("never been any better"). */
export const DEGREE_WORDS: ReadonlySet<string> = new Set([
  'any',
  'much',
  'ever',
  'far',
  'even',
  'still',
  'slightly',
  'significantly',
]);

/** "has never been better", "could not be worse": a negated comparative after a linking verb. */
export function negatedComparative(tokens: Tokens, index: number): boolean {
  if (LINKING_VERBS.has(tokens.lower[beforeComparative(tokens, index)] ?? '')) return true;
  // "Things have never been this bad", "I have never felt so proud": a degree never reached before
  // is the most yet. ("It has not been so bad" is no such thing: only "never".)
  const degree = tokens.lower[index - 1];
  return (
    (degree === 'this' || degree === 'so') &&
    LINKING_VERBS.has(tokens.lower[index - 2] ?? '') &&
    tokens.lower[index - 3] === 'never'
  );
}

// The token before a comparative at `index` ("happier", or a word after "more": "could not be more
// pleased" as "could not be happier"), past degree words ("much"); -1 when there is none.
function beforeComparative(tokens: Tokens, index: number): number {
  let back = index - 1;
  if (tokens.lower[back] === 'more') back -= 1;
  else if (!COMPARATIVES.has(tokens.lower[index] ?? '')) return -1;
  while (DEGREE_WORDS.has(tokens.lower[back] ?? '')) back -= 1;
  return back;
}

/**
 * "It could have been worse" is relief and "it should have been better" a complaint: a comparative
 * in what could have been says what was not. The index of the modal, or -1.
 *
 * @example counterfactualAt(tokenize('It could have been much worse'), 5) // 1
 */
export function counterfactualAt(tokens: Tokens, index: number): number {
  const back = beforeComparative(tokens, index);
  if (back < 0) return -1;
  const before = tokens.lower[back] ?? '';
  // "They deserve better", "we expected better", "we must do better": what is owed or wanted says
  // what is not there.
  if (DESERVING.has(before)) return back;
  if (before === 'do' && OWING_MODALS.has(tokens.lower[back - 1] ?? '')) return back - 1;
  if (before !== 'been' || tokens.lower[back - 1] !== 'have') return -1;
  return COUNTERFACTUAL_MODALS.has(tokens.lower[back - 2] ?? '') ? back - 2 : -1;
}
const COUNTERFACTUAL_MODALS: ReadonlySet<string> = new Set(['could', 'might', 'would', 'should']);
// "We must do better" owns up; "they would do better" only predicts.
const OWING_MODALS: ReadonlySet<string> = new Set(['can', 'could', 'must', 'should']);
const DESERVING: ReadonlySet<string> = new Set([
  'deserve',
  'deserves',
  'deserved',
  'expected',
  'expect',
  'expects',
]);

// Verbs of meeting with something, and the words that make "never" before them say "never this
// much": "never seen such courage", "never been so proud".
const EXPERIENCE_VERBS: ReadonlySet<string> = new Set([
  'seen',
  'heard',
  'known',
  'felt',
  'witnessed',
  'experienced',
  'met',
  'encountered',
  'had',
  'been',
  // What one never expected or imagined to meet: "never expected such a warm welcome".
  'expected',
  'imagined',
  'dreamed',
  'dreamt',
]);
const SUCH_WORDS: ReadonlySet<string> = new Set(['such', 'so']);

/**
 * "I have never seen such courage": after "never", a verb of experience before "such" or "so"
 * says the most, as "never been better" does; "did not feel so good" is still a negation.
 */
export function neverExperienced(tokens: Tokens, negator: number, index: number): boolean {
  return (
    tokens.lower[negator] === 'never' &&
    EXPERIENCE_VERBS.has(tokens.lower[index] ?? '') &&
    SUCH_WORDS.has(tokens.lower[index + 1] ?? '')
  );
}

/**
 * "We cannot thank them enough", "I can't praise it highly enough": "enough" closing a clause whose
 * negator is "can't" says the most, not the least; "not good enough" is still a negation.
 */
export function cannotEnough(tokens: Tokens, negator: number, index: number): boolean {
  if (tokens.lower[index] !== 'enough' || !ABILITY_NEGATORS.has(tokens.lower[negator] ?? '')) return false;
  const next = index + 1;
  return next >= tokens.lower.length || !tokens.isWord[next] || tokens.lower[next] === 'for';
}

// Words after which a noun phrase has ended ("a failure of leadership", "a mess that ...").
const PHRASE_ENDS: ReadonlySet<string> = new Set([
  'of',
  'for',
  'in',
  'on',
  'at',
  'to',
  'with',
  'by',
  'from',
  'that',
  'which',
  'who',
  'and',
  'or',
  'but',
  'as',
  'than',
  'because',
]);

/** The last word of its phrase: the head of "a total fiasco", not "total". */
export function endsPhrase(tokens: Tokens, index: number): boolean {
  const next = index + 1;
  return !tokens.isWord[next] || PHRASE_ENDS.has(tokens.lower[next] ?? '');
}
