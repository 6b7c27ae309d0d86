// Why a statement scored what it did, in parts that add up. The model is linear in its logits, so
// each word's (and each rule's) share of the positive-minus-negative logit is exact; the score
// (P(positive) - P(negative)) has the sign of that logit difference, so scaling every share by
// score / difference gives contributions in score units that sum to the score, each keeping its sign.
// Features that are not linear in the words (log of a sum) are shared out in proportion.
import type { ToneEvidence } from '../types.ts';
import { changeValue } from './changes.ts';
import { DENSE_FEATURES, type FeatureBuffer, judgementPolarity } from './features.ts';
import { SECONDARY_COUNT } from './lexicon.ts';
import { LOGIT_WEIGHTS } from './model.ts';
import { cueEnd, mainBase, type Reading, RULE, secondaryBase } from './read-statement.ts';
import { WORD_TABLE, type WordTable } from './word-table.ts';

/** The explanation of one score: listed parts, the baseline and the small rest, summing to the score. */
interface Explanation {
  parts: ToneEvidence[];
  /** What the model says before reading any word (its bias and the statement's length). */
  baseline: number;
  /** The words too small to list (each under `LIST_MIN` in size), together. */
  otherWords: number;
}

/** A word is listed when its contribution is at least this large (score units). */
const LIST_MIN = 0.01;
/** Contributions are rounded to this many decimals; the baseline absorbs the rounding. */
const DECIMALS = 3;

const INDEX = Object.fromEntries(DENSE_FEATURES.map((name, k) => [name, k])) as Record<
  (typeof DENSE_FEATURES)[number],
  number
>;

/**
 * Splits `score` into per-word contributions, a baseline and the rest.
 *
 * @example
 * explain(reading, features, 0.42).parts.map((p) => p.text) // ['good', ...]
 */
