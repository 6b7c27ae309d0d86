import { WriteConflictError } from '../lib/object-store.ts';
import { PipelineError } from '../lib/pipeline-error.ts';

// A writer whose conditional write to an index file is refused re-reads at once: the refusal means
// the other writer has finished. Writers that keep losing wait a random time before re-reading, so
// they stop colliding: "full jitter" (a uniform delay up to an exponentially growing cap) spreads
// them best (AWS Architecture Blog, "Exponential Backoff and Jitter").

// In a bulk drop the index changes every few tens of milliseconds and fresh writers (no backoff)
// keep arriving, so an unlucky writer can lose many rounds in a row (measured locally with 100
// articles dropped at once: up to 10). Twenty rounds make that vanishingly rare; on AWS a writer
// that still loses fails its event, which Lambda retries.
export const MAX_ATTEMPTS = 20;
// About one read-modify-write of the index against S3: a smaller wait just loses the next round.
export const BASE_DELAY_MS = 25;
// Caps the wait so all attempts stay inside the function's 30 s timeout (worst case about 15 s of
// waiting, on average half that).
export const MAX_DELAY_MS = 1_000;

export interface RetryOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** 0 <= x < 1; injectable so tests are deterministic. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The index file kept changing under this writer for every allowed attempt. */
export class IndexContentionError extends PipelineError {
  override readonly code = 'INDEX_CONTENTION';

  constructor(attempts: number, options?: ErrorOptions) {
    super(
      `Expected a conditional index write to succeed within ${attempts} attempts, but each one conflicted.`,
      options,
    );
    this.name = 'IndexContentionError';
  }
}

/**
 * Runs `attempt` (a whole read-modify-conditional-write) until it does not throw WriteConflictError,
 * retrying at once the first time, then after a jittered, growing delay. Other errors pass through.
 *
 * @example
 * const { value, attempts } = await retryOnConflict(() => updateOnce())
 */
export async function retryOnConflict<T>(
  attempt: () => Promise<T>,
  options: RetryOptions = {},
): Promise<{ value: T; attempts: number }> {
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const base = options.baseDelayMs ?? BASE_DELAY_MS;
  const cap = options.maxDelayMs ?? MAX_DELAY_MS;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempts = 1; ; attempts += 1) {
    try {
      return { value: await attempt(), attempts };
    } catch (error) {
      if (!(error instanceof WriteConflictError)) throw error;
      if (attempts >= maxAttempts) throw new IndexContentionError(attempts, { cause: error });
      if (attempts > 1) await sleep(random() * Math.min(cap, base * 2 ** (attempts - 2)));
    }
  }
}
