// Reads the store through the same origin: index/ and reports/ sit beside the page, served by
// CloudFront on AWS and by the local dashboard server from the embedded S3 store.

const ARTICLES_URL = 'index/articles.json';
const SPEAKERS_URL = 'index/speakers.json';

/** The store has no index yet: nothing has been analysed. */
export class IndexMissingError extends Error {
  constructor() {
    super('No index yet: drop an article to get started.');
    this.name = 'IndexMissingError';
  }
}

/**
 * Both index files, as parsed JSON plus the raw text (to tell whether anything changed).
 *
 * @returns {Promise<{ articles: any, speakers: any, version: string }>}
 */
export async function loadIndex() {
  const [articles, speakers] = await Promise.all([fetchText(ARTICLES_URL), fetchText(SPEAKERS_URL)]);
  if (articles === null) throw new IndexMissingError();
  return {
    articles: JSON.parse(articles),
    speakers: speakers === null ? { speakers: [] } : JSON.parse(speakers),
    version: articles + (speakers ?? ''),
  };
}

/**
 * One article's full report.
 *
 * @param {string} id
 */
export async function loadReport(id) {
  const text = await fetchText(`reports/${encodeURIComponent(id)}.json`);
  if (text === null) throw new Error(`The report of ${id} is gone: the article may have been removed.`);
  return JSON.parse(text);
}

/** @param {string} url @returns {Promise<string | null>} null when the file does not exist */
async function fetchText(url) {
  const response = await fetch(url, { cache: 'no-store' });
  // CloudFront answers 403 for a missing object in a private bucket, the local server 404.
  if (response.status === 404 || response.status === 403) return null;
  if (!response.ok) throw new Error(`Expected ${url} to load, but the server answered ${response.status}.`);
  return response.text();
}
