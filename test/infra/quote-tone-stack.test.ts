import { CfnResource } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ANALYZE_MEMORY_MB,
  ANALYZE_TIMEOUT,
  ATHENA_WORKGROUP_NAME,
  INDEX_QUEUE_VISIBILITY,
  TOMBSTONE_RETENTION,
} from '../../infra/quote-tone-stack.ts';
import {
  INDEX_BATCH_SIZE,
  INDEX_BATCH_WINDOW_SECONDS,
  INDEX_MAX_CONCURRENCY,
  INDEX_MAX_RECEIVES,
} from '../../shared/store/delivery.ts';
import { LAKE_COLUMNS } from '../../shared/store/quote-lake.ts';
import { type SynthesizedStack, synthStack } from './synth-stack.ts';

let synthesized: SynthesizedStack;
let template: Template;

beforeAll(() => {
  synthesized = synthStack();
  template = synthesized.template;
});

/** The CloudFormation logical id of the resource at a construct path below the stack. */
function logicalId(path: string): string {
  const construct = synthesized.stack.node.findChild(path.split('/')[0] ?? '');
  const resource = path
    .split('/')
    .slice(1)
    .reduce((scope, id) => scope.node.findChild(id), construct);
  const cfn = CfnResource.isCfnResource(resource) ? resource : resource.node.defaultChild;
  if (!CfnResource.isCfnResource(cfn)) throw new Error(`No CloudFormation resource at ${path}`);
  return synthesized.stack.getLogicalId(cfn);
}

/** The Properties of the resource at a construct path below the stack. */
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are untyped JSON.
function resourceProps(path: string): any {
  return template.toJSON().Resources[logicalId(path)].Properties;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Intrinsics as readable text: {Ref: X} -> "X", GetAtt -> "X.Arn", Join -> the parts concatenated. */
function render(value: Json): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if (typeof value.Ref === 'string') return value.Ref;
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return getAtt.map(render).join('.');
    const join = value['Fn::Join'];
    if (Array.isArray(join) && Array.isArray(join[1])) return join[1].map(render).join(render(join[0] ?? ''));
  }
  return JSON.stringify(value);
}

const asList = (value: Json | undefined): Json[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Every "action on resource" a role's inline policies allow, e.g. "s3:GetObject on Uploads.Arn/articles/*". */
function grantsOf(roleLogicalId: string): string[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleLogicalId }]) },
  });
  return Object.values(policies).flatMap((policy) =>
    asList(policy.Properties.PolicyDocument.Statement).flatMap((statement) => {
      const s = statement as { [key: string]: Json };
      expect(s.Effect).toBe('Allow');
      return asList(s.Action).flatMap((action) =>
        asList(s.Resource).map((resource) => `${render(action)} on ${render(resource)}`),
      );
    }),
  );
}

function functionProperties(path: string): { [key: string]: Json } {
  return template.toJSON().Resources[logicalId(path)].Properties;
}

function notificationsOf(bucketPath: string): { events: string[]; filter: string; target: string }[] {
  const [notification] = Object.values(
    template.findResources('Custom::S3BucketNotifications', {
      Properties: { BucketName: { Ref: logicalId(bucketPath) } },
    }),
  );
  return (notification?.Properties.NotificationConfiguration.LambdaFunctionConfigurations ?? []).map(
    (config: { [key: string]: Json }) => {
      const rules = (config.Filter as { Key: { FilterRules: { Name: string; Value: string }[] } }).Key
        .FilterRules;
      const rule = (name: string) => rules.find((r) => r.Name === name)?.Value ?? '';
      return {
        events: config.Events,
        filter: `${rule('prefix')}*${rule('suffix')}`,
        target: render(config.LambdaFunctionArn as Json),
      };
    },
  );
}

