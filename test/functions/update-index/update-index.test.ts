import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { embeddedS3ClientConfig, ObjectStore, type PutOptions } from '../../../functions/lib/object-store.ts';
import type { S3EventRecord } from '../../../functions/lib/s3-event.ts';
import { updateIndex, updateIndexBatch } from '../../../functions/update-index/update-index.ts';
import type { Report } from '../../../shared/report-schema.ts';
import { ARTICLES_INDEX_KEY, type ArticlesIndex } from '../../../shared/store/article-index.ts';
import { errorKey, reportKey } from '../../../shared/store/layout.ts';
import { lakeKey } from '../../../shared/store/quote-lake.ts';
import { SPEAKERS_INDEX_KEY, type SpeakersIndex } from '../../../shared/store/speaker-index.ts';
import { makeErrorRecord, makeReport } from '../../shared/store/index-fixtures.ts';

// update-index against a bare embedded S3 server (no event bridge), so each test decides exactly
// which updates run and how they interleave.

const BUCKET = 'results';
const DAY_ONE = '2026-11-27T09:00:00.000Z';
const DAY_TWO = '2026-11-28T09:00:00.000Z';
// No waiting between attempts: the interleavings below are forced, not timed.
const NO_WAIT = { sleep: async () => {} };

/**
 * A store that runs `beforeIndexWrite` once, just before its next conditional articles.json write,
 * and counts articles.json writes.
 */
class InterleavingStore extends ObjectStore {
  beforeIndexWrite: (() => Promise<void>) | null = null;
  indexWrites = 0;

  override async put(bucket: string, key: string, body: string | Uint8Array, options: PutOptions = {}) {
    const hook = this.beforeIndexWrite;
    if (key === ARTICLES_INDEX_KEY) this.indexWrites += 1;
    if (key === ARTICLES_INDEX_KEY && hook) {
      this.beforeIndexWrite = null;
      await hook();
    }
    return super.put(bucket, key, body, options);
  }
}

function event(eventName: string, key: string): S3EventRecord {
  return { eventName, eventTime: DAY_TWO, s3: { bucket: { name: BUCKET }, object: { key } } };
}

