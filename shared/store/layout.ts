// Where everything lives in the results bucket. One module owns the layout so the handler,
// the CLI, the dashboard and the Glue table agree on it.

export const UPLOAD_PREFIX = 'articles/';
export const REPORTS_PREFIX = 'reports/';
export const ERRORS_PREFIX = 'errors/';
export const INDEX_PREFIX = 'index/';
export const LAKE_PREFIX = 'lake/quotes/';

/** @example reportKey('talks-1a2b3c4d') // 'reports/talks-1a2b3c4d.json' */
export function reportKey(articleId: string): string {
  return `${REPORTS_PREFIX}${articleId}.json`;
}

/** @example errorKey('talks-1a2b3c4d') // 'errors/talks-1a2b3c4d.json' */
export function errorKey(articleId: string): string {
  return `${ERRORS_PREFIX}${articleId}.json`;
}
