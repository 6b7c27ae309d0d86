import { describe, expect, it } from 'vitest';
import { WriteConflictError } from '../../../functions/lib/object-store.ts';
import {
  BASE_DELAY_MS,
  IndexContentionError,
  MAX_ATTEMPTS,
  MAX_DELAY_MS,
  retryOnConflict,
} from '../../../functions/update-index/retry-on-conflict.ts';

describe('retryOnConflict', () => {
  it('retries a conflicting write until it succeeds: once at once, then after a jittered growing delay', async () => {
    const waits: number[] = [];
    let calls = 0;

    const result = await retryOnConflict(
      async () => {
        calls += 1;
        if (calls < 4) throw new WriteConflictError('results', 'index/articles.json');
        return 'written';
      },
      { random: () => 0.5, sleep: async (ms) => void waits.push(ms) },
    );

    expect(result).toEqual({ value: 'written', attempts: 4 });
    expect(waits).toEqual([0.5 * BASE_DELAY_MS, BASE_DELAY_MS]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts with the delays capped at ${MAX_DELAY_MS} ms`, async () => {
    const waits: number[] = [];

    const attempt = retryOnConflict(
      async () => {
        throw new WriteConflictError('results', 'index/articles.json');
      },
      { random: () => 0.999, sleep: async (ms) => void waits.push(ms) },
    );

    await expect(attempt).rejects.toBeInstanceOf(IndexContentionError);
    expect(waits).toHaveLength(MAX_ATTEMPTS - 2);
    expect(Math.max(...waits)).toBeLessThan(MAX_DELAY_MS);
  });

  it('passes any other error through at once', async () => {
    let calls = 0;

    const attempt = retryOnConflict(async () => {
      calls += 1;
      throw new Error('access denied');
    });

    await expect(attempt).rejects.toThrow('access denied');
    expect(calls).toBe(1);
  });
});
