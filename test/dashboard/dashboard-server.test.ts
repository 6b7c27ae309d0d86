import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedSignedTransport, ObjectStore } from '../../functions/lib/object-store.ts';
import { embeddedS3ClientConfig } from '../../functions/lib/sdk-s3-transport.ts';
import { type DashboardServer, startDashboardServer } from '../../functions/local/dashboard-server.ts';
import { DASHBOARD_CSP } from '../../shared/dashboard-csp.ts';

// The local dashboard server serves what CloudFront serves on AWS, and nothing more.

const BUCKET = 'results';
// An index file big enough that update-index stores it gzipped.
const BIG_PAGE = {
  articles: Array.from({ length: 300 }, (_, i) => ({ id: `article-${i}`, title: 'Harbour deal' })),
};

describe('the local dashboard server', () => {
  let s3: S3rver;
  let directory: string;
  let dashboard: DashboardServer;
  const get = (path: string, init?: RequestInit) => fetch(new URL(path, dashboard.url), init);

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'quote-tone-dashboard-'));
    s3 = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
    const { port } = await s3.run();
    const store = new ObjectStore(embeddedSignedTransport(`http://127.0.0.1:${port}`));
    const client = new S3Client(embeddedS3ClientConfig(`http://127.0.0.1:${port}`));
    await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await store.putJson(BUCKET, 'index/articles.json', { schemaVersion: 1, articles: [] });
    await store.putJson(BUCKET, 'reports/talks.json', { article: { id: 'talks' } });
    await store.putJson(BUCKET, 'errors/blank.json', { code: 'EMPTY_ARTICLE' });
    await store.put(BUCKET, 'index/articles/2026-11-28/1.json', gzipSync(JSON.stringify(BIG_PAGE)), {
      contentType: 'application/json',
      contentEncoding: 'gzip',
    });
    // Results-bucket keys outside the dashboard's data prefixes: the quote lake, for Athena only.
    await store.put(BUCKET, 'lake/quotes/dt=2026-11-28/talks.json', 'SECRET LAKE ROW');
    await client.send(new CreateBucketCommand({ Bucket: 'uploads' }));
    await store.put('uploads', 'articles/raw.txt', 'RAW UPLOAD');
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

  it('serves index/, reports/ and errors/ from the results bucket at the paths the page fetches', async () => {
    const index = await get('/index/articles.json');
    const report = await get('/reports/talks.json');
    const errorRecord = await get('/errors/blank.json');

    expect(index.status).toBe(200);
    expect(await index.json()).toEqual({ schemaVersion: 1, articles: [] });
    expect(await report.json()).toEqual({ article: { id: 'talks' } });
    expect(report.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(errorRecord.status).toBe(200);
    expect(await errorRecord.json()).toEqual({ code: 'EMPTY_ARTICLE' });
  });

  it('passes a gzipped index file on gzipped to a browser, and decoded to a client without gzip', async () => {
    const path = '/index/articles/2026-11-28/1.json';
    const gzipped = await bytesOf(new URL(path, dashboard.url), 'gzip, deflate, br');
    const plain = await bytesOf(new URL(path, dashboard.url), 'identity');

    expect(gzipped.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzipped.body).toString('utf8'))).toEqual(BIG_PAGE);
    expect(plain.encoding).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8'))).toEqual(BIG_PAGE);
    // fetch, like a browser, decodes it.
    expect(await (await get(path)).json()).toEqual(BIG_PAGE);
  });

  it('answers 404 for a missing index and for the rest of the bucket', async () => {
    expect((await get('/index/speakers.json')).status).toBe(404);
    expect((await get('/errors/talks.json')).status).toBe(404);
    expect((await get('/lake/quotes/dt=2026-11-28/talks.json')).status).toBe(404);
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

  it.each([
    ['PUT', '/index/articles.json'],
    ['PUT', '/errors/blank.json'],
    ['DELETE', '/errors/blank.json'],
    ['POST', '/reports/talks.json'],
  ])('refuses a %s to %s and leaves the record as it was', async (method, path) => {
    const response = await get(path, { method, body: method === 'DELETE' ? null : '{"code":"CHANGED"}' });

    expect(response.status).toBe(405);
    expect(await (await get('/errors/blank.json')).json()).toEqual({ code: 'EMPTY_ARTICLE' });
  });
  it.each([
    ['the lake through reports/', '/reports/..%2flake%2fquotes%2fdt=2026-11-28%2ftalks.json'],
    ['the lake through errors/', '/errors/..%2flake%2fquotes%2fdt=2026-11-28%2ftalks.json'],
    ['a raw upload in another bucket', '/reports/..%2f..%2fuploads%2farticles%2fraw.txt'],
    ['a hidden or dotted segment', '/index/.%2e/lake/quotes/dt=2026-11-28/talks.json'],
    ['a backslash', '/reports/..%5clake%5cquotes%5cdt=2026-11-28%5ctalks.json'],
  ])('refuses %s, decoding before it checks the key', async (_case, path) => {
    const response = await get(path);
    const body = await response.text();

    expect(response.status).toBe(404);
    expect(body).not.toContain('SECRET LAKE ROW');
    expect(body).not.toContain('RAW UPLOAD');
  });

  it('answers 400 for a malformed escape, and keeps serving', async () => {
    expect((await get('/reports/%E0%A4%A.json')).status).toBe(400);
    expect((await get('/index/articles.json')).status).toBe(200);
  });

  it('refuses a path over 255 bytes cleanly, and keeps serving', async () => {
    const long = await get(`/reports/${'a'.repeat(300)}.json`);

    expect(long.status).toBe(414);
    expect((await get('/reports/talks.json')).status).toBe(200);
  });

  it.each([
    ['another domain (DNS rebinding)', 'attacker.example'],
    ['another domain on the same port', 'attacker.example:PORT'],
    ['no port', '127.0.0.1'],
  ])('refuses a request addressed to %s', async (_case, host) => {
    const port = new URL(dashboard.url).port;

    const { status, body } = await rawGet('/index/articles.json', host.replace('PORT', port));

    expect(status).toBe(421);
    expect(body).not.toContain('schemaVersion');
  });

  it('answers requests addressed to the bound address or localhost', async () => {
    const port = new URL(dashboard.url).port;

    expect((await rawGet('/index/articles.json', `127.0.0.1:${port}`)).status).toBe(200);
    expect((await rawGet('/index/articles.json', `localhost:${port}`)).status).toBe(200);
  });

  // fetch() sets Host from the URL; a raw request sends whatever Host a rebinding page would.
  function rawGet(path: string, host: string): Promise<{ status: number; body: string }> {
    const url = new URL(dashboard.url);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        { host: url.hostname, port: url.port, path, headers: { host } },
        (incoming) => {
          let body = '';
          incoming.on('data', (chunk) => {
            body += String(chunk);
          });
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  }
});

/** The response body as sent (no decoding) and its Content-Encoding. */
function bytesOf(url: URL, acceptEncoding: string): Promise<{ encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}
