import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../functions/analyze-article/analyze-object.ts';
import { readAllEntries } from '../../functions/lib/index-reader.ts';
import { encodeEventKey } from '../../functions/lib/s3-event.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import type { Report } from '../../shared/report-schema.ts';
import { reportKey } from '../../shared/store/layout.ts';
import objectCreated from '../fixtures/events/object-created.json' with { type: 'json' };
import { startTestPipeline } from '../helpers/local-pipeline.ts';

// S3 delivers events at least once and not always in order. These tests call the handler with
// hand-made events for objects outside articles/, so the pipeline does not deliver them itself.
describe('repeated and out-of-order S3 events', () => {
  let pipeline: Awaited<ReturnType<typeof startTestPipeline>>;
  let handler: (event: unknown) => Promise<Outcome[]>;

  beforeAll(async () => {
    pipeline = await startTestPipeline();
    ({ handler } = await import('../../functions/analyze-article/handler.ts'));
  });

  afterAll(async () => {
    await pipeline?.dispose();
  });

  function eventFor(key: string, etag: string, sequencer: string, eventName = 'ObjectCreated:Put') {
    const event = structuredClone(objectCreated);
    const [record] = event.Records;
    if (!record) throw new Error('fixture has no record');
    record.eventName = eventName;
    record.s3.bucket.name = pipeline.uploadBucket;
    Object.assign(record.s3.object, { key: encodeEventKey(key), eTag: etag, sequencer, size: 100 });
    return event;
  }

  // The index is updated by the update-index function, which the report writes trigger.
  async function indexEntries(key: string) {
    await pipeline.bridge.idle();
    const entries = await readAllEntries(pipeline.store, pipeline.resultsBucket);
    return entries.filter((entry) => entry.id === articleIdFromKey(key));
  }

  async function storedReport(key: string): Promise<Report | undefined> {
    return (await pipeline.store.getJson<Report>(pipeline.resultsBucket, reportKey(articleIdFromKey(key))))
      ?.value;
  }

  it('analyses an event delivered three times once, leaving the first report untouched', async () => {
    const key = 'drafts/repeated delivery.txt';
    const etag = await pipeline.store.put(
      pipeline.uploadBucket,
      key,
      '"We will meet again," said Anna Smith.',
    );
    const event = eventFor(key, etag, '0000000000000000A1');

    const outcomes = [await handler(event), await handler(event), await handler(event)].flat();

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['analysed', 'skipped', 'skipped']);
    expect((await storedReport(key))?.article.source.etag).toBe(etag);
    expect(await indexEntries(key)).toHaveLength(1);
  });

  it('re-analyses an unchanged article once the analyser behaves differently', async () => {
    const key = 'drafts/after an upgrade.txt';
    const etag = await pipeline.store.put(
      pipeline.uploadBucket,
      key,
      '"We will meet again," said Anna Smith.',
    );
    const event = eventFor(key, etag, '0000000000000000D1');
    await handler(event);
    const stored = await storedReport(key);
    if (!stored) throw new Error('expected a first report');
    // What an older analyser build left behind for the same object version.
    await pipeline.store.putJson(pipeline.resultsBucket, reportKey(articleIdFromKey(key)), {
      ...stored,
      analyzer: { ...stored.analyzer, build: 'older-build' },
    });

    const outcomes = await handler(event);

    expect(outcomes).toEqual([expect.objectContaining({ status: 'analysed' })]);
    expect((await storedReport(key))?.analyzer.build).toBe(stored.analyzer.build);
  });

  it('never lets an older version overwrite the result of a newer one', async () => {
    const key = 'drafts/two versions.txt';
    const olderEtag = await pipeline.store.put(
      pipeline.uploadBucket,
      key,
      '"Old text here today," said Anna Smith.',
    );
    const newerEtag = await pipeline.store.put(
      pipeline.uploadBucket,
      key,
      '"New text here today," said Anna Smith. "And a second quote now," she added.',
    );

    await handler(eventFor(key, newerEtag, '0000000000000000B2'));
    const late = await handler(eventFor(key, olderEtag, '0000000000000000B1'));

    expect(late).toEqual([expect.objectContaining({ status: 'skipped', reason: 'stale' })]);
    const report = await storedReport(key);
    expect(report?.article.source.etag).toBe(newerEtag);
    expect(report?.quotes.length).toBe(2);
    expect(await indexEntries(key)).toEqual([expect.objectContaining({ status: 'analysed', quotes: 2 })]);
  });

  it('ignores a deletion that happened before the version it has analysed', async () => {
    const key = 'drafts/deleted then recreated.txt';
    const etag = await pipeline.store.put(pipeline.uploadBucket, key, '"Still here today," said Anna Smith.');
    await handler(eventFor(key, etag, '0000000000000000C2'));

    await handler(eventFor(key, '', '0000000000000000C1', 'ObjectRemoved:Delete'));

    expect((await storedReport(key))?.article.source.etag).toBe(etag);
  });
});
