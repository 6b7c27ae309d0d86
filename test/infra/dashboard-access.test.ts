import { type App, CfnResource, type Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DEFAULT_TTL, DATA_MAX_TTL } from '../../infra/dashboard-distribution.ts';
import { MIN_PASSWORD_LENGTH } from '../../infra/dashboard-sign-in.ts';
import { createApp } from '../../infra/quote-tone-app.ts';
import { DASHBOARD_CSP } from '../../shared/dashboard-csp.ts';

// The dashboard site in each access mode, synthesized as `npx cdk synth -c ...` would (bundling
// skipped, see synth-stack.ts). Each app is built once and shared by its describe block.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Resources = Record<string, { Type: string; Properties: { [key: string]: Json } }>;

const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666';

interface Synthesized {
  app: App;
  main: Stack;
  template: Template;
  /** The us-east-1 companion stack, when the main stack is elsewhere. */
  edge?: Template;
}

function synth(context: Record<string, string>): Synthesized {
  const { app, stack } = createApp({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  app.synth();
  const edgeStack = app.node.tryFindChild('QuoteToneDashboardEdge') as Stack | undefined;
  return {
    app,
    main: stack,
    template: Template.fromStack(stack),
    ...(edgeStack ? { edge: Template.fromStack(edgeStack) } : {}),
  };
}

function nagFindings(app: App): string[] {
  const report = new AwsSolutionsChecks().validateScope(app);
  return report.violations.map(
    (v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
  );
}

/** Intrinsics as readable text: {Ref: X} -> "X", GetAtt -> "X.Arn", Join -> the parts concatenated. */
function render(value: Json | undefined): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if (typeof value.Ref === 'string') return value.Ref;
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return getAtt.map((part) => render(part)).join('.');
    const join = value['Fn::Join'];
    if (Array.isArray(join) && Array.isArray(join[1]))
      return join[1].map((part) => render(part)).join(render(join[0] ?? ''));
  }
  return JSON.stringify(value);
}

const asList = (value: Json | undefined): Json[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function resourcesOf(template: Template, type: string): Resources[string][] {
  return Object.values(template.findResources(type)) as Resources[string][];
}

interface Behavior {
  PathPattern?: string;
  TargetOriginId: string;
  CachePolicyId: Json;
  Compress?: boolean;
  ViewerProtocolPolicy: string;
  LambdaFunctionAssociations?: { EventType: string; LambdaFunctionARN: Json; IncludeBody?: boolean }[];
}

function distributionConfig(template: Template): { [key: string]: Json } {
  const [distribution] = resourcesOf(template, 'AWS::CloudFront::Distribution');
  if (!distribution) throw new Error('Expected a CloudFront distribution.');
  return distribution.Properties.DistributionConfig as { [key: string]: Json };
}

function behaviorsOf(template: Template): Behavior[] {
  const config = distributionConfig(template) as unknown as {
    DefaultCacheBehavior: Behavior;
    CacheBehaviors: Behavior[];
  };
  return [{ ...config.DefaultCacheBehavior, PathPattern: '(default)' }, ...config.CacheBehaviors];
}

function logicalIdOf(stack: Stack, path: string): string {
  const construct = path
    .split('/')
    .reduce<import('constructs').IConstruct>((scope, id) => scope.node.findChild(id), stack);
  const cfn = CfnResource.isCfnResource(construct) ? construct : construct.node.defaultChild;
  if (!CfnResource.isCfnResource(cfn)) throw new Error(`No CloudFormation resource at ${path}`);
  return stack.getLogicalId(cfn);
}

/** Every "action on resource" a role's policies allow. */
function grantsOf(template: Template, roleLogicalId: string): string[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleLogicalId }]) },
  });
  return Object.values(policies).flatMap((policy) =>
    asList(policy.Properties.PolicyDocument.Statement).flatMap((statement) => {
      const s = statement as { [key: string]: Json };
      return asList(s.Action).flatMap((action) =>
        asList(s.Resource).map((resource) => `${render(action)} on ${render(resource)}`),
      );
    }),
  );
}

