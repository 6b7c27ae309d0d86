import { gzipSync } from 'node:zlib';
import type { Report } from '../../shared/report-schema.ts';
import { type ArticleEntry, currentEntry, entryPartition } from '../../shared/store/article-entry.ts';
import {
  emptyPage,
  INDEX_SCHEMA_VERSION,
  type PageRef,
  withPageChanges,
} from '../../shared/store/article-pages.ts';
import {
  articlePageKey,
  ERRORS_PREFIX,
  entryCopyKey,
  locatorKey,
  MANIFEST_KEY,
  REPORTS_PREFIX,
  SPEAKER_LIST_KEY,
  speakerDayKey,
  speakerKey,
} from '../../shared/store/layout.ts';
import {
  currentLocator,
  type EntryFootprint,
  entryDigest,
  footprintOf,
  type Locator,
  StoredLocatorSchema,
} from '../../shared/store/locator.ts';
import {
  emptyManifest,
  type Manifest,
  type PageTally,
  pageFor,
  withPageTallies,
} from '../../shared/store/manifest.ts';
import { lakeKey, toLakeFile } from '../../shared/store/quote-lake.ts';
import {
  type ArticleSpeakerQuotes,
  emptySpeakerDay,
  emptySpeakerHead,
  emptySpeakerList,
  HEAD_LATEST_QUOTES,
  type HeadChange,
  rolesOf,
  rowOf,
  SpeakerListSchema,
  type SpeakerQuote,
  type SpeakerRow,
  speakerQuotesOf,
  withDayChanges,
  withHeadChange,
  withRows,
} from '../../shared/store/speaker-files.ts';
import { emptyTally } from '../../shared/store/tally.ts';
import { type ObjectStore, WriteConflictError } from '../lib/object-store.ts';
import { PipelineError } from '../lib/pipeline-error.ts';
import { decodeEventKey, type S3EventRecord } from '../lib/s3-event.ts';
import {
  forEachLimited,
  IO_CONCURRENCY,
  noteRepair,
  putDerived,
  type Read,
  type RepairLog,
  readDerived,
  readManifest,
  readPage,
  readResults,
  readSpeakerDay,
  readSpeakerHead,
} from './derived-files.ts';
import { IndexContentionError, type RetryOptions, retryOnConflict } from './retry-on-conflict.ts';

// How a batch of results-bucket events becomes index changes, with nothing read that grows with the
// store:
// 1. Per article: read its locator (index/by-article/<id>.json: what was indexed last, with its
//    ETag), THEN what the store holds now (report, error record, or neither). Unchanged: done.
// 2. Apply the change to every derived file it touches, each with a conditional read-modify-write:
//    lake file, the page(s) it leaves and enters, the speaker day files, the speaker heads, the
//    speaker list and the manifest. Each change is "set this article's contribution", so applying
//    it twice is harmless, and figures move by the article's old and new contributions only.
//    Summaries flow upwards by rev (page -> manifest, day -> head -> list): an older summary
//    arriving late never replaces a newer one.
// 3. Write each locator with If-Match on the ETag read in step 1. It fails only if another run
//    committed the same article meanwhile; then this article goes round again (re-read, and undo
//    what this run applied as well as what the other committed), so the last commit always reflects
//    the store after the last change, whatever order events arrive in.

// No Content-Encoding: Athena (and any S3 reader) gets the .gz bytes as stored. Compressed in
// place: a lake file is one article's quotes (a few KB), which gzipSync packs in about 20 µs,
// while zlib's asynchronous path spends some 60 µs of this thread on its stream per file.
const LAKE_TYPE = 'application/gzip';
const JSON_TYPE = 'application/json; charset=utf-8';
// An entry marker's body: its key is what counts.
const ENTRY_MARKER = '{}\n';
// Rounds for articles whose locator write lost a race (each round re-reads them).
const MAX_ROUNDS = 10;

