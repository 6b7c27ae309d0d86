// One left-to-right pass over a statement that applies the rules: which words carry sentiment,
// how negation, modifiers, contrast, hedges and brackets change them, and which tone cues occur.
import type { ToneEvidence, ToneName } from '../types.ts';
import {
  CHANGE_CUE_WORD,
  type Change,
  CLAUSE_WORDS,
  changeValue,
  findChanges,
  losesJobs,
} from './changes.ts';
import {
  ACCEPTANCE_VERBS,
  AMOUNT_NEGATORS,
  ATTENTION_VERBS,
  BELIEF_VERBS,
  CLAIM_NOUNS,
  CONTRITION,
  DEBUNKING,
  DETERMINERS,
  DOUBTING,
  OCCURRENCE_VERBS,
  OUTWEIGHING,
  REFUSALS,
  TOPIC_NOUNS,
  TOPIC_PREPOSITIONS,
  TOPIC_STOPS,
  WORRIES,
} from './cues.ts';
import { SECONDARY_COUNT } from './lexicon.ts';
import {
  alternativeStart,
  askedUntil,
  BE_FORMS,
  CONCEDED_FACTOR,
  CONTRAST_FACTOR,
  cannotEnough,
  counterfactualAt,
  EMPHASIS_FACTOR,
  endsPhrase,
  HEDGE_FACTOR,
  isClauseBoundary,
  isSentenceEnd,
  likeIsVerb,
  looksLikeHeadline,
  MODIFIER_WINDOW,
  NEGATION_FACTOR,
  NEGATION_WINDOW,
  namesSomething,
  negatedComparative,
  negates,
  negationReach,
  neverExperienced,
  passiveAfter,
  phraseAt,
  raisedNegationVerb,
  takesTheFloor,
  unassertedAfterToo,
  yetContrasts,
} from './rules.ts';
import { type Tokens, tokenize } from './tokenize.ts';
import {
  ADVERSARIAL_WORD,
  CONCESSIVE_WORD,
  CONCILIATORY_WORD,
  CONFIDENT_WORD,
  CONTRAST_WORD,
  COPULA_WORD,
  CUE_WORDS,
  GOOD_NEWS_WORD,
  GRAVE_WORD,
  HARM_WORD,
  HEDGE_WORD,
  INTERJECTION_WORD,
  MODIFIER_WORD,
  NEGATOR_WORD,
  OPEN_QUESTION_WORD,
  PHRASE_START_WORD,
  RELEASE_WORD,
  SAFE_OUTCOME_WORD,
  SECONDARY_RATED_WORD,
  SPOILER_WORD,
  STANCE_WORD,
  TOPIC_WORD,
  type WordFacts,
} from './word-facts.ts';
import { WORD_TABLE, type WordTable } from './word-table.ts';

/** What the rules found in one statement: the input to the fitted model and to the explanation. */
export interface Reading {
  /** The statement as given; token offsets point into it. */
  statement: string;
  tokens: Tokens;
  /** Per token: what is known about the word; undefined for punctuation. */
  facts: (WordFacts | undefined)[];
  /** Per token: 1 inside a negation scope. */
  negated: Uint8Array;
  /** Per token: 1 when it counts as a word of the speaker for the model (not bracketed, not a name). */
  counted: Uint8Array;
  /**
   * Per token: how much the word counts in the word features (hashed stems, word table), 0..1: less
   * in a clause the speaker concedes, in the subject of a judgement, in a question left open.
   */
  share: Float64Array;
  /** Reports of harm ("were killed", "laid off") outside negation. */
  harms: number;
  /** Changes reported ("costs rose"): their words step aside and the change speaks (changes.ts). */
  changes: Change[];
  /** Per token: 1 in the judgement of "X is a Y" (the words after the verb, in its clause). */
  predicate: Uint8Array;
  /** Per token: the product of the rule factors on its lexicon weights (0: carries none). */
  factor: Float64Array;
  /** Per token: a weight the rules give a word no lexicon rates (the head of "laid off"), else 0. */
  ruleBase: Float64Array;
  /** Per token: bits saying which rules applied (see `ruleNames`). */
  flags: Uint32Array;
  /** Token indexes of the words that triggered rule features: negators, contrasts, harms, hedges. */
  negatorAt: number[];
  contrastAt: number[];
  harmAt: number[];
  hedgeAt: number[];
  /** Token indexes of the words that open a topic ("investigating", "report on"). */
  topicAt: number[];
  /** Token indexes of good news ("ahead of schedule", "rescued"): weighed, but no rule feature. */
  reliefAt: number[];
  /** Token indexes of refusals ("will not accept"): weighed like a bad word. */
  refusalAt: number[];
  /** Token indexes of contrition withheld ("no remorse"): weighed like a bad word. */
  unrepentantAt: number[];
  /** Per multi-word cue ("far from", "too early"): its first token index to the index after its last. */
  phraseEnds: ReadonlyMap<number, number>;
  /** Sentiment words in text order with their weights after the rules. */
  evidence: ToneEvidence[];
  /** Sum of positive main-lexicon weights after the rules. */
  positive: number;
  /** Sum of negative main-lexicon weights after the rules, as a positive number. */
  negative: number;
  /** The same two sums for each secondary lexicon (see lexicon.ts). */
  secondaryPositive: number[];
  secondaryNegative: number[];
  /** Main-lexicon weight of negated positive words, before the rules. */
  negatedPositive: number;
  /** Main-lexicon weight of negated negative words, before the rules, as a positive number. */
  negatedNegative: number;
  /** Words the speaker said (not bracketed). */
  words: number;
  /** The cue words of each tone, in text order. */
  cues: Record<ToneName, readonly string[]>;
  negations: number;
  /** Of the negations, releases ("cleared of", "freed from"): they turn what follows, but say no "not". */
  releases: number;
  contrasts: number;
  exclamations: number;
  questions: number;
}

const CUE_KINDS: ReadonlyArray<readonly [ToneName, number]> = [
  ['tentative', HEDGE_WORD],
  ['confident', CONFIDENT_WORD],
  ['grave', GRAVE_WORD],
  ['conciliatory', CONCILIATORY_WORD],
  ['adversarial', ADVERSARIAL_WORD],
];

// Why a token's weight changed, as bits per token; `RULE_NAMES` spells them in the explanation.
const NEGATED = 1;
const INTENSIFIED = 2;
const DIMINISHED = 4;
const EMPHASISED = 8;
const HEDGED = 16;
const CONCEDED = 32;
const CONTRASTED = 64;
const BRACKETED = 128;
const NAME = 256;
const SUBJECT = 8192;
const QUESTIONED = 16384;
const INTERJECTION = 512;
const PREPOSITION = 1024;
const NEGATOR = 2048;
const MODIFIER = 4096;
const CHANGED = 32768;
const TOPIC = 65536;
/** The rule bits of `Reading.flags`, for the explanation. */
export const RULE = {
  NEGATED,
  INTENSIFIED,
  DIMINISHED,
  EMPHASISED,
  HEDGED,
  CONCEDED,
  CONTRASTED,
  SUBJECT,
  QUESTIONED,
  NEGATOR,
  MODIFIER,
  CHANGED,
  TOPIC,
} as const;
const RULE_NAMES: ReadonlyArray<readonly [number, string]> = [
  [BRACKETED, 'bracketed'],
  [NAME, 'name'],
  [INTERJECTION, 'interjection'],
  [PREPOSITION, 'preposition'],
  [NEGATOR, 'negator'],
  [MODIFIER, 'modifier'],
  [INTENSIFIED, 'intensified'],
  [DIMINISHED, 'diminished'],
  [NEGATED, 'negated'],
  [EMPHASISED, 'emphasised'],
  [HEDGED, 'hedged'],
  [CONCEDED, 'conceded'],
  [CONTRASTED, 'contrasted'],
  [SUBJECT, 'subject'],
  [QUESTIONED, 'questioned'],
  [CHANGED, 'changed'],
  [TOPIC, 'topic'],
];
/** In "X is a disaster" the judgement decides: the subject's own words count this much. */
const SUBJECT_FACTOR = 0.3;
/** Words of a question left open ("whether it will succeed") are not asserted. */
const QUESTIONED_FACTOR = 0.2;
/** Share in the word features of conceded words, of a judgement's subject, of an open question. */
const CONCEDED_SHARE = 0.15;
const SUBJECT_SHARE = 0.3;
const QUESTIONED_SHARE = 0.3;
/**
 * What a statement says is looked into ("investigating the cause of the fire", "a report on
 * poverty") is its topic, not its verdict: the topic's words count as an open question's do.
 */
