import * as z from 'zod/mini';

// `quote-tone reanalyse` asks for a fresh analysis by copying an upload onto itself with a new
// value of this user metadata: the copy is a new S3 event (and on AWS a new object version), while
// the bytes, and so the ETag, stay the same. The value is when the re-analysis was requested, so an
// upload whose value is later than its result's analysis still waits for that re-analysis.
export const REANALYSED_META = 'quote-tone-reanalysed-at';

// Before its first copy, `reanalyse` records what it was asked for in the upload bucket, outside
// articles/ so the record triggers nothing, and deletes the record once every copy is made. A
// record still there is a run that was stopped: the next run picks up the copies it never made.
export const REANALYSIS_REQUESTS_PREFIX = 'reanalyse-requests/';

export const ReanalysisRequestSchema = z.object({
  requestedAt: z.iso.datetime(),
  /** The upload keys the run was asked to re-analyse. */
  keys: z.array(z.string()),
});

export type ReanalysisRequest = z.infer<typeof ReanalysisRequestSchema>;

/** @example reanalysisRequestKey('2026-11-28T09:30:00.000Z') // 'reanalyse-requests/2026-11-28T09-30-00-000Z.json' */
export function reanalysisRequestKey(requestedAt: string): string {
  // Colons and dots would be awkward as file names in the local store.
  return `${REANALYSIS_REQUESTS_PREFIX}${requestedAt.replace(/[:.]/g, '-')}.json`;
}

/**
 * True when `later` names a time after `earlier`; an absent or unreadable time is never later.
 *
 * @example isLaterTime('2026-11-28T09:30:01.000Z', '2026-11-28T09:30:00.000Z') // true
 */
export function isLaterTime(later: string | undefined, earlier: string | undefined): boolean {
  const [a, b] = [Date.parse(later ?? ''), Date.parse(earlier ?? '')];
  return Number.isFinite(a) && (!Number.isFinite(b) || a > b);
}
