import { analyzeArticle } from '../../shared/analyze-article.ts';
import { ANALYZER } from '../../shared/analyzer-info.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import { ArticleRefusedError } from '../../shared/errors.ts';
import { checkSize } from '../../shared/input-policy.ts';
import type { Report } from '../../shared/report-schema.ts';
import { ERROR_RECORD_SCHEMA_VERSION, type ErrorRecord } from '../../shared/store/error-record.ts';
import type { ArticleSource } from '../../shared/types.ts';
import { analyzerBuild } from '../lib/analyzer-build.ts';
import type { ObjectStore } from '../lib/object-store.ts';
import { PipelineError } from '../lib/pipeline-error.ts';
import { decodeEventKey, isLaterSequencer, type S3EventRecord } from '../lib/s3-event.ts';
import { type ArticleState, currentResult, isSuperseded, readArticleState } from './result-state.ts';
import { commitResult, removeResults, type WriteTarget } from './result-writes.ts';
import { claimText, settleText, textSha256 } from './text-claims.ts';

export interface AnalyzeConfig {
  resultsBucket: string;
  maxArticleBytes: number;
}

export type Outcome =
  | { status: 'analysed'; articleId: string; key: string; quotes: number; report: Report }
  | { status: 'refused'; articleId: string; key: string; code: string; reason: string }
  | { status: 'removed'; articleId: string; key: string }
  | { status: 'skipped'; articleId: string; key: string; reason: 'duplicate' | 'stale' | 'folder' };

// Re-analysis after an upgrade depends on it: a hash of the analysis core and its model, the same
// in Lambda bundles (fixed at bundle time) and locally (see functions/lib/analyzer-build.ts).
const ANALYZER_BUILD = analyzerBuild();

// A bug in the analyser will not go away on retry, so it becomes an error record like a refusal.
const ANALYSIS_FAILED = 'ANALYSIS_FAILED';

/**
 * Handles one S3 record: analyses a created article into `reports/<id>.json` (or `errors/<id>.json`),
 * or removes the results of a deleted one. Duplicate and out-of-order deliveries change nothing,
 * and no write can take an article back to an earlier version (see result-writes.ts).
 * S3 errors propagate so Lambda retries the event.
 *
 * @example
 * await analyzeObject(store, { resultsBucket: 'results', maxArticleBytes: 5_000_000 }, record)
 */
