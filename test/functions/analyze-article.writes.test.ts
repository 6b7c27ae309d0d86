import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnalyzeConfig, analyzeObject } from '../../functions/analyze-article/analyze-object.ts';
import { textClaimKey } from '../../functions/analyze-article/text-claims.ts';
import { tombstoneKey } from '../../functions/analyze-article/tombstone.ts';
import { ObjectStore, type PutOptions } from '../../functions/lib/object-store.ts';
import { encodeEventKey, parseS3Event, type S3EventRecord } from '../../functions/lib/s3-event.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import type { Report } from '../../shared/report-schema.ts';
import { errorKey, reportKey } from '../../shared/store/layout.ts';
import objectCreated from '../fixtures/events/object-created.json' with { type: 'json' };
import { startTestPipeline } from '../helpers/local-pipeline.ts';

// Writes that cannot go backwards, and no write where nothing changed. These tests run the analyze
// step on hand-made events for objects outside articles/ (so the pipeline does not deliver them
// itself), through a store that records deletes and can hold a write back until the test lets it
// go: the interleavings that S3's at-least-once, unordered delivery produces under load.

const GOOD = '"We will meet again soon," said Anna Smith.';
const BETTER = '"We will meet again soon," said Anna Smith. "And we will agree," she added.';
// A wire story for the republished-copy cases, not shared with the other tests: its copies share a claim.
const WIRE = '"The night ferry will run again from May," said harbour master Mirela Dobos.';
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.alloc(200, 7)]);

class WatchedStore extends ObjectStore {
  readonly deleted: string[] = [];
  private readonly holds = new Map<string, { reached: () => void; released: Promise<void> }>();

  /** The next write of `key` waits until `release()`; `reached` resolves when it is waiting. */
  holdNextWrite(key: string): { reached: Promise<void>; release: () => void } {
    let reached = () => {};
    let release = () => {};
    const reachedPromise = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.set(key, { reached, released });
    return { reached: reachedPromise, release };
  }

  override async put(bucket: string, key: string, body: string | Uint8Array, options?: PutOptions) {
    const hold = this.holds.get(key);
    if (hold) {
      this.holds.delete(key);
      hold.reached();
      await hold.released;
    }
    return super.put(bucket, key, body, options);
  }

  override async delete(bucket: string, key: string, options?: { ifMatch?: string }) {
    this.deleted.push(key);
    return super.delete(bucket, key, options);
  }
}

