import { Buffer } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';

// The embedded S3 server keeps every object as files named after its key, one directory per "/"
// segment, plus a suffix of up to 22 bytes ("._S3rver_metadata.json"). A segment longer than the
// file system's 255-byte name limit makes its file writes fail outside any request handler, and
// the uncaught error brings the whole local pipeline down. S3 accepts such keys (up to 1,024
// bytes), so the local store refuses them with a clear S3 error, before the server touches disk.

const FILE_NAME_LIMIT = 255;
const LONGEST_SUFFIX = '._S3rver_metadata.json'.length;
/** The longest key segment (between slashes), in UTF-8 bytes, that the local store can keep. */
export const MAX_LOCAL_SEGMENT_BYTES = FILE_NAME_LIMIT - LONGEST_SUFFIX;

interface KoaLikeContext {
  req: IncomingMessage;
  res: ServerResponse;
  status: number;
  type: string;
  body: unknown;
}

type Middleware = (context: KoaLikeContext, next: () => Promise<unknown>) => Promise<unknown>;

/**
 * Puts the check in front of every request of an embedded S3 server (a Koa app) that has not
 * started yet: Koa composes its middleware when the server starts listening.
 *
 * @example
 * refuseUnstorableKeys(server); await server.run();
 */
export function refuseUnstorableKeys(server: unknown): void {
  const app = server as { middleware: Middleware[] };
  app.middleware.unshift(async (context, next) => {
    const segment = tooLongSegment(context.req.url ?? '/');
    if (segment === null) return next();
    context.status = 400;
    context.type = 'application/xml';
    context.body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>KeyTooLongError</Code><Message>' +
      `Expected every part of the key between slashes to be at most ${MAX_LOCAL_SEGMENT_BYTES} bytes ` +
      `for the local store (it keeps keys as file names), but one has ${segment} bytes. ` +
      'S3 itself accepts it; shorten the file name to use it locally.</Message></Error>';
    return undefined;
  });
}

// The byte length of the first over-long segment of a path-style request's key, or null.
function tooLongSegment(url: string): number | null {
  const path = url.split('?')[0] ?? '';
  for (const raw of path.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      segment = raw;
    }
    const bytes = Buffer.byteLength(segment, 'utf8');
    if (bytes > MAX_LOCAL_SEGMENT_BYTES) return bytes;
  }
  return null;
}