export interface UpdateIndexConfig {
  resultsBucket: string;
  retry?: RetryOptions;
  /** The clock for the manifest's updatedAt; injectable for tests. */
  now?: () => string;
}

export type IndexOutcome = {
  articleId: string;
  key: string;
  /** What the article's index entry is now; `unchanged` when it already matched the store. */
  status: 'analysed' | 'failed' | 'removed' | 'unchanged';
  /** Rounds it took to commit (1 = no conflict). */
  attempts: number;
};

/** A results key that is neither `reports/<id>.json` nor `errors/<id>.json`. */
export class UnexpectedResultKeyError extends PipelineError {
  override readonly code = 'UNEXPECTED_RESULT_KEY';

  constructor(key: string) {
    super(`Expected a key like reports/<id>.json or errors/<id>.json, but got "${key}".`);
    this.name = 'UnexpectedResultKeyError';
  }
}

/** What became of one record of a batch: its outcome, or why it could not be indexed. */
export type RecordResult = { key: string; outcome: IndexOutcome } | { key: string; error: unknown };

/**
 * Brings the article named by one results-bucket event into the index. Safe to run concurrently,
 * repeatedly and out of order.
 *
 * @example
 * await updateIndex(store, { resultsBucket: 'quote-tone-results' }, record) // { status: 'analysed', ... }
 */
export async function updateIndex(
  store: ObjectStore,
  config: UpdateIndexConfig,
  record: S3EventRecord,
): Promise<IndexOutcome> {
  const [result] = await updateIndexBatch(store, config, [record]);
  if (!result) throw new Error('Expected one result for one record, but got none.');
  if ('error' in result) throw result.error;
  return result.outcome;
}

/** An entry (with its digest) and the page it goes to. */
interface Placed {
  entry: ArticleEntry;
  digest: string;
  page: number;
  lake: string | null;
}

/** What an entry indexed earlier occupies: taken out before the new one goes in. */
interface Occupied {
  footprint: EntryFootprint;
  page: number;
  lake: string | null;
}

/** One article of the batch. */
interface Target {
  id: string;
  locator: Locator | null;
  locatorEtag: string | undefined;
  /** Placements this run applied in earlier rounds but did not commit: undone next round. */
  applied: Occupied[];
  next: Placed | null;
  report: Report | null;
  state: 'pending' | 'changing' | 'done';
  status: IndexOutcome['status'];
  rounds: number;
  error?: unknown;
}

/**
 * Brings every article named by a batch of results-bucket events into the index. Returns one
 * result per record, in order; a record that cannot be indexed (a bad key, an unreadable report)
 * fails alone and the others are still indexed. Files found damaged and rebuilt are added to
 * `repaired`.
 *
 * @example
 * await updateIndexBatch(store, config, records) // [{ key: 'reports/a-1.json', outcome: {...} }, ...]
 */
export async function updateIndexBatch(
  store: ObjectStore,
  config: UpdateIndexConfig,
  records: readonly S3EventRecord[],
  repaired: RepairLog = [],
): Promise<RecordResult[]> {
  const keys = records.map((record) => decodeEventKey(record.s3.object.key));
  const keyErrors = new Map<string, unknown>();
  const targets = new Map<string, Target>();
  const idOfKey = new Map<string, string>();
  for (const key of keys) {
    try {
      const id = articleIdFromResultKey(key);
      idOfKey.set(key, id);
      // The same article twice in one batch (written, then rewritten) is indexed once, as it is now.
      if (!targets.has(id)) {
        targets.set(id, {
          id,
          locator: null,
          locatorEtag: undefined,
          applied: [],
          next: null,
          report: null,
          state: 'pending',
          status: 'unchanged',
          rounds: 0,
        });
      }
    } catch (error) {
      keyErrors.set(key, error);
    }
  }

  const run = new BatchRun(store, config, repaired);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const pending = [...targets.values()].filter((target) => target.state === 'pending');
    if (pending.length === 0) break;
    if (round > 1) await run.backoff(round - 1);
    await run.round(pending);
  }
  for (const target of targets.values()) {
    if (target.state === 'pending') target.error = new IndexContentionError(MAX_ROUNDS);
  }

  return keys.map((key): RecordResult => {
    const id = idOfKey.get(key);
    const target = id === undefined ? undefined : targets.get(id);
    if (!target || target.error !== undefined) return { key, error: keyErrors.get(key) ?? target?.error };
    return { key, outcome: { articleId: target.id, key, status: target.status, attempts: target.rounds } };
  });
}