describe('writes of the analyze step', () => {
  let pipeline: Awaited<ReturnType<typeof startTestPipeline>>;
  let store: WatchedStore;
  let config: AnalyzeConfig;

  beforeAll(async () => {
    pipeline = await startTestPipeline();
    store = new WatchedStore(pipeline.store.transport, { emulateConditionalWrites: true });
    config = { resultsBucket: pipeline.resultsBucket, maxArticleBytes: 1024 * 1024 };
  });

  afterAll(async () => {
    await pipeline?.dispose();
  });

  function recordFor(
    key: string,
    sequencer: string,
    etag = '',
    eventName = 'ObjectCreated:Put',
  ): S3EventRecord {
    const event = structuredClone(objectCreated);
    const [record] = event.Records;
    if (!record) throw new Error('fixture has no record');
    record.eventName = eventName;
    record.s3.bucket.name = pipeline.uploadBucket;
    Object.assign(record.s3.object, { key: encodeEventKey(key), eTag: etag, sequencer, size: 300 });
    const [parsed] = parseS3Event(event).Records;
    if (!parsed) throw new Error('no record');
    return parsed;
  }

  async function upload(key: string, body: string | Uint8Array): Promise<string> {
    return (await pipeline.store.put(pipeline.uploadBucket, key, body)).replace(/"/g, '');
  }

  const stored = async (kind: 'report' | 'error' | 'tombstone', key: string) => {
    const id = articleIdFromKey(key);
    const file = kind === 'report' ? reportKey(id) : kind === 'error' ? errorKey(id) : tombstoneKey(id);
    return (await pipeline.store.getJson<Record<string, unknown>>(pipeline.resultsBucket, file))?.value;
  };

  it('deletes nothing when analysing a new article, so a versioned bucket gets no delete marker', async () => {
    const key = 'drafts/fresh.txt';
    const etag = await upload(key, GOOD);
    store.deleted.length = 0;

    const outcome = await analyzeObject(store, config, recordFor(key, '00000000000000A001', etag));

    expect(outcome.status).toBe('analysed');
    expect(store.deleted).toEqual([]);
  });

  it('deletes the error record, and only it, when a fixed version of a refused article arrives', async () => {
    const key = 'drafts/fixed later.txt';
    const broken = await upload(key, PDF);
    await analyzeObject(store, config, recordFor(key, '00000000000000A101', broken));
    const fixed = await upload(key, GOOD);
    store.deleted.length = 0;

    await analyzeObject(store, config, recordFor(key, '00000000000000A102', fixed));

    expect(store.deleted).toEqual([errorKey(articleIdFromKey(key))]);
    expect(await stored('error', key)).toBeUndefined();
    expect((await stored('report', key))?.article).toMatchObject({ id: articleIdFromKey(key) });
  });

  it('keeps the newer version when an older one finishes analysing last', async () => {
    const key = 'drafts/two versions at once.txt';
    const older = await upload(key, GOOD);
    const held = store.holdNextWrite(reportKey(articleIdFromKey(key)));
    const late = analyzeObject(store, config, recordFor(key, '00000000000000B001', older));
    await held.reached;
    const newer = await upload(key, BETTER);

    const first = await analyzeObject(store, config, recordFor(key, '00000000000000B002', newer));
    held.release();

    expect(first.status).toBe('analysed');
    expect(await late).toMatchObject({ status: 'skipped', reason: 'stale' });
    const report = (await stored('report', key)) as Report | undefined;
    expect(report?.article.source.etag).toBe(newer);
    expect(report?.quotes).toHaveLength(2);
  });

  it('leaves no error record when an older, refused version finishes after a newer good one', async () => {
    const key = 'drafts/refused then replaced.txt';
    const older = await upload(key, PDF);
    const held = store.holdNextWrite(errorKey(articleIdFromKey(key)));
    const late = analyzeObject(store, config, recordFor(key, '00000000000000B101', older));
    await held.reached;
    const newer = await upload(key, GOOD);

    await analyzeObject(store, config, recordFor(key, '00000000000000B102', newer));
    held.release();

    expect(await late).toMatchObject({ status: 'skipped', reason: 'stale' });
    expect(await stored('error', key)).toBeUndefined();
    expect((await stored('report', key)) as Report | undefined).toMatchObject({
      article: { source: { etag: newer } },
    });
  });

  it('leaves nothing behind when the article is deleted while it is being analysed', async () => {
    const key = 'drafts/deleted mid-analysis.txt';
    const etag = await upload(key, GOOD);
    const held = store.holdNextWrite(reportKey(articleIdFromKey(key)));
    const analysing = analyzeObject(store, config, recordFor(key, '00000000000000C001', etag));
    await held.reached;
    await pipeline.store.delete(pipeline.uploadBucket, key);

    const removed = await analyzeObject(
      store,
      config,
      recordFor(key, '00000000000000C002', '', 'ObjectRemoved:Delete'),
    );
    held.release();

    expect(removed.status).toBe('removed');
    expect(await analysing).toMatchObject({ status: 'skipped', reason: 'stale' });
    expect(await stored('report', key)).toBeUndefined();
    expect(await stored('error', key)).toBeUndefined();
    expect(await stored('tombstone', key)).toMatchObject({ key, sequencer: '00000000000000C002' });
  });

  it('ignores a create event delivered after the deletion of that version', async () => {
    const key = 'drafts/late create event.txt';
    const etag = await upload(key, GOOD);
    await analyzeObject(store, config, recordFor(key, '00000000000000D001', etag));
    await analyzeObject(store, config, recordFor(key, '00000000000000D002', '', 'ObjectRemoved:Delete'));
    // The article comes back with the same bytes, but the old event is what arrives late.
    await upload(key, GOOD);

    const late = await analyzeObject(store, config, recordFor(key, '00000000000000D001', etag));

    expect(late).toMatchObject({ status: 'skipped', reason: 'stale' });
    expect(await stored('report', key)).toBeUndefined();
  });

  it('analyses again a newer version after a deletion', async () => {
    const key = 'drafts/recreated.txt';
    const etag = await upload(key, GOOD);
    await analyzeObject(store, config, recordFor(key, '00000000000000E001', etag));
    await analyzeObject(store, config, recordFor(key, '00000000000000E002', '', 'ObjectRemoved:Delete'));
    const again = await upload(key, BETTER);

    const outcome = await analyzeObject(store, config, recordFor(key, '00000000000000E003', again));

    expect(outcome.status).toBe('analysed');
    expect(((await stored('report', key)) as Report | undefined)?.quotes).toHaveLength(2);
  });

  it('deletes only the files that exist when an article is removed', async () => {
    const key = 'drafts/removed.txt';
    const etag = await upload(key, GOOD);
    await analyzeObject(store, config, recordFor(key, '00000000000000F001', etag));
    store.deleted.length = 0;

    await analyzeObject(store, config, recordFor(key, '00000000000000F002', '', 'ObjectRemoved:Delete'));

    expect(store.deleted).toEqual([reportKey(articleIdFromKey(key))]);
  });

  it.each([
    ['truncated', '{"schemaVersion": 1, "article": {"id": "x'],
    ['not a report', '{"hello": "world"}'],
  ])('re-analyses an article whose stored report is %s', async (_case, corrupted) => {
    const key = `drafts/corrupted ${_case}.txt`;
    const etag = await upload(key, GOOD);
    await analyzeObject(store, config, recordFor(key, '00000000000000G001', etag));
    await pipeline.store.put(pipeline.resultsBucket, reportKey(articleIdFromKey(key)), corrupted);

    const outcome = await analyzeObject(store, config, recordFor(key, '00000000000000G001', etag));

    expect(outcome.status).toBe('analysed');
    expect(((await stored('report', key)) as Report | undefined)?.quotes).toHaveLength(1);
  });
  it('takes the sequencer of a re-drop of the same bytes, so an event for a version in between stays stale', async () => {
    const key = 'drafts/dropped twice.txt';
    const first = await upload(key, GOOD);
    await analyzeObject(store, config, recordFor(key, '00000000000000H001', first));
    const between = await upload(key, BETTER);
    const again = await upload(key, GOOD);

    const redrop = await analyzeObject(store, config, recordFor(key, '00000000000000H003', again));
    const repeated = await analyzeObject(store, config, recordFor(key, '00000000000000H003', again));
    const late = await analyzeObject(store, config, recordFor(key, '00000000000000H002', between));

    expect([redrop, repeated].map((outcome) => outcome.status)).toEqual(['skipped', 'skipped']);
    expect(late).toMatchObject({ status: 'skipped', reason: 'stale' });
    const report = (await stored('report', key)) as Report | undefined;
    expect(report?.article.source.sequencer).toBe('00000000000000H003');
    expect(report?.quotes).toHaveLength(1);
  });

  describe('copies of a republished story', () => {
    const duplicateOf = async (key: string) =>
      ((await stored('report', key)) as Report | undefined)?.article.duplicateOf;
    const claimOwner = async (sha: string) =>
      (await pipeline.store.getJson<{ articleId: string }>(pipeline.resultsBucket, textClaimKey(sha)))?.value
        .articleId;

    it('makes a copy count the story when it is written while the first copy is removed', async () => {
      const [first, copy] = ['drafts/wire/first.txt', 'drafts/wire/copy.txt'];
      await analyzeObject(store, config, recordFor(first, '00000000000000J001', await upload(first, WIRE)));
      const sha = ((await stored('report', first)) as Report | undefined)?.article.textSha256 ?? '';
      const held = store.holdNextWrite(reportKey(articleIdFromKey(copy)));
      // The copy finds the first article's claim, then waits to write its report.
      const analysing = analyzeObject(
        store,
        config,
        recordFor(copy, '00000000000000J101', await upload(copy, WIRE)),
      );
      await held.reached;

      await analyzeObject(store, config, recordFor(first, '00000000000000J002', '', 'ObjectRemoved:Delete'));
      held.release();

      expect(await analysing).toMatchObject({ status: 'analysed' });
      expect(await stored('report', first)).toBeUndefined();
      expect(await duplicateOf(copy)).toBeUndefined();
      expect(await claimOwner(sha)).toBe(articleIdFromKey(copy));
    });

    it('makes the copy count the story when the first copy is re-analysed with another text', async () => {
      const [first, copy] = ['drafts/wire/edited.txt', 'drafts/wire/kept.txt'];
      const text = `${WIRE} "The timetable is final," she said.`;
      await analyzeObject(store, config, recordFor(first, '00000000000000L001', await upload(first, text)));
      await analyzeObject(store, config, recordFor(copy, '00000000000000L101', await upload(copy, text)));
      expect(await duplicateOf(copy)).toBe(articleIdFromKey(first));

      const edited = await upload(first, `${text} "Bikes travel free."`);
      await analyzeObject(store, config, recordFor(first, '00000000000000L002', edited));

      expect(await duplicateOf(first)).toBeUndefined();
      expect(await duplicateOf(copy)).toBeUndefined();
    });

    it('leaves the last copy counting when two copies hand the story over at the same moment', async () => {
      const keys = ['drafts/wire/one.txt', 'drafts/wire/two.txt', 'drafts/wire/three.txt'];
      const text = `${WIRE} "Tickets go on sale on Friday," she added.`;
      for (const [index, key] of keys.entries())
        await analyzeObject(
          store,
          config,
          recordFor(key, `00000000000000K${index}01`, await upload(key, text)),
        );
      const [one, two, three] = keys as [string, string, string];
      const sha = ((await stored('report', one)) as Report | undefined)?.article.textSha256 ?? '';
      expect(await duplicateOf(three)).toBe(articleIdFromKey(one));
      // The first copy's removal is about to hand the claim to the second...
      const held = store.holdNextWrite(textClaimKey(sha));
      const removingOne = analyzeObject(
        store,
        config,
        recordFor(one, '00000000000000K002', '', 'ObjectRemoved:Delete'),
      );
      await held.reached;

      // ...when the second is removed and hands it to the third.
      await analyzeObject(store, config, recordFor(two, '00000000000000K102', '', 'ObjectRemoved:Delete'));
      held.release();
      await removingOne;

      expect(await stored('report', one)).toBeUndefined();
      expect(await stored('report', two)).toBeUndefined();
      expect(await duplicateOf(three)).toBeUndefined();
      expect(await claimOwner(sha)).toBe(articleIdFromKey(three));
    });
  });
});
