import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { type ObjectStore, type PutOptions, WriteConflictError } from '../functions/lib/object-store.ts';

// Just enough of S3's REST API (path-style GetObject, HeadObject, PutObject and DeleteObject with
// their If-Match / If-None-Match conditions, ListObjectsV2 in one page) over an in-memory store, so
// a process can reach it through the real SDK client: the capped drop measures the client's CPU per
// request that way, as a function on AWS pays it. Not a general S3 server.

const XML = { 'content-type': 'application/xml' };

/** How a client reaches a front: path-style, any region and credentials (it checks no signature). */
export function frontClientConfig(endpoint: string): S3ClientConfig {
  return {
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  };
}

/**
 * Serves `store` on a free local port until `close` is called.
 *
 * @example const front = await serveS3Http(store); new S3Client({ endpoint: front.endpoint, forcePathStyle: true })
 */
export async function serveS3Http(store: ObjectStore): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      answer(store, request, Buffer.concat(chunks)).then(
        ({ status, headers, body }) => {
          response.writeHead(status, headers);
          response.end(body);
        },
        (error: unknown) => {
          response.writeHead(500, XML);
          response.end(errorXml('InternalError', String(error)));
        },
      );
    });
  });
  // Five containers keep up to 50 sockets each open for the whole drop.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Answer {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body?: Uint8Array | string;
}

async function answer(store: ObjectStore, request: http.IncomingMessage, body: Buffer): Promise<Answer> {
  const url = new URL(request.url ?? '/', 'http://local');
  const [bucket = '', ...rest] = url.pathname.slice(1).split('/');
  const key = rest.map(decodeURIComponent).join('/');
  const method = request.method ?? 'GET';
  if (method === 'GET' && key === '' && url.searchParams.get('list-type') === '2') {
    const keys: string[] = [];
    for await (const listed of store.list(bucket, url.searchParams.get('prefix') ?? '')) keys.push(listed);
    const contents = keys.map((listed) => `<Contents><Key>${escapeXml(listed)}</Key></Contents>`).join('');
    return {
      status: 200,
      headers: XML,
      body: `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${escapeXml(bucket)}</Name><KeyCount>${keys.length}</KeyCount><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`,
    };
  }
  const condition = (name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  try {
    if (method === 'HEAD') {
      const found = await store.head(bucket, key);
      if (!found) return { status: 404, headers: {} };
      return { status: 200, headers: { etag: found.etag ?? '', 'content-length': found.size } };
    }
    if (method === 'GET') {
      const object = await store.get(bucket, key);
      if (!object) return { status: 404, headers: XML, body: errorXml('NoSuchKey', key) };
      return { status: 200, headers: { etag: object.etag ?? '' }, body: object.body };
    }
    if (method === 'PUT') {
      const options: PutOptions = {
        ...(condition('if-match') ? { ifMatch: condition('if-match') } : {}),
        ...(condition('if-none-match') === '*' ? { ifNoneMatch: '*' as const } : {}),
        ...(condition('content-type') ? { contentType: condition('content-type') } : {}),
        ...(condition('content-encoding') === 'gzip' ? { contentEncoding: 'gzip' as const } : {}),
      };
      const etag = await store.put(bucket, key, new Uint8Array(body), options);
      return { status: 200, headers: { etag } };
    }
    if (method === 'DELETE') {
      const ifMatch = condition('if-match');
      await store.delete(bucket, key, ifMatch ? { ifMatch } : {});
      return { status: 204, headers: {} };
    }
  } catch (error) {
    if (error instanceof WriteConflictError)
      return { status: 412, headers: XML, body: errorXml('PreconditionFailed', key) };
    throw error;
  }
  return { status: 405, headers: XML, body: errorXml('MethodNotAllowed', method) };
}

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
