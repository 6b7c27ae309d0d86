import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WriteConflictError } from '../../../functions/lib/s3-transport.ts';
import {
  parseListPage,
  S3RequestError,
  SignedHttpS3,
  s3Target,
  signedHttpS3FromEnv,
} from '../../../functions/lib/signed-http-s3.ts';

// The functions' S3 client has no AWS to talk to here, so its requests are checked the way S3
// checks them: a local server recomputes every request's SigV4 signature with an independent
// implementation (the AWS SDK's own signer, `@smithy/signature-v4`) from what actually arrived on the wire, and answers as S3
// would (404, 412, 503 SlowDown, list XML).

const CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test/secret+key', sessionToken: 'token/1=' };
const REGION = 'eu-west-1';
const BUCKET = 'results';
const AWKWARD_KEYS = [
  'reports/plain.json',
  'articles/a b+c=d&e.txt',
  "articles/it's (really) *fine*!.md",
  'articles/Zürich ünïcödé 東京.html',
  'articles/tilde~and%percent.json',
  'articles/semi;colon,comma:colon@at$dollar.txt',
];

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  signatureValid: boolean;
}

type Reply = (request: Received) => { status: number; headers?: Record<string, string>; body?: string };

let server: http.Server;
let endpoint: string;
let received: Received[] = [];
let reply: Reply = () => ({ status: 200 });

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: Received = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
        signatureValid: false,
      };
      verifies(entry).then((valid) => {
        entry.signatureValid = valid;
        received.push(entry);
        const { status, headers, body } = reply(entry);
        response.writeHead(status, headers);
        response.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  received = [];
  reply = () => ({ status: 200 });
});

const client = (options: { maxAttempts?: number; secretAccessKey?: string } = {}) =>
  new SignedHttpS3({
    endpoint,
    region: REGION,
    credentials: { ...CREDENTIALS, secretAccessKey: options.secretAccessKey ?? CREDENTIALS.secretAccessKey },
    maxAttempts: options.maxAttempts,
  });

