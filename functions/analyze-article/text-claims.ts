import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { type Report, ReportSchema } from '../../shared/report-schema.ts';
import { reportKey } from '../../shared/store/layout.ts';
import { type ObjectStore, WriteConflictError } from '../lib/object-store.ts';
import { tombstoneKey } from './tombstone.ts';

// Republished stories: wire copy appears on many sites, and the same text dropped under several
// keys should count once. Each cleaned text gets a claim object, hashes/<sha>.json, naming the first
// article that had it; it is created with If-None-Match, so of two articles analysed at once
// exactly one wins, and the other's report says `duplicateOf` the winner. Not under reports/ or
// errors/, so claims trigger no index update.

export const TEXT_CLAIMS_PREFIX = 'hashes/';
const CLAIM_SCHEMA_VERSION = 1;
// A claim whose article has no report yet is honoured this long: its analysis may still be
// writing (the analyze function times out well within it). Older, it was abandoned.
const IN_FLIGHT_GRACE_MS = 15 * 60 * 1000;
// Each round is another writer claiming or releasing the same text; a few settle any burst.
const MAX_CLAIM_ATTEMPTS = 5;

const TextClaimSchema = z.object({
  schemaVersion: z.literal(CLAIM_SCHEMA_VERSION),
  textSha256: z.string(),
  articleId: z.string(),
  sourceKey: z.string(),
  claimedAt: z.iso.datetime(),
});

type TextClaim = z.infer<typeof TextClaimSchema>;

/** @example textClaimKey('9f86…') // 'hashes/9f86….json' */
export function textClaimKey(textSha256: string): string {
  return `${TEXT_CLAIMS_PREFIX}${textSha256}.json`;
}

/**
 * SHA-256 of a cleaned article text, with whitespace runs collapsed and Unicode normalised, so a
 * copy that only differs in line breaks or spacing hashes the same.
 *
 * @example textSha256('We  met.\n\nThey left.') === textSha256('We met. They left.') // true
 */
export function textSha256(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}

/**
 * Claims the text for `articleId` unless another live article claimed it first; returns that
 * article's id (the report's `duplicateOf`) or undefined when this article is the first.
 *
 * @example
 * await claimText(store, 'quote-tone-results', report) // 'harbour-deal-1bc51ef3' for a copy
 */
export async function claimText(
  store: ObjectStore,
  bucket: string,
  report: Report,
): Promise<string | undefined> {
  const { id: articleId, source } = report.article;
  const sha = report.article.textSha256 ?? textSha256(report.article.text);
  const claim: TextClaim = {
    schemaVersion: CLAIM_SCHEMA_VERSION,
    textSha256: sha,
    articleId,
    sourceKey: source.key,
    claimedAt: new Date().toISOString(),
  };
  // Most texts are new: try to create the claim before reading anything.
  try {
    await store.putJson(bucket, textClaimKey(sha), claim, { ifNoneMatch: '*' });
    return undefined;
  } catch (error) {
    if (!(error instanceof WriteConflictError)) throw error;
  }
  for (let attempt = 1; ; attempt += 1) {
    const stored = await readClaim(store, bucket, sha);
    if (stored?.value?.articleId === articleId) return undefined;
    if (stored?.value && (await isLive(store, bucket, stored.value))) return stored.value.articleId;
    try {
      await store.putJson(
        bucket,
        textClaimKey(sha),
        claim,
        stored ? { ifMatch: stored.etag ?? '' } : { ifNoneMatch: '*' },
      );
      return undefined;
    } catch (error) {
      if (!(error instanceof WriteConflictError) || attempt >= MAX_CLAIM_ATTEMPTS) throw error;
    }
  }
}

/**
 * Gives up the article's claim on its text (when its source is deleted), so the next copy
 * analysed becomes the first.
 *
 * @example
 * await releaseText(store, 'quote-tone-results', report)
 */
export async function releaseText(store: ObjectStore, bucket: string, report: Report): Promise<void> {
  const sha = report.article.textSha256;
  if (!sha) return;
  const stored = await readClaim(store, bucket, sha);
  if (stored?.value?.articleId !== report.article.id) return;
  try {
    await store.delete(bucket, textClaimKey(sha), { ifMatch: stored.etag ?? '' });
  } catch (error) {
    // Claimed meanwhile by another article: its claim stands.
    if (!(error instanceof WriteConflictError)) throw error;
  }
}

async function readClaim(
  store: ObjectStore,
  bucket: string,
  sha: string,
): Promise<{ value: TextClaim | null; etag: string | undefined } | null> {
  const object = await store.get(bucket, textClaimKey(sha));
  if (!object) return null;
  try {
    const parsed = TextClaimSchema.safeParse(JSON.parse(Buffer.from(object.body).toString('utf8')));
    return { value: parsed.success ? parsed.data : null, etag: object.etag };
  } catch {
    return { value: null, etag: object.etag };
  }
}

// The claimant still has this text, or is still writing its report (and was not deleted since).
async function isLive(store: ObjectStore, bucket: string, claim: TextClaim): Promise<boolean> {
  const stored = await store.get(bucket, reportKey(claim.articleId));
  if (stored) {
    try {
      const report = ReportSchema.safeParse(JSON.parse(Buffer.from(stored.body).toString('utf8')));
      return report.success && report.data.article.textSha256 === claim.textSha256;
    } catch {
      return false;
    }
  }
  if (await store.head(bucket, tombstoneKey(claim.articleId))) return false;
  return Date.now() - Date.parse(claim.claimedAt) < IN_FLIGHT_GRACE_MS;
}
