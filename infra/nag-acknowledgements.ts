// cdk-nag (AwsSolutions) findings that quote-tone accepts, each with the resource it applies to and
// why it is acceptable there. Everything else is fixed in the stack, not acknowledged.
// cdk-nag 3 reads acknowledgements from construct metadata and walks up the tree, so each one is
// placed on the narrowest construct that owns the finding.

import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';

/**
 * Acknowledge IAM5 for object grants limited to key prefixes (`<bucket ARN>/articles/*`). An object
 * ARN cannot name keys that do not exist yet, so a prefix wildcard is the narrowest grant S3 offers.
 *
 * @example
 * acknowledgePrefixGrants(analyzeRole, uploads, ['articles/']);
 */
export function acknowledgePrefixGrants(
  role: iam.IRole,
  bucket: s3.Bucket,
  prefixes: readonly string[],
): void {
  const bucketLogicalId = logicalIdOf(bucket);
  for (const prefix of prefixes) {
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${prefix}*]`,
      reason: `Applies to ${role.node.path}: object grant limited to the ${prefix} prefix of one bucket, the narrowest resource for objects written at run time.`,
    });
  }
}

/**
 * Acknowledge findings on resources the CDK creates for us (the bucket-notification helper
 * function) and the accepted gaps of the failure queue. The dashboard site acknowledges its own
 * (dashboard-acknowledgements.ts).
 *
 * @example
 * acknowledgeCdkHelpers(this, { failedEvents });
 */
export function acknowledgeCdkHelpers(stack: Stack, targets: { failedEvents: sqs.Queue }): void {
  const notificationsHandler = findChildStartingWith(stack, 'BucketNotificationsHandler');
  Validations.of(notificationsHandler).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      "Applies to the CDK's BucketNotificationsHandler role, which the CDK always gives this managed policy (CloudWatch Logs writes only); its s3:PutBucketNotification grant is already limited to the two notifying buckets.",
  });

  Validations.of(targets.failedEvents).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason:
      'Applies to the FailedEvents queue: it is the on-failure destination of both functions, the end of the line for failed events; a human re-drives it with quote-tone replay.',
  });
}

function findChildStartingWith(scope: IConstruct, prefix: string): IConstruct {
  const child = scope.node.children.find((c) => c.node.id.startsWith(prefix));
  if (!child) throw new Error(`Expected a construct whose id starts with "${prefix}" in ${scope.node.path}.`);
  return child;
}

function logicalIdOf(bucket: s3.Bucket): string {
  const resource = bucket.node.defaultChild;
  if (!CfnResource.isCfnResource(resource))
    throw new Error(`Expected ${bucket.node.path} to own a CfnBucket.`);
  return Stack.of(bucket).getLogicalId(resource);
}
