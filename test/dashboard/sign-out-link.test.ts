import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The dashboard's "Sign out" link in headless Chromium. Requests are answered by the browser
// context itself (no server), playing CloudFront: dashboard/ files, and the session probe as the
// Lambda@Edge check answers it with a session (200) or as the dashboard bucket does without the
// check (public mode: 403).

const DASHBOARD = join(import.meta.dirname, '..', '..', 'dashboard');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};
const SESSION_PATH = '/auth/session.json';

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

/** A context that serves `origin` from dashboard/; `probes` records each session probe. */
async function site(
  origin: string,
  signedIn: boolean,
): Promise<{ context: BrowserContext; probes: string[] }> {
  const context = await browser.newContext();
  const probes: string[] = [];
  await context.route(`${origin}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === SESSION_PATH) {
      probes.push(path);
      await (signedIn
        ? route.fulfill({ json: { signedIn: true, signOut: '/signout' } })
        : route.fulfill({ status: 403, body: 'AccessDenied' }));
      return;
    }
    const file = normalize(join(DASHBOARD, path === '/' ? 'index.html' : path));
    try {
      if (!file.startsWith(DASHBOARD)) throw new Error('outside dashboard/');
      await route.fulfill({
        contentType: TYPES[extname(file)] ?? 'application/json',
        body: readFileSync(file),
      });
    } catch {
      // index/* and anything else missing: the dashboard says "nothing analysed yet".
      await route.fulfill({ status: 404, body: '' });
    }
  });
  return { context, probes };
}

describe('the dashboard sign-out link', () => {
  it('is offered, pointing at /signout, when the edge reports a session', async () => {
    // Prepare
    const { context } = await site('https://tone.test', true);
    const page = await context.newPage();
    try {
      // Act
      await page.goto('https://tone.test/');

      // Assess
      const link = page.locator('#sign-out');
      await link.waitFor({ state: 'visible' });
      expect(await link.getAttribute('href')).toBe('/signout');
    } finally {
      await context.close();
    }
  });

  it('stays hidden in public mode, where nothing answers the probe', async () => {
    const { context, probes } = await site('https://tone.test', false);
    const page = await context.newPage();
    try {
      await page.goto('https://tone.test/');
      await page.waitForLoadState('networkidle');

      expect(probes).toEqual([SESSION_PATH]);
      expect(await page.locator('#sign-out').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('does not even ask on the local dashboard (plain HTTP)', async () => {
    const { context, probes } = await site('http://127.0.0.1:4999', true);
    const page = await context.newPage();
    try {
      await page.goto('http://127.0.0.1:4999/');
      await page.waitForLoadState('networkidle');

      expect(probes).toEqual([]);
      expect(await page.locator('#sign-out').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