/** @example articleIdFromResultKey('reports/talks-1a2b3c4d.json') // 'talks-1a2b3c4d' */
export function articleIdFromResultKey(key: string): string {
  for (const prefix of [REPORTS_PREFIX, ERRORS_PREFIX]) {
    if (key.startsWith(prefix) && key.endsWith('.json') && !key.slice(prefix.length).includes('/')) {
      return key.slice(prefix.length, -'.json'.length);
    }
  }
  throw new UnexpectedResultKeyError(key);
}

class BatchRun {
  private readonly bucket: string;
  private readonly now: () => string;

  constructor(
    private readonly store: ObjectStore,
    private readonly config: UpdateIndexConfig,
    private readonly repaired: RepairLog,
  ) {
    this.bucket = config.resultsBucket;
    this.now = config.now ?? (() => new Date().toISOString());
  }

  async backoff(attempt: number): Promise<void> {
    const random = this.config.retry?.random ?? Math.random;
    const sleep =
      this.config.retry?.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
    await sleep(random() * Math.min(1_000, 25 * 2 ** attempt));
  }

  async round(targets: Target[]): Promise<void> {
    await forEachLimited(targets, IO_CONCURRENCY, (target) => this.readArticle(target));
    const changing = targets.filter((target) => target.state === 'changing');
    if (changing.length === 0) return;

    // Read once per round: it places new articles, and its ETag is the first try of the manifest's
    // conditional write (re-read only if another batch wrote it meanwhile).
    const manifest = await readManifest(this.store, this.bucket, MANIFEST_KEY, this.now(), this.repaired);
    const placing = new Map<string, number>();
    for (const target of changing) this.place(target, manifest.value ?? emptyManifest(this.now()), placing);

    // The lake, the pages (then the manifest they feed) and the speaker files (then the list they
    // feed) share no file, so they run side by side; only the locators wait for all of them.
    await settleAll([
      forEachLimited(changing, IO_CONCURRENCY, (target) => this.writeLake(target)),
      this.updatePages(changing).then((tallies) => this.updateManifest(tallies, manifest)),
      this.updateSpeakers(changing).then((rows) => this.updateList(rows)),
    ]);
    await forEachLimited(changing, IO_CONCURRENCY, (target) => this.commit(target));
  }

  // The locator first, then the results: see the header.
  private async readArticle(target: Target): Promise<void> {
    target.rounds += 1;
    try {
      const locator = await readDerived(this.store, this.bucket, locatorKey(target.id), StoredLocatorSchema);
      if (locator.damaged) noteRepair(this.repaired, locatorKey(target.id));
      target.locator = locator.value ? currentLocator(locator.value) : null;
      target.locatorEtag = locator.etag;
      const results = await readResults(this.store, this.bucket, target.id);
      target.report = results.report;
      const entry = currentEntry(results);
      const indexed = target.locator?.footprint ?? null;
      const digest = entry ? entryDigest(entry) : null;
      const unchanged = indexed === null ? digest === null : indexed.digest === digest;
      if (target.applied.length === 0 && !locator.damaged && unchanged) {
        target.state = 'done';
        return;
      }
      target.next = entry && digest ? { entry, digest, page: 0, lake: null } : null;
      if (entry?.status !== 'analysed') target.report = null;
      target.state = 'changing';
    } catch (error) {
      target.error = error;
      target.state = 'done';
    }
  }

