import { parseArgs } from 'node:util';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type FailureQueue, redrive } from '../../functions/lib/redrive.ts';
import { UsageError } from '../cli-errors.ts';

export const summary = 're-drive failed analyses from the on-failure queue (AWS)';

export const help = `Usage: quote-tone replay --queue URL [--function NAME] [--max N] [--dry-run]

Reads the on-failure destination queue of the analyze function (the stack's FailureQueueUrl
output), invokes the function again with each original S3 event, and deletes each message only
after its invoke was accepted. Safe to repeat: versions already analysed are skipped.

Options:
  --queue URL       the failure queue URL (or env QUOTE_TONE_FAILURE_QUEUE).
  --function NAME   invoke this function instead of the one recorded in the message.
  --max N           re-drive at most N messages (default 1000).
  --dry-run         list what would be re-driven; change nothing.
  -h, --help        show this help.

Credentials and region come from the standard AWS environment variables and profiles.`;

// One pass over a large backlog should finish; more can be replayed by running again.
const DEFAULT_MAX = 1_000;
// Long polling: wait briefly for messages instead of returning empty at once.
const WAIT_SECONDS = 2;

export const options = {
  queue: { type: 'string' },
  function: { type: 'string' },
  max: { type: 'string', default: String(DEFAULT_MAX) },
  'dry-run': { type: 'boolean', default: false },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options });
  const queueUrl = values.queue ?? process.env.QUOTE_TONE_FAILURE_QUEUE;
  if (!queueUrl) throw new UsageError('expected --queue URL (the stack output FailureQueueUrl)');
  const max = Number(values.max);
  if (!Number.isInteger(max) || max <= 0)
    throw new UsageError(`expected --max to be a positive whole number, got "${values.max}"`);

  const sqs = new SQSClient({});
  const lambda = new LambdaClient({});
  const queue: FailureQueue = {
    receive: async (count) => {
      const response = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: count,
          WaitTimeSeconds: WAIT_SECONDS,
        }),
      );
      return (response.Messages ?? []).map((message) => ({
        id: message.MessageId ?? '',
        body: message.Body ?? '',
        receipt: message.ReceiptHandle ?? '',
      }));
    },
    remove: async (message) => {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.receipt }));
    },
  };
  const invoke = async (functionName: string, payload: unknown) => {
    await lambda.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'Event',
        Payload: Buffer.from(JSON.stringify(payload)),
      }),
    );
  };

  const result = await redrive(queue, invoke, {
    max,
    dryRun: values['dry-run'],
    ...(values.function ? { functionName: values.function } : {}),
    onMessage: (line) => console.log(line),
  });
  const verb = values['dry-run'] ? 'would re-drive' : 're-drove';
  console.log(`${verb} ${result.redriven}; ${result.failed} failed; ${result.unreadable} unreadable`);
  return result.failed || result.unreadable ? 1 : 0;
}