const TOPIC_FACTOR = 0.2;
const TOPIC_SHARE = 0.3;
/** Share in the word features of a change's words ("fell", "unemployment"): the change speaks for them. */
const CHANGE_SHARE = 0.3;
/** A change weighs its value (-1..1) times this in lexicon units: "crime fell" weighs like "fired", reversed. */
const CHANGE_WEIGHT = 2;
/**
 * A judgement word no lexicon rates ("a fiasco") weighs its word-table polarity times this, in
 * lexicon units (a polarity of 0.2, the top tenth of the table, weighs like "bad"), when the
 * polarity is at least `JUDGEMENT_LEANS` (the top quarter): what the statement says X is must count.
 */
const JUDGEMENT_POLARITY_SCALE = 12;
const JUDGEMENT_LEANS = 0.1;
// Scratch buffers start this large (tokens) and double when a statement needs more.
const SCRATCH_TOKENS = 256;
/** "a bit", "a little": a softening phrase weighs like "somewhat". */
const PHRASE_DIMINISHER = 0.6;

export interface ReadOptions {
  /**
   * Build `evidence`, and give the reading arrays of its own (the default). Without it (scoring
   * only) `evidence` stays empty and the per-token arrays are scratch space that the next reading
   * without evidence overwrites: the reading is valid until then.
   */
  evidence?: boolean;
  /** The word table judgement words are weighed by (the shipped one unless fitting). */
  table?: WordTable;
}

// Both secondary sums start from copies of this.
const NO_SECONDARY: readonly number[] = new Array<number>(SECONDARY_COUNT).fill(0);

/**
 * Reads one statement with the rules.
 *
 * @example
 * readStatement('There are no reasons for joy').evidence[0] // { text: 'joy', weight: -1.8, rules: ['negated'], ... }
 */