  // The page an entry goes to: its old page when it stays in the same partition, else the last
  // page of its partition with room.
  private place(
    target: Target,
    manifest: ReturnType<typeof emptyManifest>,
    placing: Map<string, number>,
  ): void {
    const next = target.next;
    if (!next) return;
    const partition = entryPartition(next.entry);
    const previous = [...this.olds(target)]
      .reverse()
      .find((old) => entryPartition(old.footprint) === partition);
    if (previous) next.page = previous.page;
    else {
      const count = placing.get(partition) ?? 0;
      next.page = pageFor(manifest, partition, count);
      placing.set(partition, count + 1);
    }
    const quotes = next.entry.status === 'analysed' ? next.entry.quotes : 0;
    next.lake = quotes > 0 ? lakeKey(target.id, next.entry.analyzedAt) : null;
  }

  // Everything this article may have contributed so far: the committed entry and this run's
  // uncommitted attempts.
  private olds(target: Target): Occupied[] {
    const committed =
      target.locator?.footprint && target.locator.page
        ? [{ footprint: target.locator.footprint, page: target.locator.page, lake: target.locator.lake }]
        : [];
    return [...committed, ...target.applied];
  }

  private async writeLake(target: Target): Promise<void> {
    const next = target.next;
    if (next?.lake && target.report) {
      await this.store.put(this.bucket, next.lake, gzipSync(toLakeFile(target.report)), {
        contentType: LAKE_TYPE,
      });
    }
    const stale = new Set(this.olds(target).flatMap((old) => (old.lake ? [old.lake] : [])));
    stale.delete(next?.lake ?? '');
    for (const key of stale) await this.store.delete(this.bucket, key);
  }

  private async updatePages(targets: Target[]): Promise<PageTally[]> {
    const changes = new Map<string, { ref: PageRef; remove: Set<string>; add: ArticleEntry[] }>();
    const change = (entry: Pick<ArticleEntry, 'day' | 'undated'>, page: number) => {
      const partition = entryPartition(entry);
      const key = articlePageKey(partition, page);
      const ref = { partition, day: entry.day, undated: entry.undated, page };
      const found = changes.get(key) ?? { ref, remove: new Set<string>(), add: [] };
      changes.set(key, found);
      return found;
    };
    for (const target of targets) {
      for (const old of this.olds(target)) change(old.footprint, old.page).remove.add(target.id);
      if (target.next) change(target.next.entry, target.next.page).add.push(target.next.entry);
    }
    const tallies: PageTally[] = [];
    await forEachLimited([...changes], IO_CONCURRENCY, async ([key, { ref, remove, add }]) => {
      const page = await this.updateFile(
        key,
        () => readPage(this.store, this.bucket, key, ref, this.repaired),
        (current) => {
          const base = current ?? emptyPage(ref);
          const touches = add.length > 0 || base.articles.some((entry) => remove.has(entry.id));
          return touches ? withPageChanges(base, remove, add) : null;
        },
      );
      if (page) tallies.push({ ...ref, rev: page.rev, tally: page.tally });
    });
    // Entry markers follow their pages: a damaged page is rebuilt from the results of the
    // articles marked under it.
    await forEachLimited(targets, IO_CONCURRENCY, async (target) => {
      const next = target.next;
      const nextKey = next ? entryCopyKey(entryPartition(next.entry), next.page, target.id) : null;
      if (next && nextKey)
        await this.store.put(this.bucket, nextKey, ENTRY_MARKER, { contentType: JSON_TYPE });
      for (const old of this.olds(target)) {
        const oldKey = entryCopyKey(entryPartition(old.footprint), old.page, target.id);
        if (oldKey !== nextKey) await this.store.delete(this.bucket, oldKey);
      }
    });
    return tallies;
  }

