// zod/mini keeps the bundles small (13 KB against 450 KB for classic zod).
import * as z from 'zod/mini';
import { PipelineError } from './pipeline-error.ts';

// The subset of the S3 event notification we rely on (Powertools parser's S3 schema is the model).
const S3EventRecordSchema = z.object({
  eventName: z.string(),
  eventTime: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().check(z.minLength(1)) }),
    object: z.object({
      // URL-encoded, with "+" for space, exactly as AWS sends it.
      key: z.string().check(z.minLength(1)),
      // Absent on ObjectRemoved events.
      size: z.optional(z.int().check(z.minimum(0))),
      eTag: z.optional(z.string()),
      // Absent when the bucket is unversioned.
      versionId: z.nullish(z.string()),
      // Orders events for one key: a larger sequencer is a later change.
      sequencer: z.optional(z.string()),
    }),
  }),
});

export const S3EventSchema = z.object({ Records: z.array(S3EventRecordSchema).check(z.minLength(1)) });

export type S3EventRecord = z.infer<typeof S3EventRecordSchema>;
export type S3Event = z.infer<typeof S3EventSchema>;

export class InvalidEventError extends PipelineError {
  override readonly code = 'INVALID_EVENT';

  constructor(detail: string, options?: ErrorOptions) {
    super(`Expected an S3 event notification with Records, but ${detail}.`, options);
    this.name = 'InvalidEventError';
  }
}

/** @example parseS3Event(event).Records[0].s3.object.key */
export function parseS3Event(event: unknown): S3Event {
  const result = S3EventSchema.safeParse(event);
  if (!result.success) throw new InvalidEventError(z.prettifyError(result.error), { cause: result.error });
  return result.data;
}

/**
 * The object key as stored: S3 URL-encodes keys in events and writes spaces as "+".
 *
 * @example decodeEventKey('articles/talks+in+Rome+%C3%A9.txt') // 'articles/talks in Rome é.txt'
 */
export function decodeEventKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/**
 * The inverse of decodeEventKey, for local event sources that must look like AWS.
 *
 * @example encodeEventKey('articles/talks in Rome.txt') // 'articles/talks+in+Rome.txt'
 */
export function encodeEventKey(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%20/g, '+'))
    .join('/');
}

/**
 * True when sequencer `a` is later than `b`. Sequencers are hex strings of varying length;
 * S3 documents comparing them after right-padding the shorter with zeros.
 */
export function isLaterSequencer(a: string, b: string): boolean {
  const width = Math.max(a.length, b.length);
  return a.toUpperCase().padEnd(width, '0') > b.toUpperCase().padEnd(width, '0');
}
