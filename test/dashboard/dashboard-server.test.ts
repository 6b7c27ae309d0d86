import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedS3ClientConfig, ObjectStore } from '../../functions/lib/object-store.ts';
import { type DashboardServer, startDashboardServer } from '../../functions/local/dashboard-server.ts';
import { DASHBOARD_CSP } from '../../shared/dashboard-csp.ts';

// The local dashboard server serves what CloudFront serves on AWS, and nothing more.

const BUCKET = 'results';

describe('the local dashboard server', () => {
  let s3: S3rver;
  let directory: string;
  let dashboard: DashboardServer;
  const get = (path: string, init?: RequestInit) => fetch(new URL(path, dashboard.url), init);

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'quote-tone-dashboard-'));
    s3 = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
    const { port } = await s3.run();
    const store = new ObjectStore(new S3Client(embeddedS3ClientConfig(`http://127.0.0.1:${port}`)));
    await store.client.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await store.putJson(BUCKET, 'index/articles.json', { schemaVersion: 1, articles: [] });
    await store.putJson(BUCKET, 'reports/talks.json', { article: { id: 'talks' } });
    await store.putJson(BUCKET, 'errors/talks.json', { code: 'SECRET' });
    dashboard = await startDashboardServer({ store, resultsBucket: BUCKET, port: 0 });
  });

  afterAll(async () => {
    await dashboard?.close();
    await s3?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves the page with the same Content-Security-Policy as CloudFront', async () => {
    const response = await get('/');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<script type="module" src="js/app.js">');
  });

  it('serves index/ and reports/ from the results bucket at the paths the page fetches', async () => {
    const index = await get('/index/articles.json');
    const report = await get('/reports/talks.json');

    expect(index.status).toBe(200);
    expect(await index.json()).toEqual({ schemaVersion: 1, articles: [] });
    expect(await report.json()).toEqual({ article: { id: 'talks' } });
    expect(report.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
  });

  it('answers 404 for a missing index and for the rest of the bucket', async () => {
    expect((await get('/index/speakers.json')).status).toBe(404);
    expect((await get('/errors/talks.json')).status).toBe(404);
  });

  it('serves nothing outside dashboard/', async () => {
    expect((await get('/%2e%2e/package.json')).status).toBe(404);
    expect((await get('/..%2f..%2fpackage.json')).status).toBe(404);
  });

  it('answers a conditional request for an unchanged index file with 304 and no body', async () => {
    const first = await get('/index/articles.json');
    const etag = first.headers.get('etag') ?? '';

    const again = await get('/index/articles.json', { headers: { 'If-None-Match': etag } });
    const stale = await get('/index/articles.json', { headers: { 'If-None-Match': '"another"' } });

    expect(etag).not.toBe('');
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(stale.status).toBe(200);
  });

  it('refuses writes', async () => {
    expect((await get('/index/articles.json', { method: 'PUT', body: '{}' })).status).toBe(405);
  });
});
