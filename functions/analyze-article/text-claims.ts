import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { Report } from '../../shared/report-schema.ts';
import { reportKey } from '../../shared/store/layout.ts';
import { type ObjectStore, WriteConflictError } from '../lib/object-store.ts';
import { type ArticleState, isSuperseded, readArticleState } from './result-state.ts';

// Republished stories: wire copy appears on many sites, and the same text dropped under several
// keys should count once. Each cleaned text gets a claim object, hashes/<sha>.json, naming the first
// article that had it; it is created with If-None-Match, so of two articles analysed at once
// exactly one wins, and the other's report says `duplicateOf` the winner. Not under reports/ or
// errors/, so claims trigger no index update.
//
// The claim also lists the copies, so the story keeps counting once when its first article goes
// (deleted, or re-analysed with another text): the claim passes to the oldest remaining copy,
// whose report is rewritten without `duplicateOf`, and the other copies' reports are pointed at it
// (settleText). Every writer that changes a claim, a report with a text, or a tombstone settles
// the text after its own write; each settling reads the claim and then the articles, and writes
// only on the ETags it read, so of two writers that race the later one always sees the other's
// write, as in result-writes.ts.

export const TEXT_CLAIMS_PREFIX = 'hashes/';
const CLAIM_SCHEMA_VERSION = 1;
// A claim whose article has no report yet is honoured this long: its analysis may still be
// writing (the analyze function times out well within it). Older, it was abandoned.
const IN_FLIGHT_GRACE_MS = 15 * 60 * 1000;
// Each round is another writer claiming or releasing the same text; a few settle any burst.
const MAX_CLAIM_ATTEMPTS = 5;
// Settling conflicts whenever another copy of the text is written at the same time (each joins the
// claim), so a wire story dropped on many sites at once needs more rounds, spread by a random wait
// up to a growing cap ("full jitter", as update-index retries its files).
const MAX_SETTLE_ATTEMPTS = 10;
const SETTLE_BASE_DELAY_MS = 25;
const SETTLE_MAX_DELAY_MS = 1_000;

const TextClaimSchema = z.object({
  schemaVersion: z.literal(CLAIM_SCHEMA_VERSION),
  textSha256: z.string(),
  articleId: z.string(),
  sourceKey: z.string(),
  claimedAt: z.iso.datetime(),
  // The other articles with this text, oldest first: their reports say `duplicateOf` articleId,
  // and the first of them still there takes the claim over. Absent in claims written before
  // copies were listed (`quote-tone reindex` lists them).
  copies: z.optional(z.array(z.string())),
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

/** What claiming a text found: the article the text counts under, if not this one. */
export interface ClaimOutcome {
  /** The first article with the text (the report's `duplicateOf`); undefined when this one is. */
  duplicateOf: string | undefined;
  /** The claim was new: once this article's report is written, there is nothing to settle. */
  created: boolean;
}

/**
 * Claims the text for the report's article unless another live article claimed it first; returns
 * that article's id (the report's `duplicateOf`) or undefined when this article is the first. A
 * claim taken over from an article that is gone keeps its copies, which settleText then points here.
 *
 * @example
 * await claimText(store, 'quote-tone-results', report) // { duplicateOf: 'harbour-deal-1bc51ef3', created: false }
 */
export async function claimText(store: ObjectStore, bucket: string, report: Report): Promise<ClaimOutcome> {
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
    return { duplicateOf: undefined, created: true };
  } catch (error) {
    if (!(error instanceof WriteConflictError)) throw error;
  }
  for (let attempt = 1; ; attempt += 1) {
    const stored = await readClaim(store, bucket, sha);
    const owner = stored?.value;
    if (owner?.articleId === articleId) return { duplicateOf: undefined, created: false };
    if (owner && isLive(owner, await readArticleState(store, bucket, owner.articleId))) {
      return { duplicateOf: owner.articleId, created: false };
    }
    const copies = (owner?.copies ?? []).filter((id) => id !== articleId);
    try {
      await writeClaim(store, bucket, stored, { ...claim, ...(copies.length > 0 ? { copies } : {}) });
      return { duplicateOf: undefined, created: false };
    } catch (error) {
      if (!(error instanceof WriteConflictError) || attempt >= MAX_CLAIM_ATTEMPTS) throw error;
    }
  }
}

/**
 * Brings the claim on a text and the reports of the articles it lists (and of `joining`) into line
 * with what the store holds now, after any of them changed: the claim stays with its article while
 * that article has the text (or is still writing its first report), else passes to the oldest
 * listed article that has it, or is deleted when none has; articles without the text leave the
 * list; each listed report is rewritten, on its ETag, to say `duplicateOf` the claim's article, or
 * nothing for that article itself. Returns the ids of the reports it rewrote.
 *
 * @example
 * // After 'wire-1a2b3c4d', the first with the text, was deleted:
 * await settleText(store, 'quote-tone-results', sha) // ['site-two-5e6f7a8b', 'site-three-9c0d1e2f']
 */
export async function settleText(
  store: ObjectStore,
  bucket: string,
  sha: string,
  joining: readonly string[] = [],
): Promise<string[]> {
  const revised = new Set<string>();
  for (let attempt = 1; ; attempt += 1) {
    try {
      await settleOnce(store, bucket, sha, joining, revised);
      return [...revised];
    } catch (error) {
      // Another writer changed the claim or a listed report since this round read it: read again.
      if (!(error instanceof WriteConflictError) || attempt >= MAX_SETTLE_ATTEMPTS) throw error;
      const cap = Math.min(SETTLE_MAX_DELAY_MS, SETTLE_BASE_DELAY_MS * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * cap));
    }
  }
}