export function readStatement(statement: string, options: ReadOptions = {}): Reading {
  const withEvidence = options.evidence !== false;
  const table = options.table ?? WORD_TABLE;
  const tokens = tokenize(statement);
  const count = tokens.lower.length;
  const headline = looksLikeHeadline(tokens);
  const own = withEvidence ? ownArrays(count) : scratchArrays(count);
  const reading: Reading = {
    statement,
    tokens,
    facts: tokens.facts,
    negated: own.negated,
    counted: own.counted,
    share: own.share,
    harms: 0,
    changes: NO_CHANGES,
    predicate: own.predicate,
    factor: EMPTY_FACTORS,
    ruleBase: own.ruleBase,
    flags: EMPTY_FLAGS,
    negatorAt: [],
    contrastAt: [],
    harmAt: [],
    hedgeAt: [],
    topicAt: [],
    reliefAt: [],
    refusalAt: [],
    unrepentantAt: [],
    phraseEnds: NO_PHRASES,
    evidence: [],
    positive: 0,
    negative: 0,
    // Copies of a plain array: allocating two small typed arrays per statement cost more.
    secondaryPositive: NO_SECONDARY.slice(),
    secondaryNegative: NO_SECONDARY.slice(),
    negatedPositive: 0,
    negatedNegative: 0,
    words: 0,
    cues: {
      tentative: NO_CUES,
      confident: NO_CUES,
      grave: NO_CUES,
      conciliatory: NO_CUES,
      adversarial: NO_CUES,
    },
    negations: 0,
    releases: 0,
    contrasts: 0,
    exclamations: 0,
    questions: 0,
  };
  // Per token: the product of the rule factors (0: carries no sentiment), why, and phrase roles.
  // The reading gets the first two only when the rules are done: helpers see them empty until then.
  const factor = own.factor;
  const flags = own.flags;
  markBracketed(tokens, flags);
  const roles: (string | undefined)[] = [];
  let negationLeft = 0;
  // The current negation has turned a word a lexicon rates.
  let turnedRated = false;
  let modifier = 1;
  let modifierLeft = 0;
  let emphasis = false;
  let keepEmphasisOverComma = false;
  // "Possibly, the merger will ...": a hedge opening the sentence before a comma hedges all of it.
  let keepHedgeOverComma = false;
  let hedged = false;
  let conceding = false;
  let contrasted = false;
  let sentenceStart = 0;
  // "It has flaws. But it is a start": a contrast opening a sentence concedes the one before.
  let previousSentenceStart = 0;
  let clauseStart = 0;
  let judged = false;
  // The copula of the clause's judgement, while its subject may still be denied; else -1.
  let judgedAt = -1;
  // The judgement's head has been weighed: "a relief for borrowers" is judged by "relief" alone.
  let judgementWeighed = false;
  let questioned = false;
  // Where "too <word> to" leaves the rest of its clause unasserted (unassertedAfterToo).
  let unassertedFrom = -1;
  // The "?" that closes a yes-or-no question (askedUntil), or -1.
  let questionEnd = -1;
  let previousName = false;
  let phraseEnds: Map<number, number> | undefined;
  // A safe outcome or rescue earlier in the clause: harm after it is the danger people came through.
  let safeInClause = false;
  // A negated verb of putting up with something (ACCEPTANCE_VERBS) governs the rest of the negation.
  let refusing = false;
  // A denied claim ("no evidence that ...") reaches past the copula of what it denies.
  let claimDenied = false;
  // The negator whose "not" a verb of opinion passes on ("don't think it is fair"), or -1.
  let raisedNegator = -1;
  const raisedAt: number[] = [];
  // The tokens before this index (from the last topic opener on) are a topic.
  let topicEnd = 0;

  for (let i = 0; i < count; i += 1) {
    const word = tokens.lower[i] ?? '';
    if (!tokens.isWord[i]) {
      if (word === '!') reading.exclamations += 1;
      else if (word === '?') reading.questions += 1;
      if (!isClauseBoundary(word)) continue;
      clauseStart = i + 1;
      judged = false;
      questioned = false;
      previousName = false;
      safeInClause = false;
      negationLeft = 0;
      claimDenied = false;
      modifierLeft = 0;
      if (keepHedgeOverComma && word === ',') keepHedgeOverComma = false;
      else hedged = false;
      if (conceding) contrasted = true;
      conceding = false;
      if (keepEmphasisOverComma && word === ',') keepEmphasisOverComma = false;
      else emphasis = false;
      if (isSentenceEnd(word)) {
        contrasted = false;
        previousSentenceStart = sentenceStart;
        sentenceStart = i + 1;
      }
      continue;
    }
    const facts = tokens.facts[i];
    if (facts === undefined) continue;
    // The reporter's words: shown, but they move nothing.
    if (tokens.bracketed[i]) continue;
    if (word === 'too') unassertedFrom = unassertedAfterToo(tokens, i);
    if (i === unassertedFrom) questioned = true;
    if (i === sentenceStart) questionEnd = askedUntil(tokens, i);
    if (i < questionEnd) questioned = true;
    const name = namesSomething(tokens, i, headline);
    // A name of several words counts as one word, so swapping names never changes the length.
    if (!(name && previousName)) reading.words += 1;
    previousName = name;
    reading.counted[i] = name ? 0 : 1;
    reading.share[i] =
      name || i < questionEnd
        ? 0
        : conceding
          ? CONCEDED_SHARE
          : questioned
            ? QUESTIONED_SHARE
            : i < topicEnd
              ? TOPIC_SHARE
              : 1;
    if (judged && !name) reading.predicate[i] = 1;
    // In a denied claim the negation is of what the claim says, not of its "is".
    const linksClaim = claimDenied && BE_FORMS.has(word);
    if (negationLeft > 0 && !linksClaim) reading.negated[i] = 1;

    // A negator's "not" passed to the clause of a verb of opinion ("don't think it is fair"), asked
    // once: "I can't say I am happy" is a verdict; "I can't say whether ..." stays the hedge the
    // phrase is.
    const raises = facts.kinds & NEGATOR_WORD ? raisedNegationVerb(tokens, i) >= 0 : false;
    const phrase = facts.kinds & PHRASE_START_WORD && !raises ? phraseAt(tokens, i) : null;
    // "but", "however", and "even so" opening its clause ("not even so bad" is no contrast): what
    // came before in the sentence, or the sentence before when it opens one, is conceded.
    const contrastEnd = phrase
      ? phrase.role === 'contrast' && (i === clauseStart || !tokens.isWord[i - 1])
        ? phrase.end
        : -1
      : facts.kinds & CONTRAST_WORD || (word === 'yet' && yetContrasts(tokens, i))
        ? i + 1
        : -1;
    if (contrastEnd > 0) {
      concede(factor, flags, reading.share, i === sentenceStart ? previousSentenceStart : sentenceStart, i);
      sentenceStart = contrastEnd;
      clauseStart = contrastEnd;
      judged = false;
      safeInClause = false;
      contrasted = true;
      reading.contrasts += 1;
      reading.contrastAt.push(i);
      negationLeft = 0;
      hedged = false;
      if (!phrase) continue;
    }
    if (phrase) {
      const text = statement.slice(tokens.start[i], tokens.end[phrase.end - 1]);
      phraseEnds ??= new Map();
      phraseEnds.set(i, phrase.end);
      // The role the explanation names: a harm denied outright reads as the relief it is.
      let role: string = phrase.role;
      switch (phrase.role) {
        case 'hedge':
          addCue(reading, 'tentative', text);
          reading.hedgeAt.push(i);
          hedged = true;
          break;
        case 'confident':
          addCue(reading, 'confident', text);
          break;
        case 'emphasis':
          emphasis = true;
          keepEmphasisOverComma = true;
          break;
        case 'diminisher':
          modifier = PHRASE_DIMINISHER;
          modifierLeft = MODIFIER_WINDOW + 1;
          break;
        case 'negator':
        case 'release':
          // "No one was hurt in the accident": a negative subject, as "nobody" is.
          negationLeft = (i === clauseStart ? SUBJECT_NEGATION_REACH : NEGATION_WINDOW) + 1;
          refusing = false;
          // "cleared of misconduct": a bad thing one is released from is good news.
          if (phrase.role === 'release') {
            claimDenied = true;
            reading.releases += 1;
          }
          reading.negations += 1;
          reading.negatorAt.push(i);
          break;
        case 'concessive':
          conceding = true;
          reading.contrasts += 1;
          reading.contrastAt.push(i);
          break;
        case 'harm':
        case 'blame': {
          // The phrase weighs as one harm word would: "were laid off" reads like "were fired".
          reading.ruleBase[i] = HARM_WEIGHT;
          // Accountability is blame asked for or blame withheld: "nobody was held to account".
          const turned = negationLeft > 0 && phrase.role === 'harm';
          factor[i] = turned ? NEGATION_FACTOR : 1;
          if (turned && deniesOutright(tokens, reading.negatorAt.at(-1) ?? -1, clauseStart)) {
            // "No one was laid off" is good news, as "No one was hurt" is (below).
            role = 'relief';
            assertExistence(reading, flags, factor, i);
            reading.ruleBase[i] = RELIEF_WEIGHT;
            reading.reliefAt.push(i);
            factor[i] = 1;
          } else if (turned) flags[i] = NEGATED;
          else {
            reading.harms += 1;
            reading.harmAt.push(i);
          }
          break;
        }
        case 'relief':
          // The good-news counterpart of a harm phrase: "ahead of schedule" reads like "good".
          reading.ruleBase[i] = RELIEF_WEIGHT;
          factor[i] = negationLeft > 0 ? NEGATION_FACTOR : 1;
          if (negationLeft > 0) flags[i] = NEGATED;
          reading.reliefAt.push(i);
          break;
        // A contrast opening its clause was handled above; elsewhere it is only words.
        case 'contrast':
        case 'filler':
        case 'neutral':
          break;
      }
      // Words inside a phrase ("like" in "something like that") carry no sentiment of their own.
      for (let k = i; k < phrase.end; k += 1) {
        if (k > i) reading.words += 1;
        reading.counted[k] = 1;
        reading.share[k] = reading.share[i] ?? 1;
        if (negationLeft > 0) reading.negated[k] = 1;
        roles[k] = role;
      }
      negationLeft = Math.max(0, negationLeft - (phrase.end - i));
      modifierLeft = Math.max(0, modifierLeft - (phrase.end - i));
      i = phrase.end - 1;
      continue;
    }

    const kinds = adjustedKinds(tokens, i, facts.kinds, clauseStart);
    const clearedBy = word === 'of' && negationLeft === 0 ? clearingVerbBefore(tokens, i) : -1;
    if (clearedBy >= 0) {
      // "The inquiry cleared the staff of any wrongdoing": what follows "of" is no longer there,
      // as after "cleared of" (PHRASES), with the one cleared between.
      // Being cleared of a bad thing is good news, as a denied danger is.
      negationLeft = NEGATION_WINDOW + 1;
      claimDenied = true;
      reading.negations += 1;
      reading.releases += 1;
      reading.negatorAt.push(clearedBy);
      continue;
    }
    const alternative = kinds & NEGATOR_WORD ? alternativeStart(tokens, i) : -1;
    if (alternative >= 0) {
      // The construction's words are no tone of their own. "may or may not help" asks whether it
      // helps; "toasted or not" only says either way.
      if (alternative < i - 1) questioned = true;
      for (let k = alternative; k <= i; k += 1) reading.counted[k] = 0;
      addCue(reading, 'tentative', statement.slice(tokens.start[i - 1], tokens.end[i]));
      continue;
    }
    if (kinds & STANCE_WORD && DOUBTING.has(word) && OPINION_HOLDERS.has(tokens.lower[i - 1] ?? '')) {
      // "I doubt the reforms will help" says they will not: the doubt denies the clause after it,
      // as "I don't think" does.
      raisedNegator = i;
      negationLeft = SUBJECT_NEGATION_REACH + 1;
      reading.negations += 1;
      reading.negatorAt.push(i);
      flags[i] = NEGATOR;
      continue;
    }
    if (kinds & NEGATOR_WORD && negates(tokens, i)) {
      raisedNegator = raises ? i : -1;
      if (raises) raisedAt.push(i);
      // "Nothing about this process has been fair": a negative subject denies the whole predicate,
      // and "We do not believe the government has done enough" the clause of its verb.
      // "little reason to be hopeful": an amount of reasons reaches what they would be for.
      const reach =
        raises || (i === clauseStart && SUBJECT_NEGATORS.has(word))
          ? SUBJECT_NEGATION_REACH
          : AMOUNT_NEGATORS.has(word) && REASONS.has(tokens.lower[i + 1] ?? '')
            ? NEGATION_WINDOW
            : negationReach(word);
      negationLeft = reach + 1;
      refusing = false;
      reading.negations += 1;
      reading.negatorAt.push(i);
      reading.negated[i] = 1;
      flags[i] = NEGATOR;
      continue;
    }
    if (kinds & MODIFIER_WORD && i + 1 < count && tokens.isWord[i + 1]) {
      modifier = modifierLeft > 0 ? modifier * facts.modifier : facts.modifier;
      modifierLeft = MODIFIER_WINDOW + 1;
      negationLeft = Math.max(0, negationLeft - 1);
      flags[i] = MODIFIER;
      // "truly rude": the intensifier scales the word it modifies and is no word of its own; its
      // learned lean ("truly" leans good) had made "truly rude" read milder than "rude".
      if ((tokens.facts[i + 1]?.main ?? 0) !== 0) {
        reading.share[i] = 0;
        reading.counted[i] = 0;
      }
      continue;
    }
    if (kinds & TOPIC_WORD && i >= topicEnd && negationLeft === 0 && !questioned) {
      const end = topicAfter(tokens, i);
      if (end > i + 1) {
        topicEnd = end;
        reading.topicAt.push(i);
        continue;
      }
    }
    if (kinds & CONCESSIVE_WORD) {
      conceding = true;
      reading.share[i] = CONCEDED_SHARE;
      reading.contrasts += 1;
      reading.contrastAt.push(i);
      continue;
    }
    if (kinds & STANCE_WORD && OUTWEIGHING.has(word)) {
      // "The benefits far outweigh the costs": the side that weighs more is the verdict, the other
      // is conceded; "do not outweigh" and "are outweighed by" turn the scales.
      if (negationLeft > 0 || BE_FORMS.has(tokens.lower[i - 1] ?? '')) {
        concede(factor, flags, reading.share, clauseStart, i);
        negationLeft = 0;
      } else conceding = true;
      reading.share[i] = CONCEDED_SHARE;
      continue;
    }
    if (kinds & OPEN_QUESTION_WORD) {
      questioned = true;
      reading.share[i] = QUESTIONED_SHARE;
      addCue(reading, 'tentative', statement.slice(tokens.start[i], tokens.end[i]));
      reading.hedgeAt.push(i);
      continue;
    }
    if (
      kinds & COPULA_WORD &&
      !judged &&
      !questioned &&
      i > clauseStart &&
      // "What a triumph the match was": the exclamation is the judgement, before its verb.
      !exclaims(tokens, clauseStart) &&
      !passiveAfter(tokens, i) &&
      !(word === 'been' && goingOnAfter(tokens, i))
    ) {
      // "The rescue was a blunder": the judgement after the verb decides, not the subject's words.
      judged = true;
      judgedAt = i;
      // "The station is on the high street" says where, not how good: no word is weighed as its verdict.
      judgementWeighed = PLACE_PREPOSITIONS.has(tokens.lower[i + 1] ?? '');
      judgeSubject(factor, flags, reading.share, clauseStart, i);
      // "Opening fire without warning was inexcusable": a negation inside the subject ends with it;
      // only a negative subject ("Nobody ...", "Thankfully no one ...") reaches into the predicate.
      // "has never been fair": a negation between the auxiliary and "been" is the verb's own.
      const negator = reading.negatorAt.at(-1) ?? -1;
      const ownNegation = word === 'been' && negator >= i - 2;
      if (negationLeft > 0 && negator === raisedNegator) {
        // "I don't think this is a good plan": the judgement after "is" is what the "not" denies.
        negationLeft = Math.max(negationLeft, NEGATION_WINDOW + 1);
      } else if (
        negationLeft > 0 &&
        negator > clauseStart &&
        !ownNegation &&
        !isNegativeSubject(tokens, negator) &&
        !claimDenied
      )
        negationLeft = 0;
    }
    if (kinds & SAFE_OUTCOME_WORD) {
      safeInClause = true;
      // "were released unharmed", "found alive": the harm reported earlier in the clause is the
      // danger they came through, not the news.
      // "Two were injured and the rest got out safely": a harm across "and" stays.
      for (let at = reading.harmAt.at(-1) ?? -1; at >= clauseStart && !joinedBetween(tokens, at, i); ) {
        reading.harmAt.pop();
        reading.harms -= 1;
        // "The trapped miners were found alive": the danger's own word is no bad news either.
        factor[at] = 0;
        reading.share[at] = 0;
        at = reading.harmAt.at(-1) ?? -1;
      }
    }
    if (kinds & GOOD_NEWS_WORD && !name && facts.main < GOOD_NEWS_WEIGHT) {
      // "The miners were rescued": good news the lexicons rate mildly weighs like a good word.
      reading.ruleBase[i] = GOOD_NEWS_WEIGHT;
      reading.reliefAt.push(i);
    }
    if (negationLeft > 0 && OCCURRENCE_VERBS.has(word) && deniesOccurrence(reading, clauseStart, i)) {
      // "The recession did not happen": the bad news the subject names is denied, which is good news.
      denySubject(reading, factor, clauseStart, reading.negatorAt.at(-1) ?? i);
      reading.ruleBase[i] = RELIEF_WEIGHT;
      reading.reliefAt.push(i);
      negationLeft = 0;
    } else if (negationLeft > 0 && (OCCURRENCE_VERBS.has(word) || ARRIVAL_VERBS.has(word))) {
      // "Help never came", "The promised recovery did not happen": the good thing did not come.
      negateGoodSubject(reading, factor, flags, clauseStart, i);
    }
    if (kinds & HARM_WORD && negationLeft === 0 && !name && !safeInClause) {
      reading.harms += 1;
      reading.harmAt.push(i);
    }
    if (word === 'yet') {
      addCue(reading, 'tentative', statement.slice(tokens.start[i], tokens.end[i]));
      reading.hedgeAt.push(i);
      hedged = true;
      continue;
    }

    if (kinds & CUE_WORDS && !name && negationLeft === 0) collectCues(reading, statement, i, kinds);
    if (kinds & HEDGE_WORD && !name && negationLeft === 0) reading.hedgeAt.push(i);
    if (kinds & HEDGE_WORD) {
      hedged = true;
      if (i === sentenceStart && tokens.lower[i + 1] === ',') keepHedgeOverComma = true;
    }

    const lastNegator = reading.negatorAt.at(-1) ?? -1;
    if (lastNegator >= clauseStart && cannotEnough(tokens, lastNegator, i)) {
      // "We cannot thank them enough" thanks them to the full: the negation is undone.
      undoNegation(reading, factor, flags, i);
      negationLeft = 0;
    }
    if (negationLeft > 0 && neverExperienced(tokens, lastNegator, i)) {
      // "never seen such courage" is the most courage seen: emphasis, not negation.
      undoNegation(reading, factor, flags, i);
      negationLeft = 0;
      emphasis = true;
    }

    let f = 1;
    let why = 0;
    if (name) why = NAME;
    else if (kinds & INTERJECTION_WORD && takesTheFloor(tokens, i)) why = INTERJECTION;
    else if ((word === 'like' || word === 'likes') && !likeIsVerb(tokens, i)) why = PREPOSITION;
    if (why !== 0) {
      f = 0;
    } else {
      if (modifierLeft > 0) {
        f *= modifier;
        why |= modifier >= 1 ? INTENSIFIED : DIMINISHED;
      }
      if (negationLeft > 0 && negatedComparative(tokens, i)) {
        // "could not be better" says the best: the negation raises the comparative, not flips it.
        reading.negated[i] = 0;
        f *= EMPHASIS_FACTOR;
        why |= EMPHASISED;
        undoNegation(reading, factor, flags, i);
        negationLeft = 0;
      } else if (refusing && negationLeft > 0 && facts.main < 0) {
        // Refusing something bad ("will not tolerate provocations") is no praise of it.
        reading.negated[i] = 0;
      } else if (negationLeft > 0 && !linksClaim) {
        f *= NEGATION_FACTOR;
        why |= NEGATED;
      } else if (facts.main !== 0) {
        // "It could have been worse": what could have been says what was not.
        const modal = counterfactualAt(tokens, i);
        if (modal >= 0) {
          reading.negations += 1;
          reading.negatorAt.push(modal);
          reading.negated[i] = 1;
          f *= NEGATION_FACTOR;
          why |= NEGATED;
        }
      }
      if (
        reading.predicate[i] === 1 &&
        RELATIONAL_NOUNS.has(word) &&
        COMPLEMENTS.has(tokens.lower[i + 1] ?? '')
      ) {
        // "a recipe for disaster", "a source of pride": the complement is the verdict; the head says
        // nothing of its own.
        reading.predicate[i] = 0;
        reading.counted[i] = 0;
      } else if (reading.predicate[i] === 1 && !judgementWeighed && endsPhrase(tokens, i)) {
        if (facts.main === 0) reading.ruleBase[i] = judgementWeight(table, facts, word);
        judgementWeighed = true;
      }
      if (emphasis) {
        f *= EMPHASIS_FACTOR;
        why |= EMPHASISED;
      }
      if (hedged) {
        f *= HEDGE_FACTOR;
        why |= HEDGED;
      }
      if (questioned) {
        f *= QUESTIONED_FACTOR;
        why |= QUESTIONED;
      } else if (i < topicEnd) {
        f *= TOPIC_FACTOR;
        why |= TOPIC;
      }
      if (conceding) {
        f *= CONCEDED_FACTOR;
        why |= CONCEDED;
      } else if (contrasted) {
        f *= CONTRAST_FACTOR;
        why |= CONTRASTED;
      }
    }
    if (
      why & NEGATED &&
      ((claimDenied && (kinds & HARM_WORD || facts.main < 0)) ||
        (kinds & HARM_WORD && deniesOutright(tokens, reading.negatorAt.at(-1) ?? -1, clauseStart)))
    ) {
      // "No one was hurt", "No lives were lost", "There were no casualties": harm denied outright
      // is good news, as "all are safe" is, and so is a danger denied ("no sign that the water is
      // unsafe").
      assertExistence(reading, flags, factor, i);
      reading.ruleBase[i] = RELIEF_WEIGHT;
      reading.reliefAt.push(i);
      f /= NEGATION_FACTOR;
      why &= ~NEGATED;
    }
    factor[i] = f;
    flags[i] = why;
    if (
      judgedAt > clauseStart &&
      why & NEGATED &&
      (reading.negatorAt.at(-1) ?? -1) > judgedAt &&
      (reading.ruleBase[i] || facts.main) < 0 &&
      // "Unemployment is not rising": a change denied keeps its subject, the thing that did not change.
      !(kinds & CHANGE_CUE_WORD)
    ) {
      // "The injuries are not serious": the judgement denies what the subject's words would say.
      denySubject(reading, factor, clauseStart, judgedAt);
      judgedAt = -1;
    } else if (
      judgedAt > clauseStart &&
      reading.predicate[i] === 1 &&
      DEBUNKING.has(word) &&
      debunksWorry(tokens, reading, clauseStart, judgedAt, i)
    ) {
      // "Fears of a second wave proved unfounded": the judgement says the bad news is not so, and is
      // no bad news of its own. ("His optimism was misplaced" keeps its verdict.)
      denySubject(reading, factor, clauseStart, judgedAt);
      factor[i] = 0;
      reading.share[i] = 0;
      reading.counted[i] = 0;
      judgedAt = -1;
    }
    // A modifier is used up by the first word that carries sentiment.
    if (modifierLeft > 0 && facts.main !== 0) modifierLeft = 0;
    // "will not tolerate provocations": what is refused stays as bad as it is.
    if (negationLeft > 0 && ACCEPTANCE_VERBS.has(word)) {
      refusing = true;
      // "Our members will not accept another freeze": refusing is a stand against, whatever the object.
      if (REFUSALS.has(word)) weighAsStand(reading, factor, flags, i, reading.refusalAt);
    }
    // "He never showed any remorse", "no apology": withheld contrition is blame, not relief.
    if (negationLeft > 0 && CONTRITION.has(word))
      weighAsStand(reading, factor, flags, i, reading.unrepentantAt);
    const spoiled = kinds & SPOILER_WORD && negationLeft === 0 ? spoiledAt(tokens, i) : 0;
    if (spoiled > 0) {
      // "a missed opportunity": the good word after a spoiler reads as negated by it.
      negationLeft = spoiled + 1;
      reading.negations += 1;
      reading.negatorAt.push(i);
    }
    const claimStart = negationLeft > 0 ? deniedClaimStart(tokens, i) : -1;
    if (claimStart > i) {
      // "There is no evidence that the water is unsafe": what is denied is the claim, to its end.
      negationLeft = claimStart - i + DENIED_CLAIM_REACH + 1;
      claimDenied = true;
    }
    if (negationLeft > 0) negationLeft -= 1;
    // "no mercy to his victims": once the negation has turned a rated word, a preposition after it
    // opens what the word is for, which keeps its own sign ("no reasons for joy" turns joy: reasons
    // are unrated).
    if (negationLeft > 0 && (flags[i] ?? 0) & NEGATED && facts.main !== 0) turnedRated = true;
    if (negationLeft > 0 && turnedRated && opensNounPhrase(tokens, i + 1)) negationLeft = 0;
    if (negationLeft === 0) {
      refusing = false;
      turnedRated = false;
    }
    if (modifierLeft > 0) modifierLeft -= 1;
  }

  if (phraseEnds) reading.phraseEnds = phraseEnds;
  reading.changes = findChanges(tokens, reading.counted, reading.negated, reading.facts);
  for (const change of reading.changes) {
    change.share = reading.share[change.at] ?? 1;
    for (const k of [change.at, change.thing, change.described, change.manner]) {
      if (k < 0) continue;
      factor[k] = 0;
      // A change the speaker hedges or asks about ("might reduce waits") stays hedged or asked.
      flags[k] = CHANGED | ((flags[k] ?? 0) & (HEDGED | QUESTIONED));
      reading.share[k] = (reading.share[k] ?? 0) * CHANGE_SHARE;
    }
    // The change word weighs like a word as good or bad as the change: "fell" in "crime fell" is +2.
    const value = changeValue(reading, change, table);
    reading.ruleBase[change.at] = CHANGE_WEIGHT * value || 0;
    if (value < 0 && losesJobs(reading, change) && !reading.harmAt.includes(change.at)) {
      reading.harms += 1;
      reading.harmAt.push(change.at);
    }
    // "A sharp drop in road deaths" is good news, not a report of harm ("deaths rose" is both).
    for (const k of value > 0 ? [change.thing, change.described] : []) {
      const harm = k < 0 ? -1 : reading.harmAt.indexOf(k);
      if (harm < 0) continue;
      reading.harmAt.splice(harm, 1);
      reading.harms -= 1;
    }
    factor[change.at] = ((flags[change.at] ?? 0) & HEDGED) !== 0 ? HEDGE_FACTOR : 1;
  }
  for (const at of raisedAt) if (deniesOnlyBad(reading, at)) reading.releases += 1;
  sumUp(reading, statement, factor, flags, roles, withEvidence);
  reading.factor = factor;
  reading.flags = flags;
  return reading;
}

