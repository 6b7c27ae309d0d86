import { decide } from './tone/decision.ts';
import { createFeatureBuffer, type FeatureBuffer, featurize } from './tone/features.ts';
import { predict, THRESHOLDS } from './tone/model.ts';
import { type Reading, readStatement } from './tone/read-statement.ts';
import { WORD_TABLE } from './tone/word-table.ts';
import type { Tone, ToneEvidence, ToneLabel, ToneName, ToneScore } from './types.ts';

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
const TONE_ORDER: readonly ToneName[] = ['tentative', 'confident', 'grave', 'conciliatory', 'adversarial'];
// A word the lexicons do not rate joins the explanation when the word table's polarity for it is at
// least this strong ("blunder" -0.23, "admirable" 0.23; "table" 0.06 and "the" 0.02 stay out).
const INFERRED_MIN_POLARITY = 0.15;
// Explanation weights are in AFINN units (-5..5); table polarities are on -1..1.
const AFINN_SCALE = 5;

// One buffer for every call: scoring is synchronous, so calls never share it at the same time.
const FEATURES = createFeatureBuffer();

/**
 * Scores how one statement sounds: rules over AFINN-165 and news lexicons (negation, intensifiers,
 * contrast, hedges, fillers, bracketed insertions), then a model fitted on news sentences
 * (`scripts/fit-tone.ts`). The explanation lists the words that moved the score in text order.
 *
 * @example
 * scoreTone('There are no reasons for joy, of course').label // 'negative'
 */
export function scoreTone(statement: string): ToneScore {
  const reading = readStatement(statement);
  const probabilities = predict(featurize(reading, FEATURES));
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
  const decided = decide(probabilities, THRESHOLDS);
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
  const tones: Tone[] = [];
  for (const name of TONE_ORDER) {
    const cues = reading.cues[name];
    if (cues.length === 0) continue;
    const evidence = [...new Set(cues)];
    tones.push({ name, strength: 1 - (1 - TONE_CUE_STRENGTH) ** cues.length, evidence });
  }
  tones.sort((a, b) => b.strength - a.strength);
  return {
    label,
    score,
    confidence,
    intensity: 1 - Math.exp(-(reading.positive + reading.negative) / INTENSITY_SCALE),
    tones,
    explanation: explain(reading, FEATURES),
  };
}

/**
 * The lexicon words the rules weighed, plus the words only the word table rates (rule "inferred"):
 * without them "It was a blunder" would read negative with nothing to show why.
 */
function explain(reading: Reading, features: FeatureBuffer): ToneEvidence[] {
  const inferred: ToneEvidence[] = [];
  const { tokens } = reading;
  for (let i = 0; i < tokens.lower.length; i += 1) {
    const row = features.tokenRows[i] ?? -1;
    if (row < 0 || (reading.facts[i]?.main ?? 0) !== 0) continue;
    const polarity = WORD_TABLE.polarity[row] ?? 0;
    if (Math.abs(polarity) < INFERRED_MIN_POLARITY) continue;
    const negated = reading.negated[i] === 1;
    const start = tokens.start[i] ?? 0;
    inferred.push({
      text: reading.statement.slice(start, tokens.end[i]),
      start,
      weight: Math.round((negated ? -polarity : polarity) * AFINN_SCALE * 100) / 100,
      rules: negated ? ['inferred', 'negated'] : ['inferred'],
    });
  }
  if (inferred.length === 0) return reading.evidence;
  return [...reading.evidence, ...inferred].sort((a, b) => a.start - b.start);
}

function clamp(value: number): number {
  return Math.max(-1, Math.min(1, value));
}
