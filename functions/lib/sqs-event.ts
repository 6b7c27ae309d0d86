import * as z from 'zod/mini';
import { PipelineError } from './pipeline-error.ts';
import { type S3EventRecord, S3EventSchema } from './s3-event.ts';

// update-index is fed by an SQS queue that the results bucket notifies: each message's body is one
// S3 event notification (S3 puts one record in each), and Lambda hands the function up to a batch
// of messages. The local pipeline builds the same shape (functions/local/event-bridge.ts).

const SqsRecordSchema = z.object({
  messageId: z.string().check(z.minLength(1)),
  body: z.string(),
  // The EventSourceMapping adds more (receiptHandle, attributes, eventSourceARN); we read these.
  attributes: z.optional(z.object({ ApproximateReceiveCount: z.optional(z.string()) })),
});

export const SqsEventSchema = z.object({ Records: z.array(SqsRecordSchema) });

export type SqsRecord = z.infer<typeof SqsRecordSchema>;
export type SqsEvent = z.infer<typeof SqsEventSchema>;

/** The Lambda response that reports only the failed messages, so SQS redelivers just those. */
export interface SqsBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/** One S3 record and the message that carried it. */
export interface QueuedS3Record {
  messageId: string;
  record: S3EventRecord;
}

export class InvalidSqsEventError extends PipelineError {
  override readonly code = 'INVALID_SQS_EVENT';

  constructor(detail: string, options?: ErrorOptions) {
    super(`Expected an SQS event with Records, but ${detail}.`, options);
    this.name = 'InvalidSqsEventError';
  }
}

/**
 * The S3 records of an SQS batch, and the messages that hold none: S3's one-off s3:TestEvent
 * (sent when the notification is configured) is `ignored`; a body that is neither is `invalid`,
 * to be reported as failed so it ends in the dead-letter queue instead of vanishing.
 *
 * @example
 * const { records, invalid } = s3RecordsOfSqsEvent(event)
 */
export function s3RecordsOfSqsEvent(event: unknown): {
  records: QueuedS3Record[];
  ignored: string[];
  invalid: { messageId: string; reason: string }[];
} {
  const parsed = SqsEventSchema.safeParse(event);
  if (!parsed.success) throw new InvalidSqsEventError(z.prettifyError(parsed.error), { cause: parsed.error });
  const records: QueuedS3Record[] = [];
  const ignored: string[] = [];
  const invalid: { messageId: string; reason: string }[] = [];
  for (const message of parsed.data.Records) {
    let body: unknown;
    try {
      body = JSON.parse(message.body);
    } catch {
      invalid.push({ messageId: message.messageId, reason: 'the body is not JSON' });
      continue;
    }
    if (isTestEvent(body)) {
      ignored.push(message.messageId);
      continue;
    }
    const s3 = S3EventSchema.safeParse(body);
    if (!s3.success) {
      invalid.push({ messageId: message.messageId, reason: z.prettifyError(s3.error).split('\n')[0] ?? '' });
      continue;
    }
    for (const record of s3.data.Records) records.push({ messageId: message.messageId, record });
  }
  return { records, ignored, invalid };
}

function isTestEvent(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { Event?: unknown }).Event === 's3:TestEvent';
}
