import * as z from 'zod/mini';
import { decodeEventKey } from './s3-event.ts';

// What Lambda puts on an on-failure destination for an asynchronous invocation that ran out of
// retries or event age: the original event (requestPayload) and why it failed.
const FailureRecordSchema = z.object({
  requestContext: z.object({
    functionArn: z.string(),
    condition: z.string(),
    approximateInvokeCount: z.optional(z.number()),
  }),
  requestPayload: z.unknown(),
  responsePayload: z.optional(z.unknown()),
});

export type FailureRecord = z.infer<typeof FailureRecordSchema>;

export interface FailureMessage {
  id: string;
  body: string;
  /** The queue's handle for deleting this delivery of the message. */
  receipt?: string;
}

/** The queue side: read a batch of failure messages, delete one once re-driven. */
export interface FailureQueue {
  receive(max: number): Promise<FailureMessage[]>;
  remove(message: FailureMessage): Promise<void>;
}

/** The function side: invoke asynchronously with the original event. */
export type Invoke = (functionName: string, payload: unknown) => Promise<void>;

export interface RedriveOptions {
  /** Invoke this function instead of the one that failed (e.g. after a redeploy under a new name). */
  functionName?: string;
  /** Stop after this many messages. */
  max: number;
  /** List what would be re-driven, change nothing. */
  dryRun: boolean;
  onMessage?: (line: string) => void;
}

export interface RedriveResult {
  redriven: number;
  unreadable: number;
  failed: number;
}

// SQS returns at most 10 messages per receive.
const RECEIVE_BATCH = 10;

/**
 * Re-drives failed invocations: each message's original event is sent to the function again
 * and the message is deleted only after the invoke succeeded, so nothing is lost on error.
 * Re-driving is safe because the analyze step skips versions it has already analysed.
 *
 * @example
 * await redrive(queue, invoke, { max: 100, dryRun: false })
 */
export async function redrive(
  queue: FailureQueue,
  invoke: Invoke,
  options: RedriveOptions,
): Promise<RedriveResult> {
  const result: RedriveResult = { redriven: 0, unreadable: 0, failed: 0 };
  const say = options.onMessage ?? (() => {});
  while (result.redriven + result.failed + result.unreadable < options.max) {
    const batch = await queue.receive(Math.min(RECEIVE_BATCH, options.max - result.redriven));
    if (batch.length === 0) break;
    for (const message of batch) {
      const record = parseFailure(message.body);
      if (!record) {
        result.unreadable += 1;
        say(`message ${message.id}: not a Lambda failure record; left on the queue`);
        continue;
      }
      const target = options.functionName ?? record.requestContext.functionArn;
      const keys = objectKeys(record.requestPayload).join(', ') || '(no S3 keys)';
      if (options.dryRun) {
        say(`would re-drive ${keys} to ${target} (failed: ${record.requestContext.condition})`);
        result.redriven += 1;
        continue;
      }
      try {
        await invoke(target, record.requestPayload);
        await queue.remove(message);
        result.redriven += 1;
        say(`re-drove ${keys}`);
      } catch (error) {
        result.failed += 1;
        say(
          `could not re-drive ${keys}: ${error instanceof Error ? error.message : String(error)}; left on the queue`,
        );
      }
    }
    // A dry run never deletes, so the queue would hand the same messages back forever.
    if (options.dryRun) break;
  }
  return result;
}

function parseFailure(body: string): FailureRecord | null {
  try {
    const parsed = FailureRecordSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function objectKeys(payload: unknown): string[] {
  const records = (payload as { Records?: { s3?: { object?: { key?: unknown } } }[] } | null)?.Records;
  if (!Array.isArray(records)) return [];
  return records
    .map((record) => record.s3?.object?.key)
    .filter((key): key is string => typeof key === 'string')
    .map(decodeEventKey);
}