describe('storage', () => {
  it('keeps uploads, results, Athena results, the dashboard and access logs in five buckets', () => {
    template.resourceCountIs('AWS::S3::Bucket', 5);
  });

  it('blocks public access, encrypts and logs every bucket to the log bucket (the log bucket itself excepted)', () => {
    const logBucket = logicalId('AccessLogs');
    for (const [id, bucket] of Object.entries(template.findResources('AWS::S3::Bucket'))) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration, id).toEqual([
        { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
      ]);
      if (id !== logBucket) {
        expect(bucket.Properties.LoggingConfiguration?.DestinationBucketName, id).toEqual({ Ref: logBucket });
      }
    }
  });

  it('denies every request to every bucket that is not made over TLS', () => {
    const buckets = Object.keys(template.findResources('AWS::S3::Bucket'));
    for (const bucket of buckets) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucket },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('versions the upload bucket, whose events name the version they announce', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { LogFilePrefix: 'Uploads/' },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('expires tombstones only after every event that could still name their version is gone', () => {
    // Events are replayable while the article version exists: the upload bucket's noncurrent retention.
    const uploadRules = resourceProps('Uploads').LifecycleConfiguration.Rules;
    const versionDays = Math.max(
      ...uploadRules.map(
        (rule: { NoncurrentVersionExpiration?: { NoncurrentDays: number } }) =>
          rule.NoncurrentVersionExpiration?.NoncurrentDays ?? 0,
      ),
    );
    const rules = resourceProps('Results').LifecycleConfiguration.Rules;
    const tombstones = rules.filter((rule: { Prefix?: string }) => rule.Prefix === 'tombstones/');

    expect(tombstones).toEqual([
      expect.objectContaining({ Status: 'Enabled', ExpirationInDays: TOMBSTONE_RETENTION.toDays() }),
    ]);
    expect(TOMBSTONE_RETENTION.toDays()).toBeGreaterThan(versionDays);
    expect(versionDays).toBeGreaterThan(0);
    // No other rule expires current results: reports, errors and the index stay.
    expect(
      rules.filter((rule: { ExpirationInDays?: number }) => rule.ExpirationInDays !== undefined),
    ).toHaveLength(1);
  });
});

describe('analyze-article function', () => {
  it('runs Node.js 24 on arm64 with the stated memory and timeout', () => {
    expect(functionProperties('AnalyzeArticle/Function')).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: ANALYZE_MEMORY_MB,
      Timeout: ANALYZE_TIMEOUT.toSeconds(),
      Environment: { Variables: { RESULTS_BUCKET: { Ref: logicalId('Results') } } },
    });
  });

  it('is notified for every object under articles/, whatever its suffix, on creation and on removal', () => {
    // No suffix filter: S3's are case-sensitive, and an unread file must still get an error record.
    const analyze = `${logicalId('AnalyzeArticle/Function')}.Arn`;
    expect(notificationsOf('Uploads')).toEqual([
      { events: ['s3:ObjectCreated:*'], filter: 'articles/*', target: analyze },
      { events: ['s3:ObjectRemoved:*'], filter: 'articles/*', target: analyze },
    ]);
  });

  it('is never triggered by the results bucket', () => {
    const analyze = `${logicalId('AnalyzeArticle/Function')}.Arn`;
    // The results bucket notifies only the index queue (see update-index below).
    expect(notificationsOf('Results').map((n) => n.target)).not.toContain(analyze);
    expect(queueNotificationsOf('Results').length).toBeGreaterThan(0);
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Permission',
      { FunctionName: { 'Fn::GetAtt': [logicalId('AnalyzeArticle/Function'), 'Arn'] } },
      1,
    );
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [logicalId('AnalyzeArticle/Function'), 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [logicalId('Uploads'), 'Arn'] },
    });
  });

  it('may read only articles/* of the upload bucket and write only reports/, errors/, tombstones/ and hashes/ of the results bucket', () => {
    const uploads = `${logicalId('Uploads')}.Arn`;
    const results = `${logicalId('Results')}.Arn`;
    const s3Grants = grantsOf(logicalId('AnalyzeArticle/Role')).filter((grant) => grant.startsWith('s3:'));
    expect(s3Grants.sort()).toEqual(
      [
        `s3:GetObject on ${uploads}/articles/*`,
        `s3:GetObjectVersion on ${uploads}/articles/*`,
        // Key listing only, so a missing key answers 404 instead of 403.
        `s3:ListBucket on ${uploads}`,
        `s3:ListBucket on ${results}`,
        ...['reports/*', 'errors/*', 'tombstones/*', 'hashes/*'].flatMap((prefix) =>
          ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'].map(
            (action) => `${action} on ${results}/${prefix}`,
          ),
        ),
      ].sort(),
    );
  });

  it('has no grant on a "*" resource and no managed policy', () => {
    const grants = grantsOf(logicalId('AnalyzeArticle/Role'));
    expect(grants.filter((grant) => grant.endsWith(' on *'))).toEqual([]);
    template.hasResourceProperties('AWS::IAM::Role', {
      Description: Match.stringLikeRegexp('AnalyzeArticle'),
      ManagedPolicyArns: Match.absent(),
    });
  });

  it('writes logs only to its own log group, kept for a month', () => {
    const logGroup = logicalId('AnalyzeArticle/Logs');
    expect(grantsOf(logicalId('AnalyzeArticle/Role')).filter((grant) => grant.startsWith('logs:'))).toEqual([
      `logs:CreateLogStream on ${logGroup}.Arn`,
      `logs:PutLogEvents on ${logGroup}.Arn`,
    ]);
    expect(template.toJSON().Resources[logGroup].Properties.RetentionInDays).toBe(30);
    expect(functionProperties('AnalyzeArticle/Function')).toMatchObject({
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: logGroup } },
    });
  });
});