export function explain(
  reading: Reading,
  features: FeatureBuffer,
  score: number,
  positiveProbability: number,
  table: WordTable = WORD_TABLE,
): Explanation {
  const count = reading.tokens.lower.length;
  const perToken = new Float64Array(count);
  const dense = features.dense;
  const w = logitWeight;
  let baseline =
    (LOGIT_WEIGHTS.bias[0] ?? 0) -
    (LOGIT_WEIGHTS.bias[1] ?? 0) +
    w(INDEX.length) * (dense[INDEX.length] ?? 0);

  const norm = Math.sqrt(reading.words + 1);
  // Main lexicon: log sums shared out by weight, balance exactly.
  const values = scratch(count);
  for (let i = 0; i < count; i += 1) values[i] = mainBase(reading, i) * (reading.factor[i] ?? 0);
  shareLexicon(
    perToken,
    values,
    [w(INDEX.positive), w(INDEX.negative), w(INDEX.balance)],
    [dense[INDEX.positive] ?? 0, dense[INDEX.negative] ?? 0],
    norm,
  );
  for (let lexicon = 0; lexicon < SECONDARY_COUNT; lexicon += 1) {
    const at = INDEX.senticonPositive + lexicon * 3;
    for (let i = 0; i < count; i += 1)
      values[i] = secondaryBase(reading, i, lexicon) * (reading.factor[i] ?? 0);
    shareLexicon(perToken, values, [w(at), w(at + 1), w(at + 2)], [dense[at] ?? 0, dense[at + 1] ?? 0], norm);
  }
  // Rule counts go to the words that triggered them.
  baseline += spread(perToken, reading.hedgeAt, w(INDEX.tentative) * (dense[INDEX.tentative] ?? 0));
  baseline += spread(perToken, reading.negatorAt, w(INDEX.negations) * (dense[INDEX.negations] ?? 0));
  baseline += spread(perToken, reading.contrastAt, w(INDEX.contrasts) * (dense[INDEX.contrasts] ?? 0));
  baseline += spread(perToken, reading.harmAt, w(INDEX.harms) * (dense[INDEX.harms] ?? 0));
  baseline += spread(perToken, marks(reading, '!'), w(INDEX.exclamations) * (dense[INDEX.exclamations] ?? 0));
  baseline += spread(perToken, marks(reading, '?'), w(INDEX.questions) * (dense[INDEX.questions] ?? 0));
  // A change's features go to the words saying each change, in proportion to what each means.
  for (const [sign, k] of [
    [1, INDEX.improvements],
    [-1, INDEX.worsenings],
  ] as const) {
    const amount = w(k) * (dense[k] ?? 0);
    const values = reading.changes.map((change) => Math.max(0, sign * changeValue(reading, change, table)));
    const total = values.reduce((sum, value) => sum + value, 0);
    if (total === 0) baseline += amount;
    else
      reading.changes.forEach((change, c) => {
        perToken[change.at] = (perToken[change.at] ?? 0) + (amount * (values[c] ?? 0)) / total;
      });
  }
  // Negated lexicon weight: shared out over the negated words by their weight.
  for (const [sign, k] of [
    [1, INDEX.negatedPositive],
    [-1, INDEX.negatedNegative],
  ] as const) {
    let total = 0;
    for (let i = 0; i < count; i += 1) total += negatedWeight(reading, i, sign);
    const amount = w(k) * (dense[k] ?? 0);
    if (total === 0) baseline += amount;
    else
      for (let i = 0; i < count; i += 1)
        perToken[i] = (perToken[i] ?? 0) + (amount * negatedWeight(reading, i, sign)) / total;
  }
  // The word table: predicted polarity (as the induced features), and each word's logit share.
  const counted = Math.sqrt(features.hashedCount + 1);
  for (let i = 0; i < count; i += 1) values[i] = polarityAt(reading, features, table, i);
  const polarity = values;
  shareLexicon(
    perToken,
    values,
    [w(INDEX.inducedPositive), w(INDEX.inducedNegative), w(INDEX.inducedBalance)],
    [dense[INDEX.inducedPositive] ?? 0, dense[INDEX.inducedNegative] ?? 0],
    counted,
  );
  let strongest = -1;
  let weakest = -1;
  for (let i = 0; i < count; i += 1) {
    const value = polarity[i] ?? 0;
    if (value > 0 && (strongest < 0 || value > (polarity[strongest] ?? 0))) strongest = i;
    if (value < 0 && (weakest < 0 || value < (polarity[weakest] ?? 0))) weakest = i;
  }
  if (strongest >= 0)
    perToken[strongest] =
      (perToken[strongest] ?? 0) + w(INDEX.inducedStrongest) * (dense[INDEX.inducedStrongest] ?? 0);
  if (weakest >= 0)
    perToken[weakest] =
      (perToken[weakest] ?? 0) + w(INDEX.inducedWeakest) * (dense[INDEX.inducedWeakest] ?? 0);
  // The judgement of "X is a Y": its strongest and weakest word, as featurize() picks them.
  let judgedStrongest = -1;
  let judgedWeakest = -1;
  let strongestValue = 0;
  let weakestValue = 0;
  for (let i = 0; i < count; i += 1) {
    const row = features.tokenRows[i] ?? -1;
    if (row < 0 || reading.predicate[i] !== 1) continue;
    const value = judgementPolarity(reading, i, table.polarity[row] ?? 0);
    if (value > strongestValue) [judgedStrongest, strongestValue] = [i, value];
    if (value < weakestValue) [judgedWeakest, weakestValue] = [i, value];
  }
  for (const [at, k] of [
    [judgedStrongest, INDEX.judgementStrongest],
    [judgedWeakest, INDEX.judgementWeakest],
  ] as const) {
    const amount = w(k) * (dense[k] ?? 0);
    if (at >= 0) perToken[at] = (perToken[at] ?? 0) + amount;
    else baseline += amount;
  }
  const used = features.hashedCount;
  for (let i = 0; i < count; i += 1) {
    const row = features.tokenRows[i] ?? -1;
    if (row < 0 || reading.negated[i] === 1 || used === 0) continue;
    const share = reading.share[i] ?? 1;
    perToken[i] =
      (perToken[i] ?? 0) + (share * ((table.positive[row] ?? 0) - (table.negative[row] ?? 0))) / used;
  }
  for (let k = 0; k < features.hashedCount; k += 1) {
    const bucket = features.buckets[k] ?? 0;
    const token = features.bucketTokens[k] ?? 0;
    perToken[token] =
      (perToken[token] ?? 0) +
      ((LOGIT_WEIGHTS.hashed[0][bucket] ?? 0) - (LOGIT_WEIGHTS.hashed[1][bucket] ?? 0)) *
        (features.bucketValues[k] ?? 0);
  }

  // Logit units to score units.
  let difference = baseline;
  for (let i = 0; i < count; i += 1) difference += perToken[i] ?? 0;
  const scale = Math.abs(difference) > 1e-9 ? score / difference : positiveProbability;
  return list(reading, features, perToken, scale, score);
}

/** The weight of dense feature k on the logit difference. */
function logitWeight(k: number): number {
  return (LOGIT_WEIGHTS.dense[0][k] ?? 0) - (LOGIT_WEIGHTS.dense[1][k] ?? 0);
}

