// Where everything lives in the results bucket. One module owns the layout so the handler,
// the CLI, the dashboard and the Glue table agree on it.

export const UPLOAD_PREFIX = 'articles/';
export const REPORTS_PREFIX = 'reports/';
export const ERRORS_PREFIX = 'errors/';
export const INDEX_PREFIX = 'index/';
export const LAKE_PREFIX = 'lake/quotes/';

// What the dashboard reads from the results bucket, read-only: the index, the reports, and the
// error records its failed view links to. CloudFront (infra/dashboard-distribution.ts) and the local
// dashboard server (functions/local/dashboard-server.ts) serve these prefixes and nothing else, so
// the uploads, the lake and the store's internal claims stay private.
export const DASHBOARD_DATA_PREFIXES = [INDEX_PREFIX, REPORTS_PREFIX, ERRORS_PREFIX] as const;

/** @example reportKey('talks-1a2b3c4d') // 'reports/talks-1a2b3c4d.json' */
export function reportKey(articleId: string): string {
  return `${REPORTS_PREFIX}${articleId}.json`;
}

/** @example errorKey('talks-1a2b3c4d') // 'errors/talks-1a2b3c4d.json' */
export function errorKey(articleId: string): string {
  return `${ERRORS_PREFIX}${articleId}.json`;
}

// The index: a small manifest, article partitions by day (paged), per-speaker files and a bounded
// speaker listing. Every file update-index reads is bounded by a day's or a speaker's share of the
// store, never by the whole store (README, "The results store").

export const MANIFEST_KEY = `${INDEX_PREFIX}manifest.json`;
export const SPEAKER_LIST_KEY = `${INDEX_PREFIX}speaker-list.json`;
export const ARTICLE_PAGES_PREFIX = `${INDEX_PREFIX}articles/`;
export const SPEAKERS_PREFIX = `${INDEX_PREFIX}speakers/`;
export const LOCATORS_PREFIX = `${INDEX_PREFIX}by-article/`;
export const ENTRY_COPIES_PREFIX = `${INDEX_PREFIX}entries/`;

/**
 * A partition: the articles of one day. Dated by the article's own publication day when it gives a
 * readable one, otherwise by the day it was analysed, kept apart with an `undated-` prefix.
 *
 * @example partitionId('2026-11-28', false) // '2026-11-28'
 * @example partitionId('2026-11-28', true) // 'undated-2026-11-28'
 */
export function partitionId(day: string, undated: boolean): string {
  return undated ? `undated-${day}` : day;
}

/** @example articlePageKey('2026-11-28', 1) // 'index/articles/2026-11-28/1.json' */
export function articlePageKey(partition: string, page: number): string {
  return `${ARTICLE_PAGES_PREFIX}${partition}/${page}.json`;
}

/** @example speakerKey('anna-smith-3f1c9a2b') // 'index/speakers/anna-smith-3f1c9a2b.json' */
export function speakerKey(speakerId: string): string {
  return `${SPEAKERS_PREFIX}${speakerId}.json`;
}

/** @example speakerDayKey('anna-smith-3f1c9a2b', '2026-11-28') // 'index/speakers/anna-smith-3f1c9a2b/2026-11-28.json' */
export function speakerDayKey(speakerId: string, partition: string): string {
  return `${SPEAKERS_PREFIX}${speakerId}/${partition}.json`;
}

/** Where update-index records what it indexed for one article: its commit point. */
export function locatorKey(articleId: string): string {
  return `${LOCATORS_PREFIX}${articleId}.json`;
}

/** A marker of the entry under its page's prefix, so a damaged page is rebuilt from one listing. */
export function entryCopyKey(partition: string, page: number, articleId: string): string {
  return `${ENTRY_COPIES_PREFIX}${partition}/${page}/${articleId}.json`;
}

/** @example entryCopiesPrefix('2026-11-28', 1) // 'index/entries/2026-11-28/1/' */
export function entryCopiesPrefix(partition: string, page?: number): string {
  return `${ENTRY_COPIES_PREFIX}${partition}/${page === undefined ? '' : `${page}/`}`;
}