describe('private mode (the default)', () => {
  let site: Synthesized;
  beforeAll(() => {
    site = synth({});
  });

  it('runs the viewer-request sign-in check on every behaviour: dashboard files, index/*, reports/* and errors/*', () => {
    const behaviors = behaviorsOf(site.template);
    expect(behaviors.map((b) => b.PathPattern)).toEqual(['(default)', 'index/*', 'reports/*', 'errors/*']);
    const versions = Object.keys(site.template.findResources('AWS::Lambda::Version'));
    expect(versions).toHaveLength(1);
    site.template.hasResourceProperties('AWS::Lambda::Version', {
      FunctionName: { Ref: logicalIdOf(site.main, 'DashboardSite/DashboardSignInCheck/Function') },
    });
    for (const behavior of behaviors) {
      expect(behavior.LambdaFunctionAssociations, behavior.PathPattern).toEqual([
        { EventType: 'viewer-request', LambdaFunctionARN: { Ref: versions[0] } },
      ]);
    }
  });

  it('runs the check within Lambda@Edge limits: Node.js 22 on x86_64, 128 MB, 5 s, no environment', () => {
    const fn =
      site.template.toJSON().Resources[logicalIdOf(site.main, 'DashboardSite/DashboardSignInCheck/Function')];
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['x86_64'],
      MemorySize: 128,
      Timeout: 5,
      Handler: 'index.handler',
    });
    expect(fn.Properties.Environment).toBeUndefined();
  });

  it('lets the check only write its own logs and read its one settings parameter', () => {
    const role = logicalIdOf(site.main, 'DashboardSite/DashboardSignInCheck/Role');
    const fn = logicalIdOf(site.main, 'DashboardSite/DashboardSignInCheck/Function');
    expect(grantsOf(site.template, role).sort()).toEqual(
      [
        ...['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'].map(
          (action) =>
            `${action} on arn:${render({ Ref: 'AWS::Partition' })}:logs:*:AWS::AccountId:log-group:/aws/lambda/us-east-1.${fn}:*`,
        ),
        `ssm:GetParameter on arn:AWS::Partition:ssm:us-east-1:AWS::AccountId:parameter/quote-tone/QuoteTone/dashboard-auth`,
      ].sort(),
    );
    const roleResource = site.template.toJSON().Resources[role];
    expect(roleResource.Properties.ManagedPolicyArns).toBeUndefined();
    const principals = roleResource.Properties.AssumeRolePolicyDocument.Statement.flatMap(
      (s: { Principal: { Service: string | string[] } }) => asList(s.Principal.Service),
    );
    expect(principals.sort()).toEqual(['edgelambda.amazonaws.com', 'lambda.amazonaws.com']);
  });

  it('has a user pool that only an administrator adds users to, with a strong password policy and MFA', () => {
    site.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          MinimumLength: MIN_PASSWORD_LENGTH,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
    expect(MIN_PASSWORD_LENGTH).toBeGreaterThanOrEqual(12);
  });

  it('signs in through the hosted pages with the code flow, back to the distribution only', () => {
    const distribution = logicalIdOf(site.main, 'DashboardSite/Cdn');
    const [client] = resourcesOf(site.template, 'AWS::Cognito::UserPoolClient');
    expect(client?.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
    expect(asList(client?.Properties.CallbackURLs).map(render)).toEqual([
      `https://${distribution}.DomainName`,
    ]);
    expect(asList(client?.Properties.LogoutURLs).map(render)).toEqual([
      `https://${distribution}.DomainName/`,
    ]);
  });

  it('writes the pool, client and sign-in host to the parameter the check reads', () => {
    const [parameter] = resourcesOf(site.template, 'AWS::SSM::Parameter');
    expect(parameter?.Properties.Name).toBe('/quote-tone/QuoteTone/dashboard-auth');
    const value = render(parameter?.Properties.Value);
    expect(value).toContain(`"userPoolId":"${logicalIdOf(site.main, 'DashboardSite/SignIn/Users')}"`);
    expect(value).toContain(`"clientId":"${logicalIdOf(site.main, 'DashboardSite/SignIn/Users/Dashboard')}"`);
    expect(value).toContain('.auth.us-east-1.amazoncognito.com');
  });

  it('names the user pool in the outputs, for the admin command that adds readers', () => {
    expect(Object.keys(site.template.toJSON().Outputs)).toEqual(
      expect.arrayContaining(['DashboardUrl', 'DashboardUserPoolId']),
    );
  });

  it('compresses every behaviour and caches index/*, reports/* and errors/* for seconds, keyed on nothing from the viewer', () => {
    const behaviors = behaviorsOf(site.template);
    for (const behavior of behaviors) expect(behavior.Compress, behavior.PathPattern).toBe(true);
    const dataPolicy = logicalIdOf(site.main, 'DashboardSite/DataCache');
    for (const behavior of behaviors.slice(1)) expect(render(behavior.CachePolicyId)).toBe(dataPolicy);
    site.template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: {
        DefaultTTL: DATA_DEFAULT_TTL.toSeconds(),
        MinTTL: 0,
        MaxTTL: DATA_MAX_TTL.toSeconds(),
        ParametersInCacheKeyAndForwardedToOrigin: {
          EnableAcceptEncodingGzip: true,
          EnableAcceptEncodingBrotli: true,
          CookiesConfig: { CookieBehavior: 'none' },
          HeadersConfig: { HeaderBehavior: 'none' },
          QueryStringsConfig: { QueryStringBehavior: 'none' },
        },
      },
    });
    expect(DATA_MAX_TTL.toSeconds()).toBeLessThanOrEqual(60);
  });

  it('reaches both buckets through origin access control only, HTTPS only', () => {
    const config = distributionConfig(site.template) as unknown as {
      Origins: { DomainName: Json; OriginAccessControlId?: Json; S3OriginConfig?: Json }[];
    };
    expect(config.Origins.map((origin) => render(origin.DomainName)).sort()).toEqual(
      [
        `${logicalIdOf(site.main, 'DashboardSite/Dashboard')}.RegionalDomainName`,
        `${logicalIdOf(site.main, 'Results')}.RegionalDomainName`,
      ].sort(),
    );
    for (const origin of config.Origins) {
      expect(render(origin.OriginAccessControlId)).toMatch(/OriginAccessControl.*\.Id$/);
      expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    }
    for (const behavior of behaviorsOf(site.template))
      expect(behavior.ViewerProtocolPolicy).toBe('https-only');
  });

  it('lets only the distribution read the results bucket, and only index/*, reports/* and errors/*', () => {
    const results = logicalIdOf(site.main, 'Results');
    const [policy] = Object.values(
      site.template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: results } } }),
    );
    const cloudFrontGrants = asList(policy?.Properties.PolicyDocument.Statement)
      .map((s) => s as { [key: string]: Json })
      .filter((s) => JSON.stringify(s.Principal).includes('cloudfront.amazonaws.com'));
    expect(cloudFrontGrants).toHaveLength(1);
    expect(cloudFrontGrants[0]?.Action).toBe('s3:GetObject');
    expect(asList(cloudFrontGrants[0]?.Resource).map(render).sort()).toEqual(
      [`${results}.Arn/index/*`, `${results}.Arn/reports/*`, `${results}.Arn/errors/*`].sort(),
    );
    const condition = cloudFrontGrants[0]?.Condition as { StringEquals: { [key: string]: Json } } | undefined;
    expect(render(condition?.StringEquals['AWS:SourceArn'])).toContain(
      logicalIdOf(site.main, 'DashboardSite/Cdn'),
    );
  });

  it('sends a Content-Security-Policy that allows only same-origin scripts, never inline ones', () => {
    site.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: DASHBOARD_CSP, Override: true },
        },
      },
    });
  });

  it('logs viewer requests to the log bucket and deploys dashboard/ into its private bucket', () => {
    expect(distributionConfig(site.template).Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logicalIdOf(site.main, 'AccessLogs'), 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
    site.template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: logicalIdOf(site.main, 'DashboardSite/Dashboard') },
    });
  });

  it('has no custom domain, WAF or companion stack unless asked', () => {
    expect(distributionConfig(site.template).Aliases).toBeUndefined();
    expect(distributionConfig(site.template).WebACLId).toBeUndefined();
    expect(site.edge).toBeUndefined();
  });

  it('passes cdk-nag with no unacknowledged finding', () => {
    expect(nagFindings(site.app)).toEqual([]);
  });
});

