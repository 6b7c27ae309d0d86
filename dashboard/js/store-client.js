// The dashboard's access to the results store, over the same origin: index/ and reports/ sit beside
// the page, served by CloudFront on AWS and by the local dashboard server from the embedded S3.
//
// The index is bounded (see README, "The results store"): a small manifest lists the partitions (one
// per day, newest first, each in pages); the client loads the manifest, then the newest partition,
// and older partitions only when asked. Every request is conditional: a file fetched before is asked
// for with If-None-Match, so polling an unchanged store costs a 304 per file and downloads nothing.
// No DOM here: views build on the data this module returns.

const MANIFEST_URL = 'index/manifest.json';
const SPEAKER_LIST_URL = 'index/speaker-list.json';
// Partitions fetched at once when loading many: enough to hide latency, few enough not to flood.
const PARALLEL_LOADS = 6;

/** The store has no index yet: nothing has been analysed. */
export class IndexMissingError extends Error {
  constructor() {
    super('No index yet: drop an article to get started.');
    this.name = 'IndexMissingError';
  }
}

/**
 * @typedef {{ articles: number, failed: number, quotes: number, scoreSum: number,
 *   labels: { positive: number, negative: number, neutral: number, mixed: number } }} Tally
 * @typedef {{ id: string, day: string, undated: boolean, tally: Tally,
 *   pages: { page: number, rev: number, tally: Tally }[] }} PartitionRow
 * @typedef {{ rev: number, updatedAt: string, pageSize: number, totals: Tally, partitions: PartitionRow[] }} Manifest
 */

/**
 * A client for one dashboard: it remembers what it loaded (and each file's ETag) so polls re-fetch
 * only what changed.
 *
 * @example
 * const store = createStoreClient();
 * await store.start();            // manifest + newest partition + speaker list
 * store.entries();                // the loaded article entries, newest first
 * await store.loadOlder();        // one more partition
 * const { changed } = await store.poll();
 *
 * @param {{ fetch?: typeof fetch, base?: string }} [options]
 */
