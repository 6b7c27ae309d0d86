import { describeError, type ErrorContext } from './cli-errors.ts';
import { Progress } from './progress.ts';

// Parallel requests: enough to hide latency to S3 without flooding the embedded server.
const CONCURRENCY = 8;

export interface BatchResult {
  succeeded: number;
  /** Items that were tried and failed, each already reported on its own line. */
  failed: number;
  /** Items never tried because a failure that would repeat for all of them stopped the batch. */
  notTried: number;
}

/**
 * Runs `work` on every item, a few at a time, with a progress line; a failure is reported per
 * item ("COMMAND: ITEM: reason"), and one that would repeat for every item (no credentials, no
 * such bucket, server down) is reported once and stops the rest.
 *
 * @example await runBatch('drop', 'uploading', files, (f) => f.path, upload, target.context)
 */
export async function runBatch<T>(
  command: string,
  label: string,
  items: readonly T[],
  nameOf: (item: T) => string,
  work: (item: T) => Promise<void>,
  context: ErrorContext,
): Promise<BatchResult> {
  const progress = new Progress(items.length, label);
  const queue = [...items];
  let succeeded = 0;
  let failed = 0;
  let stopped = false;
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      try {
        await work(item);
        succeeded += 1;
        progress.tick(nameOf(item));
      } catch (error) {
        const described = describeError(error, context);
        if (described.fatal) {
          // The first fatal error is reported; the requests already in flight fail the same way.
          if (!stopped) progress.note(`quote-tone ${command}: ${described.message}`);
          stopped = true;
          queue.length = 0;
        } else {
          progress.note(`quote-tone ${command}: ${nameOf(item)}: ${described.message}`);
        }
        failed += 1;
        progress.tick(nameOf(item), false);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return { succeeded, failed, notTried: items.length - succeeded - failed };
}