function queueNotificationsOf(bucketPath: string): { events: string[]; filter: string; target: string }[] {
  const [notification] = Object.values(
    template.findResources('Custom::S3BucketNotifications', {
      Properties: { BucketName: { Ref: logicalId(bucketPath) } },
    }),
  );
  return (notification?.Properties.NotificationConfiguration.QueueConfigurations ?? []).map(
    (config: { [key: string]: Json }) => {
      const rules = (config.Filter as { Key: { FilterRules: { Name: string; Value: string }[] } }).Key
        .FilterRules;
      const rule = (name: string) => rules.find((r) => r.Name === name)?.Value ?? '';
      return {
        events: config.Events,
        filter: `${rule('prefix')}*${rule('suffix')}`,
        target: render(config.QueueArn as Json),
      };
    },
  );
}

describe('update-index function', () => {
  it('is fed by IndexQueue with exactly the report and error events that can change the index', () => {
    const queue = `${logicalId('IndexQueue')}.Arn`;
    const events = [
      's3:ObjectCreated:Put',
      's3:ObjectRemoved:DeleteMarkerCreated',
      's3:ObjectRemoved:Delete',
    ];
    expect(notificationsOf('Results')).toEqual([]);
    expect(queueNotificationsOf('Results')).toEqual(
      ['reports/*.json', 'errors/*.json'].flatMap((filter) =>
        events.map((event) => ({ events: [event], filter, target: queue })),
      ),
    );
  });

  it('takes batches from the queue with partial batch responses and a concurrency cap', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId('UpdateIndex/Function') },
      EventSourceArn: { 'Fn::GetAtt': [logicalId('IndexQueue'), 'Arn'] },
      BatchSize: INDEX_BATCH_SIZE,
      MaximumBatchingWindowInSeconds: INDEX_BATCH_WINDOW_SECONDS,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: INDEX_MAX_CONCURRENCY },
    });
  });

  it('moves a message to IndexDeadLetters after its last receive, and alarms on that queue and on queue age', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: INDEX_QUEUE_VISIBILITY.toSeconds(),
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [logicalId('IndexDeadLetters'), 'Arn'] },
        maxReceiveCount: INDEX_MAX_RECEIVES,
      },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId('IndexDeadLetters'), 'QueueName'] } },
      ],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId('IndexQueue'), 'QueueName'] } }],
    });
  });

  it('reads reports and errors, rewrites index/ and lake/, and may list only the results bucket', () => {
    const results = `${logicalId('Results')}.Arn`;
    const s3Grants = grantsOf(logicalId('UpdateIndex/Role')).filter((grant) => grant.startsWith('s3:'));
    expect(s3Grants.sort()).toEqual(
      [
        `s3:GetObject on ${results}/reports/*`,
        `s3:GetObject on ${results}/errors/*`,
        `s3:GetObject on ${results}/index/*`,
        `s3:PutObject on ${results}/index/*`,
        `s3:DeleteObject on ${results}/index/*`,
        `s3:PutObject on ${results}/lake/quotes/*`,
        `s3:DeleteObject on ${results}/lake/quotes/*`,
        `s3:ListBucket on ${results}`,
      ].sort(),
    );
  });

  it('runs Node.js 24 on arm64, without reserved concurrency (the event source caps it)', () => {
    const properties = functionProperties('UpdateIndex/Function');
    expect(properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    expect(properties.ReservedConcurrentExecutions).toBeUndefined();
  });
});

