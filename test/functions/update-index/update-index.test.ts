import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CreateBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readAllEntries } from '../../../functions/lib/index-reader.ts';
import {
  embeddedSignedTransport,
  isGzipped,
  ObjectStore,
  type PutOptions,
} from '../../../functions/lib/object-store.ts';
import type { S3EventRecord } from '../../../functions/lib/s3-event.ts';
import { embeddedS3ClientConfig } from '../../../functions/lib/sdk-s3-transport.ts';
import { GZIP_FROM_BYTES } from '../../../functions/update-index/derived-files.ts';
import { updateIndex, updateIndexBatch } from '../../../functions/update-index/update-index.ts';
import type { Report } from '../../../shared/report-schema.ts';
import { ArticlePageSchema } from '../../../shared/store/article-pages.ts';
import {
  articlePageKey,
  errorKey,
  locatorKey,
  MANIFEST_KEY,
  reportKey,
  SPEAKER_LIST_KEY,
  speakerDayKey,
  speakerKey,
} from '../../../shared/store/layout.ts';
import { emptyManifest, ManifestSchema } from '../../../shared/store/manifest.ts';
import { lakeKey } from '../../../shared/store/quote-lake.ts';
import {
  maskOfDays,
  monthOf,
  SpeakerDaySchema,
  SpeakerHeadSchema,
  SpeakerListSchema,
} from '../../../shared/store/speaker-files.ts';
import { speakerIdOf } from '../../../shared/store/speaker-id.ts';
import { unpackTally } from '../../../shared/store/tally.ts';
import { makeErrorRecord, makeReport } from '../../shared/store/index-fixtures.ts';

// update-index against a bare embedded S3 server (no event bridge), so each test decides exactly
// which updates run and how they interleave.

const DAY_ONE = '2026-11-27T09:00:00.000Z';
const DAY_TWO = '2026-11-28T09:00:00.000Z';
// No waiting between attempts: the interleavings below are forced, not timed.
const NO_WAIT = { sleep: async () => {} };
const ANNA = speakerIdOf({ name: 'Anna Smith' }) ?? '';
const OMAR = speakerIdOf({ name: 'Omar Haddad' }) ?? '';

/** A store that runs a hook once, just before its next write of a chosen key, and counts reads and writes per key. */
class InterleavingStore extends ObjectStore {
  hooks = new Map<string, () => Promise<void>>();
  writes = new Map<string, number>();
  reads = new Map<string, number>();

  override async get(bucket: string, key: string) {
    this.reads.set(key, (this.reads.get(key) ?? 0) + 1);
    return super.get(bucket, key);
  }

  override async put(bucket: string, key: string, body: string | Uint8Array, options: PutOptions = {}) {
    this.writes.set(key, (this.writes.get(key) ?? 0) + 1);
    const hook = this.hooks.get(key);
    if (hook) {
      this.hooks.delete(key);
      await hook();
    }
    return super.put(bucket, key, body, options);
  }
}

function event(eventName: string, key: string): S3EventRecord {
  return { eventName, eventTime: DAY_TWO, s3: { bucket: { name: 'results' }, object: { key } } };
}

