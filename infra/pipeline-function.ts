// One construct for both quote-tone functions, so each is declared in the stack by what differs
// (entry, size, environment) and the operational baseline is stated once (after Powertools
// examples/app/cdk/function-with-logstream-construct.ts).

import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { analyzerSourceHash } from './analyzer-build.ts';
import { HTML_LIBRARIES_DEFINE, htmlLibrariesBuildArgs } from './html-libraries-bundle.ts';
import { functionLogGroup } from './secure-defaults.ts';

/** The repository root: entries, the lock file and `dashboard/` are found from here. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

// S3 events are delivered asynchronously. Two retries (the Lambda default, stated on purpose) cover
// transient S3 and throttling errors; a third attempt at a deterministic failure only costs money.
const ASYNC_RETRY_ATTEMPTS = 2;

// An event older than an hour is better replayed deliberately from the failure queue than processed
// late in a retry storm, e.g. after a regional outage.
const ASYNC_MAX_EVENT_AGE = Duration.hours(1);

export interface PipelineFunctionProps {
  /** Handler file relative to the repository root, exporting `handler`. */
  readonly entry: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment: Record<string, string>;
  /**
   * For a function invoked asynchronously (by S3 notifications): where events go after the last
   * retry or when too old, kept for `quote-tone replay`. Omitted for a function fed by an SQS
   * queue, whose retries and dead-letter queue belong to the queue.
   */
  readonly onFailure?: sqs.IQueue;
  /** Omitted for a function that protects no shared resource. */
  readonly reservedConcurrentExecutions?: number;
  /**
   * Bundle the HTML libraries as a file of their own beside the handler (infra/html-libraries-bundle.ts):
   * for the function that cleans articles, whose cold start for a text article then skips them.
   */
  readonly htmlLibrariesApart?: boolean;
}

/**
 * A Node.js Lambda function with quote-tone's operational baseline:
 * - Node.js 24 on ARM64 (Graviton: about 20% cheaper per GB-second for the same work);
 * - bundled locally by esbuild (no Docker), minified, ESM, with a source map that the handlers read
 *   when they log an error (not at every start, as --enable-source-maps would);
 *   every dependency bundled (the core reads no file at run time: data it needs, such as the tone
 *   lexicons, is imported and inlined; the functions reach S3 through their own signed HTTP
 *   client, functions/lib/signed-http-s3.ts, so no AWS SDK client is in the bundle); with
 *   `htmlLibrariesApart`, the HTML libraries are a second file beside it, loaded on demand;
 * - its own log group with a retention, and a role that may write only to that log group
 *   (no AWSLambdaBasicExecutionRole, whose log grant covers every log group);
 * - async invocation (when `onFailure` is given): ASYNC_RETRY_ATTEMPTS retries, ASYNC_MAX_EVENT_AGE,
 *   then the failure queue;
 * - recursive-loop detection set to terminate;
 * - structured JSON logs.
 *
 * @example
 * new PipelineFunction(this, 'Analyze', { entry: 'functions/analyze-article/handler.ts', memorySize: 512,
 *   timeout: Duration.seconds(60), environment: {}, onFailure: queue });
 */
export class PipelineFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);
    const logGroup = functionLogGroup(this, 'Logs');
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the quote-tone ${id} function`,
    });
    logGroup.grantWrite(this.role);

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: path.join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      // No --enable-source-maps: it parses the map at every cold start; the handlers map an
      // error's stack when they log it (functions/lib/source-stack.ts).
      environment: props.environment,
      role: this.role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      recursiveLoop: lambda.RecursiveLoop.TERMINATE,
      ...(props.onFailure
        ? {
            retryAttempts: ASYNC_RETRY_ATTEMPTS,
            maxEventAge: ASYNC_MAX_EVENT_AGE,
            onFailure: new SqsDestination(props.onFailure),
          }
        : {}),
      ...(props.reservedConcurrentExecutions === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      bundling: {
        minify: true,
        sourceMap: true,
        // Stack traces need the map's names and positions, not a copy of every source file: without
        // it the map (read when an error is logged) is a fraction the size.
        sourcesContent: false,
        format: nodejs.OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        // Bundled CommonJS dependencies (sentiment, natural's submodules) call require() for Node
        // built-ins; an ES module has no require, so give the bundle one.
        banner:
          "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
        // Nothing taken from the runtime: every version is the lockfile's. (The functions use no
        // AWS SDK client: importing @aws-sdk/client-s3 alone costs about as much CPU as
        // update-index's whole cold start, `npm run bench -- --only bundles`.)
        externalModules: [],
        // The analyser build id, fixed at bundle time so a cold start need not compute it.
        define: {
          'process.env.QUOTE_TONE_ANALYZER_BUILD': JSON.stringify(analyzerSourceHash(PROJECT_ROOT)),
          ...(props.htmlLibrariesApart ? HTML_LIBRARIES_DEFINE : {}),
        },
        ...(props.htmlLibrariesApart ? { commandHooks: HTML_LIBRARIES_HOOKS } : {}),
      },
    });
  }
}

// The HTML libraries' bundle, written beside the handler's once esbuild has built that, with the
// project's own esbuild (local bundling: no Docker).
const HTML_LIBRARIES_HOOKS: nodejs.ICommandHooks = {
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (_inputDir, outputDir) => [
    [
      path.join(PROJECT_ROOT, 'node_modules', '.bin', 'esbuild'),
      ...htmlLibrariesBuildArgs(PROJECT_ROOT, 'node24', outputDir),
    ]
      .map(shellQuoted)
      .join(' '),
  ],
};

function shellQuoted(argument: string): string {
  return `'${argument.replaceAll("'", "'\\''")}'`;
}