/** "What a triumph ...", "What an achievement ...": an exclamation opens the clause. */
function exclaims(tokens: Tokens, clauseStart: number): boolean {
  if (tokens.lower[clauseStart] !== 'what') return false;
  const article = tokens.lower[clauseStart + 1];
  return article === 'a' || article === 'an';
}

/**
 * Whether the raised negator at `at` ("I don't think it is useless") turns bad words only: then it
 * is a denial of bad news, and the "not" weighs nothing of its own, as "cleared of" does not.
 */
function deniesOnlyBad(reading: Reading, at: number): boolean {
  const next = reading.negatorAt.find((k) => k > at) ?? reading.negated.length;
  let bad = false;
  for (let i = at + 1; i < next; i += 1) {
    if (reading.negated[i] !== 1) continue;
    const main = reading.facts[i]?.main ?? 0;
    if (main > 0) return false;
    if (main < 0) bad = true;
  }
  return bad;
}

/**
 * Flags the words in brackets, before the rules run, storing every token's flag. Set only where the
 * rules' loop met a bracket, as few statements do, the store had no type feedback when the engine
 * optimised the loop: the first bracket after that threw the optimised code away, and when a
 * loop-entry (OSR) compilation was pending then, the engine kept running the reading unoptimised,
 * about 20% slower for the rest of the process (one process in three on NYT dev).
 */