export function createStoreClient(options = {}) {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.base ?? '';
  /** @type {Map<string, { etag: string | null, value: any }>} */
  const cache = new Map();
  /** @type {Manifest | null} */
  let manifest = null;
  /** @type {any} */
  let speakerList = null;
  /** Partitions whose pages are loaded, in manifest order. @type {Set<string>} */
  const loaded = new Set();
  /** @type {Map<string, any>} page URL -> page file */
  const pages = new Map();
  const stats = { requests: 0, notModified: 0, bytes: 0 };

  /**
   * A JSON file, asked for conditionally when it was fetched before. `changed` is false on a 304.
   *
   * @param {string} path
   * @returns {Promise<{ value: any, changed: boolean } | null>} null when the file does not exist
   */
  async function getJson(path) {
    const cached = cache.get(path);
    const headers = cached?.etag ? { 'If-None-Match': cached.etag } : {};
    stats.requests += 1;
    // no-store: the browser's own cache would hide the 304 this client counts on.
    const response = await fetchImpl(`${base}${path}`, { cache: 'no-store', headers });
    if (response.status === 304 && cached) {
      stats.notModified += 1;
      return { value: cached.value, changed: false };
    }
    // CloudFront answers 403 for a missing object in a private bucket, the local server 404.
    if (response.status === 404 || response.status === 403) {
      cache.delete(path);
      return null;
    }
    if (!response.ok)
      throw new Error(`Expected ${path} to load, but the server answered ${response.status}.`);
    const text = await response.text();
    stats.bytes += text.length;
    const value = JSON.parse(text);
    cache.set(path, { etag: response.headers.get('ETag'), value });
    return { value, changed: true };
  }

  /** @param {string} partition @param {number} page */
  const pageUrl = (partition, page) => `index/articles/${encodeURIComponent(partition)}/${page}.json`;

  /** Loads (or re-validates) every non-empty page of a partition. */
  async function loadPartition(row) {
    let changed = false;
    await Promise.all(
      row.pages
        .filter((page) => page.tally.articles > 0)
        .map(async (page) => {
          const url = pageUrl(row.id, page.page);
          const result = await getJson(url);
          if (!result) pages.delete(url);
          else pages.set(url, result.value);
          changed ||= result?.changed ?? true;
        }),
    );
    // Pages that emptied since.
    for (const url of pages.keys()) {
      if (url.startsWith(`index/articles/${encodeURIComponent(row.id)}/`)) {
        const number = Number(url.slice(url.lastIndexOf('/') + 1, -'.json'.length));
        if (!row.pages.some((page) => page.page === number && page.tally.articles > 0)) {
          pages.delete(url);
          changed = true;
        }
      }
    }
    loaded.add(row.id);
    return changed;
  }

  async function loadManifest() {
    const result = await getJson(MANIFEST_URL);
    if (!result) throw new IndexMissingError();
    manifest = result.value;
    return result.changed;
  }

  async function loadSpeakerList() {
    const result = await getJson(SPEAKER_LIST_URL);
    speakerList = result?.value ?? null;
    return result?.changed ?? false;
  }

  const client = {
    stats,

    /** The manifest, once loaded. */
    manifest: () => manifest,

    /** First view: the manifest, the newest partition with articles, and the speaker list. */
    async start() {
      await loadManifest();
      const newest = manifest?.partitions.find((row) => row.tally.articles > 0);
      await Promise.all([newest ? loadPartition(newest) : null, loadSpeakerList()]);
    },

    /** True when partitions older than the loaded ones have articles. */
    hasOlder() {
      return (manifest?.partitions ?? []).some((row) => !loaded.has(row.id) && row.tally.articles > 0);
    },

    /** Loads the next partition (the newest not loaded yet); false when there is none. */
    async loadOlder() {
      const next = manifest?.partitions.find((row) => !loaded.has(row.id) && row.tally.articles > 0);
      if (!next) return false;
      await loadPartition(next);
      return true;
    },

    /**
     * Loads every partition not loaded yet, a few at a time, reporting progress as (loaded, total).
     * A search or a sort over the whole store needs them all; the manifest bounds how many there are.
     *
     * @param {(done: number, total: number) => void} [onProgress]
     */
    async loadAll(onProgress) {
      const rows = (manifest?.partitions ?? []).filter(
        (row) => !loaded.has(row.id) && row.tally.articles > 0,
      );
      let done = 0;
      const queue = [...rows];
      const worker = async () => {
        for (let row = queue.shift(); row; row = queue.shift()) {
          await loadPartition(row);
          done += 1;
          onProgress?.(done, rows.length);
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_LOADS, rows.length) }, worker));
      return rows.length > 0;
    },

    /** How many articles the loaded partitions hold. */
    loadedArticles() {
      return (manifest?.partitions ?? [])
        .filter((row) => loaded.has(row.id))
        .reduce((sum, row) => sum + row.tally.articles, 0);
    },

    /**
     * Re-validates the manifest; when it changed, the loaded partitions whose pages changed (and a
     * new newest partition) and the speaker list. `changed` is false when the store is as it was.
     */
    async poll() {
      if (!(await loadManifest())) return { changed: false };
      const rows = manifest?.partitions ?? [];
      const newest = rows.find((row) => row.tally.articles > 0);
      const wanted = rows.filter((row) => loaded.has(row.id) || row === newest);
      await Promise.all([...wanted.map((row) => loadPartition(row)), loadSpeakerList()]);
      // Partitions that are gone from the manifest (all their articles removed).
      for (const id of loaded) if (!rows.some((row) => row.id === id)) loaded.delete(id);
      return { changed: true };
    },

    /** The loaded entries, newest first. */
    entries() {
      const all = [];
      for (const row of manifest?.partitions ?? []) {
        if (!loaded.has(row.id)) continue;
        for (const page of row.pages) all.push(...(pages.get(pageUrl(row.id, page.page))?.articles ?? []));
      }
      return all.sort((a, b) =>
        a.analyzedAt !== b.analyzedAt ? (a.analyzedAt < b.analyzedAt ? 1 : -1) : a.id < b.id ? -1 : 1,
      );
    },

    /** The speaker list file (the most quoted speakers), or null before the first speaker. */
    speakerList: () => speakerList,

    /**
     * One article's entry, from the loaded pages or, for an article on an unloaded page, from its
     * locator (index/by-article/<id>.json). Null when it is not in the index.
     *
     * @param {string} id
     */
    async entry(id) {
      const loadedEntry = client.entries().find((entry) => entry.id === id);
      if (loadedEntry) return loadedEntry;
      const locator = await getJson(`index/by-article/${encodeURIComponent(id)}.json`);
      return locator?.value.entry ?? null;
    },

    /** A speaker's head file: figures, per-day series, name forms, latest quotes. @param {string} id */
    async speaker(id) {
      return (await getJson(`index/speakers/${encodeURIComponent(id)}.json`))?.value ?? null;
    },

    /** A speaker's quotes of one partition (a day). @param {string} id @param {string} partition */
    async speakerDay(id, partition) {
      return (
        (await getJson(`index/speakers/${encodeURIComponent(id)}/${encodeURIComponent(partition)}.json`))
          ?.value ?? null
      );
    },

    /** One article's full report. @param {string} id */
    async report(id) {
      const result = await getJson(`reports/${encodeURIComponent(id)}.json`);
      if (!result) throw new Error(`The report of ${id} is gone: the article may have been removed.`);
      return result.value;
    },
  };
  return client;
}
