import { analyzeArticle } from '../../shared/analyze-article.ts';
import { analyzerFingerprint } from '../../shared/analyzer-fingerprint.ts';
import { ANALYZER } from '../../shared/analyzer-info.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import { QuoteToneError } from '../../shared/errors.ts';
import { checkSize } from '../../shared/input-policy.ts';
import type { Report } from '../../shared/report-schema.ts';
import { ERROR_RECORD_SCHEMA_VERSION, type ErrorRecord } from '../../shared/store/error-record.ts';
import { errorKey, reportKey } from '../../shared/store/layout.ts';
import type { ArticleSource } from '../../shared/types.ts';
import type { ObjectStore } from '../lib/object-store.ts';
import { decodeEventKey, isLaterSequencer, type S3EventRecord } from '../lib/s3-event.ts';

export interface AnalyzeConfig {
  resultsBucket: string;
  maxArticleBytes: number;
}

export type Outcome =
  | { status: 'analysed'; articleId: string; key: string; quotes: number; report: Report }
  | { status: 'refused'; articleId: string; key: string; code: string; reason: string }
  | { status: 'removed'; articleId: string; key: string }
  | { status: 'skipped'; articleId: string; key: string; reason: 'duplicate' | 'stale' };

// Re-analysis after an upgrade depends on it. Lambda bundles get it fixed at bundle time (a hash of
// the core's sources, see infra/analyzer-build.ts); elsewhere it is computed once per process.
const ANALYZER_BUILD = process.env.QUOTE_TONE_ANALYZER_BUILD || analyzerFingerprint();

// A bug in the analyser will not go away on retry, so it becomes an error record like a refusal.
const ANALYSIS_FAILED = 'ANALYSIS_FAILED';

/**
 * Handles one S3 record: analyses a created article into `reports/<id>.json` (or `errors/<id>.json`),
 * or removes the results of a deleted one. Duplicate and out-of-order deliveries change nothing.
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

  const previous = await readPrevious(store, config.resultsBucket, articleId);
  if (previous && isStale(previous, source)) return { status: 'skipped', articleId, key, reason: 'stale' };

  if (record.eventName.startsWith('ObjectRemoved')) {
    await store.delete(config.resultsBucket, reportKey(articleId));
    await store.delete(config.resultsBucket, errorKey(articleId));
    return { status: 'removed', articleId, key };
  }
  if (previous && isSameVersion(previous, source))
    return { status: 'skipped', articleId, key, reason: 'duplicate' };

  try {
    // Checked from the event, before downloading: a huge upload never reaches memory.
    if (object.size !== undefined) checkSize(object.size, config.maxArticleBytes);
    const stored = await store.get(source.bucket ?? '', key, source.versionId);
    if (!stored) return { status: 'skipped', articleId, key, reason: 'stale' };
    const report = analyzeOrWrap(articleId, source, stored.body, config.maxArticleBytes);
    await store.putJson(config.resultsBucket, reportKey(articleId), report);
    await store.delete(config.resultsBucket, errorKey(articleId));
    return { status: 'analysed', articleId, key, quotes: report.quotes.length, report };
  } catch (error) {
    if (!(error instanceof QuoteToneError)) throw error;
    const record = errorRecord(articleId, source, error);
    await store.putJson(config.resultsBucket, errorKey(articleId), record);
    await store.delete(config.resultsBucket, reportKey(articleId));
    return { status: 'refused', articleId, key, code: record.code, reason: record.reason };
  }
}

class AnalysisFailedError extends QuoteToneError {
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

function analyzeOrWrap(
  articleId: string,
  source: ArticleSource,
  content: Uint8Array,
  maxBytes: number,
): Report {
  try {
    return analyzeArticle({ id: articleId, source, content }, { maxBytes, build: ANALYZER_BUILD });
  } catch (error) {
    if (error instanceof QuoteToneError) throw error;
    throw new AnalysisFailedError(error);
  }
}

type PreviousSource = { source: ArticleSource; analyzer: { version: string; build?: string } };

async function readPrevious(
  store: ObjectStore,
  bucket: string,
  articleId: string,
): Promise<PreviousSource | null> {
  const report = await store.getJson<Report>(bucket, reportKey(articleId));
  if (report) return { source: report.value.article.source, analyzer: report.value.analyzer };
  const failure = await store.getJson<ErrorRecord>(bucket, errorKey(articleId));
  return failure ? { source: failure.value.source, analyzer: failure.value.analyzer } : null;
}

// Same object version, analysed by an analyser that behaves the same: a repeated delivery.
function isSameVersion(previous: PreviousSource, source: ArticleSource): boolean {
  const sameObject = source.versionId
    ? previous.source.versionId === source.versionId
    : source.etag !== undefined && previous.source.etag === source.etag;
  return sameObject && previous.analyzer.build === ANALYZER_BUILD;
}

// The stored result came from a later change to the key than this event describes.
function isStale(previous: PreviousSource, source: ArticleSource): boolean {
  const before = previous.source.sequencer;
  return before !== undefined && source.sequencer !== undefined && isLaterSequencer(before, source.sequencer);
}

function errorRecord(articleId: string, source: ArticleSource, error: QuoteToneError): ErrorRecord {
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