function markBracketed(tokens: Tokens, flags: Uint32Array): void {
  for (let i = 0; i < tokens.lower.length; i += 1)
    flags[i] = tokens.isWord[i] === true && tokens.bracketed[i] === true ? BRACKETED : 0;
}

/**
 * How far ahead of token i the good word it spoils is: right after it ("missed opportunity") or
 * after a determiner ("undermines the peace"); 0 when there is none ("missed the bus").
 */
function spoiledAt(tokens: Tokens, i: number): number {
  if ((tokens.facts[i + 1]?.main ?? 0) > 0) return 1;
  if (DETERMINERS.has(tokens.lower[i + 1] ?? '') && (tokens.facts[i + 2]?.main ?? 0) > 0) return 2;
  return 0;
}

/** The index after the last token of the cue starting at `at`: a multi-word cue's end, else at + 1. */
export function cueEnd(reading: Reading, at: number): number {
  return reading.phraseEnds.get(at) ?? at + 1;
}

/** Heads of a judgement that only point at their complement: "a recipe for disaster". */
const RELATIONAL_NOUNS: ReadonlySet<string> = new Set([
  'recipe',
  'cause',
  'source',
  'sign',
  'symbol',
  'example',
  'case',
  'matter',
  'reason',
  'kind',
  'sort',
  'type',
  'form',
]);
const COMPLEMENTS: ReadonlySet<string> = new Set(['for', 'of']);

