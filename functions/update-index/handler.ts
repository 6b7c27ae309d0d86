import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { QuoteToneError } from '../../shared/errors.ts';
import { requireEnv } from '../lib/config.ts';
import { objectStoreFromEnv } from '../lib/object-store.ts';
import { parseS3Event } from '../lib/s3-event.ts';
import { type IndexOutcome, type UpdateIndexConfig, updateIndexBatch } from './update-index.ts';

const config: UpdateIndexConfig = { resultsBucket: requireEnv('RESULTS_BUCKET') };
const store = objectStoreFromEnv();
const logger = new Logger({ serviceName: 'update-index' });
const metrics = new Metrics({ namespace: 'QuoteTone', serviceName: 'update-index' });

/** Some records of an event could not be indexed; the others were. Thrown so Lambda retries. */
export class IndexRecordsFailedError extends QuoteToneError {
  override readonly code = 'INDEX_RECORDS_FAILED';

  constructor(
    readonly failures: readonly { key: string; error: unknown }[],
    readonly outcomes: readonly IndexOutcome[],
  ) {
    const detail = failures.map(({ key, error }) => `${key}: ${String(error)}`).join('; ');
    super(`Expected every record of the event to be indexed, but ${failures.length} failed: ${detail}`, {
      cause: failures[0]?.error,
    });
    this.name = 'IndexRecordsFailedError';
  }
}

/**
 * Report and error-record writes and deletes in, `index/` and `lake/` updated. All records of the
 * event go into the index together (one conditional write per index file); a record that fails
 * does not hold back the others, and is rethrown after them so Lambda retries the event (safe: an
 * update that finds the index already right writes nothing). Returns one outcome per record, in
 * the event's order.
 */
export async function handler(event: unknown, context?: { awsRequestId?: string }): Promise<IndexOutcome[]> {
  if (context?.awsRequestId) logger.appendKeys({ requestId: context.awsRequestId });
  const records = parseS3Event(event).Records;
  const startedAt = performance.now();
  const results = await updateIndexBatch(store, config, records);
  const durationMs = Math.round(performance.now() - startedAt);
  const outcomes: IndexOutcome[] = [];
  const failures: { key: string; error: unknown }[] = [];
  for (const result of results) {
    if ('error' in result) {
      failures.push(result);
      logger.error('failed', { key: result.key, error: result.error as Error });
      continue;
    }
    const { outcome } = result;
    outcomes.push(outcome);
    logger.info(outcome.status, {
      key: outcome.key,
      articleId: outcome.articleId,
      attempts: outcome.attempts,
      batch: records.length,
      durationMs,
    });
  }
  // Conflicts show how hot the index keys run; a steady climb argues for a single writer.
  const attempts = outcomes[0]?.attempts ?? 1;
  metrics.addMetric('IndexWriteConflicts', MetricUnit.Count, attempts - 1);
  if (failures.length > 0) metrics.addMetric('IndexFailures', MetricUnit.Count, failures.length);
  metrics.publishStoredMetrics();
  if (failures.length > 0) throw new IndexRecordsFailedError(failures, outcomes);
  return outcomes;
}
