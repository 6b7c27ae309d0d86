import { DOUBTS } from './tone/cues.ts';
import { decide } from './tone/decision.ts';
import { explain } from './tone/explain.ts';
import { createFeatureBuffer, featurize } from './tone/features.ts';
import { predict, THRESHOLDS } from './tone/model.ts';
import { cueEnd, type Reading, RULE, readStatement } from './tone/read-statement.ts';
import type { Tone, ToneLabel, ToneName, ToneScore } from './types.ts';

// Mixed needs sentiment words of both signs summing to at least this much each (AFINN units: one
// clear word like "good" or "bad" is 3, so one such word on each side is not enough). At 2, NYT dev
// had 25 statements called mixed, of which people rated 20 clearly positive or negative.
const MIXED_MIN_EVIDENCE = 4;
// A statement the model reads as clearly positive or negative is called mixed only when its
// strong words of each sign nearly cancel out (the weaker side at least this share of the other).
const MIXED_OVER_POLAR = 0.8;
// Total rule-weighted sentiment at which intensity reaches 1 - 1/e: two strong words.
const INTENSITY_SCALE = 6;
// Each further cue of a tone closes this share of the remaining distance to strength 1.
const TONE_CUE_STRENGTH = 0.5;
const LABELS: readonly ToneLabel[] = ['positive', 'negative', 'neutral', 'mixed'];
const TONE_ORDER: readonly ToneName[] = ['tentative', 'confident', 'grave', 'conciliatory', 'adversarial'];
// Reported numbers carry this many decimals: enough to rank quotes, no 1.7999999999999998.
const DECIMALS = 3;

// One buffer for every call: scoring is synchronous, so calls never share it at the same time.
const FEATURES = createFeatureBuffer();

/**
 * Scores how one statement sounds: rules over AFINN-165 and news lexicons (negation, intensifiers,
 * contrast, hedges, fillers, bracketed insertions), then a model fitted on news sentences
 * (`scripts/fit-tone.ts`). The explanation lists, in text order, the words that moved the score with
 * their contributions; with the baseline and the small rest they sum to the score.
 *
 * @example
 * scoreTone('There are no reasons for joy, of course').label // 'negative'
 */
export function scoreTone(statement: string): ToneScore {
  const { reading, features, probabilities, score, confidence, label } = decideTone(statement);
  const tones: Tone[] = [];
  for (const name of TONE_ORDER) {
    const cues = reading.cues[name];
    if (cues.length === 0) continue;
    const evidence = [...new Set(cues)];
    tones.push({ name, strength: round(1 - (1 - TONE_CUE_STRENGTH) ** cues.length), evidence });
  }
  tones.sort((a, b) => b.strength - a.strength);
  const explanation = explain(reading, features, score, probabilities.positive);
  return {
    label,
    score: round(score),
    confidence: roundedShares(confidence),
    intensity: round(1 - Math.exp(-(reading.positive + reading.negative) / INTENSITY_SCALE)),
    tones,
    explanation: explanation.parts,
    baseline: explanation.baseline,
    otherWords: explanation.otherWords,
  };
}

/**
 * Only the label and score of a statement, without tones or explanation: what `quote-tone score`
 * prints, at a fraction of the cost.
 *
 * @example
 * rateTone('The talks failed.') // { label: 'negative', score: -0.6 }
 */
export function rateTone(statement: string): { label: ToneLabel; score: number } {
  const { label, score } = decideTone(statement);
  return { label, score: round(score) };
}

function decideTone(statement: string) {
  // Neither caller reads the rules' evidence list: the explanation is built from the features.
  const reading = readStatement(statement, { evidence: false });
  const features = featurize(reading, FEATURES);
  const probabilities = predict(features);
  const score = clamp(probabilities.positive - probabilities.negative);
  // Strong words of both signs in balance make a statement mixed: the mixed share grows with the
  // balance and shrinks as the model grows sure of one side.
  const balanced =
    reading.positive >= MIXED_MIN_EVIDENCE && reading.negative >= MIXED_MIN_EVIDENCE
      ? Math.min(reading.positive, reading.negative) / Math.max(reading.positive, reading.negative)
      : 0;
  const mixed = balanced * (1 - Math.abs(score));
  const confidence: Record<ToneLabel, number> = {
    positive: probabilities.positive * (1 - mixed),
    negative: probabilities.negative * (1 - mixed),
    neutral: probabilities.neutral * (1 - mixed),
    mixed,
  };
  let decided = decide(probabilities, THRESHOLDS);
  if (decided > 0 && praiseOnlyHedged(reading)) decided = 0;
  const polar = decided !== 0;
  const label: ToneLabel =
    mixed > Math.max(confidence.positive, confidence.negative, confidence.neutral) &&
    (!polar || balanced >= MIXED_OVER_POLAR)
      ? 'mixed'
      : !polar
        ? 'neutral'
        : decided > 0
          ? 'positive'
          : 'negative';
  return { reading, features, probabilities, score, confidence, label };
}

/**
 * A hedge governs every word of praise ("It could turn out to be a success"): the speaker does not
 * commit, so the statement is not positive, however strong the words ("Maybe this will be a great
 * success"). The score keeps what the words say; the explanation names the hedge on each.
 */
function praiseOnlyHedged(reading: Reading): boolean {
  if (!reading.hedgeAt.some((at) => DOUBTS.has(cueText(reading, at)))) return false;
  let hedgedPraise = false;
  let hedgedWords = false;
  let ratedPraise = false;
  for (let i = 0; i < reading.facts.length; i += 1) {
    const facts = reading.facts[i];
    if (facts === undefined) continue;
    const flags = reading.flags[i] ?? 0;
    if ((flags & RULE.HEDGED) !== 0 && reading.counted[i] === 1) hedgedWords = true;
    const base = (reading.ruleBase[i] ?? 0) || facts.main;
    if (base * (reading.factor[i] ?? 0) <= 0) continue;
    ratedPraise = true;
    // "could not be happier" is emphasis, whatever "could" usually hedges.
    if ((flags & (RULE.HEDGED | RULE.QUESTIONED)) === 0 || (flags & RULE.EMPHASISED) !== 0) return false;
    hedgedPraise = true;
  }
  // No word a lexicon rates: the lean is the word features' ("might be convincing"), under the hedge.
  return ratedPraise ? hedgedPraise : hedgedWords;
}

function cueText(reading: Reading, at: number): string {
  return reading.tokens.lower.slice(at, cueEnd(reading, at)).join(' ');
}

function round(value: number): number {
  const factor = 10 ** DECIMALS;
  return Math.round(value * factor) / factor + 0;
}

/** Rounded shares that still sum to 1: the largest absorbs the rounding. */
function roundedShares(shares: Record<ToneLabel, number>): Record<ToneLabel, number> {
  const rounded = {
    positive: round(shares.positive),
    negative: round(shares.negative),
    neutral: round(shares.neutral),
    mixed: round(shares.mixed),
  };
  let largest: ToneLabel = 'positive';
  for (const label of LABELS) if (rounded[label] > rounded[largest]) largest = label;
  let others = 0;
  for (const label of LABELS) if (label !== largest) others += rounded[label];
  rounded[largest] = round(1 - others);
  return rounded;
}

function clamp(value: number): number {
  return Math.max(-1, Math.min(1, value));
}