interface Listed {
  id: string;
  state: ArticleState;
}

async function settleOnce(
  store: ObjectStore,
  bucket: string,
  sha: string,
  joining: readonly string[],
  revised: Set<string>,
): Promise<void> {
  const stored = await readClaim(store, bucket, sha);
  const claim = stored?.value ?? null;
  const ids = [...new Set([claim?.articleId, ...(claim?.copies ?? []), ...joining])].filter(
    (id): id is string => id !== undefined,
  );
  const listed: Listed[] = await Promise.all(
    ids.map(async (id) => ({ id, state: await readArticleState(store, bucket, id) })),
  );
  const holders = listed.filter(({ state }) => holdsText(state, sha));
  const stays = claim && isLive(claim, listed.find(({ id }) => id === claim.articleId)?.state);
  const owner = stays ? claim : successorClaim(sha, holders[0]);
  if (!owner) {
    if (stored) await deleteClaim(store, bucket, sha, stored.etag);
    return;
  }
  const copies = holders.map(({ id }) => id).filter((id) => id !== owner.articleId);
  const unchanged = claim?.articleId === owner.articleId && `${claim.copies ?? []}` === `${copies}`;
  if (!unchanged) await writeClaim(store, bucket, stored, { ...owner, copies });
  for (const { id, state } of holders) {
    const duplicateOf = id === owner.articleId ? undefined : owner.articleId;
    const report = state.report?.value;
    if (report && report.article.duplicateOf !== duplicateOf) {
      await reviseReport(store, bucket, report, state.report?.etag, duplicateOf);
      revised.add(id);
    }
  }
}

// The claim as the copy taking it over writes it.
function successorClaim(sha: string, successor: Listed | undefined): TextClaim | null {
  const report = successor?.state.report?.value;
  if (!successor || !report) return null;
  return {
    schemaVersion: CLAIM_SCHEMA_VERSION,
    textSha256: sha,
    articleId: successor.id,
    sourceKey: report.article.source.key,
    claimedAt: new Date().toISOString(),
  };
}

// A report rewritten only in `duplicateOf`, conditionally on the version read. If the article's
// deletion (or a newer version) landed meanwhile, the rewrite is undone, as commitResult undoes
// its writes: the remover may have read the report before it, and its delete would then miss it.
async function reviseReport(
  store: ObjectStore,
  bucket: string,
  read: Report,
  etag: string | undefined,
  duplicateOf: string | undefined,
): Promise<void> {
  const { duplicateOf: _previous, ...article } = read.article;
  const report: Report = { ...read, article: duplicateOf ? { ...article, duplicateOf } : article };
  const key = reportKey(article.id);
  const written = await store.putJson(bucket, key, report, etag === undefined ? {} : { ifMatch: etag });
  const after = await readArticleState(store, bucket, article.id, 'report');
  if (!isSuperseded(after, article.source)) return;
  try {
    await store.delete(bucket, key, { ifMatch: written });
  } catch (error) {
    // Replaced meanwhile: the newer write's author settles it.
    if (!(error instanceof WriteConflictError)) throw error;
  }
}

// The article has this text now: its report says so and no later change to its key (a deletion,
// a newer version) is stored.
function holdsText(state: ArticleState, sha: string): boolean {
  const report = state.report?.value;
  return report?.article.textSha256 === sha && !isSuperseded(state, report.article.source);
}

// The claimant still has this text, or is still writing its first result (and was not deleted
// since). One that has another result is gone from the text; if it is writing a new one, it
// settles the text itself afterwards.
function isLive(claim: TextClaim, state: ArticleState | undefined): boolean {
  if (!state) return false;
  if (holdsText(state, claim.textSha256)) return true;
  if (state.report || state.error || state.tombstone) return false;
  return Date.now() - Date.parse(claim.claimedAt) < IN_FLIGHT_GRACE_MS;
}

type StoredClaim = { value: TextClaim | null; etag: string | undefined };

async function writeClaim(
  store: ObjectStore,
  bucket: string,
  stored: StoredClaim | null,
  claim: TextClaim,
): Promise<void> {
  await store.putJson(
    bucket,
    textClaimKey(claim.textSha256),
    claim,
    stored ? { ifMatch: stored.etag ?? '' } : { ifNoneMatch: '*' },
  );
}

// No article has the text any more: the next one analysed with it is the first.
async function deleteClaim(store: ObjectStore, bucket: string, sha: string, etag: string | undefined) {
  await store.delete(bucket, textClaimKey(sha), { ifMatch: etag ?? '' });
}

async function readClaim(store: ObjectStore, bucket: string, sha: string): Promise<StoredClaim | null> {
  const object = await store.get(bucket, textClaimKey(sha));
  if (!object) return null;
  try {
    const parsed = TextClaimSchema.safeParse(JSON.parse(Buffer.from(object.body).toString('utf8')));
    return { value: parsed.success ? parsed.data : null, etag: object.etag };
  } catch {
    return { value: null, etag: object.etag };
  }
}
