import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TEXT_CLAIMS_PREFIX } from '../functions/analyze-article/text-claims.ts';
import { TOMBSTONES_PREFIX } from '../functions/analyze-article/tombstone.ts';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../shared/input-policy.ts';
import {
  INDEX_BATCH_SIZE,
  INDEX_BATCH_WINDOW_SECONDS,
  INDEX_MAX_CONCURRENCY,
  INDEX_MAX_RECEIVES,
} from '../shared/store/delivery.ts';
import {
  DASHBOARD_DATA_PREFIXES,
  ERRORS_PREFIX,
  INDEX_PREFIX,
  LAKE_PREFIX,
  REPORTS_PREFIX,
  UPLOAD_PREFIX,
} from '../shared/store/layout.ts';
import { LAKE_COLUMNS, LAKE_PARTITION } from '../shared/store/quote-lake.ts';
import { DashboardDistribution } from './dashboard-distribution.ts';
import { dashboardSettingsOf } from './dashboard-settings.ts';
import { acknowledgeCdkHelpers, acknowledgePrefixGrants } from './nag-acknowledgements.ts';
import { PipelineFunction } from './pipeline-function.ts';
import { accessLogBucket, failureQueue, secureBucket } from './secure-defaults.ts';

// Sized from `npm run bench`: analysis peaks at about 110 MB plus 60 MB per MB of text, so the
// largest article the input policy admits (5 MiB) peaks near 450 MB. 1,024 MB leaves headroom for
// the SDK and the report, and Lambda allots CPU in proportion to memory (analysis is CPU-bound:
// about 2 MB/s per full core), so a typical 5 KB article takes tens of milliseconds either way.
export const ANALYZE_MEMORY_MB = 1024;
// The worst admitted input (5 MiB of hostile HTML at 1-2.5 s per MB on a full core, about 0.6 of a
// core at this size) takes well under a minute; a timeout means a bug, not a big article.
export const ANALYZE_TIMEOUT = Duration.seconds(60);
// The input policy refuses larger objects from the event, before downloading them.
export const MAX_ARTICLE_BYTES = DEFAULT_MAX_ARTICLE_BYTES;

// Index updates read and write a batch's share of the bounded index (about 2 MB for 100 records,
// measured by `npm run bench -- --only index`), mostly waiting on S3.
export const UPDATE_INDEX_MEMORY_MB = 256;
// A full batch (INDEX_BATCH_SIZE) is about 19,000 S3 requests. Through the functions' S3 client
// the capped drop spends about 5.3 s of CPU per batch of 1,000 (53.4 s for the 10,000 drop), and a
// batch into a year of a 100,000-article store comes to about 5.6 s: some 39 s at this memory
// size's share of a vCPU (`npm run bench -- --only index`). Through the SDK client it used before, about
// 120 s; the timeout kept from then leaves room for S3 throttling and retries before a timeout
// redelivers the whole batch.
export const UPDATE_INDEX_TIMEOUT = Duration.seconds(240);
// AWS's advice for SQS event sources: a visibility timeout of at least six times the function
// timeout, so a message is not received again while a slow invocation (or its retries) still runs.
export const INDEX_QUEUE_VISIBILITY = Duration.seconds(UPDATE_INDEX_TIMEOUT.toSeconds() * 6);
// A message older than this means update-index is not keeping up (or is failing): alarm.
export const INDEX_QUEUE_AGE_ALARM = Duration.minutes(5);
// The dead-letter queue keeps failed index events as long as SQS allows, for a redrive.
const INDEX_DLQ_RETENTION = Duration.days(14);
// Results-bucket events update-index listens to, chosen on purpose: analyze writes reports and
// error records with PutObject (never Copy, POST or multipart) and deletes them on a versioned
// bucket, which creates a delete marker; a permanent delete of a version is ObjectRemoved:Delete.
// Anything else under reports/ or errors/ cannot change what the index should say.
export const INDEX_EVENT_TYPES = [
  s3.EventType.OBJECT_CREATED_PUT,
  s3.EventType.OBJECT_REMOVED_DELETE_MARKER_CREATED,
  s3.EventType.OBJECT_REMOVED_DELETE,
] as const;
// analyze-article gets no reserved concurrency: it writes one distinct key per article, so it has no
// hot spot to protect, and reserving capacity would only take it from the rest of the account.

