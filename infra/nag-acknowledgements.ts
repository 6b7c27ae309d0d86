// cdk-nag (AwsSolutions) findings that quote-tone accepts, each with the resource it applies to and
// why it is acceptable there. Everything else is fixed in the stack, not acknowledged.
// cdk-nag 3 reads acknowledgements from construct metadata and walks up the tree, so each one is
// placed on the narrowest construct that owns the finding.

import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
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
 * Acknowledge findings on resources the CDK creates for us (the bucket-notification and
 * bucket-deployment helper functions) and the accepted gaps of the dashboard distribution and the
 * failure queue.
 *
 * @example
 * acknowledgeCdkHelpers(this, { distribution, failedEvents });
 */
export function acknowledgeCdkHelpers(
  stack: Stack,
  targets: { distribution: cloudfront.Distribution; dashboardBucket: s3.Bucket; failedEvents: sqs.Queue },
): void {
  const notificationsHandler = findChildStartingWith(stack, 'BucketNotificationsHandler');
  Validations.of(notificationsHandler).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      "Applies to the CDK's BucketNotificationsHandler role, which the CDK always gives this managed policy (CloudWatch Logs writes only); its s3:PutBucketNotification grant is already limited to the two notifying buckets.",
  });

  const deployment = findChildStartingWith(stack, 'Custom::CDKBucketDeployment');
  const deploymentReason = (what: string) =>
    `Applies to the CDK BucketDeployment helper that copies dashboard/ into the dashboard bucket at deploy time: ${what}`;
  Validations.of(deployment).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: deploymentReason(
        'the CDK attaches this managed policy (CloudWatch Logs writes only) and offers no way to replace it.',
      ),
    },
    ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: deploymentReason(
        `${action} is the CDK's grantRead/grantReadWrite action group, scoped to the CDK asset bucket and the dashboard bucket only.`,
      ),
    })),
    {
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      reason: deploymentReason(
        'reads the dashboard zip from the CDK bootstrap asset bucket, whose key is a content hash.',
      ),
    },
    {
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(targets.dashboardBucket)}.Arn>/*]`,
      reason: deploymentReason(
        'it syncs (and prunes) every object of the dashboard bucket, which holds only dashboard/.',
      ),
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: deploymentReason(
        'cloudfront:CreateInvalidation/GetInvalidation, which the CDK grants on * to invalidate the dashboard distribution after a deploy.',
      ),
    },
    {
      id: 'AwsSolutions-L1',
      reason: deploymentReason(
        'its Python runtime is pinned by aws-cdk-lib with its bundled AWS CLI layer; it runs only during deployments.',
      ),
    },
  );

  Validations.of(targets.distribution).acknowledge(
    {
      id: 'AwsSolutions-CFR1',
      reason:
        'Applies to the dashboard distribution: news readers and editors can be anywhere, and it serves only public-safe static files and tone reports; no geography is excluded.',
    },
    {
      id: 'AwsSolutions-CFR2',
      reason:
        'Applies to the dashboard distribution: read-only GET/HEAD of static files and JSON, no forms, no origin compute; a WAF web ACL (about $5/month plus rules) adds cost without a request it could block. Add one with webAclId if the dashboard ever takes input.',
    },
    {
      id: 'AwsSolutions-CFR4',
      reason:
        'Applies to the dashboard distribution: it uses the default *.cloudfront.net certificate, whose security policy CloudFront fixes at TLSv1; viewers are HTTPS-only. A custom domain with an ACM certificate (and TLSv1.2_2021) is the fix when the dashboard gets a domain name.',
    },
  );

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
