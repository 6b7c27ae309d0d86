import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../../shared/input-policy.ts';
import { intFromEnv, requireEnv } from '../lib/config.ts';
import { objectStoreFromEnv } from '../lib/object-store.ts';
import { parseS3Event } from '../lib/s3-event.ts';
import { withSourceStack } from '../lib/source-stack.ts';
import { type AnalyzeConfig, analyzeObject, type Outcome } from './analyze-object.ts';

const config: AnalyzeConfig = {
  resultsBucket: requireEnv('RESULTS_BUCKET'),
  maxArticleBytes: intFromEnv('MAX_ARTICLE_BYTES', DEFAULT_MAX_ARTICLE_BYTES),
};
const store = objectStoreFromEnv();
const logger = new Logger({ serviceName: 'analyze-article' });
const metrics = new Metrics({ namespace: 'QuoteTone', serviceName: 'analyze-article' });

/**
 * S3 event in, reports out. Each record is handled on its own so one bad article never blocks
 * the others; an S3 failure is rethrown after the rest are done so Lambda retries the event
 * (safe: repeated deliveries are recognised and skipped).
 */
export async function handler(event: unknown, context?: { awsRequestId?: string }): Promise<Outcome[]> {
  if (context?.awsRequestId) logger.appendKeys({ requestId: context.awsRequestId });
  const outcomes: Outcome[] = [];
  let retryable: unknown;
  for (const record of parseS3Event(event).Records) {
    const startedAt = performance.now();
    try {
      const outcome = await analyzeObject(store, config, record);
      outcomes.push(outcome);
      count(outcome);
      logger.info(outcome.status, {
        key: outcome.key,
        articleId: outcome.articleId,
        durationMs: Math.round(performance.now() - startedAt),
        ...(outcome.status === 'analysed' ? { quotes: outcome.quotes } : {}),
        ...(outcome.status === 'refused' ? { code: outcome.code, reason: outcome.reason } : {}),
        ...(outcome.status === 'skipped' ? { reason: outcome.reason } : {}),
      });
    } catch (error) {
      retryable = error;
      metrics.addMetric('Failures', MetricUnit.Count, 1);
      logger.error('failed', { key: record.s3.object.key, error: withSourceStack(error) as Error });
    }
  }
  metrics.publishStoredMetrics();
  if (retryable) throw retryable;
  return outcomes;
}

// One metric per outcome, so every invocation publishes something (an empty set only warns).
const METRIC_BY_STATUS = {
  analysed: 'ArticlesAnalysed',
  refused: 'ArticlesRefused',
  removed: 'ArticlesRemoved',
  skipped: 'EventsSkipped',
} as const satisfies Record<Outcome['status'], string>;

function count(outcome: Outcome): void {
  metrics.addMetric(METRIC_BY_STATUS[outcome.status], MetricUnit.Count, 1);
  if (outcome.status === 'analysed') metrics.addMetric('QuotesFound', MetricUnit.Count, outcome.quotes);
}
