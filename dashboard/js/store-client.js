// The dashboard's access to the results store, over the same origin: index/ and reports/ sit beside
// the page, served by CloudFront on AWS and by the local dashboard server from the embedded S3.
//
// The index is bounded (see README, "The results store"): a small manifest lists the partitions (one
// per day, newest first, each in pages of about 100 articles); the client loads the manifest, then
// the newest page, and older pages only when asked. Every request is conditional: a file fetched before is asked
// for with If-None-Match, so polling an unchanged store costs a 304 per file and downloads nothing.
// No DOM here: views build on the data this module returns.

const MANIFEST_URL = 'index/manifest.json';
const SPEAKER_LIST_URL = 'index/speaker-list.json';
// Partitions fetched at once when loading many: enough to hide latency, few enough not to flood.
const PARALLEL_LOADS = 6;

/**
 * A tally as the views use it, from the packed array the index stores where it lists many
 * (shared/store/tally.ts, packTally: [articles, failed, quotes, scoreSum, positive, negative,
 * neutral, mixed]). An object is returned as it is.
 *
 * @example unpackTally([2, 0, 3, 0.5, 1, 1, 1, 0]).quotes // 3
 * @param {number[] | Tally} packed
 * @returns {Tally}
 */
export function unpackTally(packed) {
  if (!Array.isArray(packed)) return packed;
  const [articles, failed, quotes, scoreSum, positive, negative, neutral, mixed] = packed;
  return { articles, failed, quotes, scoreSum, labels: { positive, negative, neutral, mixed } };
}

/**
 * A month's days from the head's bit mask (shared/store/speaker-files.ts, maskOfDays: bit d-1 for
 * day d). An array is returned as it is.
 *
 * @example daysOfMask(5) // [1, 3]
 * @param {number | number[]} mask
 * @returns {number[]}
 */
export function daysOfMask(mask) {
  if (Array.isArray(mask)) return mask;
  const days = [];
  for (let day = 1; day <= 31; day++) if (Math.floor(mask / 2 ** (day - 1)) % 2 === 1) days.push(day);
  return days;
}

/**
 * A head's month row by name, from the array the head stores (shared/store/speaker-files.ts,
 * monthRow: [month, tally, days, undatedDays, undated?]). An object is returned as it is.
 *
 * @example monthFields(['2026-11', [1, 0, 1, 0.5, 1, 0, 0, 0], 4, 0]).days // 4
 * @param {any} row
 * @returns {{ month: string, tally: number[], days: number, undatedDays: number, undated?: number[] }}
 */
export function monthFields(row) {
  if (!Array.isArray(row)) return row;
  const [month, tally, days, undatedDays, undated] = row;
  return { month, tally, days, undatedDays, ...(undated ? { undated } : {}) };
}

/**
 * A page with each entry's speaker label counts by name, from the array the page stores
 * (shared/store/article-entry.ts, packLabels: [positive, negative, neutral, mixed]). Counts
 * already by name are kept as they are, so unpacking twice is harmless.
 *
 * @param {any} page
 */
export function unpackPage(page) {
  return {
    ...page,
    articles: page.articles.map((/** @type {any} */ entry) =>
      entry.status === 'analysed'
        ? {
            ...entry,
            speakers: entry.speakers.map((/** @type {any} */ speaker) => ({
              ...speaker,
              labels: labelCounts(speaker.labels),
            })),
          }
        : entry,
    ),
  };
}

/** @param {number[] | import('./model.js').LabelCounts} labels @returns {import('./model.js').LabelCounts} */
function labelCounts(labels) {
  if (!Array.isArray(labels)) return labels;
  const [positive, negative, neutral, mixed] = labels;
  return { positive, negative, neutral, mixed };
}