const CAPTIVES: ReadonlySet<string> = new Set([
  'hostage',
  'hostages',
  'captive',
  'captives',
  'detainee',
  'detainees',
  'kidnapped',
  'abducted',
  'kidnap',
]);
// Weighed as "freed" is: good news, and the captivity around it the danger they came through.
const RESCUE = SAFE_OUTCOME_WORD | GOOD_NEWS_WORD;
// How far after a release its captives may be named ("released the two hostages").
const CAPTIVE_REACH = 4;

function freesCaptive(tokens: Tokens, clauseStart: number, i: number): boolean {
  const end = Math.min(tokens.lower.length, i + 1 + CAPTIVE_REACH);
  for (let k = clauseStart; k < end; k += 1) {
    if (k > i && !tokens.isWord[k]) break;
    if (CAPTIVES.has(tokens.lower[k] ?? '')) return true;
  }
  return false;
}

// Who holds an opinion before its verb: "I doubt", "we seriously doubt".
const OPINION_HOLDERS: ReadonlySet<string> = new Set([
  'i',
  'we',
  'they',
  'he',
  'she',
  'seriously',
  'strongly',
]);
const SUBJECT_NEGATORS: ReadonlySet<string> = new Set(['nothing', 'nobody', 'none', 'noone']);
/** How far a negative subject reaches: past a short subject phrase to its predicate. */
const SUBJECT_NEGATION_REACH = 8;

/**
 * The word's kinds in its context: "The hostages were released" is a rescue, though "released"
 * alone ("released a statement") is not; "could not" says what was impossible ("we could not stop
 * them", "I could not be happier"), no hedge, where "could" alone is one ("it could rain").
 */
function adjustedKinds(tokens: Tokens, i: number, kinds: number, clauseStart: number): number {
  if (kinds & RELEASE_WORD && freesCaptive(tokens, clauseStart, i)) return kinds | RESCUE;
  if (kinds & HEDGE_WORD && tokens.lower[i] === 'could' && INABILITY.has(tokens.lower[i + 1] ?? ''))
    return kinds & ~HEDGE_WORD;
  // "While there were setbacks, the project succeeded": opening a sentence before a comma, "while"
  // concedes as "although" does ("Prices rose while wages fell" only says when).
  if (
    tokens.lower[i] === 'while' &&
    (i === 0 || isSentenceEnd(tokens.lower[i - 1] ?? '')) &&
    commaAhead(tokens, i)
  )
    return kinds | CONCESSIVE_WORD;
  return kinds;
}

const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'on',
  'in',
  'at',
  'near',
  'beside',
  'opposite',
  'inside',
  'outside',
  'above',
  'below',
]);

/** A comma before the sentence ends. */
function commaAhead(tokens: Tokens, from: number): boolean {
  for (let k = from + 1; k < tokens.lower.length; k += 1) {
    const token = tokens.lower[k] ?? '';
    if (token === ',') return true;
    if (isSentenceEnd(token)) return false;
  }
  return false;
}
const INABILITY: ReadonlySet<string> = new Set(['not', 'never', 'hardly', 'barely', 'scarcely']);

// "nobody", "nothing", "no one": a negator that is the subject itself.
function isNegativeSubject(tokens: Tokens, at: number): boolean {
  const word = tokens.lower[at] ?? '';
  return SUBJECT_NEGATORS.has(word) || (word === 'no' && tokens.lower[at + 1] === 'one');
}

// Words after a clause-opening "no" that make an idiom, not a denied subject ("No wonder people
// were hurt", "No sooner had they left than two were killed").
const NO_IDIOMS: ReadonlySet<string> = new Set(['sooner', 'longer', 'doubt', 'wonder', 'way']);
// Verbs whose "no" denies an outcome outright: "caused no damage", "suffered no injuries".
const OUTCOME_VERBS: ReadonlySet<string> = new Set([
  'caused',
  'causes',
  'cause',
  'suffered',
  'sustained',
  'reported',
  'found',
]);
// What may stand between "there" and its "no": "There have been no", "There will be no".
const EXISTENTIAL_VERBS: ReadonlySet<string> = new Set([...BE_FORMS, 'has', 'have', 'had', 'will', 'would']);

// The verbs between an outright denial and the harm it denies are not what is denied: "will" in
// "No jobs will be lost" is no "will not".
function assertExistence(reading: Reading, flags: Uint32Array, factor: Float64Array, harmAt: number): void {
  const negator = reading.negatorAt.at(-1) ?? harmAt;
  // "suffered no injuries": the verb's own lean (what is suffered is bad) is what is denied.
  if (OUTCOME_VERBS.has(reading.tokens.lower[negator - 1] ?? '')) {
    reading.counted[negator - 1] = 0;
    reading.share[negator - 1] = 0;
    factor[negator - 1] = 0;
  }
  for (let k = negator + 1; k < harmAt; k += 1)
    if (EXISTENTIAL_VERBS.has(reading.tokens.lower[k] ?? '')) {
      reading.negated[k] = 0;
      flags[k] = (flags[k] ?? 0) & ~NEGATED;
    }
}

/**
 * A negator at `at` that denies its clause's subject or what the clause says exists, not just a
 * verb: "No lives were lost", "Not a single shot was fired", "There were no casualties".
 */
function deniesOutright(tokens: Tokens, at: number, clauseStart: number): boolean {
  if (isNegativeSubject(tokens, at)) return true;
  if (at < clauseStart) return false;
  const word = tokens.lower[at];
  const next = tokens.lower[at + 1] ?? '';
  if (at === clauseStart) {
    if (word === 'no') return tokens.isWord[at + 1] === true && !NO_IDIOMS.has(next);
    return word === 'not' && (next === 'one' || (next === 'a' && tokens.lower[at + 2] === 'single'));
  }
  if (word !== 'no') return false;
  // "The storm caused no damage", "The driver suffered no injuries".
  if (OUTCOME_VERBS.has(tokens.lower[at - 1] ?? '')) return true;
  let k = at - 1;
  while (k > clauseStart && EXISTENTIAL_VERBS.has(tokens.lower[k] ?? '')) k -= 1;
  return k < at - 1 && tokens.lower[k] === 'there';
}

// A topic opened by a noun ("a report on poverty") ends with its noun phrase: at most this many
// words after the preposition, and at the verb ("a study of patients has found ...").
const NOUN_TOPIC_REACH = 4;

/**
 * The index after the topic that the word at `i` opens, or -1. A verb of looking into something
 * ("investigating", "will examine") takes the rest of its clause; a noun of it ("inquiry",
 * "report", "book") only the noun phrase after "on", "about", "into" or "of". Either way the topic
 * ends at a verb of its own clause ("is", "has", "will") or a "that".
 */
function topicAfter(tokens: Tokens, i: number): number {
  const word = tokens.lower[i] ?? '';
  let from: number;
  let reach: number;
  if (ATTENTION_VERBS.has(word)) {
    from = i + 1;
    reach = tokens.lower.length;
  } else if (TOPIC_NOUNS.has(word) && TOPIC_PREPOSITIONS.has(tokens.lower[i + 1] ?? '')) {
    from = i + 2;
    reach = NOUN_TOPIC_REACH;
  } else return -1;
  let end = from;
  while (end < tokens.lower.length && end - from < reach) {
    const next = tokens.lower[end] ?? '';
    if (!tokens.isWord[end] || TOPIC_STOPS.has(next)) break;
    end += 1;
  }
  return end;
}

// How far a denied claim reaches after its "that": a short clause ("the water is unsafe to drink").
const DENIED_CLAIM_REACH = 8;

/**
 * Where the claim after a negated claim noun begins ("no evidence that | ...", "no reason to
 * believe | ..."), or -1 when the noun stands alone ("no evidence of wrongdoing" is turned as it is).
 */
