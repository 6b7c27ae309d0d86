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
 * 1, -1 or 0: the class whose probability, times e to its bias, is largest; ties go to the polar side.
 *
 * @example
 * decide({ positive: 0.3, negative: 0.1, neutral: 0.6 }, { positive: 0.8, negative: 0.8 }) // 1
 */
export function decide(probabilities: Probabilities, thresholds: Thresholds): 1 | -1 | 0 {
  const positive = probabilities.positive * Math.exp(thresholds.positive);
  const negative = probabilities.negative * Math.exp(thresholds.negative);
  if (positive >= negative && positive >= probabilities.neutral) return 1;
  if (negative >= probabilities.neutral) return -1;
  return 0;
}
