// The dashboard on AWS: dashboard/ in a private bucket and the results bucket's data prefixes,
// behind one CloudFront distribution. In `private` mode (the default) every behaviour runs the
// Cognito sign-in check at viewer request, before the cache, so no path is readable without a
// session; `public` leaves it out, on purpose. The stack creates none of this for `none`.
//
// Lambda@Edge functions and CloudFront web ACLs must be created in us-east-1. When the stack is
// in another region they go into a companion stack there (`<stack>DashboardEdge`), and CDK's
// cross-region references carry their ARNs back to this stack at deploy time.

import * as path from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps, Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { DASHBOARD_CSP } from '../shared/dashboard-csp.ts';
import { acknowledgeDashboardFindings } from './dashboard-acknowledgements.ts';
import { DashboardAuthFunction } from './dashboard-auth-function.ts';
import type { DashboardSettings } from './dashboard-settings.ts';
import { DashboardSignIn, dashboardAuthParameterName } from './dashboard-sign-in.ts';
import { PROJECT_ROOT } from './pipeline-function.ts';
import { secureBucket } from './secure-defaults.ts';

/** Lambda@Edge functions and CloudFront-scoped WAF web ACLs exist only in this region. */
export const EDGE_REGION = 'us-east-1';

// The index changes whenever an article is analysed. A few seconds of edge caching absorbs many
// readers polling at once; revalidation past that is a conditional GET to S3, and a viewer's own
// If-None-Match is answered from the edge with 304 when its copy is current. Reports and error
// records change only on re-analysis, so they share the policy. An origin Cache-Control (e.g. no-cache) is honoured
// between the minimum and maximum.
export const DATA_DEFAULT_TTL = Duration.seconds(5);
export const DATA_MAX_TTL = Duration.minutes(1);

// AWS WAF rate-based rules count requests per client IP over this window.
const RATE_LIMIT_WINDOW = Duration.minutes(5);

export interface DashboardDistributionProps {
  readonly settings: DashboardSettings & { readonly access: 'private' | 'public' };
  /** Holds the data the dashboard reads; CloudFront may read only `dataPrefixes` of it. */
  readonly resultsBucket: s3.Bucket;
  readonly logBucket: s3.IBucket;
  /** Key prefixes served from the results bucket, read-only: DASHBOARD_DATA_PREFIXES. */
  readonly dataPrefixes: readonly string[];
}

/**
 * The dashboard site: bucket, distribution, and in `private` mode the sign-in pool and edge check.
 *
 * @example
 * new DashboardDistribution(this, 'DashboardSite', { settings, resultsBucket, logBucket,
 *   dataPrefixes: DASHBOARD_DATA_PREFIXES });
 */
