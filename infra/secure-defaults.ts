// The secure baseline every quote-tone bucket, queue and log group shares, in one place so the stack
// only states quote-tone's own choices (STYLE.md "Infra reads like a declaration"). Modelled on
// aws-solutions-constructs core/lib/s3-bucket-defaults.ts and its SQS defaults.

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

// Server access logs are for incident review; a quarter covers any review we would run.
const ACCESS_LOG_RETENTION = Duration.days(90);

// SQS's maximum: a failed event should wait for a human for as long as the service allows.
const FAILURE_RETENTION = Duration.days(14);

// Function logs older than a month are not read; keeping them costs money and leaks article text.
export const FUNCTION_LOG_RETENTION = logs.RetentionDays.ONE_MONTH;

/**
 * The settings every bucket gets, whatever it holds:
 * - all four Block Public Access switches on;
 * - a bucket policy that denies any request not made over TLS (`enforceSSL`), TLS 1.2 or newer;
 * - SSE-S3 encryption (AES-256; S3 server access logs and CloudFront OAC reads need no key grants);
 * - ACLs disabled (bucket owner enforced), unless the caller needs them (CloudFront standard logging);
 * - server access logs to `serverAccessLogsBucket` under `<id>/`, when one is given;
 * - RETAIN on stack deletion: articles, reports and logs outlive the stack.
 *
 * Callers add what is specific to the bucket (versioning, lifecycle) through `overrides`.
 *
 * @example
 * const uploads = secureBucket(this, 'Uploads', { serverAccessLogsBucket: logs, overrides: { versioned: true } });
 */
export function secureBucket(
  scope: Construct,
  id: string,
  options: { serverAccessLogsBucket?: s3.IBucket; overrides?: s3.BucketProps } = {},
): s3.Bucket {
  return new s3.Bucket(scope, id, {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    encryption: s3.BucketEncryption.S3_MANAGED,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
    ...(options.serverAccessLogsBucket
      ? { serverAccessLogsBucket: options.serverAccessLogsBucket, serverAccessLogsPrefix: `${id}/` }
      : {}),
    ...options.overrides,
  });
}

/**
 * The bucket that receives server access logs (and CloudFront standard logs). It cannot log to itself,
 * and CloudFront standard logging writes with ACLs, so object ownership is "bucket owner preferred".
 * Logs expire after ACCESS_LOG_RETENTION.
 *
 * @example
 * const logBucket = accessLogBucket(this, 'AccessLogs');
 */
export function accessLogBucket(scope: Construct, id: string): s3.Bucket {
  return secureBucket(scope, id, {
    overrides: {
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: ACCESS_LOG_RETENTION }],
    },
  });
}

/**
 * A queue that holds failed events for replay:
 * - SSE-SQS encryption (SQS-managed keys: the Lambda service can send to it without a KMS key
 *   grant, and nothing else reads it but quote-tone's replay command);
 * - a queue policy that denies any request not made over TLS (`enforceSSL`);
 * - 14-day retention, the SQS maximum;
 * - RETAIN on stack deletion, so failed events are not lost with the stack.
 *
 * @example
 * const failures = failureQueue(this, 'AnalyzeFailures');
 */
export function failureQueue(scope: Construct, id: string): sqs.Queue {
  return new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: FAILURE_RETENTION,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/**
 * A function's own log group with FUNCTION_LOG_RETENTION, destroyed with the stack (logs are
 * disposable, unlike articles and reports).
 *
 * @example
 * const analyzeLogs = functionLogGroup(this, 'AnalyzeLogs');
 */
export function functionLogGroup(scope: Construct, id: string): logs.LogGroup {
  return new logs.LogGroup(scope, id, {
    retention: FUNCTION_LOG_RETENTION,
    removalPolicy: RemovalPolicy.DESTROY,
  });
}