export async function analyzeObject(
  store: ObjectStore,
  config: AnalyzeConfig,
  record: S3EventRecord,
): Promise<Outcome> {
  const key = decodeEventKey(record.s3.object.key);
  const articleId = articleIdFromKey(key);
  const object = record.s3.object;
  const source: ArticleSource = {
    bucket: record.s3.bucket.name,
    key,
    ...(object.eTag ? { etag: object.eTag } : {}),
    ...(object.versionId ? { versionId: object.versionId } : {}),
    ...(object.sequencer ? { sequencer: object.sequencer } : {}),
  };
  const target: WriteTarget = { store, bucket: config.resultsBucket, articleId, source };
  const skipped = (reason: 'duplicate' | 'stale' | 'folder'): Outcome => ({
    status: 'skipped',
    articleId,
    key,
    reason,
  });
  // The S3 console's "create folder" writes an empty object named like "articles/2026/".
  if (key.endsWith('/')) return skipped('folder');

  const state = await readArticleState(store, config.resultsBucket, articleId);
  if (isSuperseded(state, source)) return skipped('stale');

  if (record.eventName.startsWith('ObjectRemoved')) {
    await removeResults(target, state);
    return { status: 'removed', articleId, key };
  }
  const current = currentResult(state);
  if (current && isSameVersion(current, source)) {
    await recordRedrop(target, state, current);
    // The delivery that wrote the report may have stopped before settling its text.
    await settleTexts(
      target,
      state,
      current.kind === 'report' ? (state.report?.value ?? undefined) : undefined,
    );
    return skipped('duplicate');
  }

  let report: Report;
  try {
    // Checked from the event, before downloading: a huge upload never reaches memory.
    if (object.size !== undefined) checkSize(object.size, config.maxArticleBytes);
    const stored = await store.get(source.bucket ?? '', key, source.versionId);
    // Deleted or overwritten since the event: the later change's own event describes the key.
    if (!stored || isOtherVersion(source, stored.etag)) return skipped('stale');
    // The embedded server's copy events carry no ETag (AWS's do): the result records the one read,
    // so the next local start sees this version as analysed instead of analysing it again.
    if (source.etag === undefined && stored.etag) source.etag = stored.etag.replace(/"/g, '');
    report = analyzeOrWrap(articleId, source, stored.body, config.maxArticleBytes);
  } catch (error) {
    if (!(error instanceof ArticleRefusedError || error instanceof AnalysisFailedError)) throw error;
    const failure = errorRecord(articleId, source, error);
    const committed = await commitResult(target, 'error', failure, state);
    await settleTexts(target, state, undefined);
    if (!committed) return skipped('stale');
    return { status: 'refused', articleId, key, code: failure.code, reason: failure.reason };
  }
  const claim = await markRepublished(store, config.resultsBucket, report);
  report = claim.report;
  const committed = await commitResult(target, 'report', report, state);
  // A new article that created the claim on a new text counts it: no other writer could take the
  // claim from it while it was writing (see isLive in text-claims.ts), and any copy settles itself
  // after its own write. The common case reads nothing more.
  const firstEver = !state.report && !state.error && !state.tombstone;
  if (!(committed && claim.created && firstEver)) await settleTexts(target, state, report);
  if (!committed) return skipped('stale');
  return { status: 'analysed', articleId, key, quotes: report.quotes.length, report };
}

class AnalysisFailedError extends PipelineError {
  override readonly code = ANALYSIS_FAILED;

  constructor(cause: unknown) {
    super(
      `Expected the analyser to finish, but it failed: ${cause instanceof Error ? cause.message : cause}`,
      {
        cause,
      },
    );
    this.name = 'AnalysisFailedError';
  }
}

// The same cleaned text under another key (wire copy on several sites) is marked as a copy of the
// first article that had it, so the index can count it once.
async function markRepublished(
  store: ObjectStore,
  bucket: string,
  report: Report,
): Promise<{ report: Report; created: boolean }> {
  const article = { ...report.article, textSha256: textSha256(report.article.text) };
  const { duplicateOf, created } = await claimText(store, bucket, { ...report, article });
  return { report: { ...report, article: duplicateOf ? { ...article, duplicateOf } : article }, created };
}

// After the article's result changed (or a write gave way), the claims on its texts agree with the
// store again (text-claims.ts): the article joins the claim on the text it has now, or takes it over
// if its first article went meanwhile, and a text it had before passes to its next copy.
async function settleTexts(
  target: WriteTarget,
  before: ArticleState,
  now: Report | undefined,
): Promise<void> {
  const { store, bucket, articleId } = target;
  const previous = before.report?.value?.article.textSha256;
  const sha = now?.article.textSha256;
  if (previous && previous !== sha) await settleText(store, bucket, previous);
  if (sha) await settleText(store, bucket, sha, [articleId]);
}

// Anything else the core throws is a bug in it (or an exhausted machine), never the input's fault.
function analyzeOrWrap(
  articleId: string,
  source: ArticleSource,
  content: Uint8Array,
  maxBytes: number,
): Report {
  try {
    return analyzeArticle({ id: articleId, source, content }, { maxBytes, build: ANALYZER_BUILD });
  } catch (error) {
    if (error instanceof ArticleRefusedError) throw error;
    throw new AnalysisFailedError(error);
  }
}

type CurrentResult = NonNullable<ReturnType<typeof currentResult>>;

// Same object version, analysed by an analyser that behaves the same: a repeated delivery or a
// re-drop of the same bytes.
function isSameVersion(current: CurrentResult, source: ArticleSource): boolean {
  const sameObject = source.versionId
    ? current.source.versionId === source.versionId
    : source.etag !== undefined && sameEtag(current.source.etag, source.etag);
  return sameObject && current.build === ANALYZER_BUILD;
}

// The same bytes uploaded again are a later change to the key: the stored result takes the new
// sequencer (and version id), so an event for a version in between cannot pass as the latest. The
// rewrite also re-announces the result to update-index, which is how a re-drop repairs a missing
// index entry. A repeated delivery of the same event writes nothing.
async function recordRedrop(target: WriteTarget, state: ArticleState, current: CurrentResult): Promise<void> {
  const { sequencer } = target.source;
  if (!sequencer || (current.source.sequencer && !isLaterSequencer(sequencer, current.source.sequencer)))
    return;
  const refreshed =
    current.kind === 'report' && state.report?.value
      ? { ...state.report.value, article: { ...state.report.value.article, source: target.source } }
      : state.error?.value && { ...state.error.value, source: target.source };
  if (refreshed) await commitResult(target, current.kind, refreshed, state);
}

// Without a version id (an unversioned bucket, the embedded server) the key may hold newer bytes
// than the event announced; its ETag tells.
function isOtherVersion(source: ArticleSource, storedEtag: string | undefined): boolean {
  if (source.versionId || source.etag === undefined || storedEtag === undefined) return false;
  return !sameEtag(source.etag, storedEtag);
}

// Events carry ETags bare, GetObject and HeadObject quoted.
function sameEtag(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.replace(/"/g, '') === b.replace(/"/g, '');
}

function errorRecord(
  articleId: string,
  source: ArticleSource,
  error: ArticleRefusedError | AnalysisFailedError,
): ErrorRecord {
  return {
    schemaVersion: ERROR_RECORD_SCHEMA_VERSION,
    articleId,
    status: 'failed',
    code: error.code,
    reason: error.message,
    source: { ...source, bucket: source.bucket },
    analyzer: { name: ANALYZER.name, version: ANALYZER.version, build: ANALYZER_BUILD },
    failedAt: new Date().toISOString(),
  };
}
