import { Buffer } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DASHBOARD_CSP } from '../../shared/dashboard-csp.ts';
import { DASHBOARD_DATA_PREFIXES } from '../../shared/store/layout.ts';
import { isGzipped, type ObjectStore } from '../lib/object-store.ts';

// The dashboard locally, laid out as CloudFront serves it on AWS: the static files of dashboard/
// at the root, and the dashboard's data prefixes of the results bucket (DASHBOARD_DATA_PREFIXES:
// index/*, reports/*, errors/*) at the same paths, from one origin, read-only, with the same
// security headers. Nothing else of the results bucket is reachable: a request path is decoded
// first and then must be a documented key (index/….json, reports/<id>.json or errors/<id>.json,
// plain segments only, so "/reports/..%2flake%2f…" is refused, not normalised by the S3 server
// into another prefix). Only requests addressed to the bound host and port are answered, so a web page
// on another origin cannot reach the server by pointing its own domain at 127.0.0.1 (DNS rebinding).

export const DASHBOARD_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dashboard');
// Next to the embedded S3 server's 4569, so both are easy to remember.
export const LOCAL_DASHBOARD_PORT = 4570;

// Longer request paths are refused before any lookup: every documented key is far shorter, and a
// file or object name over 255 bytes cannot exist on the local disk anyway.
const MAX_PATH_BYTES = 255;
// The documented store keys under the data prefixes, as plain segments that cannot be "." or ".."
// (no segment starts with a dot) and hold no escape, backslash or space.
const SEGMENT = '[A-Za-z0-9_=-][A-Za-z0-9._=-]*';
const STORE_KEY = new RegExp(`^(?:${DASHBOARD_DATA_PREFIXES.join('|')})(?:${SEGMENT}/)*${SEGMENT}\\.json$`);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.md': 'text/plain; charset=utf-8',
};

// The headers CloudFront's response-headers policy adds (infra/quote-tone-stack.ts).
const SECURITY_HEADERS = {
  'Content-Security-Policy': DASHBOARD_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

export interface DashboardServerOptions {
  store: ObjectStore;
  resultsBucket: string;
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** The static files; defaults to the repository's dashboard/. */
  root?: string;
}

export interface DashboardServer {
  url: string;
  close(): Promise<void>;
}

/** @example const dashboard = await startDashboardServer({ store, resultsBucket: 'quote-tone-results' }) */
export async function startDashboardServer(options: DashboardServerOptions): Promise<DashboardServer> {
  const root = options.root ?? DASHBOARD_DIR;
  const allowedHosts = new Set<string>();
  const server = createServer((request, response) => {
    serve(request, response, root, options, allowedHosts).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else send(response, 500, 'text/plain; charset=utf-8', `Internal error: ${String(error)}`);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? LOCAL_DASHBOARD_PORT, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  for (const name of LOOPBACK_HOSTS.has(host) ? [host, 'localhost'] : [host]) {
    allowedHosts.add(`${name.includes(':') ? `[${name}]` : name}:${port}`);
  }
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  options: DashboardServerOptions,
  allowedHosts: ReadonlySet<string>,
): Promise<void> {
  const text = 'text/plain; charset=utf-8';
  if (!allowedHosts.has((request.headers.host ?? '').toLowerCase())) {
    send(response, 421, text, `Expected a request for ${[...allowedHosts].join(' or ')}.`);
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, text, 'Only GET and HEAD.');
    return;
  }
  const path = decodedPath(request.url ?? '/');
  if (path === null) {
    send(response, 400, text, 'Expected a URL path with valid percent-escapes.');
    return;
  }
  if (Buffer.byteLength(path, 'utf8') > MAX_PATH_BYTES) {
    send(response, 414, text, `Expected a path of at most ${MAX_PATH_BYTES} bytes.`);
    return;
  }
  const key = path.slice(1);
  if (DASHBOARD_DATA_PREFIXES.some((prefix) => key.startsWith(prefix))) {
    if (!STORE_KEY.test(key)) {
      send(response, 404, text, 'Not found.');
      return;
    }
    const stored = await options.store.get(options.resultsBucket, key);
    if (!stored) send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    // Conditional requests pass through as S3 and CloudFront answer them: an unchanged file is a
    // 304 without a body, so the dashboard's polls download nothing while nothing changes.
    else if (stored.etag && request.headers['if-none-match'] === stored.etag)
      send(response, 304, CONTENT_TYPES['.json'] ?? '', '', true, stored.etag);
    else {
      // A file stored gzipped goes out as S3 serves it, with Content-Encoding: gzip; a client that
      // does not accept gzip gets it decoded.
      const gzipped = isGzipped(stored.body);
      const passOn = gzipped && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      const body = gzipped && !passOn ? gunzipSync(stored.body) : stored.body;
      const encoding = gzipped ? (passOn ? 'gzip' : 'identity') : undefined;
      send(
        response,
        200,
        CONTENT_TYPES['.json'] ?? '',
        body,
        request.method === 'HEAD',
        stored.etag,
        encoding,
      );
    }
    return;
  }
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  // Refuse anything outside dashboard/ ("/../package.json" and the like).
  if (!file.startsWith(`${root}${sep}`) || !(await isFile(file))) {
    send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    return;
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  send(response, 200, type, await readFile(file), request.method === 'HEAD');
}

function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;
  }
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Uint8Array,
  headOnly = false,
  etag?: string,
  // Set for a file stored gzipped: how it went out, which depends on the request's Accept-Encoding.
  encoding?: 'gzip' | 'identity',
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    // The index changes with every analysed article: a reader revalidates every time (a 304 when
    // unchanged, thanks to the ETag) instead of trusting a stale copy.
    'Cache-Control': etag ? 'no-cache' : 'no-store',
    ...(etag ? { ETag: etag } : {}),
    ...(encoding ? { Vary: 'Accept-Encoding' } : {}),
    ...(encoding === 'gzip' ? { 'Content-Encoding': 'gzip' } : {}),
  });
  response.end(headOnly ? undefined : body);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
