import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readAllEntries } from '../../../functions/lib/index-reader.ts';
import { embeddedS3ClientConfig, ObjectStore } from '../../../functions/lib/object-store.ts';
import { reportKey } from '../../../shared/store/layout.ts';
import { makeReport } from '../../shared/store/index-fixtures.ts';

// The Lambda entry point: an S3 event in, every record handled, failures rethrown for a retry.

const BUCKET = 'results-handler';

function record(key: string) {
  return {
    eventName: 'ObjectCreated:Put',
    eventTime: '2026-11-28T09:00:00.000Z',
    s3: { bucket: { name: BUCKET }, object: { key } },
  };
}

describe('the update-index handler', () => {
  let server: S3rver;
  let directory: string;
  let store: ObjectStore;
  let handler: (event: unknown) => Promise<unknown>;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'quote-tone-handler-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
    const { port } = await server.run();
    // The handler reads its configuration at import, as on Lambda.
    const endpoint = `http://127.0.0.1:${port}`;
    vi.stubEnv('S3_ENDPOINT', endpoint);
    vi.stubEnv('RESULTS_BUCKET', BUCKET);
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    store = new ObjectStore(new S3Client(embeddedS3ClientConfig(endpoint)));
    await store.client.send(new CreateBucketCommand({ Bucket: BUCKET }));
    ({ handler } = await import('../../../functions/update-index/handler.ts'));
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('indexes the good records of an event and then fails it, so Lambda retries the bad one', async () => {
    await store.putJson(BUCKET, reportKey('good'), makeReport('good', '2026-11-28T09:00:00.000Z', []));

    const handled = handler({ Records: [record('reports/not-a-report.txt'), record(reportKey('good'))] });

    await expect(handled).rejects.toThrow(/reports\/<id>\.json/);
    expect((await readAllEntries(store, BUCKET)).map((article) => article.id)).toEqual(['good']);
  });

  it('refuses an event that is not an S3 notification', async () => {
    await expect(handler({ detail: {} })).rejects.toThrow(/S3 event notification/);
  });
});
