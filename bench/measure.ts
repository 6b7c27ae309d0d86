// Timing helpers: repeat work until enough time has passed for the clock and the JIT to settle.

export interface Timing {
  /** How many times the work ran. */
  runs: number;
  /** Total wall time of those runs, in milliseconds. */
  ms: number;
  /**
   * CPU time of this process over those runs, in milliseconds: on a machine other work shares,
   * runs per CPU-second is the fair single-core rate (it includes V8's helper threads, so it errs low).
   */
  cpuMs: number;
}

/**
 * Runs `work` once to warm up, then repeatedly until at least `minMs` have passed (always at
 * least once more), and returns the count and the time taken.
 *
 * @example
 * const { runs, ms } = repeatFor(() => scoreAll(sentences), 1000)
 */
export function repeatFor(work: () => void, minMs: number, warmUp = true): Timing {
  if (warmUp) work();
  let runs = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  let elapsed = 0;
  do {
    work();
    runs++;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  return { runs, ms: elapsed, cpuMs: cpuMsSince(cpuStarted) };
}

/** CPU milliseconds (user and system) of this process since `started` (a process.cpuUsage()). */
export function cpuMsSince(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** @example median([3, 1, 2]) // 2 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export const KB = 1000;
export const MB = 1000 * KB;
