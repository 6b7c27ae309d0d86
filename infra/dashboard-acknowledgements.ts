// cdk-nag (AwsSolutions) findings the dashboard site accepts, each on the narrowest construct that
// owns it and with the reason it is acceptable there (the rest of the stack's are in
// nag-acknowledgements.ts). Which ones apply depends on the access mode and the context settings.

import { Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { DashboardDistribution } from './dashboard-distribution.ts';
import type { DashboardSettings } from './dashboard-settings.ts';

/**
 * Acknowledge the dashboard site's accepted findings: the CDK's BucketDeployment helper, the
 * distribution's optional hardening that `settings` leaves off, and the edge function's runtime
 * and log grant.
 *
 * @example
 * acknowledgeDashboardFindings(this, settings);
 */
export function acknowledgeDashboardFindings(site: DashboardDistribution, settings: DashboardSettings): void {
  acknowledgeDeploymentHelper(Stack.of(site), site);

  const distribution = site.distribution;
  Validations.of(distribution).acknowledge(
    {
      id: 'AwsSolutions-CFR1',
      reason:
        'Applies to the dashboard distribution: newsroom analysts and researchers work from anywhere; access is decided by sign-in (private mode), not by geography.',
    },
    {
      id: '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      reason:
        "Applies to the dashboard distribution's results origin: the bucket is passed in as an imported reference on purpose, so the origin cannot grant CloudFront every object; the site grants it read on the data prefixes only.",
    },
  );
  if (settings.rateLimit === undefined) {
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        settings.access === 'private'
          ? 'Applies to the dashboard distribution in private mode: every request passes the Lambda@Edge sign-in check, and the site takes no input; a WAF rate limit (about $5/month plus rules) is available with -c dashboardRateLimit=N.'
          : 'Applies to the dashboard distribution in public mode, deployed on purpose: read-only GET/HEAD of static files and JSON, no input; a WAF rate limit (about $5/month plus rules) is available with -c dashboardRateLimit=N.',
    });
  }
  if (settings.domain === undefined) {
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'Applies to the dashboard distribution without a custom domain: the default *.cloudfront.net certificate has a security policy CloudFront fixes at TLSv1, and viewers are HTTPS-only. -c dashboardDomain with -c dashboardCertificateArn sets TLSv1.2_2021.',
    });
  }
}

/** The CDK BucketDeployment singleton (a stack-level helper) that copies dashboard/ at deploy time. */
function acknowledgeDeploymentHelper(stack: Stack, site: DashboardDistribution): void {
  // The bootstrap asset bucket's name carries the account and region: placeholders for an
  // environment-agnostic stack, literals when they are set.
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
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
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*]`,
      reason: deploymentReason(
        'reads the dashboard zip from the CDK bootstrap asset bucket, whose key is a content hash.',
      ),
    },
    {
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(site.bucket.node.defaultChild as never)}.Arn>/*]`,
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
}

function findChildStartingWith(scope: IConstruct, prefix: string): IConstruct {
  const child = scope.node.children.find((c) => c.node.id.startsWith(prefix));
  if (!child) throw new Error(`Expected a construct whose id starts with "${prefix}" in ${scope.node.path}.`);
  return child;
}
