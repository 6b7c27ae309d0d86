import { currentEntry } from '../../shared/store/article-entry.ts';
import {
  ARTICLE_PAGES_PREFIX,
  ERRORS_PREFIX,
  INDEX_PREFIX,
  LAKE_PREFIX,
  LOCATORS_PREFIX,
  MANIFEST_KEY,
  REPORTS_PREFIX,
  reportKey,
  SPEAKER_LIST_KEY,
} from '../../shared/store/layout.ts';
import {
  currentLocator,
  type EntryFootprint,
  entryDigest,
  type StoredLocator,
  StoredLocatorSchema,
} from '../../shared/store/locator.ts';
import { ManifestSchema } from '../../shared/store/manifest.ts';
import { SpeakerListSchema } from '../../shared/store/speaker-files.ts';
import { settleText } from '../analyze-article/text-claims.ts';
import { parseCheckedJson } from '../lib/compiled-check.ts';
import { MalformedObjectError, type ObjectStore, parseJsonObject } from '../lib/object-store.ts';
import type { S3EventRecord } from '../lib/s3-event.ts';
import { forEachLimited, IO_CONCURRENCY, readDerived, readResults } from './derived-files.ts';
import { updateIndexBatch } from './update-index.ts';

// `quote-tone reindex`: every derived file (manifest, pages, speaker files, list, locators, entry
// markers, lake) rebuilt from reports/ and errors/, the only files that are not derived. It first
// takes stock of what the index says (damaged files, articles missing or outdated, entries of
// articles that are gone), then clears index/ and lake/ and feeds every article through the same
// batch update the queue drives, so the rebuilt index is exactly what live updates produce.
// Before all that it settles republished stories (text-claims.ts): a store from before claims
// listed their copies can hold copies still marked `duplicateOf` an article that is gone, which
// would leave the story out of every speaker's figures.

const REBUILD_BATCH = 100;

export interface ReindexSummary {
  articles: number;
  analysed: number;
  failed: number;
  speakers: number;
  /** Derived files that did not parse (up to the first 20 keys; `damagedCount` counts all). */
  damaged: string[];
  damagedCount: number;
  /** Articles with a result but no index entry. */
  missing: string[];
  /** Articles whose index entry did not match their current result. */
  outdated: string[];
  /** Index entries of articles whose results are gone. */
  stale: string[];
  /**
   * Articles a page lists without their commit record (a locator), or on two pages: what a crash
   * between a page write and the locator write leaves, which later updates cannot see.
   */
  unrecorded: string[];
  /**
   * Copies of a republished story whose report named the wrong article to count under (one that
   * is gone), now pointing at the copy that counts, or counting themselves.
   */
  republished: string[];
  /** Records that could not be indexed (an unreadable report), with the reason. */
  failures: { key: string; reason: string }[];
  derivedFilesRemoved: number;
}

export interface ReindexProgress {
  phase: 'scanning' | 'clearing' | 'indexing';
  done: number;
  total: number;
}

const MAX_LISTED = 20;

