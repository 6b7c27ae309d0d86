import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The dashboard's "Sign out" link in headless Chromium, served by a bare static server that plays
// the edge: with a session it answers /auth/session.json as the Lambda@Edge check does, without
// one (locally, or in public mode) nothing answers it.

const DASHBOARD = join(import.meta.dirname, '..', '..', 'dashboard');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox'],
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Serve dashboard/; answer the session probe with 200 only when `signedIn`. */
async function serve(signedIn: boolean): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/auth/session.json' && signedIn) {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ signedIn: true, signOut: '/signout' }));
      return;
    }
    const file = normalize(join(DASHBOARD, path === '/' ? 'index.html' : path));
    try {
      if (!file.startsWith(DASHBOARD)) throw new Error('outside dashboard/');
      response.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
      response.end(readFileSync(file));
    } catch {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe('the dashboard sign-out link', () => {
  it('is offered, pointing at /signout, when the edge reports a session', async () => {
    // Prepare
    const { server, url } = await serve(true);
    const page = await browser.newPage();
    try {
      // Act
      await page.goto(url);

      // Assess
      const link = page.locator('#sign-out');
      await link.waitFor({ state: 'visible' });
      expect(await link.getAttribute('href')).toBe('/signout');
    } finally {
      await page.close();
      server.close();
    }
  });

  it('stays hidden where there is no sign-in (locally, public mode)', async () => {
    const { server, url } = await serve(false);
    const page = await browser.newPage();
    try {
      const probe = page.waitForResponse((response) => response.url().endsWith('/auth/session.json'));
      await page.goto(url);
      expect((await probe).status()).toBe(404);
      await page.waitForLoadState('networkidle');

      expect(await page.locator('#sign-out').isVisible()).toBe(false);
    } finally {
      await page.close();
      server.close();
    }
  });
});