function polarityAt(reading: Reading, features: FeatureBuffer, table: WordTable, i: number): number {
  const row = features.tokenRows[i] ?? -1;
  if (row < 0) return 0;
  const value = table.polarity[row] ?? 0;
  return reading.negated[i] === 1 ? -value : value;
}

// Per-token values of one lexicon or column, reused across calls (scoring is synchronous).
let scratchValues = new Float64Array(256);
function scratch(count: number): Float64Array {
  if (scratchValues.length < count) scratchValues = new Float64Array(count * 2);
  scratchValues.fill(0, 0, count);
  return scratchValues;
}

function shareLexicon(
  perToken: Float64Array,
  weights: Float64Array,
  [wPositive, wNegative, wBalance]: readonly [number, number, number],
  [positiveFeature, negativeFeature]: readonly [number, number],
  norm: number,
): void {
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < perToken.length; i += 1) {
    const weight = weights[i] ?? 0;
    if (weight > 0) positive += weight;
    else negative -= weight;
  }
  if (positive === 0 && negative === 0) return;
  for (let i = 0; i < perToken.length; i += 1) {
    const weight = weights[i] ?? 0;
    if (weight === 0) continue;
    let part = (wBalance * weight) / norm;
    if (weight > 0) part += (wPositive * positiveFeature * weight) / positive;
    else part += (wNegative * negativeFeature * -weight) / negative;
    perToken[i] = (perToken[i] ?? 0) + part;
  }
}

/** Adds `amount` evenly over the tokens; returns what could not be placed (no tokens). */
function spread(perToken: Float64Array, at: readonly number[], amount: number): number {
  if (amount === 0) return 0;
  if (at.length === 0) return amount;
  for (const i of at) perToken[i] = (perToken[i] ?? 0) + amount / at.length;
  return 0;
}

function marks(reading: Reading, mark: string): number[] {
  const at = reading.tokens.lower.indexOf(mark);
  return at < 0 ? [] : [at];
}

function negatedWeight(reading: Reading, i: number, sign: 1 | -1): number {
  if (((reading.flags[i] ?? 0) & RULE.NEGATED) === 0) return 0;
  const base = mainBase(reading, i);
  return sign > 0 ? Math.max(0, base) : Math.max(0, -base);
}

/** The listed parts in text order, rounded, with the baseline absorbing the rounding. */
function list(
  reading: Reading,
  features: FeatureBuffer,
  perToken: Float64Array,
  scale: number,
  score: number,
): Explanation {
  const { tokens, statement } = reading;
  const parts: ToneEvidence[] = [];
  let otherWords = 0;
  let best = { index: -1, size: 0 };
  const sign = Math.sign(score);
  for (let i = 0; i < perToken.length; i += 1) {
    const contribution = (perToken[i] ?? 0) * scale;
    if (contribution === 0) continue;
    if (Math.abs(contribution) < LIST_MIN) {
      otherWords += contribution;
      if (Math.sign(contribution) === sign && Math.abs(contribution) > best.size)
        best = { index: i, size: Math.abs(contribution) };
      continue;
    }
    const start = tokens.start[i] ?? 0;
    parts.push({
      text: statement.slice(start, tokens.end[i]),
      start,
      weight: round(contribution),
      rules: ruleNames(reading, features, i),
    });
  }
  // A label is never shown with only drivers of the other sign: list the largest small driver of
  // the score's own sign when none made the cut.
  if (sign !== 0 && best.index >= 0 && !hasSign(parts, sign)) {
    const i = best.index;
    const contribution = (perToken[i] ?? 0) * scale;
    otherWords -= contribution;
    const start = tokens.start[i] ?? 0;
    parts.push({
      text: statement.slice(start, tokens.end[i]),
      start,
      weight: round(contribution),
      rules: ruleNames(reading, features, i),
    });
    parts.sort((a, b) => a.start - b.start);
  }
  const rest = round(otherWords);
  let listed = 0;
  for (const part of parts) listed += part.weight;
  // The parts sum to the score exactly before rounding, so the baseline is what remains: the model's
  // own term (times the same scale), plus what rounding the listed parts moved (under 0.001 each).
  return { parts, otherWords: rest, baseline: round(round(score) - listed - rest) };
}