describe('updateIndex', () => {
  let server: S3rver;
  let directory: string;
  let store: InterleavingStore;
  let client: S3Client;
  let bucketNumber = 0;
  let bucket = '';
  const config = () => ({ resultsBucket: bucket, retry: NO_WAIT });
  const putReport = (report: Report) => store.putJson(bucket, reportKey(report.article.id), report);
  const update = (key: string, eventName = 'ObjectCreated:Put') =>
    updateIndex(store, config(), event(eventName, key));
  const entries = () => readAllEntries(store, bucket);
  const ids = async () => (await entries()).map((entry) => entry.id).sort();
  const manifest = async () => (await store.getJson(bucket, MANIFEST_KEY, ManifestSchema))?.value;
  const totals = async () => {
    const read = await manifest();
    return read ? unpackTally(read.totals) : null;
  };
  const head = async (id: string) => (await store.getJson(bucket, speakerKey(id), SpeakerHeadSchema))?.value;
  const list = async () => (await store.getJson(bucket, SPEAKER_LIST_KEY, SpeakerListSchema))?.value;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'quote-tone-index-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
    const { port } = await server.run();
    client = new S3Client(embeddedS3ClientConfig(`http://127.0.0.1:${port}`));
    store = new InterleavingStore(embeddedSignedTransport(`http://127.0.0.1:${port}`), {
      emulateConditionalWrites: true,
    });
  });

  beforeEach(async () => {
    // A fresh bucket per test: the index starts empty every time.
    bucketNumber += 1;
    bucket = `results-${bucketNumber}`;
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    store.hooks.clear();
    store.writes.clear();
    store.reads.clear();
  });

  afterAll(async () => {
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps both articles when another update commits between a read and the conditional write', async () => {
    await putReport(makeReport('first', DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }]));
    await putReport(
      makeReport('second', DAY_ONE, [{ speaker: 'Omar Haddad', label: 'negative', score: -0.5 }]),
    );
    store.hooks.set(MANIFEST_KEY, async () => {
      await update(reportKey('second'));
    });

    await update(reportKey('first'));

    expect(await ids()).toEqual(['first', 'second']);
    expect(await totals()).toMatchObject({ articles: 2, quotes: 2 });
    expect((await list())?.rows.map((row) => row.name).sort()).toEqual(['Anna Smith', 'Omar Haddad']);
  });

  it('loses no entry when ten updates, twice the concurrency on AWS, run at once', async () => {
    const names = Array.from({ length: 10 }, (_, n) => `article-${n}`);
    await Promise.all(
      names.map((id) =>
        putReport(makeReport(id, DAY_ONE, [{ speaker: 'Anna Smith', label: 'neutral', score: 0 }])),
      ),
    );

    // The real jittered backoff: without waiting, ten writers keep colliding.
    await Promise.all(
      names.map((id) =>
        updateIndex(store, { resultsBucket: bucket }, event('ObjectCreated:Put', reportKey(id))),
      ),
    );

    expect(await ids()).toEqual([...names].sort());
    expect((await totals())?.articles).toBe(names.length);
    expect((await head(ANNA))?.tally).toMatchObject({ quotes: names.length, articles: names.length });
    expect((await list())?.speakers).toBe(1);
  });

  it('files an article under its publication day, and one without a date under its analysis day, apart', async () => {
    await putReport(makeReport('dated', DAY_TWO, [], 'Dated', 'Fri, 20 Nov 2026 18:00:00 GMT'));
    await putReport(makeReport('undated', DAY_TWO, [], 'Undated'));
    await updateIndexBatch(store, config(), [
      event('ObjectCreated:Put', reportKey('dated')),
      event('ObjectCreated:Put', reportKey('undated')),
    ]);

    const partitions = (await manifest())?.partitions.map(({ id, day, undated }) => ({ id, day, undated }));
    const dated = (await store.getJson(bucket, articlePageKey('2026-11-20', 1), ArticlePageSchema))?.value;

    expect(partitions).toEqual([
      { id: 'undated-2026-11-28', day: '2026-11-28', undated: true },
      { id: '2026-11-20', day: '2026-11-20', undated: false },
    ]);
    expect(dated?.articles).toEqual([
      expect.objectContaining({
        id: 'dated',
        publishedAt: 'Fri, 20 Nov 2026 18:00:00 GMT',
        day: '2026-11-20',
      }),
    ]);
  });

  it('starts a new page when a day is full', async () => {
    await store.putJson(bucket, MANIFEST_KEY, { ...emptyManifest(DAY_ONE), pageSize: 2 });
    const names = ['p-1', 'p-2', 'p-3', 'p-4', 'p-5'];
    for (const id of names) await putReport(makeReport(id, DAY_ONE, []));

    await updateIndexBatch(
      store,
      config(),
      names.slice(0, 3).map((id) => event('ObjectCreated:Put', reportKey(id))),
    );
    await updateIndexBatch(
      store,
      config(),
      names.slice(3).map((id) => event('ObjectCreated:Put', reportKey(id))),
    );

    const pages = (await manifest())?.partitions[0]?.pages.map((row) => [
      row.page,
      unpackTally(row.tally).articles,
    ]);
    expect(pages).toEqual([
      [1, 2],
      [2, 2],
      [3, 1],
    ]);
    expect(await ids()).toEqual(names);
  });

  it('stores a page past GZIP_FROM_BYTES gzipped, served as such by S3, and reads it back whole', async () => {
    const names = Array.from({ length: 90 }, (_, i) => `long-${String(i).padStart(2, '0')}`);
    const quotes = ['Anna Smith', 'Omar Haddad', 'Lena Brandt'].map((speaker) => ({
      speaker,
      label: 'positive' as const,
      score: 0.5,
    }));
    for (const id of names) await putReport(makeReport(id, DAY_ONE, quotes));
    await updateIndexBatch(
      store,
      config(),
      names.map((id) => event('ObjectCreated:Put', reportKey(id))),
    );

    const pageKey = articlePageKey('undated-2026-11-27', 1);
    const page = await store.get(bucket, pageKey);
    const served = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: pageKey }));
    expect(isGzipped(page?.body ?? new Uint8Array())).toBe(true);
    expect(served.ContentEncoding).toBe('gzip');
    expect(gunzipSync(page?.body ?? new Uint8Array()).length).toBeGreaterThanOrEqual(GZIP_FROM_BYTES);
    expect(await ids()).toEqual(names);
    // A small file stays plain JSON.
    const locator = await store.get(bucket, locatorKey('long-00'));
    expect(isGzipped(locator?.body ?? new Uint8Array())).toBe(false);
  });

  it('replaces the lake file and figures of a re-analysed article', async () => {
    await putReport(makeReport('talks', DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }]));
    await update(reportKey('talks'));
    await putReport(
      makeReport('talks', DAY_TWO, [{ speaker: 'Anna Smith', label: 'negative', score: -0.5 }]),
    );

    await update(reportKey('talks'));

    expect(await store.head(bucket, lakeKey('talks', DAY_ONE))).toBeNull();
    expect(await store.head(bucket, lakeKey('talks', DAY_TWO))).not.toBeNull();
    expect(await entries()).toEqual([expect.objectContaining({ id: 'talks', meanScore: -0.5 })]);
    expect(await totals()).toMatchObject({
      articles: 1,
      quotes: 1,
      labels: { positive: 0, negative: 1, neutral: 0, mixed: 0 },
    });
    expect((await head(ANNA))?.tally).toMatchObject({ quotes: 1, scoreSum: -0.5 });
    expect((await head(ANNA))?.months.map(monthOf)).toEqual([
      expect.objectContaining({
        month: '2026-11',
        days: 0,
        undatedDays: maskOfDays([28]),
        // articles, failed, quotes, scoreSum, then the label counts (packTally)
        tally: [1, 0, 1, -0.5, 0, 1, 0, 0],
      }),
    ]);
  });

  it('removes the entry, lake file and speaker once the report is gone, whatever event arrives late', async () => {
    await putReport(makeReport('gone', DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }]));
    await update(reportKey('gone'));
    await store.delete(bucket, reportKey('gone'));

    await update(reportKey('gone'), 'ObjectRemoved:Delete');
    // The creation event delivered again after the delete must not bring the entry back.
    const late = await update(reportKey('gone'));

    expect(late.status).toBe('unchanged');
    expect(await entries()).toEqual([]);
    expect((await totals())?.articles).toBe(0);
    expect((await list())?.rows).toEqual([]);
    expect((await list())?.speakers).toBe(0);
    expect((await head(ANNA))?.tally.quotes).toBe(0);
    expect(await store.head(bucket, lakeKey('gone', DAY_ONE))).toBeNull();
  });

  it('reads a locator written when it held the whole entry: same event unchanged, removal takes it all out', async () => {
    await putReport(makeReport('older', DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }]));
    await update(reportKey('older'));
    const [indexed] = await entries();
    const current = (await store.getJson<Record<string, unknown>>(bucket, locatorKey('older')))?.value;
    const { footprint: _, ...rest } = current ?? {};
    await store.putJson(bucket, locatorKey('older'), { ...rest, entry: indexed });

    const again = await update(reportKey('older'));
    await store.delete(bucket, reportKey('older'));
    const removed = await update(reportKey('older'), 'ObjectRemoved:Delete');

    expect(again.status).toBe('unchanged');
    expect(removed.status).toBe('removed');
    expect(await entries()).toEqual([]);
    expect((await head(ANNA))?.tally.quotes).toBe(0);
    expect(await store.head(bucket, lakeKey('older', DAY_ONE))).toBeNull();
  });

  it('keeps the entry in its page only: the locator holds a footprint a fraction of its size', async () => {
    const quotes = Array.from({ length: 6 }, (_, n) => ({
      speaker: n % 2 ? 'Anna Smith' : 'Omar Haddad',
      label: 'positive' as const,
      score: 0.5,
    }));
    await putReport(makeReport('small', DAY_ONE, quotes));
    await update(reportKey('small'));

    const [indexed] = await entries();
    const locator = await store.get(bucket, locatorKey('small'));
    expect(locator?.body.length).toBeLessThan(JSON.stringify(indexed).length);
    expect(
      (await store.getJson<{ footprint: unknown }>(bucket, locatorKey('small')))?.value.footprint,
    ).toEqual(
      expect.objectContaining({ speakers: expect.arrayContaining([{ id: ANNA, name: 'Anna Smith' }]) }),
    );
  });

  it('marks an article failed from its error record and back to analysed from a newer report', async () => {
    await store.putJson(bucket, errorKey('flaky'), makeErrorRecord('flaky', DAY_ONE));
    const failed = await update(errorKey('flaky'));
    await putReport(makeReport('flaky', DAY_TWO, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }]));
    await store.delete(bucket, errorKey('flaky'));

    const recovered = await update(errorKey('flaky'), 'ObjectRemoved:Delete');

    expect(failed.status).toBe('failed');
    expect(recovered.status).toBe('analysed');
    expect(await entries()).toEqual([expect.objectContaining({ id: 'flaky', status: 'analysed' })]);
    expect(await totals()).toMatchObject({ articles: 1, failed: 0 });
  });

  it('writes nothing when the same event is delivered again', async () => {
    await putReport(makeReport('once', DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }]));
    await update(reportKey('once'));
    const writes = [...store.writes.values()].reduce((sum, count) => sum + count, 0);

    const again = await update(reportKey('once'));

    expect(again.status).toBe('unchanged');
    expect([...store.writes.values()].reduce((sum, count) => sum + count, 0)).toBe(writes);
  });

  it('indexes a batch of records with one manifest read and write, failing only the unreadable one', async () => {
    const names = Array.from({ length: 12 }, (_, n) => `batch-${n}`);
    await Promise.all(
      names.map((id) =>
        putReport(makeReport(id, DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }])),
      ),
    );
    await store.put(bucket, reportKey('broken'), '{"not":"a report"}');
    // The first article twice: a write and its rewrite can arrive in one batch.
    const keys = [reportKey('broken'), ...names.map(reportKey), reportKey('batch-0')];

    const results = await updateIndexBatch(
      store,
      config(),
      keys.map((key) => event('ObjectCreated:Put', key)),
    );

    expect(store.reads.get(MANIFEST_KEY)).toBe(1);
    expect(store.writes.get(MANIFEST_KEY)).toBe(1);
    expect(store.writes.get(speakerKey(ANNA))).toBe(1);
    expect(results.map((result) => result.key)).toEqual(keys);
    expect(results.filter((result) => 'error' in result).map((result) => result.key)).toEqual([
      reportKey('broken'),
    ]);
    expect(await ids()).toEqual([...names].sort());
    expect((await head(ANNA))?.tally.quotes).toBe(names.length);
  });

  it('keeps every quote of a speaker in their day files and a reel of the latest in their head', async () => {
    await putReport(
      makeReport('older', DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5, text: 'Then' }]),
    );
    await update(reportKey('older'));
    await putReport(
      makeReport('newer', DAY_TWO, [{ speaker: 'Anna Smith', label: 'neutral', score: 0, text: 'Now' }]),
    );
    await update(reportKey('newer'));
    const reel = async () => (await head(ANNA))?.latest.map((quote) => quote.text);
    const newest = await reel();

    await putReport(
      makeReport('older', DAY_TWO, [{ speaker: 'Omar Haddad', label: 'negative', score: -0.5 }]),
    );
    await update(reportKey('older'));
    const day = (await store.getJson(bucket, speakerDayKey(ANNA, 'undated-2026-11-28'), SpeakerDaySchema))
      ?.value;
    await putReport(makeReport('newer', DAY_TWO, [{ speaker: 'Omar Haddad', label: 'neutral', score: 0 }]));
    await update(reportKey('newer'));

    expect(newest).toEqual(['Now']);
    // A quote that is no longer Anna's leaves her reel.
    expect(await reel()).toEqual([]);
    expect(day?.quotes.map((quote) => [quote.articleId, quote.text, quote.title])).toEqual([
      ['newer', 'Now', 'Title of newer'],
    ]);
    expect((await head(OMAR))?.tally.quotes).toBe(2);
  });

  it('lists a speaker with a short teaser of their latest quote, while the day file keeps it whole', async () => {
    const long = `We will ${'keep talking and '.repeat(30)}then decide.`;
    await putReport(
      makeReport('long', DAY_ONE, [{ speaker: 'Anna Smith', label: 'mixed', score: 0.1, text: long }]),
    );
    await update(reportKey('long'));
    const day = (await store.getJson(bucket, speakerDayKey(ANNA, 'undated-2026-11-27'), SpeakerDaySchema))
      ?.value;
    const row = (await list())?.rows[0];

    expect(row?.latest).toEqual([
      { articleId: 'long', quoteId: 'q1', text: `${long.slice(0, 199)}…`, label: 'mixed', score: 0.1 },
    ]);
    expect((await head(ANNA))?.latest.map((quote) => quote.text)).toEqual([`${long.slice(0, 199)}…`]);
    expect(day?.quotes[0]?.text).toBe(long);
  });

  it("keeps a speaker's roles, newest first and each once, and each quote's role in the day file", async () => {
    const quote = (role?: string) => ({ speaker: 'Anna Smith', label: 'neutral' as const, score: 0, role });
    await putReport(makeReport('early', DAY_ONE, [quote('party leader'), quote()], 'T', '2026-10-01'));
    await update(reportKey('early'));
    await putReport(
      makeReport('later', DAY_TWO, [quote('finance minister'), quote('party leader')], 'T', '2026-11-01'),
    );
    await update(reportKey('later'));
    const day = (await store.getJson(bucket, speakerDayKey(ANNA, '2026-10-01'), SpeakerDaySchema))?.value;

    expect((await head(ANNA))?.roles).toEqual(['finance minister', 'party leader']);
    expect(day?.quotes.map((q) => q.role)).toEqual(['party leader', undefined]);

    // Rebuilt from the day files (the head damaged), the roles come back in the same order.
    await store.put(bucket, speakerKey(ANNA), '{"truncated');
    await putReport(makeReport('third', DAY_TWO, [quote()], 'T', '2026-09-01'));
    await update(reportKey('third'));

    expect((await head(ANNA))?.roles).toEqual(['finance minister', 'party leader']);
  });

  it('leaves the newer version when an older one is indexed at the same time (the locator decides)', async () => {
    await putReport(makeReport('raced', DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }]));
    // Just before the first run commits what it read (the old version), a newer version is written
    // and indexed in full by another run.
    store.hooks.set(locatorKey('raced'), async () => {
      await putReport(
        makeReport('raced', DAY_TWO, [{ speaker: 'Omar Haddad', label: 'negative', score: -0.5 }]),
      );
      await update(reportKey('raced'));
    });

    const outcome = await update(reportKey('raced'));

    expect(outcome.attempts).toBe(2);
    expect(await entries()).toEqual([
      expect.objectContaining({
        id: 'raced',
        analyzedAt: DAY_TWO,
        speakers: [expect.objectContaining({ name: 'Omar Haddad' })],
      }),
    ]);
    expect((await head(ANNA))?.tally.quotes).toBe(0);
    expect((await head(OMAR))?.tally.quotes).toBe(1);
    expect(await totals()).toMatchObject({ articles: 1, quotes: 1 });
    expect(await store.head(bucket, lakeKey('raced', DAY_ONE))).toBeNull();
  });

  it('rebuilds a truncated manifest, page, speaker head, speaker day and speaker list, and carries on', async () => {
    const names = ['kept-1', 'kept-2'];
    for (const id of names)
      await putReport(makeReport(id, DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }]));
    await updateIndexBatch(
      store,
      config(),
      names.map((id) => event('ObjectCreated:Put', reportKey(id))),
    );
    const truncate = async (key: string) => {
      const text = Buffer.from((await store.get(bucket, key))?.body ?? new Uint8Array()).toString('utf8');
      await store.put(bucket, key, text.slice(0, Math.floor(text.length / 2)));
    };
    for (const key of [
      MANIFEST_KEY,
      articlePageKey('undated-2026-11-27', 1),
      speakerKey(ANNA),
      speakerDayKey(ANNA, 'undated-2026-11-27'),
      SPEAKER_LIST_KEY,
    ])
      await truncate(key);
    await putReport(
      makeReport('after', DAY_ONE, [{ speaker: 'Anna Smith', label: 'negative', score: -0.5 }]),
    );

    const repaired: string[] = [];
    const [result] = await updateIndexBatch(
      store,
      config(),
      [event('ObjectCreated:Put', reportKey('after'))],
      repaired,
    );

    expect(result && 'outcome' in result && result.outcome.status).toBe('analysed');
    expect(repaired.sort()).toEqual(
      [
        MANIFEST_KEY,
        articlePageKey('undated-2026-11-27', 1),
        speakerKey(ANNA),
        speakerDayKey(ANNA, 'undated-2026-11-27'),
        SPEAKER_LIST_KEY,
      ].sort(),
    );
    expect(await ids()).toEqual(['after', 'kept-1', 'kept-2']);
    expect(await totals()).toMatchObject({ articles: 3, quotes: 3 });
    expect((await head(ANNA))?.tally).toMatchObject({ quotes: 3, articles: 3 });
    expect((await list())?.rows[0]).toMatchObject({
      id: ANNA,
      tally: expect.objectContaining({ quotes: 3 }),
    });
  });

  it('refuses a key outside reports/ and errors/', async () => {
    await expect(update('index/manifest.json')).rejects.toThrow(/reports\/<id>\.json/);
  });
});
