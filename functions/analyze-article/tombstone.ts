import * as z from 'zod/mini';

// What a deletion leaves behind in the results bucket: the sequencer of the ObjectRemoved event.
// Reports and error records carry the sequencer of the version they describe; without a record of
// the deletion, a late create event for the deleted version (or an analysis that started before
// the delete and finishes after it) would find nothing newer and write its result back. Not under
// reports/ or errors/, so writing one triggers no index update; about 200 bytes per deleted article.
export const TOMBSTONES_PREFIX = 'tombstones/';
export const TOMBSTONE_SCHEMA_VERSION = 1;

export const TombstoneSchema = z.object({
  schemaVersion: z.literal(TOMBSTONE_SCHEMA_VERSION),
  articleId: z.string(),
  key: z.string(),
  // Absent only for events without one (never from S3 or the embedded server).
  sequencer: z.optional(z.string()),
  deletedAt: z.iso.datetime(),
});

export type Tombstone = z.infer<typeof TombstoneSchema>;

/** @example tombstoneKey('talks-1a2b3c4d') // 'tombstones/talks-1a2b3c4d.json' */
export function tombstoneKey(articleId: string): string {
  return `${TOMBSTONES_PREFIX}${articleId}.json`;
}