  private async updateSpeakers(targets: Target[]): Promise<{ rows: SpeakerRow[]; joined: number }> {
    interface DayChange {
      speakerId: string;
      partition: string;
      day: string;
      undated: boolean;
      remove: Set<string>;
      add: SpeakerQuote[];
    }
    const days = new Map<string, DayChange>();
    const heads = new Map<
      string,
      { name: string; quoted: boolean; mentions: Set<string>; changed: Set<string>; withRole: SpeakerQuote[] }
    >();
    const touch = (
      speakerId: string,
      name: string,
      entry: Pick<ArticleEntry, 'day' | 'undated'>,
      articleId: string,
    ) => {
      const partition = entryPartition(entry);
      const key = speakerDayKey(speakerId, partition);
      const day = days.get(key) ?? {
        speakerId,
        partition,
        day: entry.day,
        undated: entry.undated,
        remove: new Set(),
        add: [],
      };
      days.set(key, day);
      const head = heads.get(speakerId) ?? {
        name,
        quoted: false,
        mentions: new Set(),
        changed: new Set(),
        withRole: [],
      };
      head.changed.add(articleId);
      heads.set(speakerId, head);
      return { day, head };
    };
    for (const target of targets) {
      for (const old of this.olds(target)) {
        for (const speaker of old.footprint.speakers)
          touch(speaker.id, speaker.name, old.footprint, target.id).day.remove.add(target.id);
      }
      const next = target.next;
      if (next?.entry.status === 'analysed' && target.report) {
        const groups: Map<string, ArticleSpeakerQuotes> = speakerQuotesOf(target.report, next.entry);
        for (const [speakerId, group] of groups) {
          const { day, head } = touch(speakerId, group.name, next.entry, target.id);
          day.add.push(...group.quotes);
          head.name = group.name;
          head.quoted = true;
          for (const mention of group.mentions) head.mentions.add(mention);
          head.withRole.push(...group.quotes.filter((quote) => quote.role));
        }
      }
    }
    const rowsBySpeaker = new Map<string, HeadChange['days'][number][]>();
    const rebuildHeads = new Set<string>();
    await forEachLimited([...days], IO_CONCURRENCY, async ([key, change]) => {
      // The tally the successful write replaced: the head moves by after minus before.
      let before = emptyTally();
      let wrote = false;
      const file = await this.updateFile(
        key,
        () => readSpeakerDay(this.store, this.bucket, key, change, this.repaired),
        (current, damaged) => {
          const base =
            current ?? emptySpeakerDay(change.speakerId, change.partition, change.day, change.undated);
          before = base.tally;
          // The head's figures for a rebuilt day are unknown: the head is rebuilt from the day files.
          if (damaged) rebuildHeads.add(change.speakerId);
          wrote = change.add.length > 0 || base.quotes.some((quote) => change.remove.has(quote.articleId));
          return wrote ? withDayChanges(base, change.remove, change.add) : null;
        },
      );
      if (!file || !wrote) return;
      const rows = rowsBySpeaker.get(change.speakerId) ?? [];
      rows.push({
        partition: file.partition,
        day: file.day,
        undated: file.undated,
        before,
        after: file.tally,
        newest: file.quotes.slice(0, HEAD_LATEST_QUOTES),
      });
      rowsBySpeaker.set(change.speakerId, rows);
    });
    const rows: SpeakerRow[] = [];
    let joined = 0;
    await forEachLimited([...rowsBySpeaker], IO_CONCURRENCY, async ([speakerId, dayRows]) => {
      const info = heads.get(speakerId);
      if (!info) return;
      const key = speakerKey(speakerId);
      let transition = 0;
      const head = await this.updateFile(
        key,
        () =>
          readSpeakerHead(
            this.store,
            this.bucket,
            key,
            { id: speakerId, name: info.name },
            this.repaired,
            rebuildHeads.has(speakerId),
          ),
        (current, rebuilt) => {
          const result = withHeadChange(current ?? emptySpeakerHead(speakerId, info.name), {
            name: info.name,
            quoted: info.quoted,
            mentions: [...info.mentions],
            roles: rolesOf(info.withRole),
            changedArticles: info.changed,
            // A rebuilt head already holds the day files as this batch left them.
            days: rebuilt ? dayRows.map((row) => ({ ...row, before: row.after })) : dayRows,
          });
          transition = result.joined;
          return result.head;
        },
      );
      if (!head) return;
      joined += transition;
      rows.push(rowOf(head));
    });
    return { rows, joined };
  }