describe('private mode outside us-east-1, with a custom domain and a WAF rate limit', () => {
  let site: Synthesized;
  beforeAll(() => {
    site = synth({
      region: 'eu-west-1',
      dashboardDomain: 'tone.newsroom.example',
      dashboardCertificateArn: CERTIFICATE_ARN,
      dashboardRateLimit: '600',
    });
  });

  it('puts the edge check and the web ACL in a us-east-1 companion stack the main stack depends on', () => {
    const edgeStack = site.app.node.findChild('QuoteToneDashboardEdge') as Stack;
    expect(edgeStack.region).toBe('us-east-1');
    expect(site.main.dependencies).toContain(edgeStack);
    site.edge?.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs22.x' });
    site.edge?.resourceCountIs('AWS::WAFv2::WebACL', 1);
    expect(
      resourcesOf(site.template, 'AWS::Lambda::Function').map((fn) => fn.Properties.Runtime),
    ).not.toContain('nodejs22.x');
  });

  it('still runs the check on every behaviour, by a version ARN carried across regions', () => {
    const behaviors = behaviorsOf(site.template);
    const arns = behaviors.map((b) => JSON.stringify(b.LambdaFunctionAssociations?.[0]?.LambdaFunctionARN));
    expect(behaviors.every((b) => b.LambdaFunctionAssociations?.[0]?.EventType === 'viewer-request')).toBe(
      true,
    );
    expect(new Set(arns).size).toBe(1);
    expect(arns[0]).toContain('ExportsReader');
  });

  it('lets the check read its settings from the stack region', () => {
    expect(JSON.stringify(site.edge?.toJSON())).toContain(
      ':ssm:eu-west-1:",{"Ref":"AWS::AccountId"},":parameter/quote-tone/QuoteTone/dashboard-auth',
    );
  });

  it('serves the custom domain with its certificate and a TLS 1.2 minimum', () => {
    const config = distributionConfig(site.template);
    expect(config.Aliases).toEqual(['tone.newsroom.example']);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: CERTIFICATE_ARN,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });

  it('signs in and out on the custom domain', () => {
    const [client] = resourcesOf(site.template, 'AWS::Cognito::UserPoolClient');
    expect(client?.Properties.CallbackURLs).toEqual(['https://tone.newsroom.example']);
    const outputs = site.template.toJSON().Outputs;
    expect(render(outputs.DashboardUrl.Value)).toBe('https://tone.newsroom.example/');
    // Where the domain's DNS record must point.
    expect(render(outputs.DashboardCdnHostName.Value)).toBe(
      `${logicalIdOf(site.main, 'DashboardSite/Cdn')}.DomainName`,
    );
  });

  it('blocks a client IP past the rate limit, and the distribution uses that web ACL', () => {
    site.edge?.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Action: { Block: {} },
          Statement: { RateBasedStatement: { Limit: 600, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
        }),
      ],
    });
    expect(JSON.stringify(distributionConfig(site.template).WebACLId)).toContain('ExportsReader');
  });

  it('passes cdk-nag in both stacks with no unacknowledged finding', () => {
    expect(nagFindings(site.app)).toEqual([]);
  });
});