describe('updateIndex', () => {
  let server: S3rver;
  let directory: string;
  let store: InterleavingStore;
  let bucketNumber = 0;
  let bucket = BUCKET;
  const config = () => ({ resultsBucket: bucket, retry: NO_WAIT });
  const putReport = (report: Report) => store.putJson(bucket, reportKey(report.article.id), report);
  const update = (key: string, eventName = 'ObjectCreated:Put') =>
    updateIndex(store, config(), event(eventName, key));
  const articles = async () => (await store.getJson<ArticlesIndex>(bucket, ARTICLES_INDEX_KEY))?.value;
  const speakers = async () => (await store.getJson<SpeakersIndex>(bucket, SPEAKERS_INDEX_KEY))?.value;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'quote-tone-index-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
    const { port } = await server.run();
    const client = new S3Client(embeddedS3ClientConfig(`http://127.0.0.1:${port}`));
    store = new InterleavingStore(client, { emulateConditionalWrites: true });
  });

  beforeEach(async () => {
    // A fresh bucket per test: the index starts empty every time.
    bucketNumber += 1;
    bucket = `results-${bucketNumber}`;
    const { CreateBucketCommand } = await import('@aws-sdk/client-s3');
    await store.client.send(new CreateBucketCommand({ Bucket: bucket }));
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
    let interleaved: Awaited<ReturnType<typeof update>> | undefined;
    store.beforeIndexWrite = async () => {
      interleaved = await update(reportKey('second'));
    };

    const outcome = await update(reportKey('first'));

    expect(interleaved?.attempts).toBe(1);
    expect(outcome.attempts).toBe(2);
    expect((await articles())?.articles.map((article) => article.id).sort()).toEqual(['first', 'second']);
    expect((await speakers())?.speakers.map((speaker) => speaker.name).sort()).toEqual([
      'Anna Smith',
      'Omar Haddad',
    ]);
  });

  it('loses no entry when ten updates, twice the reserved concurrency on AWS, run at once', async () => {
    const ids = Array.from({ length: 10 }, (_, n) => `article-${n}`);
    await Promise.all(
      ids.map((id) =>
        putReport(makeReport(id, DAY_ONE, [{ speaker: 'Anna Smith', label: 'neutral', score: 0 }])),
      ),
    );

    // The real jittered backoff: without waiting, ten writers keep colliding.
    await Promise.all(
      ids.map((id) =>
        updateIndex(store, { resultsBucket: bucket }, event('ObjectCreated:Put', reportKey(id))),
      ),
    );

    expect((await articles())?.articles).toHaveLength(ids.length);
    expect((await speakers())?.speakers[0]).toMatchObject({ name: 'Anna Smith', quotes: ids.length });
  });

  it('replaces the lake file of a re-analysed article, deleting the one under the old day', async () => {
    await putReport(makeReport('talks', DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }]));
    await update(reportKey('talks'));
    await putReport(
      makeReport('talks', DAY_TWO, [{ speaker: 'Anna Smith', label: 'negative', score: -0.5 }]),
    );

    await update(reportKey('talks'));

    expect(await store.head(bucket, lakeKey('talks', DAY_ONE))).toBeNull();
    expect(await store.head(bucket, lakeKey('talks', DAY_TWO))).not.toBeNull();
    expect((await articles())?.articles).toEqual([expect.objectContaining({ id: 'talks', meanScore: -0.5 })]);
  });

  it('removes the entry, lake file and speaker once the report is gone, whatever event arrives late', async () => {
    await putReport(makeReport('gone', DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }]));
    await update(reportKey('gone'));
    await store.delete(bucket, reportKey('gone'));

    await update(reportKey('gone'), 'ObjectRemoved:Delete');
    // The creation event delivered again after the delete must not bring the entry back.
    const late = await update(reportKey('gone'));

    expect(late.status).toBe('unchanged');
    expect((await articles())?.articles).toEqual([]);
    expect((await speakers())?.speakers).toEqual([]);
    expect(await store.head(bucket, lakeKey('gone', DAY_ONE))).toBeNull();
  });

  it('marks an article failed from its error record and back to analysed from a newer report', async () => {
    await store.putJson(bucket, errorKey('flaky'), makeErrorRecord('flaky', DAY_ONE));
    const failed = await update(errorKey('flaky'));
    await putReport(makeReport('flaky', DAY_TWO, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }]));
    await store.delete(bucket, errorKey('flaky'));

    const recovered = await update(errorKey('flaky'), 'ObjectRemoved:Delete');

    expect(failed.status).toBe('failed');
    expect(recovered.status).toBe('analysed');
    expect((await articles())?.articles).toEqual([
      expect.objectContaining({ id: 'flaky', status: 'analysed' }),
    ]);
  });

  it('writes nothing when the same event is delivered again', async () => {
    await putReport(makeReport('once', DAY_ONE, []));
    await update(reportKey('once'));
    const before = await store.head(bucket, ARTICLES_INDEX_KEY);

    const again = await update(reportKey('once'));

    expect(again.status).toBe('unchanged');
    expect((await store.head(bucket, ARTICLES_INDEX_KEY))?.etag).toBe(before?.etag);
  });

  it('indexes a batch of records with one articles.json write, failing only the unreadable one', async () => {
    const ids = Array.from({ length: 12 }, (_, n) => `batch-${n}`);
    await Promise.all(
      ids.map((id) =>
        putReport(makeReport(id, DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }])),
      ),
    );
    await store.put(bucket, reportKey('broken'), '{"not":"a report"}');
    const writesBefore = store.indexWrites;
    // The first article twice: a write and its rewrite can arrive in one batch.
    const keys = [reportKey('broken'), ...ids.map(reportKey), reportKey('batch-0')];

    const results = await updateIndexBatch(
      store,
      config(),
      keys.map((key) => event('ObjectCreated:Put', key)),
    );

    expect(store.indexWrites - writesBefore).toBe(1);
    expect(results.map((result) => result.key)).toEqual(keys);
    expect(results.filter((result) => 'error' in result).map((result) => result.key)).toEqual([
      reportKey('broken'),
    ]);
    expect((await articles())?.articles.map((article) => article.id).sort()).toEqual([...ids].sort());
    expect((await speakers())?.speakers[0]).toMatchObject({ name: 'Anna Smith', quotes: ids.length });
  });

  it("keeps a speaker's reel across updates, newest first, and drops a re-analysed article's old quote", async () => {
    await putReport(
      makeReport('older', DAY_ONE, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5, text: 'Then' }]),
    );
    await update(reportKey('older'));
    await putReport(
      makeReport('newer', DAY_TWO, [{ speaker: 'Anna Smith', label: 'neutral', score: 0, text: 'Now' }]),
    );
    await update(reportKey('newer'));
    const reel = async () => (await speakers())?.speakers[0]?.latestQuotes.map((quote) => quote.text);
    const both = await reel();

    await putReport(
      makeReport('older', DAY_TWO, [{ speaker: 'Omar Haddad', label: 'negative', score: -0.5 }]),
    );
    await update(reportKey('older'));

    expect(both).toEqual(['Now', 'Then']);
    expect(await reel()).toEqual(['Now']);
  });

  it('refuses a key outside reports/ and errors/', async () => {
    await expect(update('index/articles.json')).rejects.toThrow(/reports\/<id>\.json/);
  });
});