/** The manifest with its tallies unpacked. @param {any} stored @returns {Manifest} */
function unpackManifest(stored) {
  return {
    ...stored,
    totals: unpackTally(stored.totals),
    partitions: stored.partitions.map((/** @type {any} */ row) => ({
      ...row,
      tally: unpackTally(row.tally),
      pages: row.pages.map((/** @type {any} */ page) => ({ ...page, tally: unpackTally(page.tally) })),
    })),
  };
}

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
 * await store.start();            // manifest + newest page + speaker list
 * store.entries();                // the loaded article entries, newest first
 * await store.loadOlder();        // one more page
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
  /** Page URLs the reader has loaded. @type {Set<string>} */
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

  /** Every non-empty page in the manifest, newest first (newest partition, its last page first). */
  function pageRefs() {
    const refs = [];
    for (const row of manifest?.partitions ?? []) {
      const pagesOfRow = row.pages.filter((page) => page.tally.articles > 0).sort((a, b) => b.page - a.page);
      for (const page of pagesOfRow) refs.push(pageUrl(row.id, page.page));
    }
    return refs;
  }

  /** Loads (or re-validates) one page. @param {string} url */
  async function loadPage(url) {
    const result = await getJson(url);
    if (!result) pages.delete(url);
    else pages.set(url, unpackPage(result.value));
    loaded.add(url);
    return result?.changed ?? true;
  }

  async function loadManifest() {
    const result = await getJson(MANIFEST_URL);
    if (!result) throw new IndexMissingError();
    if (result.changed || !manifest) manifest = unpackManifest(result.value);
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

    /** First view: the manifest, the newest page of articles, and the speaker list. */
    async start() {
      await loadManifest();
      const [newest] = pageRefs();
      await Promise.all([newest ? loadPage(newest) : null, loadSpeakerList()]);
    },

    /** True when pages older than the loaded ones have articles. */
    hasOlder() {
      return pageRefs().some((url) => !loaded.has(url));
    },

    /** Loads the next page (the newest not loaded yet); false when there is none. */
    async loadOlder() {
      const next = pageRefs().find((url) => !loaded.has(url));
      if (!next) return false;
      await loadPage(next);
      return true;
    },

    /**
     * Loads every page not loaded yet, a few at a time, reporting progress as (loaded, total).
     * A search or a sort over the whole store needs them all; the manifest bounds how many there are.
     *
     * @param {(done: number, total: number) => void} [onProgress]
     */
    async loadAll(onProgress) {
      const urls = pageRefs().filter((url) => !loaded.has(url));
      let done = 0;
      const queue = [...urls];
      const worker = async () => {
        for (let url = queue.shift(); url; url = queue.shift()) {
          await loadPage(url);
          done += 1;
          onProgress?.(done, urls.length);
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_LOADS, urls.length) }, worker));
      return urls.length > 0;
    },

    /** How many articles the loaded pages hold. */
    loadedArticles() {
      let sum = 0;
      for (const row of manifest?.partitions ?? []) {
        for (const page of row.pages) if (loaded.has(pageUrl(row.id, page.page))) sum += page.tally.articles;
      }
      return sum;
    },

    /**
     * Re-validates the manifest; when it changed, the loaded pages (each a 304 unless it changed),
     * a new newest page and the speaker list. `changed` is false when the store is as it was.
     */
    async poll() {
      if (!(await loadManifest())) return { changed: false };
      const refs = pageRefs();
      for (const url of [...loaded]) {
        if (!refs.includes(url)) {
          loaded.delete(url);
          pages.delete(url);
        }
      }
      const wanted = refs.filter((url, index) => loaded.has(url) || index === 0);
      await Promise.all([...wanted.map((url) => loadPage(url)), loadSpeakerList()]);
      return { changed: true };
    },

    /** The loaded entries, newest first. */
    entries() {
      const all = [];
      for (const url of loaded) all.push(...(pages.get(url)?.articles ?? []));
      return all.sort((a, b) =>
        a.analyzedAt !== b.analyzedAt ? (a.analyzedAt < b.analyzedAt ? 1 : -1) : a.id < b.id ? -1 : 1,
      );
    },

    /** The speaker list file (the most quoted speakers), or null before the first speaker. */
    speakerList: () => speakerList,

    /**
     * One article's entry, from the loaded pages or, for an article on an unloaded page, from the
     * page its locator (index/by-article/<id>.json) names. Null when it is not in the index.
     *
     * @param {string} id
     */
    async entry(id) {
      const loadedEntry = client.entries().find((entry) => entry.id === id);
      if (loadedEntry) return loadedEntry;
      const locator = (await getJson(`index/by-article/${encodeURIComponent(id)}.json`))?.value;
      // Locators written before footprints held the entry itself.
      if (locator?.entry !== undefined) return locator.entry;
      const footprint = locator?.footprint;
      if (!footprint || !locator.page) return null;
      const partition = footprint.undated ? `undated-${footprint.day}` : footprint.day;
      const page = await getJson(pageUrl(partition, locator.page));
      if (!page) return null;
      return (
        unpackPage(page.value).articles.find((/** @type {{ id: string }} */ entry) => entry.id === id) ?? null
      );
    },

    /**
     * A speaker's head file: figures, month series (tallies unpacked), name forms, roles, latest
     * quotes. @param {string} id
     */
    async speaker(id) {
      const head = (await getJson(`index/speakers/${encodeURIComponent(id)}.json`))?.value ?? null;
      if (!head) return null;
      return {
        ...head,
        months: head.months.map(monthFields).map((row) => ({
          ...row,
          tally: unpackTally(row.tally),
          days: daysOfMask(row.days),
          undatedDays: daysOfMask(row.undatedDays),
          ...(row.undated ? { undated: unpackTally(row.undated) } : {}),
        })),
      };
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

    // --- Progressive loading, for a search or sort over every day (dashboard lane) -------------

    /**
     * Loads the next `count` pages not loaded yet, newest first, in parallel; resolves to how many
     * it asked for (0 when every page is loaded). A caller loops over it, so it can stop between
     * rounds and show what it has so far.
     *
     * @param {number} count
     */
    async loadNextPages(count) {
      const next = pageRefs()
        .filter((url) => !loaded.has(url))
        .slice(0, count);
      await Promise.all(next.map((url) => loadPage(url)));
      return next.length;
    },

    /** Days (partitions with articles) whose every page is loaded, of all such days. */
    searchedDays() {
      const days = (manifest?.partitions ?? []).filter((row) => row.tally.articles > 0);
      const done = days.filter((row) =>
        row.pages.every((page) => page.tally.articles === 0 || loaded.has(pageUrl(row.id, page.page))),
      );
      return { done: done.length, total: days.length };
    },
  };
  return client;
}