describe('failure handling', () => {
  it('retries a failed analysis twice within an hour, then sends the event to the failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalId('AnalyzeArticle/Function') },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalId('FailedEvents'), 'Arn'] } },
      },
    });
  });

  it.each(['AnalyzeArticle', 'UpdateIndex'])('%s stops recursive loops', (name) => {
    expect(functionProperties(`${name}/Function`).RecursiveLoop).toBe('Terminate');
  });

  it.each(['FailedEvents', 'IndexQueue', 'IndexDeadLetters'])(
    'encrypts %s and refuses non-TLS access to it',
    (queue) => {
      template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalId(queue) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    },
  );
});

describe('quote lake', () => {
  it('declares the Glue table columns exactly as the lake rows are written', () => {
    template.hasResourceProperties('AWS::Glue::Table', {
      TableInput: {
        StorageDescriptor: {
          Columns: LAKE_COLUMNS.map(({ name, type }) => ({ Name: name, Type: type })),
          SerdeInfo: { SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' },
          Location: { 'Fn::Join': ['', ['s3://', { Ref: logicalId('Results') }, '/lake/quotes/']] },
        },
        PartitionKeys: [{ Name: 'dt', Type: 'string' }],
      },
    });
  });

  it('projects the dt partition by date, so no crawler or repair is needed', () => {
    template.hasResourceProperties('AWS::Glue::Table', {
      TableInput: {
        Parameters: Match.objectLike({
          'projection.enabled': 'true',
          'projection.dt.type': 'date',
          'projection.dt.format': 'yyyy-MM-dd',
          'projection.dt.range': Match.stringLikeRegexp('^\\d{4}-\\d{2}-\\d{2},NOW$'),
          'storage.location.template': {
            // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena's own ${dt} placeholder, kept literally.
            'Fn::Join': ['', ['s3://', { Ref: logicalId('Results') }, '/lake/quotes/dt=${dt}/']],
          },
        }),
      },
    });
  });

  it('runs Athena queries in an enforced workgroup writing encrypted results to their own bucket', () => {
    template.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: ATHENA_WORKGROUP_NAME,
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        ResultConfiguration: {
          OutputLocation: { 'Fn::Join': ['', ['s3://', { Ref: logicalId('AthenaResults') }, '/results/']] },
          EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
        },
      },
    });
  });
});

// The dashboard site (distribution, sign-in, access modes) is specified in dashboard-access.test.ts.

describe('outputs', () => {
  it('names the upload and results buckets, the dashboard URL, its user pool, the failure queue and the index dead-letter queue', () => {
    expect(Object.keys(template.toJSON().Outputs).sort()).toEqual(
      [
        'DashboardUrl',
        'DashboardUserPoolId',
        'FailureQueueUrl',
        'IndexDeadLetterQueueUrl',
        'ResultsBucketName',
        'UploadBucketName',
      ].sort(),
    );
  });
});
