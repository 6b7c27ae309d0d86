// The label decision (shared/tone/decision.ts): log-odds biases for the polar classes, searched on
// a grid to maximise the weighted mean macro-F1 over sets the model did not fit.
import { decide, type Probabilities, type Thresholds } from '../../shared/tone/decision.ts';
import { macroF1 } from '../eval-part.ts';
import { round } from './numbers.ts';

const TERNARY = [-1, 0, 1] as const;
const BIAS_RANGE = 1;
const BIAS_STEP = 0.05;

/** A set of predictions with their ternary gold (-1, 0, 1). */
export interface Scored {
  scores: readonly number[];
  probabilities: readonly Probabilities[];
  gold: readonly number[];
  /** How much this set counts in the mean; 1 when absent. */
  weight?: number;
}

/** The biases that maximise the weighted mean macro-F1 over the given sets. */
export function bestDecision(...sets: readonly Scored[]): Thresholds & { f1: number } {
  let best = { positive: 0, negative: 0, f1: -1 };
  for (let positive = -BIAS_RANGE; positive <= BIAS_RANGE + 1e-9; positive += BIAS_STEP) {
    for (let negative = -BIAS_RANGE; negative <= BIAS_RANGE + 1e-9; negative += BIAS_STEP) {
      const thresholds = { positive, negative };
      let f1 = 0;
      let total = 0;
      for (const { probabilities, gold, weight = 1 } of sets) {
        f1 +=
          macroF1(
            probabilities.map((p) => decide(p, thresholds)),
            gold,
            TERNARY,
          ) * weight;
        total += weight;
      }
      f1 /= total;
      if (f1 > best.f1 + 1e-12) best = { positive: round(positive, 2), negative: round(negative, 2), f1 };
    }
  }
  return best;
}