  private async updateList({ rows, joined }: { rows: SpeakerRow[]; joined: number }): Promise<void> {
    if (rows.length === 0 && joined === 0) return;
    await this.updateFile(
      SPEAKER_LIST_KEY,
      async () => {
        const read = await readDerived(this.store, this.bucket, SPEAKER_LIST_KEY, SpeakerListSchema);
        // A damaged list restarts empty and refills as speakers change; `quote-tone reindex`
        // rebuilds it whole (every speaker's head would be too much to read here).
        if (read.damaged) noteRepair(this.repaired, SPEAKER_LIST_KEY);
        return read;
      },
      (current) => withRows(current ?? emptySpeakerList(), rows, joined),
    );
  }

  private async updateManifest(tallies: PageTally[], firstRead: Read<Manifest>): Promise<void> {
    if (tallies.length === 0) return;
    let cached: Read<Manifest> | null = firstRead;
    await this.updateFile(
      MANIFEST_KEY,
      async () => {
        const read =
          cached ?? (await readManifest(this.store, this.bucket, MANIFEST_KEY, this.now(), this.repaired));
        cached = null;
        return read;
      },
      (current) => withPageTallies(current ?? emptyManifest(this.now()), tallies, this.now()),
    );
  }

  private async commit(target: Target): Promise<void> {
    const next = target.next;
    const footprint = next ? footprintOf(next.entry, next.digest) : null;
    const locator: Locator = {
      schemaVersion: INDEX_SCHEMA_VERSION,
      articleId: target.id,
      footprint,
      page: next?.page ?? null,
      lake: next?.lake ?? null,
    };
    try {
      await putDerived(this.store, this.bucket, locatorKey(target.id), locator, target.locatorEtag);
      target.state = 'done';
      target.status = next ? next.entry.status : 'removed';
    } catch (error) {
      if (!(error instanceof WriteConflictError)) {
        target.error = error;
        target.state = 'done';
        return;
      }
      // Another run committed this article meanwhile: go round again, undoing this run's attempt too.
      target.applied.push(...this.olds(target));
      if (next && footprint) target.applied.push({ footprint, page: next.page, lake: next.lake });
      target.applied = dedupePlaced(target.applied);
      target.state = 'pending';
    }
  }

  // One conditional read-modify-write, retried on conflict. `change` returns null for "nothing to
  // write"; a damaged file is written back (rebuilt) even then.
  private async updateFile<T>(
    key: string,
    read: () => Promise<Read<T>>,
    change: (current: T | null, damaged: boolean) => T | null,
  ): Promise<T | null> {
    const { value } = await retryOnConflict(async () => {
      const current = await read();
      const next = change(current.value, current.damaged) ?? (current.damaged ? current.value : null);
      if (next === null) return current.value;
      await putDerived(this.store, this.bucket, key, next, current.etag);
      return next;
    }, this.config.retry);
    return value;
  }
}

// Like Promise.all, but every branch has finished (no write still in flight) before the first
// failure is thrown.
async function settleAll(work: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

function dedupePlaced(placed: Occupied[]): Occupied[] {
  const seen = new Set<string>();
  return placed.filter(({ footprint, page, lake }) => {
    const key = `${entryPartition(footprint)}/${page}/${lake}/${footprint.analyzedAt}/${JSON.stringify(footprint.speakers.map((s) => s.id))}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
