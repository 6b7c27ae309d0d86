// The shape every part of `npm run eval` returns, and the metrics the parts share.

/** One part of the evaluation: a printable table, its numbers, and the floors CI holds them to. */
export interface EvalPart {
  name: string;
  /** Human-readable table, printed as is. */
  table: string;
  metrics: Record<string, number>;
  /** CI fails when `metrics[key]` drops below `floors[key]`. */
  floors: Record<string, number>;
}

/**
 * Pearson correlation of two equally long series; 0 when either is constant.
 *
 * @example
 * pearson([1, 2, 3], [2, 4, 7]) // 0.99
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n === 0) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i += 1) {
    mx += (xs[i] ?? 0) / n;
    my += (ys[i] ?? 0) / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/**
 * Share of predictions equal to gold.
 *
 * @example
 * accuracy([1, 0, -1], [1, 0, 1]) // 0.667
 */
export function accuracy<T>(predicted: readonly T[], gold: readonly T[]): number {
  let right = 0;
  for (let i = 0; i < gold.length; i += 1) if (predicted[i] === gold[i]) right += 1;
  return gold.length ? right / gold.length : 0;
}

/**
 * Macro-averaged F1 over the given classes (a class never predicted nor gold scores 0).
 *
 * @example
 * macroF1([1, 0, -1], [1, 0, 1], [-1, 0, 1]) // 0.556
 */
export function macroF1<T>(predicted: readonly T[], gold: readonly T[], classes: readonly T[]): number {
  const perClass = classF1(predicted, gold, classes);
  return perClass.length ? perClass.reduce((sum, f1) => sum + f1, 0) / perClass.length : 0;
}

/**
 * F1 of each class, in the order given (a class never predicted nor gold scores 0).
 *
 * @example
 * classF1([1, 0, -1], [1, 0, 1], [-1, 0, 1]) // [0, 1, 0.667]
 */
export function classF1<T>(predicted: readonly T[], gold: readonly T[], classes: readonly T[]): number[] {
  const scores: number[] = [];
  for (const label of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i += 1) {
      if (predicted[i] === label && gold[i] === label) tp += 1;
      else if (predicted[i] === label) fp += 1;
      else if (gold[i] === label) fn += 1;
    }
    scores.push(tp ? (2 * tp) / (2 * tp + fp + fn) : 0);
  }
  return scores;
}
