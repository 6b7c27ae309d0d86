// The label decision: which of positive, negative and neutral a statement's class probabilities
// read as. The model learns the label shares of its training text (a third neutral); the texts users
// bring have their own (editorials: a fifth), so each polar class gets a fitted log-odds bias
// against neutral, the standard correction for such a prior shift. It beat a neutral cut on
// P(neutral) on NYT dev and kept the required "no reasons for joy" negative (see the commit).

/** Log-odds biases against neutral, fitted by `scripts/fit-tone.ts`. */
export interface Thresholds {
  positive: number;
  negative: number;
}

/** Class probabilities for one statement. */
export interface Probabilities {
  positive: number;
  negative: number;
  neutral: number;
}

/**
 * 1, -1 or 0: polar when either polar class, times e to its bias, is at least as probable as
 * neutral; then the side the statement leans to. The biases only decide polar against neutral, so
 * the label always has the sign of the score (P(positive) - P(negative)): a reader never sees
 * "negative +0.04".
 *
 * @example
 * decide({ positive: 0.3, negative: 0.1, neutral: 0.6 }, { positive: 0.8, negative: 0.8 }) // 1
 */
export function decide(probabilities: Probabilities, thresholds: Thresholds): 1 | -1 | 0 {
  const positive = probabilities.positive * Math.exp(thresholds.positive);
  const negative = probabilities.negative * Math.exp(thresholds.negative);
  if (Math.max(positive, negative) < probabilities.neutral) return 0;
  return probabilities.positive >= probabilities.negative ? 1 : -1;
}
