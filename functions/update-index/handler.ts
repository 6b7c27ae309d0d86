import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { requireEnv } from '../lib/config.ts';
import { objectStoreFromEnv } from '../lib/object-store.ts';
import { parseS3Event } from '../lib/s3-event.ts';
import { type IndexOutcome, type UpdateIndexConfig, updateIndex } from './update-index.ts';

const config: UpdateIndexConfig = { resultsBucket: requireEnv('RESULTS_BUCKET') };
const store = objectStoreFromEnv();
const logger = new Logger({ serviceName: 'update-index' });
const metrics = new Metrics({ namespace: 'QuoteTone', serviceName: 'update-index' });

/**
 * Report and error-record writes and deletes in, `index/` and `lake/` updated. Each record is
 * handled on its own; a failure is rethrown after the others so Lambda retries the event (safe:
 * an update that finds the index already right writes nothing).
 */
export async function handler(event: unknown, context?: { awsRequestId?: string }): Promise<IndexOutcome[]> {
  if (context?.awsRequestId) logger.appendKeys({ requestId: context.awsRequestId });
  const outcomes: IndexOutcome[] = [];
  let retryable: unknown;
  for (const record of parseS3Event(event).Records) {
    const startedAt = performance.now();
    try {
      const outcome = await updateIndex(store, config, record);
      outcomes.push(outcome);
      // Conflicts show how hot the index keys run; a steady climb argues for a single writer.
      metrics.addMetric('IndexWriteConflicts', MetricUnit.Count, outcome.attempts - 1);
      logger.info(outcome.status, {
        key: outcome.key,
        articleId: outcome.articleId,
        attempts: outcome.attempts,
        durationMs: Math.round(performance.now() - startedAt),
      });
    } catch (error) {
      retryable = error;
      metrics.addMetric('IndexFailures', MetricUnit.Count, 1);
      logger.error('failed', { key: record.s3.object.key, error: error as Error });
    }
  }
  metrics.publishStoredMetrics();
  if (retryable) throw retryable;
  return outcomes;
}
