import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readAllEntries } from '../../../functions/lib/index-reader.ts';
import { embeddedSignedTransport, ObjectStore } from '../../../functions/lib/object-store.ts';
import { embeddedS3ClientConfig } from '../../../functions/lib/sdk-s3-transport.ts';
import { reportKey } from '../../../shared/store/layout.ts';
import { makeReport } from '../../shared/store/index-fixtures.ts';

// The Lambda entry point as SQS calls it: a batch of messages (each one S3 notification) in, the
// index updated, and only the failed messages reported back (partial batch response).

const BUCKET = 'results-handler';

function message(messageId: string, key: string) {
  const record = {
    eventName: 'ObjectCreated:Put',
    eventTime: '2026-11-28T09:00:00.000Z',
    s3: { bucket: { name: BUCKET }, object: { key } },
  };
  return { messageId, body: JSON.stringify({ Records: [record] }) };
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
    store = new ObjectStore(embeddedSignedTransport(endpoint));
    await new S3Client(embeddedS3ClientConfig(endpoint)).send(new CreateBucketCommand({ Bucket: BUCKET }));
    ({ handler } = await import('../../../functions/update-index/handler.ts'));
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('indexes the good messages of a batch and names only the bad ones in batchItemFailures', async () => {
    await store.putJson(BUCKET, reportKey('good'), makeReport('good', '2026-11-28T09:00:00.000Z', []));

    const response = await handler({
      Records: [
        message('m-bad-key', 'reports/not-a-report.txt'),
        message('m-good', reportKey('good')),
        { messageId: 'm-not-json', body: '{"Records": [' },
        { messageId: 'm-test', body: JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent' }) },
      ],
    });

    expect(response).toMatchObject({
      batchItemFailures: [{ itemIdentifier: 'm-not-json' }, { itemIdentifier: 'm-bad-key' }],
      outcomes: [expect.objectContaining({ articleId: 'good', status: 'analysed' })],
    });
    expect((await readAllEntries(store, BUCKET)).map((article) => article.id)).toEqual(['good']);
  });

  it('refuses an event that is not an SQS batch', async () => {
    await expect(handler({ detail: {} })).rejects.toThrow(/SQS event/);
  });
});
