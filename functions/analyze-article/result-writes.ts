import type { ArticleSource } from '../../shared/types.ts';
import { type ObjectStore, type PutOptions, WriteConflictError } from '../lib/object-store.ts';
import { isLaterSequencer } from '../lib/s3-event.ts';
import {
  type ArticleState,
  isSuperseded,
  type ResultKind,
  readArticleState,
  resultKey,
  sourceOfResult,
} from './result-state.ts';
import { settleText } from './text-claims.ts';
import { TOMBSTONE_SCHEMA_VERSION, type Tombstone, tombstoneKey } from './tombstone.ts';

// Writes that cannot go backwards. Every write of a report, error record or tombstone is
// conditional on the ETag read before it (If-None-Match when there was none), so it fails if any
// other writer got there first; on that conflict the article is read again and the write gives up
// if a later change to the key (by sequencer) has landed. After a write, the article is read once
// more: whatever the write supersedes (the other result file, older) is deleted, and if a later
// change landed on another file meanwhile (a newer version's error record, a deletion's
// tombstone), this write is undone. Two writers that race therefore always meet: each reads after
// its own write, so at least one sees the other's. Deletes are conditional too, so a delete never
// removes a write it has not seen; and a file is deleted only when it exists, so a versioned bucket
// gets no needless delete markers and update-index no event where nothing changed.

/** The article a write is for: where its files live and which change to the key it reflects. */
export interface WriteTarget {
  store: ObjectStore;
  bucket: string;
  articleId: string;
  source: ArticleSource;
}

// Each conflict means another writer of this article's files won a round; with S3 delivering a
// few events per key, a handful of rounds is plenty, and a still-failing write is retried by Lambda.
const MAX_WRITE_ATTEMPTS = 5;

/**
 * Writes `body` as the article's report or error record unless a later change to the key is (or
 * becomes) stored; then deletes the other result file if it exists. False when it gave way.
 *
 * @example
 * await commitResult(target, 'report', report, await readArticleState(store, bucket, id))
 */
export async function commitResult(
  target: WriteTarget,
  kind: ResultKind,
  body: unknown,
  read: ArticleState,
): Promise<boolean> {
  const { store, bucket, articleId, source } = target;
  const key = resultKey(kind, articleId);
  let state = read;
  let written: string | undefined;
  for (let attempt = 1; written === undefined; attempt += 1) {
    try {
      written = await store.putJson(bucket, key, body, conditionOn(state[kind]));
    } catch (error) {
      if (!(error instanceof WriteConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      state = await readArticleState(store, bucket, articleId);
      if (isSuperseded(state, source)) return false;
    }
  }

  // Our own file needs no reading: if a later version overwrote it, the undo below is refused by
  // its condition, and that writer settles the article itself.
  const after = await readArticleState(store, bucket, articleId, kind);
  if (isSuperseded(after, source)) {
    await deleteIfUnchanged(store, bucket, key, written);
    return false;
  }
  const other: ResultKind = kind === 'report' ? 'error' : 'report';
  const stale = after[other];
  if (stale) await deleteIfUnchanged(store, bucket, resultKey(other, articleId), stale.etag);
  return true;
}

/**
 * Records the deletion of the article's source (a tombstone with the event's sequencer), then
 * deletes its report and error record if they exist and describe an earlier version. A report's
 * text is settled first (see text-claims.ts): when the article was the first with it, its next
 * copy takes over. First, so a retry after a failure in between still finds the report and its text.
 *
 * @example
 * await removeResults(target, await readArticleState(store, bucket, id))
 */
export async function removeResults(target: WriteTarget, read: ArticleState): Promise<void> {
  const { store, bucket, articleId, source } = target;
  const tombstone: Tombstone = {
    schemaVersion: TOMBSTONE_SCHEMA_VERSION,
    articleId,
    key: source.key,
    ...(source.sequencer ? { sequencer: source.sequencer } : {}),
    deletedAt: new Date().toISOString(),
  };
  let state = read;
  for (let attempt = 1; !isRecorded(state, source); attempt += 1) {
    try {
      await store.putJson(bucket, tombstoneKey(articleId), tombstone, conditionOn(state.tombstone));
      break;
    } catch (error) {
      if (!(error instanceof WriteConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      state = await readArticleState(store, bucket, articleId);
    }
  }

  const after = await readArticleState(store, bucket, articleId);
  for (const kind of ['report', 'error'] as const) {
    const file = after[kind];
    if (!file) continue;
    const described = sourceOfResult(after, kind)?.sequencer;
    // A version created after this deletion keeps its result.
    if (described && source.sequencer && isLaterSequencer(described, source.sequencer)) continue;
    const sha = kind === 'report' ? after.report?.value?.article.textSha256 : undefined;
    if (sha) await settleText(store, bucket, sha);
    await deleteIfUnchanged(store, bucket, resultKey(kind, articleId), file.etag);
  }
}

// A tombstone as late as this deletion (or later) is already stored: nothing to write.
function isRecorded(state: ArticleState, source: ArticleSource): boolean {
  const stored = state.tombstone?.value?.sequencer;
  if (!stored || !source.sequencer) return false;
  return !isLaterSequencer(source.sequencer, stored);
}

function conditionOn(file: { etag: string | undefined } | null): PutOptions {
  if (!file) return { ifNoneMatch: '*' };
  return file.etag === undefined ? {} : { ifMatch: file.etag };
}

// A file that changed since it was read belongs to a writer that will settle it itself.
async function deleteIfUnchanged(
  store: ObjectStore,
  bucket: string,
  key: string,
  etag: string | undefined,
): Promise<void> {
  try {
    await store.delete(bucket, key, etag === undefined ? {} : { ifMatch: etag });
  } catch (error) {
    if (!(error instanceof WriteConflictError)) throw error;
  }
}