function deniedClaimStart(tokens: Tokens, i: number): number {
  if (!CLAIM_NOUNS.has(tokens.lower[i] ?? '')) return -1;
  const next = tokens.lower[i + 1];
  if (next === 'that') return i + 2;
  // "no evidence of wrongdoing", "no sign of a leak": what there is no sign of is the claim.
  if (next === 'of' && !REASONS.has(tokens.lower[i] ?? '')) return i + 2;
  if (next !== 'to' || !BELIEF_VERBS.has(tokens.lower[i + 2] ?? '')) return -1;
  return tokens.lower[i + 3] === 'that' ? i + 4 : i + 3;
}

// Claim nouns that give grounds rather than show: "no reason of state" denies nothing it names.
const REASONS: ReadonlySet<string> = new Set(['reason', 'reasons', 'grounds']);

const NEGATION_STOPS: ReadonlySet<string> = new Set(['to', 'for', 'towards', 'toward', 'against', 'from']);

/** A preposition at token k opening a noun phrase ("to his victims"), not an infinitive ("to lose"). */
function opensNounPhrase(tokens: Tokens, k: number): boolean {
  return NEGATION_STOPS.has(tokens.lower[k] ?? '') && DETERMINERS.has(tokens.lower[k + 1] ?? '');
}

/** A negated word that takes a stand (a refusal, withheld contrition) weighs like a bad word, unturned. */
function weighAsStand(
  reading: Reading,
  factor: Float64Array,
  flags: Uint32Array,
  i: number,
  named: number[],
): void {
  reading.ruleBase[i] = REFUSAL_WEIGHT;
  factor[i] = 1;
  flags[i] = (flags[i] ?? 0) & ~NEGATED;
  // A stand is no relief, even where a denied claim made the word one ("no sign of remorse").
  if (reading.reliefAt.at(-1) === i) reading.reliefAt.pop();
  named.push(i);
}

/** Verbs that take someone and then "of" what they are freed from: "acquitted him of murder". */
const CLEARING_VERBS: ReadonlySet<string> = new Set([
  'cleared',
  'clears',
  'acquitted',
  'acquits',
  'absolved',
  'absolves',
  'exonerated',
  'exonerates',
]);
/** How many words of the one cleared may stand between the verb and "of". */
const CLEARED_REACH = 4;

/** The clearing verb a few words before the "of" at token i, in the same clause, or -1. */
function clearingVerbBefore(tokens: Tokens, i: number): number {
  for (let k = i - 2; k >= Math.max(0, i - 1 - CLEARED_REACH); k -= 1) {
    if (!tokens.isWord[k]) return -1;
    if (CLEARING_VERBS.has(tokens.lower[k] ?? '')) return k;
  }
  return -1;
}

/**
 * The last negator before token i was no negation ("could not be happier" says the most): it stops
 * counting as one, and the words between it and i read as unnegated.
 */
function undoNegation(reading: Reading, factor: Float64Array, flags: Uint32Array, i: number): void {
  const at = reading.negatorAt.pop();
  if (at === undefined) return;
  reading.negations -= 1;
  reading.share[at] = 0;
  flags[at] = 0;
  for (let k = at; k < i; k += 1) {
    reading.negated[k] = 0;
    if (((flags[k] ?? 0) & NEGATED) !== 0) {
      flags[k] = (flags[k] ?? 0) & ~NEGATED;
      factor[k] = (factor[k] ?? 0) / NEGATION_FACTOR;
    }
  }
}

/** Weighs every token by its lexicon weights and rule factor; builds the explanation in text order. */
function sumUp(
  reading: Reading,
  statement: string,
  factor: Float64Array,
  flags: Uint32Array,
  roles: (string | undefined)[],
  withEvidence: boolean,
): void {
  const tokens = reading.tokens;
  for (let i = 0; i < tokens.lower.length; i += 1) {
    const facts = reading.facts[i];
    if (facts === undefined) continue;
    const f = factor[i] ?? 0;
    const ruled = reading.ruleBase[i] ?? 0;
    // A rule's weight wins over the lexicon's: "fell" is no longer bad when crime fell.
    const base = ruled !== 0 ? ruled : facts.main;
    if (base !== 0) {
      // A word the rules silenced weighs 0, not -0.
      const weight = f === 0 ? 0 : base * f;
      if (weight > 0) reading.positive += weight;
      else reading.negative -= weight;
      const why = flags[i] ?? 0;
      if (why & NEGATED) {
        if (base > 0) reading.negatedPositive += base;
        else reading.negatedNegative -= base;
      }
      if (withEvidence) addEvidence(reading, statement, i, weight, why, roles[i]);
    }
    if (f === 0) continue;
    // Most words no secondary lexicon rates: their weights are all 0, so skip reading them.
    if (ruled === 0 && (facts.kinds & SECONDARY_RATED_WORD) === 0) continue;
    // secondaryBase inlined: this loop runs for every weighed token of every statement.
    for (let lexicon = 0; lexicon < SECONDARY_COUNT; lexicon += 1) {
      const weight = (ruled !== 0 ? ruled / AFINN_MAX : facts.secondaryWeight(lexicon)) * f;
      if (weight > 0) reading.secondaryPositive[lexicon] = (reading.secondaryPositive[lexicon] ?? 0) + weight;
      else if (weight < 0)
        reading.secondaryNegative[lexicon] = (reading.secondaryNegative[lexicon] ?? 0) - weight;
    }
  }
}

/** The lexicon weight of a judgement word no lexicon rates, from its word-table polarity (0: none). */
function judgementWeight(table: WordTable, facts: WordFacts, word: string): number {
  const row = table === WORD_TABLE ? facts.row : table.rowOf(word);
  const polarity = row < 0 ? 0 : (table.polarity[row] ?? 0);
  return Math.abs(polarity) >= JUDGEMENT_LEANS ? polarity * JUDGEMENT_POLARITY_SCALE : 0;
}

function addEvidence(
  reading: Reading,
  statement: string,
  i: number,
  weight: number,
  why: number,
  role: string | undefined,
): void {
  const tokens = reading.tokens;
  const rules: string[] = [];
  if (role) rules.push(role);
  for (const [bit, rule] of RULE_NAMES) if (why & bit) rules.push(rule);
  const start = tokens.start[i] ?? 0;
  reading.evidence.push({ text: statement.slice(start, tokens.end[i]), start, weight, rules });
}

/**
 * "have been trying", "has been able to": "been" here carries an activity or an ability, not a
 * judgement. An "-ing" word a lexicon rates ("has been disappointing") is still one.
 */
function goingOnAfter(tokens: Tokens, been: number): boolean {
  const next = tokens.lower[been + 1] ?? '';
  if (next === 'able' || next === 'unable') return true;
  return next.length > 4 && next.endsWith('ing') && (tokens.facts[been + 1]?.main ?? 0) === 0;
}

/** Whether a conjunction joins another clause between tokens `from` and `to`. */
function joinedBetween(tokens: Tokens, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k += 1) if (CLAUSE_WORDS.has(tokens.lower[k] ?? '')) return true;
  return false;
}

/** A harm phrase weighs like a clearly bad word in AFINN units ("fired" is -2). */
const HARM_WEIGHT = -2;
/** A refusal ("will not tolerate") or withheld contrition weighs like a clearly bad word, as a harm phrase does. */
const REFUSAL_WEIGHT = -2;
/**
 * A good-news phrase weighs like "good" (3), more than a harm phrase: good news has no rule feature
 * of its own, as harm has ("harms"). At 2, "Nobody was laid off" scored +0.15; at 3, +0.30.
 */
const RELIEF_WEIGHT = 3;
/**
 * A word of good news (GOOD_NEWS_WORDS) weighs like "outstanding" (5), for the same reason: at 3,
 * "Dozens of hostages were freed" scored +0.29 where "... were killed" scores -0.84; at 5, +0.48.
 */
const GOOD_NEWS_WEIGHT = 5;
// The secondary lexicons rate on -1..1, AFINN on -5..5.
const AFINN_MAX = 5;