// What S3 does with a request: rebuild the canonical request from the headers the client says it
// signed, sign it with the account's secret, and compare.
async function verifies(request: Received): Promise<boolean> {
  const authorization = String(request.headers.authorization ?? '');
  const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const headers: Record<string, string> = {};
  for (const name of signedNames) headers[name] = String(request.headers[name] ?? '');
  // The path and query exactly as they arrived: S3 signs the path as sent, each key segment
  // escaped once, and the query decoded then escaped again.
  const [path = '', search = ''] = request.url.split('?');
  const query: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const [name = '', value = ''] = pair.split('=');
    query[decodeURIComponent(name)] = decodeURIComponent(value);
  }
  const [hostname = '', port] = String(request.headers.host).split(':');
  const stamp = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(request.headers['x-amz-date']));
  if (!stamp) return false;
  const [, year, month, day, hour, minute, second] = stamp;
  const signer = new SignatureV4({
    credentials: CREDENTIALS,
    region: REGION,
    service: 's3',
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: true,
  });
  const resigned = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname,
      port: Number(port),
      path,
      query,
      headers,
      body: request.body,
    },
    { signingDate: new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`) },
  );
  const signature = (value: unknown) => /Signature=([0-9a-f]{64})/.exec(String(value))?.[1];
  return signature(resigned.headers.authorization) === signature(authorization);
}

// The hash interface @smithy/signature-v4 asks for, over node:crypto.
class NodeSha256 {
  private readonly hash: Hash | Hmac;

  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }

  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

describe('the functions’ S3 client', () => {
  it('signs every call, awkward keys included, as S3 verifies signatures', async () => {
    const s3 = client();
    reply = (request) =>
      request.method === 'GET' && request.url.includes('list-type=2')
        ? { status: 200, body: '<ListBucketResult></ListBucketResult>' }
        : { status: 200, headers: { etag: '"e1"' }, body: request.method === 'GET' ? '{}' : '' };
    for (const key of AWKWARD_KEYS) {
      await s3.put(BUCKET, key, Buffer.from('{"a":1}'), {
        contentType: 'application/json',
        ifNoneMatch: '*',
      });
      await s3.get(BUCKET, key, 'version 2');
      await s3.head(BUCKET, key);
      await s3.delete(BUCKET, key, '"e1"');
    }
    await s3.listPage(BUCKET, 'articles/a b+c', 'token/with=odd+chars');
    s3.destroy();

    expect(received).toHaveLength(AWKWARD_KEYS.length * 4 + 1);
    expect(received.filter((request) => !request.signatureValid).map((r) => `${r.method} ${r.url}`)).toEqual(
      [],
    );
    // The session token and the payload's hash travel with each request, as S3 requires.
    for (const request of received)
      expect(request.headers['x-amz-security-token']).toBe(CREDENTIALS.sessionToken);
    const put = received.find((request) => request.method === 'PUT');
    expect(put?.headers['x-amz-content-sha256']).toBe(createHash('sha256').update('{"a":1}').digest('hex'));
    expect(put?.headers['if-none-match']).toBe('*');
    // Each key arrives path-style under its bucket and decodes back to itself.
    const paths = received.filter((request) => request.method === 'HEAD').map((request) => request.url);
    expect(paths.map((path) => decodeURIComponent(path.slice(`/${BUCKET}/`.length)))).toEqual(AWKWARD_KEYS);
  });

  it('is checked by a verifier that accepts the SDK’s own requests for the same calls', async () => {
    const sdk = new S3Client({
      endpoint,
      region: REGION,
      forcePathStyle: true,
      credentials: CREDENTIALS,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    reply = () => ({ status: 200, headers: { etag: '"e1"' } });
    const key = AWKWARD_KEYS[1];
    await sdk.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: '{}', IfNoneMatch: '*' }));
    await sdk.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    sdk.destroy();
    expect(received.map((request) => request.signatureValid)).toEqual([true, true]);
  });

  it('is refused by the verifying server when signed with another secret', async () => {
    const s3 = client({ secretAccessKey: 'not the secret' });
    await s3.get(BUCKET, 'reports/plain.json');
    s3.destroy();
    expect(received[0]?.signatureValid).toBe(false);
  });

  it('reads objects, their ETag and version, and a missing key as null', async () => {
    reply = (request) =>
      request.url.endsWith('/missing.json')
        ? { status: 404, body: '<Error><Code>NoSuchKey</Code></Error>' }
        : { status: 200, headers: { etag: '"abc"', 'x-amz-version-id': 'v7' }, body: '{"ok":true}' };
    const s3 = client();
    const object = await s3.get(BUCKET, 'reports/a.json');
    expect(Buffer.from(object?.body ?? []).toString()).toBe('{"ok":true}');
    expect(object?.etag).toBe('"abc"');
    expect(object?.versionId).toBe('v7');
    expect(await s3.get(BUCKET, 'reports/missing.json')).toBeNull();
    expect(await s3.head(BUCKET, 'reports/missing.json')).toBeNull();
    s3.destroy();
  });

  it('turns a failed condition (412, or 409 from a concurrent write) into WriteConflictError', async () => {
    const s3 = client();
    reply = () => ({ status: 412, body: '<Error><Code>PreconditionFailed</Code></Error>' });
    await expect(
      s3.put(BUCKET, 'index/m.json', Buffer.from('{}'), { ifMatch: '"old"' }),
    ).rejects.toBeInstanceOf(WriteConflictError);
    reply = () => ({ status: 409, body: '<Error><Code>ConditionalRequestConflict</Code></Error>' });
    await expect(
      s3.put(BUCKET, 'index/m.json', Buffer.from('{}'), { ifNoneMatch: '*' }),
    ).rejects.toBeInstanceOf(WriteConflictError);
    await expect(s3.delete(BUCKET, 'index/m.json', '"old"')).rejects.toBeInstanceOf(WriteConflictError);
    s3.destroy();
  });

  it('retries S3 slow-downs and server errors, then gives up with S3’s code and message', async () => {
    let calls = 0;
    reply = () => {
      calls += 1;
      return calls < 3
        ? {
            status: 503,
            body: '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
          }
        : { status: 200, headers: { etag: '"e"' }, body: '{}' };
    };
    const s3 = client();
    expect(await s3.get(BUCKET, 'reports/a.json')).not.toBeNull();
    expect(calls).toBe(3);

    reply = () => ({
      status: 500,
      body: '<Error><Code>InternalError</Code><Message>We hit a snag.</Message></Error>',
    });
    const failure = await s3.get(BUCKET, 'reports/a.json').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(S3RequestError);
    expect(String(failure)).toContain('500 InternalError (We hit a snag.)');
    expect(received.filter((request) => request.method === 'GET')).toHaveLength(6);

    // A refusal is not retried: it would only be refused again.
    received = [];
    reply = () => ({
      status: 403,
      body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
    });
    await expect(s3.put(BUCKET, 'reports/a.json', Buffer.from('{}'), {})).rejects.toThrow(/403 AccessDenied/);
    expect(received).toHaveLength(1);
    s3.destroy();
  });

  it('lists pages with their continuation token and decodes XML entities in keys and ETags', () => {
    const page = parseListPage(
      '<?xml version="1.0"?><ListBucketResult><IsTruncated>true</IsTruncated>' +
        '<Contents><Key>articles/Tom &amp; Jerry&#39;s.txt</Key><ETag>&quot;e1&quot;</ETag><Size>12</Size></Contents>' +
        '<Contents><Key>articles/b.txt</Key><ETag>"e2"</ETag><Size>3</Size></Contents>' +
        '<NextContinuationToken>1/abc=</NextContinuationToken></ListBucketResult>',
    );
    expect(page.objects).toEqual([
      { key: "articles/Tom & Jerry's.txt", etag: '"e1"', size: 12 },
      { key: 'articles/b.txt', etag: '"e2"', size: 3 },
    ]);
    expect(page.continuationToken).toBe('1/abc=');
    expect(parseListPage('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>')).toEqual({
      objects: [],
      continuationToken: undefined,
    });
  });

  it('addresses AWS virtual-hosted in the bucket’s region, and an explicit endpoint path-style', () => {
    expect(s3Target({ region: 'eu-west-1' }, 'quote-tone-results', 'reports/a b.json')).toEqual({
      protocol: 'https:',
      hostname: 'quote-tone-results.s3.eu-west-1.amazonaws.com',
      port: undefined,
      path: '/reports/a%20b.json',
    });
    expect(s3Target({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4569' }, 'b', 'x/y(1).json')).toEqual({
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4569,
      path: '/b/x/y%281%29.json',
    });
  });

  it('retries a dropped connection', async () => {
    let calls = 0;
    const flaky = http.createServer((request, response) => {
      calls += 1;
      if (calls === 1) request.socket.destroy();
      else response.end('{}');
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const s3 = new SignedHttpS3({
      endpoint: `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`,
      region: REGION,
      credentials: CREDENTIALS,
    });
    const object = await s3.get(BUCKET, 'reports/a.json');
    s3.destroy();
    await new Promise((resolve) => flaky.close(resolve));
    expect(Buffer.from(object?.body ?? []).toString()).toBe('{}');
    expect(calls).toBe(2);
  });

  it('loads without credentials, and its first request says which variables are missing', async () => {
    const s3 = signedHttpS3FromEnv({ AWS_REGION: 'eu-west-1' });
    await expect(s3.get(BUCKET, 'reports/a.json')).rejects.toThrow(
      /AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY/,
    );
    s3.destroy();
    expect(received).toEqual([]);
  });
});
