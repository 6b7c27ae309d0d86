import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary } from '../../../bin/commands/reindex.ts';
import { readAllEntries } from '../../../functions/lib/index-reader.ts';
import { embeddedSignedTransport, ObjectStore } from '../../../functions/lib/object-store.ts';
import { embeddedS3ClientConfig } from '../../../functions/lib/sdk-s3-transport.ts';
import { reindex } from '../../../functions/update-index/reindex.ts';
import { updateIndexBatch } from '../../../functions/update-index/update-index.ts';
import type { Report } from '../../../shared/report-schema.ts';
import {
  articlePageKey,
  locatorKey,
  MANIFEST_KEY,
  reportKey,
  speakerKey,
} from '../../../shared/store/layout.ts';
import { ManifestSchema } from '../../../shared/store/manifest.ts';
import { lakeKey } from '../../../shared/store/quote-lake.ts';
import { SpeakerHeadSchema } from '../../../shared/store/speaker-files.ts';
import { speakerIdOf } from '../../../shared/store/speaker-id.ts';
import { unpackTally } from '../../../shared/store/tally.ts';
import { makeReport } from '../../shared/store/index-fixtures.ts';

// `quote-tone reindex` rebuilds every derived file from reports/ and errors/ and says what it fixed.

const BUCKET = 'results-reindex';
const DAY = '2026-11-27T09:00:00.000Z';
const ANNA = speakerIdOf({ name: 'Anna Smith' }) ?? '';

describe('reindex', () => {
  let server: S3rver;
  let directory: string;
  let store: ObjectStore;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'quote-tone-reindex-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
    const { port } = await server.run();
    store = new ObjectStore(embeddedSignedTransport(`http://127.0.0.1:${port}`), {
      emulateConditionalWrites: true,
    });
    await new S3Client(embeddedS3ClientConfig(`http://127.0.0.1:${port}`)).send(
      new CreateBucketCommand({ Bucket: BUCKET }),
    );
  });

  afterAll(async () => {
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('rebuilds damaged files, adds missing articles, drops removed ones and reports each fix', async () => {
    const indexed = ['one', 'two', 'gone'];
    for (const id of indexed)
      await store.putJson(
        BUCKET,
        reportKey(id),
        makeReport(id, DAY, [{ speaker: 'Anna Smith', label: 'positive', score: 0.5 }]),
      );
    const records = indexed.map((id) => ({
      eventName: 'ObjectCreated:Put',
      eventTime: DAY,
      s3: { bucket: { name: BUCKET }, object: { key: reportKey(id) } },
    }));
    await updateIndexBatch(store, { resultsBucket: BUCKET }, records);
    // A report whose event never arrived, one deleted behind the index's back, and damaged files.
    await store.putJson(
      BUCKET,
      reportKey('unseen'),
      makeReport('unseen', DAY, [{ speaker: 'Omar Haddad', label: 'negative', score: -0.5 }]),
    );
    await store.delete(BUCKET, reportKey('gone'));
    await store.put(BUCKET, MANIFEST_KEY, '{"schemaVersion":2,"rev"');
    await store.put(BUCKET, articlePageKey('undated-2026-11-27', 1), '{"articles":[');
    await store.put(BUCKET, speakerKey(ANNA), '');

    const phases = new Set<string>();
    const summary = await reindex(store, BUCKET, (progress) => phases.add(progress.phase));

    expect(summary).toMatchObject({
      articles: 3,
      analysed: 3,
      failed: 0,
      speakers: 2,
      missing: ['unseen'],
      stale: ['gone'],
      failures: [],
    });
    expect(summary.damaged).toEqual(
      [MANIFEST_KEY, articlePageKey('undated-2026-11-27', 1), speakerKey(ANNA)].sort(),
    );
    expect([...phases]).toEqual(['clearing', 'indexing']);
    expect((await readAllEntries(store, BUCKET)).map((entry) => entry.id).sort()).toEqual([
      'one',
      'two',
      'unseen',
    ]);
    const totals = (await store.getJson(BUCKET, MANIFEST_KEY, ManifestSchema))?.value.totals;
    expect(totals && unpackTally(totals)).toMatchObject({
      articles: 3,
      quotes: 3,
    });
    expect((await store.getJson(BUCKET, speakerKey(ANNA), SpeakerHeadSchema))?.value.tally.quotes).toBe(2);
    expect(await store.head(BUCKET, lakeKey('gone', DAY))).toBeNull();
    expect(formatSummary(summary)).toMatch(
      /Fixed 3 damaged files: .*\nFixed 1 articles missing from the index: unseen\n.*removed articles: gone/,
    );
  });

  it('says nothing was wrong when the index already matched', async () => {
    const summary = await reindex(store, BUCKET);

    expect(summary).toMatchObject({ damagedCount: 0, missing: [], outdated: [], stale: [] });
    expect(formatSummary(summary)).toContain('Nothing was wrong');
  });

  it('finds and drops an entry a crash left without its commit record', async () => {
    // A crash between the page write and the locator write, then the article removed: its page
    // entry has neither a locator nor a result, and no later update can reach it.
    await store.delete(BUCKET, locatorKey('one'));
    await store.delete(BUCKET, reportKey('one'));

    const summary = await reindex(store, BUCKET);

    expect(summary).toMatchObject({ missing: [], stale: [], unrecorded: ['one'] });
    expect(formatSummary(summary)).toMatch(/Fixed 1 entries without their commit record .*: one/);
    expect((await readAllEntries(store, BUCKET)).map((entry) => entry.id).sort()).toEqual(['two', 'unseen']);
  });

  it('makes the oldest remaining copy of a republished story count it when the first copy is gone', async () => {
    // What removing the first copy left before claims listed their copies: the claim released,
    // and both remaining copies still marked as copies of the removed article.
    const sha = 'c0ffee'.padEnd(64, '0');
    const copy = (id: string, analyzedAt: string) => {
      const report = makeReport(id, analyzedAt, [{ speaker: 'Lena Marsh', label: 'neutral', score: 0 }]);
      return { ...report, article: { ...report.article, textSha256: sha, duplicateOf: 'wire-first' } };
    };
    await store.putJson(BUCKET, reportKey('wire-third'), copy('wire-third', '2026-11-27T11:00:00.000Z'));
    await store.putJson(BUCKET, reportKey('wire-second'), copy('wire-second', '2026-11-27T10:00:00.000Z'));

    const summary = await reindex(store, BUCKET);

    expect(summary.republished).toEqual(['wire-second', 'wire-third']);
    const counted = await store.getJson<Report>(BUCKET, reportKey('wire-second'));
    const other = await store.getJson<Report>(BUCKET, reportKey('wire-third'));
    expect(counted?.value.article.duplicateOf).toBeUndefined();
    expect(other?.value.article.duplicateOf).toBe('wire-second');
    const entries = (await readAllEntries(store, BUCKET)).filter((entry) => entry.id.startsWith('wire-'));
    expect(
      entries.map((entry) => [entry.id, entry.status === 'analysed' ? entry.duplicateOf : 'failed']),
    ).toEqual([
      ['wire-third', 'wire-second'],
      ['wire-second', undefined],
    ]);
    const lena = speakerIdOf({ name: 'Lena Marsh' }) ?? '';
    expect((await store.getJson(BUCKET, speakerKey(lena), SpeakerHeadSchema))?.value.tally.quotes).toBe(1);
    expect(formatSummary(summary)).toMatch(
      /Fixed 2 republished copies counted under an article that is gone: wire-second, wire-third/,
    );
  });
});
