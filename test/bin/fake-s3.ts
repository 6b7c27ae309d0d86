import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in S3 endpoint that answers each request as a test says, so the CLI meets real SDK
// errors (no such bucket, access denied, a refused upload) without AWS.

export interface FakeAnswer {
  status: number;
  /** The S3 error code for an error answer, e.g. "NoSuchBucket". */
  code?: string;
}

export interface FakeS3 {
  endpoint: string;
  /** "METHOD /path" (no query) of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** @example const s3 = await startFakeS3(() => ({ status: 403, code: 'AccessDenied' })) */
export async function startFakeS3(answer: (request: IncomingMessage) => FakeAnswer): Promise<FakeS3> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${decodeURIComponent((request.url ?? '').split('?')[0] ?? '')}`);
    request.resume();
    request.on('end', () => {
      const { status, code } = answer(request);
      if (!code) {
        response.writeHead(status, { ETag: '"0123456789abcdef0123456789abcdef"' }).end();
        return;
      }
      response
        .writeHead(status, { 'Content-Type': 'application/xml' })
        .end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code} from the fake S3</Message><RequestId>1</RequestId></Error>`,
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