export class DashboardDistribution extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** Present in `private` mode only. */
  readonly signIn?: DashboardSignIn;
  readonly edgeCheck?: DashboardAuthFunction;

  constructor(scope: Construct, id: string, props: DashboardDistributionProps) {
    super(scope, id);
    const { settings } = props;
    const stack = Stack.of(this);
    const edgeScope = settings.access === 'private' || settings.rateLimit ? edgeScopeFor(this) : undefined;

    this.bucket = secureBucket(this, 'Dashboard', { serverAccessLogsBucket: props.logBucket });
    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'quote-tone dashboard: no inline script, no framing, HTTPS only',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: DASHBOARD_CSP, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    const dataCache = new cloudfront.CachePolicy(this, 'DataCache', {
      comment: 'quote-tone index, reports and error records: seconds at the edge, revalidated by ETag',
      defaultTtl: DATA_DEFAULT_TTL,
      minTtl: Duration.seconds(0),
      maxTtl: DATA_MAX_TTL,
      // Nothing from the viewer is part of the key: every signed-in reader sees the same data.
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    // Private: one check, on every behaviour (the default one for the dashboard files too).
    if (settings.access === 'private' && edgeScope) {
      this.edgeCheck = new DashboardAuthFunction(edgeScope, 'DashboardSignInCheck', {
        parameterName: dashboardAuthParameterName(stack),
        parameterRegion: stack.region,
        dataPrefixes: [...props.dataPrefixes],
      });
    }
    const edgeLambdas: cloudfront.EdgeLambda[] | undefined = this.edgeCheck
      ? [
          {
            functionVersion: this.edgeCheck.version,
            eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST,
          },
        ]
      : undefined;
    const webAcl =
      settings.rateLimit && edgeScope ? rateLimitWebAcl(edgeScope, settings.rateLimit) : undefined;

    // The results bucket is handed to CloudFront as an imported reference, so the origin cannot add
    // its default grant on every object; the grant below opens only the data prefixes.
    const resultsForCdn = s3.Bucket.fromBucketAttributes(this, 'ResultsForCdn', {
      bucketName: props.resultsBucket.bucketName,
      bucketArn: props.resultsBucket.bucketArn,
      bucketRegionalDomainName: props.resultsBucket.bucketRegionalDomainName,
    });
    const dataBehavior: cloudfront.BehaviorOptions = {
      origin: origins.S3BucketOrigin.withOriginAccessControl(resultsForCdn),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: dataCache,
      compress: true,
      responseHeadersPolicy: securityHeaders,
      edgeLambdas,
    };
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: `quote-tone dashboard (${settings.access})`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(settings.domain
        ? {
            domainNames: [settings.domain.name],
            certificate: acm.Certificate.fromCertificateArn(
              this,
              'Certificate',
              settings.domain.certificateArn,
            ),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      ...(webAcl ? { webAclId: webAcl.attrArn } : {}),
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        // Dashboard files change only on deploy, which invalidates them (DashboardFiles below).
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: securityHeaders,
        edgeLambdas,
      },
      additionalBehaviors: Object.fromEntries(
        props.dataPrefixes.map((prefix) => [`${prefix}*`, dataBehavior]),
      ),
    });
    props.resultsBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: props.dataPrefixes.map((prefix) => props.resultsBucket.arnForObjects(`${prefix}*`)),
        conditions: { StringEquals: { 'AWS:SourceArn': this.distribution.distributionArn } },
      }),
    );

    const host = settings.domain?.name ?? this.distribution.distributionDomainName;
    if (this.edgeCheck) {
      this.signIn = new DashboardSignIn(this, 'SignIn', {
        dashboardHost: host,
        ...(settings.signInDomainPrefix ? { domainPrefix: settings.signInDomainPrefix } : {}),
      });
    }

    new s3deploy.BucketDeployment(this, 'DashboardFiles', {
      sources: [s3deploy.Source.asset(path.join(PROJECT_ROOT, 'dashboard'))],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    acknowledgeDashboardFindings(this, settings);

    // Fixed output names, so the README and scripts can name them whatever the construct tree.
    new CfnOutput(stack, 'DashboardUrl', { value: `https://${host}/` }).overrideLogicalId('DashboardUrl');
    if (settings.domain) {
      new CfnOutput(stack, 'DashboardCdnHostName', {
        value: this.distribution.distributionDomainName,
        description: `Point ${settings.domain.name} here (DNS CNAME or Route 53 alias)`,
      }).overrideLogicalId('DashboardCdnHostName');
    }
    if (this.signIn) {
      new CfnOutput(stack, 'DashboardUserPoolId', {
        value: this.signIn.userPool.userPoolId,
        description: 'Add dashboard readers: aws cognito-idp admin-create-user --user-pool-id <this>',
      }).overrideLogicalId('DashboardUserPoolId');
    }
  }
}

/** A CloudFront web ACL that blocks a client IP past `limit` requests per RATE_LIMIT_WINDOW. */
function rateLimitWebAcl(scope: Construct, limit: number): wafv2.CfnWebACL {
  const metrics = (name: string) => ({
    cloudWatchMetricsEnabled: true,
    sampledRequestsEnabled: true,
    metricName: name,
  });
  return new wafv2.CfnWebACL(scope, 'DashboardRateLimit', {
    scope: 'CLOUDFRONT',
    description: `quote-tone dashboard: at most ${limit} requests per IP per ${RATE_LIMIT_WINDOW.toMinutes()} minutes`,
    defaultAction: { allow: {} },
    visibilityConfig: metrics('quote-tone-dashboard'),
    rules: [
      {
        name: 'rate-limit-per-ip',
        priority: 0,
        action: { block: {} },
        statement: {
          rateBasedStatement: {
            limit,
            aggregateKeyType: 'IP',
            evaluationWindowSec: RATE_LIMIT_WINDOW.toSeconds(),
          },
        },
        visibilityConfig: metrics('quote-tone-dashboard-rate-limit'),
      },
    ],
  });
}

/** The scope for us-east-1-only resources: this stack if it is there, else its companion stack. */
function edgeScopeFor(construct: Construct): Construct {
  const stack = Stack.of(construct);
  if (Token.isUnresolved(stack.region)) {
    throw new Error(
      `Expected ${stack.node.path} to have an explicit region: its Lambda@Edge check and web ACL must be placed in ${EDGE_REGION}, beside or apart from it.`,
    );
  }
  if (stack.region === EDGE_REGION) return construct;
  const stage = stack.node.scope;
  if (!stage) throw new Error(`Expected ${stack.node.path} to belong to an app.`);
  const id = `${stack.node.id}DashboardEdge`;
  const existing = stage.node.tryFindChild(id);
  const edgeStack =
    existing instanceof Stack
      ? existing
      : new Stack(stage, id, {
          env: { region: EDGE_REGION, account: stack.account },
          crossRegionReferences: true,
          description: `${stack.stackName}: the dashboard's Lambda@Edge sign-in check and web ACL (CloudFront takes them from ${EDGE_REGION} only)`,
        } satisfies StackProps);
  stack.addStackDependency(edgeStack);
  return edgeStack;
}