// Partition projection computes dt partitions instead of listing them; the lake starts with quote-tone.
const LAKE_PROJECTION_START = '2026-01-01';
// Athena query results are scratch: a week is enough to download a result set again.
const ATHENA_RESULT_RETENTION = Duration.days(7);
// Reports, index and lake versions replaced by re-analysis stay recoverable for a month.
const RESULTS_NONCURRENT_RETENTION = Duration.days(30);
// Replaced article versions are kept for a quarter, so an overwritten article can be re-analysed.
const UPLOAD_NONCURRENT_RETENTION = Duration.days(90);
// A tombstone only has to outlive every event that could still announce the version it buries: an
// event can be replayed (`quote-tone replay`) while its article version exists, at most the upload
// bucket's noncurrent retention, so a week beyond that is safe; after it, only clutter.
export const TOMBSTONE_RETENTION = Duration.days(UPLOAD_NONCURRENT_RETENTION.toDays() + 7);

export const GLUE_DATABASE_NAME = 'quote_tone';
export const GLUE_TABLE_NAME = 'quotes';
export const ATHENA_WORKGROUP_NAME = 'quote-tone';

/**
 * quote-tone on AWS: articles dropped into the upload bucket become tone reports, a dashboard-ready
 * index and an Athena quote lake in the results bucket, served by CloudFront (see
 * dashboard-distribution.ts for who may read it).
 */
