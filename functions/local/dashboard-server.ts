import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DASHBOARD_CSP } from '../../shared/dashboard-csp.ts';
import { INDEX_PREFIX, REPORTS_PREFIX } from '../../shared/store/layout.ts';
import type { ObjectStore } from '../lib/object-store.ts';

// The dashboard locally, laid out as CloudFront serves it on AWS: the static files of dashboard/
// at the root, and index/* and reports/* of the results bucket at the same paths, from one origin,
// with the same security headers. Nothing else of the results bucket is reachable.

export const DASHBOARD_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dashboard');
// Next to the embedded S3 server's 4569, so both are easy to remember.
export const LOCAL_DASHBOARD_PORT = 4570;

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
  const server = createServer((request, response) => {
    serve(request, response, root, options).catch((error: unknown) => {
      send(response, 500, 'text/plain; charset=utf-8', `Internal error: ${String(error)}`);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? LOCAL_DASHBOARD_PORT, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
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
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'text/plain; charset=utf-8', 'Only GET and HEAD.');
    return;
  }
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  const key = path.slice(1);
  if (key.startsWith(INDEX_PREFIX) || key.startsWith(REPORTS_PREFIX)) {
    const stored = await options.store.get(options.resultsBucket, key);
    if (!stored) send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    // Conditional requests pass through as S3 and CloudFront answer them: an unchanged file is a
    // 304 without a body, so the dashboard's polls download nothing while nothing changes.
    else if (stored.etag && request.headers['if-none-match'] === stored.etag)
      send(response, 304, CONTENT_TYPES['.json'] ?? '', '', true, stored.etag);
    else
      send(response, 200, CONTENT_TYPES['.json'] ?? '', stored.body, request.method === 'HEAD', stored.etag);
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

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Uint8Array,
  headOnly = false,
  etag?: string,
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    // The index changes with every analysed article: a reader revalidates every time (a 304 when
    // unchanged, thanks to the ETag) instead of trusting a stale copy.
    'Cache-Control': etag ? 'no-cache' : 'no-store',
    ...(etag ? { ETag: etag } : {}),
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