/** @example await reindex(store, 'quote-tone-results', (p) => console.error(p)) */
export async function reindex(
  store: ObjectStore,
  bucket: string,
  onProgress: (progress: ReindexProgress) => void = () => {},
): Promise<ReindexSummary> {
  const ids = new Set<string>();
  for (const prefix of [REPORTS_PREFIX, ERRORS_PREFIX]) {
    for await (const key of store.list(bucket, prefix)) {
      const rest = key.slice(prefix.length);
      if (rest.endsWith('.json') && !rest.includes('/')) ids.add(rest.slice(0, -'.json'.length));
    }
  }

  const republished = await settleRepublished(store, bucket, ids);

  // What the index says now.
  const derived: string[] = [];
  for (const prefix of [INDEX_PREFIX, LAKE_PREFIX])
    for await (const key of store.list(bucket, prefix)) derived.push(key);
  const damaged: string[] = [];
  const indexed = new Map<string, EntryFootprint>();
  const listedOnPages: string[] = [];
  let scanned = 0;
  await forEachLimited(
    derived.filter((key) => key.startsWith(INDEX_PREFIX)),
    IO_CONCURRENCY,
    async (key) => {
      const object = await store.get(bucket, key);
      scanned += 1;
      if (scanned % 500 === 0) onProgress({ phase: 'scanning', done: scanned, total: derived.length });
      if (!object) return;
      try {
        const schema = schemaOf(key);
        const value = schema
          ? parseCheckedJson(bucket, key, object.body, schema)
          : parseJsonObject(bucket, key, object.body);
        if (key.startsWith(LOCATORS_PREFIX)) {
          const locator = currentLocator(value as StoredLocator);
          if (locator.footprint) indexed.set(locator.articleId, locator.footprint);
        } else if (key.startsWith(ARTICLE_PAGES_PREFIX)) {
          listedOnPages.push(...pageEntryIds(value));
        }
      } catch (error) {
        if (!(error instanceof MalformedObjectError)) throw error;
        damaged.push(key);
      }
    },
  );

  const missing: string[] = [];
  const outdated: string[] = [];
  await forEachLimited([...ids], IO_CONCURRENCY, async (id) => {
    const before = indexed.get(id);
    if (before === undefined) {
      missing.push(id);
      return;
    }
    const now = currentEntry(await readResults(store, bucket, id, { skipUnreadable: true }));
    if (!now || entryDigest(now) !== before.digest) outdated.push(id);
  });
  const stale = [...indexed.keys()].filter((id) => !ids.has(id));
  const unrecorded = unrecordedEntries(listedOnPages, new Set(indexed.keys()));

  // Clear, then rebuild through the live update path.
  let cleared = 0;
  await forEachLimited(derived, IO_CONCURRENCY * 2, async (key) => {
    await store.delete(bucket, key);
    cleared += 1;
    if (cleared % 500 === 0) onProgress({ phase: 'clearing', done: cleared, total: derived.length });
  });
  onProgress({ phase: 'clearing', done: derived.length, total: derived.length });

  const all = [...ids].sort();
  const failures: { key: string; reason: string }[] = [];
  let analysed = 0;
  let failed = 0;
  for (let start = 0; start < all.length; start += REBUILD_BATCH) {
    const records = all.slice(start, start + REBUILD_BATCH).map(
      (id): S3EventRecord => ({
        eventName: 'ObjectCreated:Put',
        eventTime: new Date().toISOString(),
        s3: { bucket: { name: bucket }, object: { key: reportKey(id) } },
      }),
    );
    const results = await updateIndexBatch(store, { resultsBucket: bucket }, records);
    for (const result of results) {
      if ('error' in result) failures.push({ key: result.key, reason: String(result.error) });
      else if (result.outcome.status === 'analysed') analysed += 1;
      else if (result.outcome.status === 'failed') failed += 1;
    }
    onProgress({ phase: 'indexing', done: Math.min(start + REBUILD_BATCH, all.length), total: all.length });
  }
  const list = await readDerived(store, bucket, SPEAKER_LIST_KEY, SpeakerListSchema);
  return {
    articles: analysed + failed,
    analysed,
    failed,
    speakers: list.value?.speakers ?? 0,
    damaged: damaged.sort().slice(0, MAX_LISTED),
    damagedCount: damaged.length,
    missing: missing.sort(),
    outdated: outdated.sort(),
    stale: stale.sort(),
    unrecorded,
    republished,
    failures,
    derivedFilesRemoved: derived.length,
  };
}

// Every text that more than one report has, or that a copy has, gets its claim listing every
// article with it (oldest analysis first, so the oldest copy counts when the first is gone) and
// their reports set to match. Returns the ids of the reports rewritten.
async function settleRepublished(
  store: ObjectStore,
  bucket: string,
  ids: ReadonlySet<string>,
): Promise<string[]> {
  const byText = new Map<string, { id: string; analyzedAt: string; copy: boolean }[]>();
  await forEachLimited([...ids], IO_CONCURRENCY, async (id) => {
    const { report } = await readResults(store, bucket, id, { skipUnreadable: true });
    const sha = report?.article.textSha256;
    if (!report || !sha) return;
    const group = byText.get(sha) ?? [];
    group.push({ id, analyzedAt: report.analyzedAt, copy: report.article.duplicateOf !== undefined });
    byText.set(sha, group);
  });
  const revised: string[] = [];
  const texts = [...byText].filter(([, group]) => group.length > 1 || group.some(({ copy }) => copy));
  await forEachLimited(texts, IO_CONCURRENCY, async ([sha, group]) => {
    group.sort((a, b) => a.analyzedAt.localeCompare(b.analyzedAt) || a.id.localeCompare(b.id));
    const oldestFirst = group.map(({ id }) => id);
    revised.push(...(await settleText(store, bucket, sha, oldestFirst)));
  });
  return revised.sort();
}

/**
 * The ids that pages list without a commit record, or list twice, sorted: entries no later update
 * can find (it places an article by its locator), so a removal leaves them and a re-analysis
 * doubles them.
 *
 * @example unrecordedEntries(['a', 'b', 'b'], new Set(['a', 'b'])) // ['b']
 */
export function unrecordedEntries(
  listedOnPages: readonly string[],
  committed: ReadonlySet<string>,
): string[] {
  const seen = new Set<string>();
  const unrecorded = new Set<string>();
  for (const id of listedOnPages) {
    if (!committed.has(id) || seen.has(id)) unrecorded.add(id);
    seen.add(id);
  }
  return [...unrecorded].sort();
}

function pageEntryIds(page: unknown): string[] {
  const articles = (page as { articles?: unknown }).articles;
  if (!Array.isArray(articles)) return [];
  return articles.flatMap((entry: unknown) => {
    const id = (entry as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}

// Every derived JSON file parses; the ones the index leans on are checked against their schema.
function schemaOf(key: string) {
  if (key === MANIFEST_KEY) return ManifestSchema;
  if (key === SPEAKER_LIST_KEY) return SpeakerListSchema;
  if (key.startsWith(LOCATORS_PREFIX)) return StoredLocatorSchema;
  return undefined;
}