/** Token `i`'s main-lexicon weight before the rules (a rule's weight when no lexicon rates it). */
export function mainBase(reading: Reading, i: number): number {
  const main = reading.facts[i]?.main ?? 0;
  const ruled = reading.ruleBase[i] ?? 0;
  return ruled !== 0 ? ruled : main;
}

/** Token `i`'s weight in secondary lexicon `lexicon` before the rules. */
export function secondaryBase(reading: Reading, i: number, lexicon: number): number {
  const ruled = reading.ruleBase[i] ?? 0;
  if (ruled !== 0) return ruled / AFINN_MAX;
  return reading.facts[i]?.secondaryWeight(lexicon) ?? 0;
}

const EMPTY_FACTORS = new Float64Array(0);
const NO_CHANGES: Change[] = [];
// Shared by readings without multi-word cues, most of them; a reading with one gets its own map.
const NO_PHRASES: ReadonlyMap<number, number> = new Map();
const EMPTY_FLAGS = new Uint32Array(0);

/** Most statements have no cue of a given tone: they share this empty list until one is found. */
const NO_CUES: readonly string[] = Object.freeze([]);

/** The per-token arrays a reading hands out. */
interface TokenArrays {
  negated: Uint8Array;
  counted: Uint8Array;
  share: Float64Array;
  predicate: Uint8Array;
  ruleBase: Float64Array;
  factor: Float64Array;
  flags: Uint32Array;
}

function ownArrays(count: number): TokenArrays {
  return {
    negated: new Uint8Array(count),
    counted: new Uint8Array(count),
    share: new Float64Array(count),
    predicate: new Uint8Array(count),
    ruleBase: new Float64Array(count),
    factor: new Float64Array(count),
    flags: new Uint32Array(count),
  };
}

// Scoring reads a statement, featurizes it and drops the reading: one set of arrays serves every call.
let scratchTokens: TokenArrays = ownArrays(SCRATCH_TOKENS);
// Views of the scratch arrays `count` tokens long, by `count`: made once per length, not per statement.
let scratchViews: (TokenArrays | undefined)[] = [];

function scratchArrays(count: number): TokenArrays {
  if (scratchTokens.negated.length < count) {
    scratchTokens = ownArrays(count * 2);
    scratchViews = [];
  }
  let views = scratchViews[count];
  if (views === undefined) {
    views = scratchViewsOf(count);
    scratchViews[count] = views;
  }
  views.negated.fill(0);
  views.counted.fill(0);
  views.share.fill(0);
  views.predicate.fill(0);
  views.ruleBase.fill(0);
  views.factor.fill(0);
  views.flags.fill(0);
  return views;
}

function scratchViewsOf(count: number): TokenArrays {
  const { negated, counted, share, predicate, ruleBase, factor, flags } = scratchTokens;
  return {
    negated: negated.subarray(0, count),
    counted: counted.subarray(0, count),
    share: share.subarray(0, count),
    predicate: predicate.subarray(0, count),
    ruleBase: ruleBase.subarray(0, count),
    factor: factor.subarray(0, count),
    flags: flags.subarray(0, count),
  };
}

function addCue(reading: Reading, tone: ToneName, text: string): void {
  const cues = reading.cues[tone];
  reading.cues[tone] = cues === NO_CUES ? [text] : [...cues, text];
}

/** "X, but Y": what came before the contrast in this sentence is conceded. */
function concede(
  factor: Float64Array,
  flags: Uint32Array,
  share: Float64Array,
  from: number,
  to: number,
): void {
  discount(factor, flags, share, from, to, CONCEDED_SHARE, CONCEDED_FACTOR, CONCEDED);
}

// "The injuries are not serious": the subject's bad words are what the judgement denies, so they
// count for nothing, in the lexicon weights and the word features alike.
function denySubject(reading: Reading, factor: Float64Array, from: number, to: number): void {
  // Nor are they a report of harm.
  const harms = reading.harmAt.length;
  reading.harmAt = reading.harmAt.filter((at) => at < from || at >= to);
  reading.harms -= harms - reading.harmAt.length;
  for (let k = from; k < to; k += 1) {
    const facts = reading.facts[k];
    if (facts === undefined || (facts.main >= 0 && facts.polarity >= 0 && (facts.kinds & HARM_WORD) === 0))
      continue;
    factor[k] = 0;
    reading.share[k] = 0;
    reading.counted[k] = 0;
  }
}

/** The clause's last negator when it stands right before the verb at `i` ("did not happen", "never came"), else -1. */
function negatorJustBefore(reading: Reading, clauseStart: number, i: number): number {
  const negator = reading.negatorAt.at(-1) ?? -1;
  return negator < clauseStart || negator < i - 2 ? -1 : negator;
}

// Coming, said of help or money: "help never came", "the money has not arrived".
const ARRIVAL_VERBS: ReadonlySet<string> = new Set(['come', 'came', 'arrive', 'arrived']);

/**
 * A subject of good things whose coming is denied right before the verb ("Help never came"): its
 * good words read as negated, as "no help came" would.
 */
function negateGoodSubject(
  reading: Reading,
  factor: Float64Array,
  flags: Uint32Array,
  clauseStart: number,
  i: number,
): void {
  const negator = negatorJustBefore(reading, clauseStart, i);
  if (negator < 0) return;
  for (let k = clauseStart; k < negator; k += 1) if ((reading.facts[k]?.main ?? 0) < 0) return;
  for (let k = clauseStart; k < negator; k += 1) {
    if ((reading.facts[k]?.main ?? 0) <= 0) continue;
    factor[k] = (factor[k] ?? 0) * NEGATION_FACTOR;
    flags[k] = (flags[k] ?? 0) | NEGATED;
    reading.negated[k] = 1;
  }
}

/**
 * Whether the verb of happening at `i` is denied right before it ("did not happen", "never
 * materialised") of a subject that names something bad: the subject is what did not come about.
 */
function deniesOccurrence(reading: Reading, clauseStart: number, i: number): boolean {
  const negator = negatorJustBefore(reading, clauseStart, i);
  // "has not happened yet" still may.
  if (negator < 0 || reading.tokens.lower[i + 1] === 'yet') return false;
  for (let k = clauseStart; k < negator; k += 1) {
    const facts = reading.facts[k];
    if (facts !== undefined && (facts.main < 0 || (facts.kinds & HARM_WORD) !== 0)) return true;
  }
  return false;
}

/**
 * Whether a debunking word at `i` judges a worry in the subject [from, judgedAt) right after its
 * verb ("the fears proved unfounded", "concerns ... are largely overblown"), not a noun it
 * describes later ("are pushing a false story").
 */
function debunksWorry(tokens: Tokens, reading: Reading, from: number, judgedAt: number, i: number): boolean {
  for (let k = judgedAt + 1; k < i; k += 1)
    if (!((reading.facts[k]?.kinds ?? 0) & MODIFIER_WORD || tokens.lower[k]?.endsWith('ly'))) return false;
  for (let k = from; k < judgedAt; k += 1) if (WORRIES.has(tokens.lower[k] ?? '')) return true;
  return false;
}

/** "X is a Y": the subject X's words count less, in the rules and in the word features. */
function judgeSubject(
  factor: Float64Array,
  flags: Uint32Array,
  share: Float64Array,
  from: number,
  to: number,
): void {
  discount(factor, flags, share, from, to, SUBJECT_SHARE, SUBJECT_FACTOR, SUBJECT);
}

// Scales the words in [from, to): their share of the word features always, their rule factor (and
// flag) where a rule weighs them at all.
function discount(
  factor: Float64Array,
  flags: Uint32Array,
  share: Float64Array,
  from: number,
  to: number,
  shareScale: number,
  factorScale: number,
  flag: number,
): void {
  for (let k = from; k < to; k += 1) {
    share[k] = (share[k] ?? 0) * shareScale;
    if (factor[k] === 0) continue;
    factor[k] = (factor[k] ?? 0) * factorScale;
    flags[k] = (flags[k] ?? 0) | flag;
  }
}

function collectCues(reading: Reading, statement: string, index: number, kinds: number): void {
  for (const [tone, bit] of CUE_KINDS) {
    if (kinds & bit) {
      addCue(reading, tone, statement.slice(reading.tokens.start[index], reading.tokens.end[index]));
    }
  }
}
