import Sentiment from 'sentiment';
import type { ToneLabel, ToneScore } from './types.ts';

const afinn = new Sentiment();
// AFINN words weigh -5..5; a statement's mean word weight rarely leaves -1..1, so scale by this.
const AFINN_SCALE = 5;
// |score| below this reads as neutral: one mildly positive word in a long sentence is not a tone.
const NEUTRAL_BAND = 0.05;

/**
 * Scores how one statement sounds. First honest version: AFINN-165 via `sentiment`.
 * The tone issue replaces it with negation, contrast, hedges and a fitted news model.
 *
 * @example
 * scoreTone('This is a great result').label // 'positive'
 */
export function scoreTone(statement: string): ToneScore {
  const result = afinn.analyze(statement);
  const score = clamp((result.comparative / AFINN_SCALE) * 2);
  const label: ToneLabel = score > NEUTRAL_BAND ? 'positive' : score < -NEUTRAL_BAND ? 'negative' : 'neutral';
  const strength = Math.min(1, Math.abs(score));
  const confidence: Record<ToneLabel, number> = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
  confidence[label] = 0.5 + strength / 2;
  confidence.neutral += label === 'neutral' ? 0 : 1 - confidence[label];
  if (label === 'neutral') confidence.positive = 1 - confidence.neutral;
  const lower = statement.toLowerCase();
  return {
    label,
    score,
    confidence,
    intensity: strength,
    tones: [],
    explanation: result.calculation
      .map((entry) => Object.entries(entry)[0])
      .filter((entry): entry is [string, number] => entry !== undefined)
      .map(([word, weight]) => ({ text: word, start: lower.indexOf(word), weight, rules: [] }))
      .sort((a, b) => a.start - b.start),
  };
}

function clamp(value: number): number {
  return Math.max(-1, Math.min(1, value));
}
