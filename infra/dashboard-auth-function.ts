// The Lambda@Edge function behind the private dashboard's viewer-request check
// (functions/dashboard-auth/). Lambda@Edge has its own rules, which decide every setting here:
// - it must live in us-east-1 (the caller passes a scope in a us-east-1 stack);
// - x86_64 only, Node.js 22 at most, no environment variables, at most 128 MB and 5 s for a
//   viewer-request function, and a package of at most 1 MB;
// - its logs are written in whichever region served the viewer, to
//   /aws/lambda/us-east-1.<function name>, so the log grant names every region.
// It is bundled locally by esbuild (no Docker), with the build settings baked in through `define`.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ArnFormat, AssetHashType, DockerImage, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import type { EdgeBuildSettings } from '../functions/dashboard-auth/auth-config.ts';
import { PROJECT_ROOT } from './pipeline-function.ts';

const ENTRY_DIR = path.join(PROJECT_ROOT, 'functions', 'dashboard-auth');
// Files besides the function's folder that end up in its bundle.
const BUNDLED_SOURCES = [
  path.join(PROJECT_ROOT, 'shared', 'errors.ts'),
  path.join(PROJECT_ROOT, 'package-lock.json'),
];

// Lambda@Edge limits for viewer-request functions: 128 MB and 5 seconds. The check itself takes
// milliseconds; the budget covers a cold start that reads its settings from SSM across regions.
const EDGE_MEMORY_MB = 128;
const EDGE_TIMEOUT = Duration.seconds(5);

/**
 * The viewer-request function and its published version (CloudFront takes only numbered versions).
 *
 * @example
 * new DashboardAuthFunction(edgeScope, 'SignInCheck', { parameterName, parameterRegion: 'eu-west-1',
 *   dataPrefixes: ['index/', 'reports/'] });
 */
export class DashboardAuthFunction extends Construct {
  readonly function: lambda.Function;
  readonly version: lambda.IVersion;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, settings: EdgeBuildSettings) {
    super(scope, id);
    const stack = Stack.of(this);

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.CompositePrincipal(
        new iam.ServicePrincipal('lambda.amazonaws.com'),
        new iam.ServicePrincipal('edgelambda.amazonaws.com'),
      ),
      description: 'Runs the quote-tone dashboard sign-in check at CloudFront edge locations',
    });

    this.function = new lambda.Function(this, 'Function', {
      description: 'quote-tone dashboard: admits only a signed-in Cognito session, on every path',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.X86_64,
      handler: 'index.handler',
      memorySize: EDGE_MEMORY_MB,
      timeout: EDGE_TIMEOUT,
      role: this.role,
      code: lambda.Code.fromAsset(ENTRY_DIR, {
        // The bundle depends on more than the folder (the lock file, the baked settings): hash those.
        assetHashType: AssetHashType.CUSTOM,
        assetHash: edgeBundleHash(settings),
        bundling: {
          // Required by the type, never pulled: local bundling below always succeeds or throws.
          image: DockerImage.fromRegistry('quote-tone/no-docker-bundling'),
          local: { tryBundle: (outputDir) => bundleEdgeFunction(outputDir, settings) },
        },
      }),
    });
    this.version = this.function.currentVersion;
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Applies to the dashboard sign-in check: Lambda@Edge runs Node.js 22 at most (the CloudFront developer guide lists its runtimes); the pipeline functions use the latest Node.js.',
    });

    // A separate policy, not the role's default one: it names the function, which depends on the role.
    const permissions = new iam.Policy(this, 'Permissions', {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [
            stack.formatArn({
              service: 'logs',
              region: '*',
              resource: 'log-group',
              resourceName: `/aws/lambda/us-east-1.${this.function.functionName}:*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          ],
        }),
        new iam.PolicyStatement({
          actions: ['ssm:GetParameter'],
          resources: [
            stack.formatArn({
              service: 'ssm',
              region: settings.parameterRegion,
              resource: 'parameter',
              resourceName: settings.parameterName.replace(/^\//, ''),
            }),
          ],
        }),
      ],
    });
    Validations.of(permissions).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:*:<AWS::AccountId>:log-group:/aws/lambda/us-east-1.<${stack.getLogicalId(this.function.node.defaultChild as lambda.CfnFunction)}>:*]`,
      reason:
        "Applies to the dashboard sign-in check's log grant: Lambda@Edge writes logs in the region of whichever edge location served the viewer, to a log group named after this one function, so the region is the only wildcard (and the log streams inside that group).",
    });
  }
}

/**
 * Bundle the edge handler into `outputDir/index.js` with esbuild: CommonJS (cognito-at-edge is
 * CommonJS), minified, the AWS SDK left to the runtime, the build settings defined in.
 *
 * @example
 * bundleEdgeFunction('/tmp/out', { parameterName: '/quote-tone/QuoteTone/dashboard-auth', parameterRegion: 'us-east-1', dataPrefixes: ['index/'] })
 */
export function bundleEdgeFunction(outputDir: string, settings: EdgeBuildSettings): boolean {
  buildSync({
    entryPoints: [path.join(ENTRY_DIR, 'handler.ts')],
    outfile: path.join(outputDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    external: ['@aws-sdk/*'],
    define: { 'process.env.QUOTE_TONE_EDGE_SETTINGS': JSON.stringify(JSON.stringify(settings)) },
    logLevel: 'error',
  });
  return true;
}

function edgeBundleHash(settings: EdgeBuildSettings): string {
  const hash = createHash('sha256').update(JSON.stringify(settings));
  const sources = readdirSync(ENTRY_DIR)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => path.join(ENTRY_DIR, file));
  for (const file of [...sources, ...BUNDLED_SOURCES]) {
    hash.update(path.relative(PROJECT_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