export class QuoteToneStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    // --- Storage -------------------------------------------------------------------------------
    const logBucket = accessLogBucket(this, 'AccessLogs');

    // Versioned because events depend on it: every event carries the version it announces, so the
    // analyzer can tell an overwrite from a duplicate and skip events older than its last report.
    const uploadBucket = secureBucket(this, 'Uploads', {
      serverAccessLogsBucket: logBucket,
      overrides: {
        versioned: true,
        lifecycleRules: [
          { id: 'expire-replaced-articles', noncurrentVersionExpiration: UPLOAD_NONCURRENT_RETENTION },
        ],
      },
    });

    // Reports go to a separate bucket so writing them can never re-trigger analysis.
    // Versioned so a bad deploy's reports, index and lake files can be rolled back.
    const resultsBucket = secureBucket(this, 'Results', {
      serverAccessLogsBucket: logBucket,
      overrides: {
        versioned: true,
        lifecycleRules: [
          { id: 'expire-replaced-results', noncurrentVersionExpiration: RESULTS_NONCURRENT_RETENTION },
          { id: 'expire-tombstones', prefix: TOMBSTONES_PREFIX, expiration: TOMBSTONE_RETENTION },
        ],
      },
    });

    // Analyses that failed every async retry, for `quote-tone replay` (update-index is fed by its
    // own queue, IndexQueue, with its own dead-letter queue).
    const failedEvents = failureQueue(this, 'FailedEvents');

    // --- Analysis: articles/ in the upload bucket -> reports/ or errors/ in the results bucket ----
    const analyze = new PipelineFunction(this, 'AnalyzeArticle', {
      entry: 'functions/analyze-article/handler.ts',
      memorySize: ANALYZE_MEMORY_MB,
      timeout: ANALYZE_TIMEOUT,
      environment: {
        RESULTS_BUCKET: resultsBucket.bucketName,
        MAX_ARTICLE_BYTES: String(MAX_ARTICLE_BYTES),
        POWERTOOLS_SERVICE_NAME: 'quote-tone-analyze',
        POWERTOOLS_METRICS_NAMESPACE: 'QuoteTone',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
      onFailure: failedEvents,
      htmlLibrariesApart: true,
    });
    // Read only the articles, write only its own prefixes. It reads its previous report to skip
    // duplicate and out-of-order events, and deletes a report when its article is deleted.
    // Listing keys makes a missing key a 404 (see listKeysOf).
    analyze.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [uploadBucket.arnForObjects(`${UPLOAD_PREFIX}*`)],
      }),
    );
    // Its results, tombstones of deleted articles (functions/analyze-article/result-writes.ts) and
    // claims on article texts (text-claims.ts); only reports/ and errors/ notify update-index.
    const ANALYZE_RESULT_PREFIXES = [REPORTS_PREFIX, ERRORS_PREFIX, TOMBSTONES_PREFIX, TEXT_CLAIMS_PREFIX];
    analyze.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: ANALYZE_RESULT_PREFIXES.map((prefix) => resultsBucket.arnForObjects(`${prefix}*`)),
      }),
    );
    analyze.role.addToPolicy(listKeysOf(uploadBucket, resultsBucket));
    acknowledgePrefixGrants(analyze.role, uploadBucket, [UPLOAD_PREFIX]);
    acknowledgePrefixGrants(analyze.role, resultsBucket, ANALYZE_RESULT_PREFIXES);
    // Everything under articles/, whatever its name: S3 suffix filters are case-sensitive and one
    // per notification, so filtering here silently dropped "Story.TXT" and "doc.pdf". The function
    // decides (any-case suffixes, content sniffing) and records a refusal as errors/<id>.json.
    // Deleting an article removes its results, so removals are delivered too.
    for (const event of [s3.EventType.OBJECT_CREATED, s3.EventType.OBJECT_REMOVED]) {
      uploadBucket.addEventNotification(event, new s3n.LambdaDestination(analyze.function), {
        prefix: UPLOAD_PREFIX,
      });
    }

    // --- Index: reports/ and errors/ -> index/ and lake/ in the same bucket ----------------------
    // Delivery: results-bucket events -> IndexQueue -> update-index in batches. A message that
    // fails INDEX_MAX_RECEIVES receives moves to IndexDeadLetters; both have alarms.
    const indexDeadLetters = new sqs.Queue(this, 'IndexDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: INDEX_DLQ_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const indexQueue = new sqs.Queue(this, 'IndexQueue', {
      // SQS-managed keys: S3 can send to the queue without a KMS key policy.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: INDEX_QUEUE_VISIBILITY,
      deadLetterQueue: { queue: indexDeadLetters, maxReceiveCount: INDEX_MAX_RECEIVES },
    });
    const updateIndex = new PipelineFunction(this, 'UpdateIndex', {
      entry: 'functions/update-index/handler.ts',
      memorySize: UPDATE_INDEX_MEMORY_MB,
      timeout: UPDATE_INDEX_TIMEOUT,
      environment: {
        RESULTS_BUCKET: resultsBucket.bucketName,
        POWERTOOLS_SERVICE_NAME: 'quote-tone-update-index',
        POWERTOOLS_METRICS_NAMESPACE: 'QuoteTone',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
    updateIndex.function.addEventSource(
      new SqsEventSource(indexQueue, {
        batchSize: INDEX_BATCH_SIZE,
        maxBatchingWindow: Duration.seconds(INDEX_BATCH_WINDOW_SECONDS),
        // The handler names only the failed messages; the rest of the batch is deleted.
        reportBatchItemFailures: true,
        // The event source's own cap (not reserved concurrency, which would throttle the pollers).
        maxConcurrency: INDEX_MAX_CONCURRENCY,
      }),
    );
    new cloudwatch.Alarm(this, 'IndexDeadLettersAlarm', {
      alarmDescription:
        'Index events failed every receive and wait in IndexDeadLetters; fix the cause, then redrive.',
      metric: indexDeadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    new cloudwatch.Alarm(this, 'IndexQueueAgeAlarm', {
      alarmDescription: 'Index events wait longer than expected: update-index is falling behind or failing.',
      metric: indexQueue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1) }),
      threshold: INDEX_QUEUE_AGE_ALARM.toSeconds(),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    updateIndex.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [
          resultsBucket.arnForObjects(`${REPORTS_PREFIX}*`),
          resultsBucket.arnForObjects(`${ERRORS_PREFIX}*`),
        ],
      }),
    );
    // Index files are replaced in place; entry markers move with their article (deleted from the old page).
    updateIndex.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [resultsBucket.arnForObjects(`${INDEX_PREFIX}*`)],
      }),
    );
    updateIndex.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [resultsBucket.arnForObjects(`${LAKE_PREFIX}*`)],
      }),
    );
    updateIndex.role.addToPolicy(listKeysOf(resultsBucket));
    acknowledgePrefixGrants(updateIndex.role, resultsBucket, [
      REPORTS_PREFIX,
      ERRORS_PREFIX,
      INDEX_PREFIX,
      LAKE_PREFIX,
    ]);
    // Only report and error writes and removals notify; the function's own index/ and lake/
    // writes cannot re-trigger it.
    for (const prefix of [REPORTS_PREFIX, ERRORS_PREFIX]) {
      for (const event of INDEX_EVENT_TYPES) {
        resultsBucket.addEventNotification(event, new s3n.SqsDestination(indexQueue), {
          prefix,
          suffix: '.json',
        });
      }
    }

    // --- Quote lake: Glue table over lake/quotes/, queried through an Athena workgroup ----------
    const database = new glue.CfnDatabase(this, 'LakeDatabase', {
      catalogId: this.account,
      databaseInput: { name: GLUE_DATABASE_NAME, description: 'quote-tone quote lake' },
    });
    const lakeLocation = `s3://${resultsBucket.bucketName}/${LAKE_PREFIX}`;
    const quotesTable = new glue.CfnTable(this, 'QuotesTable', {
      catalogId: this.account,
      databaseName: GLUE_DATABASE_NAME,
      tableInput: {
        name: GLUE_TABLE_NAME,
        description: 'One row per quote, from lake/quotes/dt=YYYY-MM-DD/<article id>.jsonl.gz',
        tableType: 'EXTERNAL_TABLE',
        partitionKeys: [{ name: LAKE_PARTITION.name, type: LAKE_PARTITION.type }],
        // Partition projection: Athena derives dt partitions from the query, so no crawler and no
        // MSCK REPAIR after each new day.
        parameters: {
          classification: 'json',
          'projection.enabled': 'true',
          [`projection.${LAKE_PARTITION.name}.type`]: 'date',
          [`projection.${LAKE_PARTITION.name}.format`]: 'yyyy-MM-dd',
          [`projection.${LAKE_PARTITION.name}.range`]: `${LAKE_PROJECTION_START},NOW`,
          [`projection.${LAKE_PARTITION.name}.interval`]: '1',
          [`projection.${LAKE_PARTITION.name}.interval.unit`]: 'DAYS',
          'storage.location.template': `${lakeLocation}${LAKE_PARTITION.name}=\${${LAKE_PARTITION.name}}/`,
        },
        storageDescriptor: {
          location: lakeLocation,
          columns: LAKE_COLUMNS.map(({ name, type }) => ({ name, type })),
          inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          serdeInfo: { serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' },
        },
      },
    });
    quotesTable.addResourceDependency(database);

    // Query results live in their own bucket, so Athena users need no write access to the results.
    const athenaResults = secureBucket(this, 'AthenaResults', {
      serverAccessLogsBucket: logBucket,
      overrides: { lifecycleRules: [{ id: 'expire-query-results', expiration: ATHENA_RESULT_RETENTION }] },
    });
    new athena.CfnWorkGroup(this, 'Workgroup', {
      name: ATHENA_WORKGROUP_NAME,
      description: 'Queries over the quote-tone quote lake',
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        // Enforced, so a client cannot send results elsewhere or unencrypted.
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        resultConfiguration: {
          outputLocation: `s3://${athenaResults.bucketName}/results/`,
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
        },
      },
    });

    // --- Dashboard: CloudFront over dashboard/ and the results' index/, reports/ and errors/ -----
    // Private (Cognito sign-in at the edge) unless deployed with -c dashboardAccess=public|none.
    const dashboardSettings = dashboardSettingsOf(this.node);
    if (dashboardSettings.access !== 'none') {
      new DashboardDistribution(this, 'DashboardSite', {
        settings: { ...dashboardSettings, access: dashboardSettings.access },
        resultsBucket,
        logBucket,
        dataPrefixes: DASHBOARD_DATA_PREFIXES,
      });
    }

    acknowledgeCdkHelpers(this, { failedEvents });

    new CfnOutput(this, 'UploadBucketName', {
      value: uploadBucket.bucketName,
      description: `Drop articles under ${UPLOAD_PREFIX}`,
    });
    new CfnOutput(this, 'ResultsBucketName', { value: resultsBucket.bucketName });
    new CfnOutput(this, 'IndexDeadLetterQueueUrl', {
      value: indexDeadLetters.queueUrl,
      description: 'Index events that failed every receive; redrive to IndexQueue once the cause is fixed',
    });
    new CfnOutput(this, 'FailureQueueUrl', {
      value: failedEvents.queueUrl,
      description: 'Events that failed after retries; re-drive with quote-tone replay',
    });
  }
}

/**
 * s3:ListBucket on whole buckets (key names, never contents). S3 answers a GetObject for a missing
 * key with 403 AccessDenied unless the caller may list the bucket, and both functions read keys that
 * may not exist yet (the first index, a previous report, a version deleted before it was analysed):
 * with this grant they get 404, which the object store reads as "not there", while a real
 * permission error still fails loudly. No s3:prefix condition: a GetObject request carries no prefix,
 * and AWS does not document that a prefix-conditioned grant counts for this check.
 */
function listKeysOf(...buckets: s3.IBucket[]): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: ['s3:ListBucket'],
    resources: buckets.map((bucket) => bucket.bucketArn),
  });
}