describe('public mode (-c dashboardAccess=public)', () => {
  let site: Synthesized;
  beforeAll(() => {
    site = synth({ dashboardAccess: 'public' });
  });

  it('serves the same paths with no sign-in check, no user pool and no edge function', () => {
    const behaviors = behaviorsOf(site.template);
    expect(behaviors.map((b) => b.PathPattern)).toEqual(['(default)', 'index/*', 'reports/*', 'errors/*']);
    for (const behavior of behaviors)
      expect(behavior.LambdaFunctionAssociations, behavior.PathPattern).toBeUndefined();
    site.template.resourceCountIs('AWS::Cognito::UserPool', 0);
    site.template.resourceCountIs('AWS::SSM::Parameter', 0);
    expect(
      resourcesOf(site.template, 'AWS::Lambda::Function').map((fn) => fn.Properties.Runtime),
    ).not.toContain('nodejs22.x');
    expect(site.template.toJSON().Outputs.DashboardUserPoolId).toBeUndefined();
  });

  it('passes cdk-nag with no unacknowledged finding', () => {
    expect(nagFindings(site.app)).toEqual([]);
  });
});

describe('none (-c dashboardAccess=none)', () => {
  let site: Synthesized;
  beforeAll(() => {
    site = synth({ dashboardAccess: 'none' });
  });

  it('deploys no distribution, no dashboard bucket and no sign-in', () => {
    site.template.resourceCountIs('AWS::CloudFront::Distribution', 0);
    site.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
    site.template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    site.template.resourceCountIs('AWS::Cognito::UserPool', 0);
    // Uploads, results, Athena results and access logs.
    site.template.resourceCountIs('AWS::S3::Bucket', 4);
    expect(Object.keys(site.template.toJSON().Outputs)).not.toContain('DashboardUrl');
  });

  it('grants CloudFront nothing on the results bucket', () => {
    expect(JSON.stringify(site.template.findResources('AWS::S3::BucketPolicy'))).not.toContain('cloudfront');
  });

  it('passes cdk-nag with no unacknowledged finding', () => {
    expect(nagFindings(site.app)).toEqual([]);
  });
});

describe('deploy-time settings', () => {
  it('refuses an access mode it does not know, naming the ones it does', () => {
    expect(() => createApp({ context: { 'aws:cdk:bundling-stacks': [], dashboardAccess: 'open' } })).toThrow(
      /dashboardAccess to be one of private, public, none, but got "open"/,
    );
  });

  it('refuses a custom domain without its certificate', () => {
    expect(() =>
      createApp({ context: { 'aws:cdk:bundling-stacks': [], dashboardDomain: 'tone.newsroom.example' } }),
    ).toThrow(/dashboardDomain and -c dashboardCertificateArn together/);
  });

  it('refuses a certificate outside us-east-1, which CloudFront cannot use', () => {
    expect(() =>
      createApp({
        context: {
          'aws:cdk:bundling-stacks': [],
          dashboardDomain: 'tone.newsroom.example',
          dashboardCertificateArn: CERTIFICATE_ARN.replace('us-east-1', 'eu-west-1'),
        },
      }),
    ).toThrow(/in us-east-1/);
  });

  it('refuses a rate limit that is not a whole number of at least 10', () => {
    expect(() =>
      createApp({ context: { 'aws:cdk:bundling-stacks': [], dashboardRateLimit: 'lots' } }),
    ).toThrow(/dashboardRateLimit/);
  });
});
