import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllEntries } from '../../../functions/lib/index-reader.ts';
import { embeddedSignedTransport, ObjectStore } from '../../../functions/lib/object-store.ts';
import {
  LOCAL_RESULTS_BUCKET,
  LOCAL_UPLOAD_BUCKET,
  type LocalPipeline,
  startLocalPipeline,
} from '../../../functions/local/pipeline.ts';
import { articleIdFromKey } from '../../../shared/article-id.ts';
import type { Report } from '../../../shared/report-schema.ts';
import { errorKey, INDEX_PREFIX, locatorKey, reportKey } from '../../../shared/store/layout.ts';

// What a crash leaves behind (uploads never analysed, results never indexed or never removed) is
// put right when the pipeline starts again. The gap is made by changing the store on disk through
// a bare embedded server, with no pipeline listening, exactly as a killed pipeline leaves it.
// Handlers read their endpoint once per process, so every server here reuses the first one's port.

const text = (speaker: string) => `Talks\n\n"We will be back on Monday," said ${speaker}.`;

describe('starting the local pipeline on a store left by a crash', () => {
  const directory = mkdtempSync(join(tmpdir(), 'quote-tone-reconcile-'));
  let pipeline: LocalPipeline;
  let port = 0;

  async function offline(change: (store: ObjectStore) => Promise<void>): Promise<void> {
    const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true });
    await server.run();
    try {
      await change(new ObjectStore(embeddedSignedTransport(`http://127.0.0.1:${port}`)));
    } finally {
      await server.close();
    }
  }

  const report = async (key: string) =>
    (await pipeline.store.getJson<Report>(LOCAL_RESULTS_BUCKET, reportKey(articleIdFromKey(key))))?.value;
  const indexedIds = async () =>
    (await readAllEntries(pipeline.store, LOCAL_RESULTS_BUCKET)).map((entry) => entry.id);
  // Losing the index: every derived file under index/ goes, as after a crash that kept only results.
  const deleteIndex = async (store: ObjectStore) => {
    const keys: string[] = [];
    for await (const key of store.list(LOCAL_RESULTS_BUCKET, INDEX_PREFIX)) keys.push(key);
    for (const key of keys) await store.delete(LOCAL_RESULTS_BUCKET, key);
  };

  beforeAll(async () => {
    pipeline = await startLocalPipeline({ directory, port: 0 });
    port = Number(new URL(pipeline.endpoint).port);
    for (const name of ['kept', 'changed', 'deleted']) {
      await pipeline.store.put(LOCAL_UPLOAD_BUCKET, `articles/${name}.txt`, text('Anna Smith'));
    }
    await pipeline.bridge.idle();
    await pipeline.close();

    await offline(async (store) => {
      await store.put(LOCAL_UPLOAD_BUCKET, 'articles/never-analysed.txt', text('Omar Haddad'));
      await store.put(LOCAL_UPLOAD_BUCKET, 'articles/changed.txt', text('Greta Holm'));
      await store.delete(LOCAL_UPLOAD_BUCKET, 'articles/deleted.txt');
      await deleteIndex(store);
    });

    pipeline = await startLocalPipeline({ directory, port });
    await pipeline.bridge.idle();
  });

  afterAll(async () => {
    await pipeline?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('queues again exactly the articles whose current version has no result', () => {
    expect(pipeline.reconciled.analysing.sort()).toEqual([
      'articles/changed.txt',
      'articles/never-analysed.txt',
    ]);
  });

  it('analyses them', async () => {
    expect((await report('articles/never-analysed.txt'))?.quotes[0]?.speaker.name).toBe('Omar Haddad');
    expect((await report('articles/changed.txt'))?.quotes[0]?.speaker.name).toBe('Greta Holm');
  });

  it('removes the results of an article deleted while nothing was running', async () => {
    const id = articleIdFromKey('articles/deleted.txt');

    expect(pipeline.reconciled.removing).toEqual(['articles/deleted.txt']);
    expect(await pipeline.store.head(LOCAL_RESULTS_BUCKET, reportKey(id))).toBeNull();
    expect(await pipeline.store.head(LOCAL_RESULTS_BUCKET, errorKey(id))).toBeNull();
  });

  it('indexes the results the index lost, and only the current ones', async () => {
    expect(pipeline.reconciled.reindexing).toEqual([reportKey(articleIdFromKey('articles/kept.txt'))]);
    expect((await indexedIds()).sort()).toEqual(
      ['kept', 'changed', 'never-analysed'].map((name) => articleIdFromKey(`articles/${name}.txt`)).sort(),
    );
  });

  it('finds nothing to do on the next start', async () => {
    await pipeline.close();
    pipeline = await startLocalPipeline({ directory, port });

    expect(pipeline.reconciled).toEqual({
      analysing: [],
      reanalysing: [],
      removing: [],
      reindexing: [],
      stoppedReanalyses: [],
    });
  });

  it('rebuilds the index when a crash left an entry without its commit record, so removing it works', async () => {
    // Killed between update-index's page write and its locator write: the page lists the article,
    // its locator is missing, and no later event could reach the entry.
    const key = 'articles/kept.txt';
    const id = articleIdFromKey(key);
    await pipeline.close();
    await offline((store) => store.delete(LOCAL_RESULTS_BUCKET, locatorKey(id)));
    pipeline = await startLocalPipeline({ directory, port });
    await pipeline.bridge.idle();

    expect(pipeline.uncommitted).toEqual([id]);
    expect(pipeline.reindexed?.missing).toEqual([id]);
    expect(await pipeline.store.head(LOCAL_RESULTS_BUCKET, locatorKey(id))).not.toBeNull();

    await pipeline.store.delete(LOCAL_UPLOAD_BUCKET, key);
    await pipeline.bridge.idle();
    expect(await indexedIds()).not.toContain(id);
  });

  it('indexes again an article dropped again whose report exists but whose index entry is gone', async () => {
    const key = 'articles/dropped-again.txt';
    await pipeline.store.put(LOCAL_UPLOAD_BUCKET, key, text('Lena Brandt'));
    await pipeline.bridge.idle();
    await deleteIndex(pipeline.store);

    await pipeline.store.put(LOCAL_UPLOAD_BUCKET, key, text('Lena Brandt'));
    await pipeline.bridge.idle();

    expect(await indexedIds()).toContain(articleIdFromKey(key));
  });
});
