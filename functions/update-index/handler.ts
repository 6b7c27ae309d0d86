import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { requireEnv } from '../lib/config.ts';
import { objectStoreFromEnv } from '../lib/object-store.ts';
import { withSourceStack } from '../lib/source-stack.ts';
import { type SqsBatchResponse, s3RecordsOfSqsEvent } from '../lib/sqs-event.ts';
import { type IndexOutcome, type UpdateIndexConfig, updateIndexBatch } from './update-index.ts';

const config: UpdateIndexConfig = { resultsBucket: requireEnv('RESULTS_BUCKET') };
const store = objectStoreFromEnv();
const logger = new Logger({ serviceName: 'update-index' });
const metrics = new Metrics({ namespace: 'QuoteTone', serviceName: 'update-index' });

/** What one invocation did: outcomes of the indexed records, and the response Lambda reads. */
export interface UpdateIndexResponse extends SqsBatchResponse {
  outcomes: IndexOutcome[];
}

/**
 * A batch of queue messages (each one S3 notification for reports/ or errors/) in, the index
 * updated for all of them at once. Messages whose records could not be indexed are reported in
 * `batchItemFailures` (Lambda's partial batch response), so SQS redelivers only those and, after
 * the queue's maxReceiveCount, moves them to the dead-letter queue; the rest are deleted.
 */
export async function handler(
  event: unknown,
  context?: { awsRequestId?: string },
): Promise<UpdateIndexResponse> {
  if (context?.awsRequestId) logger.appendKeys({ requestId: context.awsRequestId });
  const { records, invalid } = s3RecordsOfSqsEvent(event);
  const failed = new Set<string>();
  for (const { messageId, reason } of invalid) {
    failed.add(messageId);
    logger.error('invalid message', { messageId, reason });
  }
  const startedAt = performance.now();
  const repaired: string[] = [];
  const results = await updateIndexBatch(
    store,
    config,
    records.map(({ record }) => record),
    repaired,
  );
  const durationMs = Math.round(performance.now() - startedAt);
  const outcomes: IndexOutcome[] = [];
  results.forEach((result, index) => {
    const messageId = records[index]?.messageId ?? '';
    if ('error' in result) {
      failed.add(messageId);
      logger.error('failed', { key: result.key, messageId, error: withSourceStack(result.error) as Error });
      return;
    }
    outcomes.push(result.outcome);
  });
  const changed = outcomes.filter((outcome) => outcome.status !== 'unchanged').length;
  logger.info('batch indexed', {
    records: records.length,
    changed,
    failed: failed.size,
    durationMs,
    repaired,
  });
  metrics.addMetric('IndexedRecords', MetricUnit.Count, records.length);
  metrics.addMetric(
    'IndexRetries',
    MetricUnit.Count,
    outcomes.reduce((sum, o) => sum + o.attempts - 1, 0),
  );
  metrics.addMetric('IndexFailures', MetricUnit.Count, failed.size);
  if (repaired.length > 0) metrics.addMetric('IndexFilesRepaired', MetricUnit.Count, repaired.length);
  metrics.publishStoredMetrics();
  return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })), outcomes };
}
