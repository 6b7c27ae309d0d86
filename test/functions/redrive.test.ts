import { describe, expect, it } from 'vitest';
import { type FailureMessage, type FailureQueue, redrive } from '../../functions/lib/redrive.ts';
import objectCreated from '../fixtures/events/object-created.json' with { type: 'json' };

const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:analyze:$LATEST';

function failureMessage(id: string): FailureMessage {
  return {
    id,
    body: JSON.stringify({
      version: '1.0',
      requestContext: { functionArn: FUNCTION_ARN, condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: structuredClone(objectCreated),
      responsePayload: { errorMessage: 'S3 was unavailable' },
    }),
  };
}

/** An in-memory queue that hands out its messages in batches and records deletions. */
function queueOf(messages: FailureMessage[]): FailureQueue & { removed: string[] } {
  const waiting = [...messages];
  const removed: string[] = [];
  return {
    removed,
    receive: async (max) => waiting.splice(0, max),
    remove: async (message) => {
      removed.push(message.id);
    },
  };
}

describe('redrive', () => {
  it('sends each original event back to the function that failed and then deletes the message', async () => {
    const queue = queueOf([failureMessage('m1'), failureMessage('m2')]);
    const invoked: [string, unknown][] = [];

    const result = await redrive(queue, async (name, payload) => void invoked.push([name, payload]), {
      max: 10,
      dryRun: false,
    });

    expect(result).toEqual({ redriven: 2, failed: 0, unreadable: 0 });
    expect(invoked).toEqual([
      [FUNCTION_ARN, objectCreated],
      [FUNCTION_ARN, objectCreated],
    ]);
    expect(queue.removed).toEqual(['m1', 'm2']);
  });

  it('keeps a message on the queue when its invoke fails, so nothing is lost', async () => {
    const queue = queueOf([failureMessage('m1')]);

    const result = await redrive(
      queue,
      async () => {
        throw new Error('throttled');
      },
      { max: 10, dryRun: false },
    );

    expect(result.failed).toBe(1);
    expect(queue.removed).toEqual([]);
  });

  it('lists the decoded keys in a dry run and changes nothing', async () => {
    const queue = queueOf([failureMessage('m1')]);
    const lines: string[] = [];

    await redrive(queue, async () => expect.unreachable('a dry run must not invoke'), {
      max: 10,
      dryRun: true,
      onMessage: (line) => lines.push(line),
    });

    expect(lines).toEqual([expect.stringContaining('articles/Harbour talks été.txt')]);
    expect(queue.removed).toEqual([]);
  });

  it('leaves a message that is not a Lambda failure record and says so', async () => {
    const queue = queueOf([{ id: 'junk', body: 'not json' }]);

    const result = await redrive(queue, async () => {}, { max: 10, dryRun: false });

    expect(result).toEqual({ redriven: 0, failed: 0, unreadable: 1 });
    expect(queue.removed).toEqual([]);
  });
});
