import { Buffer } from 'node:buffer';
import type * as z from 'zod/mini';
import { type Report, ReportSchema } from '../../shared/report-schema.ts';
import { type ErrorRecord, ErrorRecordSchema } from '../../shared/store/error-record.ts';
import { errorKey, reportKey } from '../../shared/store/layout.ts';
import type { ArticleSource } from '../../shared/types.ts';
import type { ObjectStore } from '../lib/object-store.ts';
import { isLaterSequencer } from '../lib/s3-event.ts';
import { type Tombstone, TombstoneSchema, tombstoneKey } from './tombstone.ts';

// What the results bucket holds for one article, read before and after every write so each step
// can tell whether a newer change to the article's key has landed meanwhile.

/** One stored file: its ETag (for conditional writes and deletes) and its content when valid. */
export interface StoredFile<T> {
  etag: string | undefined;
  /** null when the file does not parse or validate: treated as absent, but overwritten with If-Match. */
  value: T | null;
}

export interface ArticleState {
  report: StoredFile<Report> | null;
  error: StoredFile<ErrorRecord> | null;
  tombstone: StoredFile<Tombstone> | null;
}

export type ResultKind = 'report' | 'error';

/** The key of an article's report or error record. */
export function resultKey(kind: ResultKind, articleId: string): string {
  return kind === 'report' ? reportKey(articleId) : errorKey(articleId);
}

/**
 * Reads the article's report, error record and tombstone. `skip` names a result file not worth
 * reading (the one the caller just wrote): it comes back as null.
 *
 * @example await readArticleState(store, 'quote-tone-results', 'talks-1a2b3c4d')
 */
export async function readArticleState(
  store: ObjectStore,
  bucket: string,
  articleId: string,
  skip?: ResultKind,
): Promise<ArticleState> {
  const [report, error, tombstone] = await Promise.all([
    skip === 'report' ? null : readValidated(store, bucket, reportKey(articleId), ReportSchema),
    skip === 'error' ? null : readValidated(store, bucket, errorKey(articleId), ErrorRecordSchema),
    readValidated(store, bucket, tombstoneKey(articleId), TombstoneSchema),
  ]);
  return { report, error, tombstone };
}

async function readValidated<T>(
  store: ObjectStore,
  bucket: string,
  key: string,
  schema: z.ZodMiniType<T>,
): Promise<StoredFile<T> | null> {
  const object = await store.get(bucket, key);
  if (!object) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(object.body).toString('utf8'));
  } catch {
    // A truncated or hand-edited file must never block re-analysis.
    return { etag: object.etag, value: null };
  }
  const result = schema.safeParse(parsed);
  return { etag: object.etag, value: result.success ? result.data : null };
}

/** The source a stored report or error record describes. */
export function sourceOfResult(state: ArticleState, kind: ResultKind): ArticleSource | undefined {
  return kind === 'report' ? state.report?.value?.article.source : (state.error?.value?.source ?? undefined);
}

/** Every sequencer the article's stored files carry: its results' versions and its deletion. */
function storedSequencers(state: ArticleState): string[] {
  return [
    sourceOfResult(state, 'report')?.sequencer,
    sourceOfResult(state, 'error')?.sequencer,
    state.tombstone?.value?.sequencer,
  ].filter((sequencer): sequencer is string => sequencer !== undefined);
}

/**
 * True when the store already reflects a later change to the key than `source` (a newer version's
 * result, or a deletion after it): writing for `source` would take the article backwards.
 */
export function isSuperseded(state: ArticleState, source: ArticleSource): boolean {
  const sequencer = source.sequencer;
  if (sequencer === undefined) return false;
  return storedSequencers(state).some((stored) => isLaterSequencer(stored, sequencer));
}

/** The valid result (report or error record) describing the latest version, if any. */
export function currentResult(
  state: ArticleState,
): { kind: ResultKind; source: ArticleSource; build: string | undefined } | null {
  const candidates: { kind: ResultKind; source: ArticleSource; build: string | undefined }[] = [];
  if (state.report?.value) {
    const { article, analyzer } = state.report.value;
    candidates.push({ kind: 'report', source: article.source, build: analyzer.build });
  }
  if (state.error?.value) {
    const { source, analyzer } = state.error.value;
    candidates.push({ kind: 'error', source, build: analyzer.build });
  }
  const [first, second] = candidates;
  if (!first || !second) return first ?? null;
  const [a, b] = [first.source.sequencer, second.source.sequencer];
  return a !== undefined && b !== undefined && isLaterSequencer(b, a) ? second : first;
}