/** Plain-word names of the rules that shaped how token `i` was read. */
function ruleNames(reading: Reading, features: FeatureBuffer, i: number): string[] {
  const flags = reading.flags[i] ?? 0;
  const names: string[] = [];
  if (reading.negatorAt.includes(i)) names.push('negation');
  if (reading.contrastAt.includes(i)) names.push('contrast');
  if (reading.hedgeAt.includes(i)) names.push('hedge');
  if (reading.harmAt.includes(i)) names.push('report of harm');
  if (reading.reliefAt.includes(i)) names.push('good news');
  if (reading.refusalAt.includes(i)) names.push('refusal');
  if (reading.unrepentantAt.includes(i)) names.push('no remorse');
  if (flags & RULE.NEGATED) names.push(`negated by '${wordAt(reading, before(reading.negatorAt, i))}'`);
  if (flags & RULE.INTENSIFIED) names.push(`strengthened by '${modifierBefore(reading, i)}'`);
  if (flags & RULE.DIMINISHED) names.push(`softened by '${modifierBefore(reading, i)}'`);
  if (flags & RULE.EMPHASISED) names.push('emphasised');
  // A hedge word is hedged by itself, not by a word before it: its own 'hedge' says so.
  const hedge = before(reading.hedgeAt, i);
  if (flags & RULE.HEDGED && hedge !== undefined) names.push(`hedged by '${wordAt(reading, hedge)}'`);
  if (flags & RULE.QUESTIONED) names.push('in an open question');
  if (flags & RULE.TOPIC) names.push(`topic of '${wordAt(reading, before(reading.topicAt, i))}'`);
  if (flags & RULE.SUBJECT) names.push('subject of a judgement');
  if (flags & RULE.CHANGED) names.push(changeName(reading, i));
  if (flags & RULE.CONCEDED) {
    const marker = after(reading.contrastAt, i) ?? before(reading.contrastAt, i);
    names.push(`conceded ('${wordAt(reading, marker)}')`);
  } else if (flags & RULE.CONTRASTED) names.push(`after '${wordAt(reading, before(reading.contrastAt, i))}'`);
  if (names.length === 0) {
    if ((reading.facts[i]?.main ?? 0) !== 0) names.push('sentiment lexicon');
    else if ((reading.ruleBase[i] ?? 0) !== 0 && reading.predicate[i] === 1)
      names.push('judgement, learned from similar words');
    else
      names.push(
        (features.tokenRows[i] ?? -1) >= 0 ? 'learned from similar words' : 'learned from training text',
      );
  }
  return names;
}

function hasSign(parts: readonly ToneEvidence[], sign: number): boolean {
  for (const part of parts) if (Math.sign(part.weight) === sign) return true;
  return false;
}

/** The word at token `at`, or the whole cue when a multi-word cue starts there ("far from"). */
function wordAt(reading: Reading, at: number | undefined): string {
  if (at === undefined) return '';
  const last = cueEnd(reading, at) - 1;
  return reading.statement.slice(reading.tokens.start[at], reading.tokens.end[last]);
}

/** The last of `at` before token i. */
function before(at: readonly number[], i: number): number | undefined {
  let found: number | undefined;
  for (const k of at) if (k < i) found = k;
  return found;
}

/** The first of `at` after token i. */
function after(at: readonly number[], i: number): number | undefined {
  for (const k of at) if (k > i) return k;
  return undefined;
}

/** The intensifier or softener a few words before token i. */
function modifierBefore(reading: Reading, i: number): string {
  for (let k = i - 1; k >= Math.max(0, i - 4); k -= 1)
    if ((reading.flags[k] ?? 0) & RULE.MODIFIER) return wordAt(reading, k);
  return 'a softener';
}

function round(value: number): number {
  const factor = 10 ** DECIMALS;
  return Math.round(value * factor) / factor + 0;
}

/** "unemployment fell: better": what a change word says, for the change's own word or its thing's. */
function changeName(reading: Reading, i: number): string {
  const change = reading.changes.find((c) => c.at === i || c.thing === i || c.described === i);
  if (change === undefined) return 'a change';
  const value = changeValue(reading, change, WORD_TABLE);
  const described = change.described >= 0 ? `${wordAt(reading, change.described)} ` : '';
  const thing = change.thing >= 0 ? `${described}${wordAt(reading, change.thing)}` : '';
  const verdict = value > 0 ? 'good news' : value < 0 ? 'bad news' : 'neither good nor bad';
  const word = wordAt(reading, change.at);
  if (change.thing < change.at) return `change: ${thing ? `${thing} ` : ''}${word}, ${verdict}`;
  // An object in text order: "tackle crime", "protect … unfair dismissal".
  const start = change.described >= 0 ? change.described : change.thing;
  return `change: ${word} ${start > change.at + 1 ? '… ' : ''}${thing}, ${verdict}`;
}
