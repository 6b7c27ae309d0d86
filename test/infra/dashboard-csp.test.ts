import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/pipeline-function.ts';
import { DASHBOARD_CSP } from '../../shared/dashboard-csp.ts';

// CloudFront (and the local dashboard server) serve dashboard/ with DASHBOARD_CSP. A page that
// relies on something the policy blocks would break silently in production: check the files here,
// without a browser.
const DASHBOARD_DIR = path.join(PROJECT_ROOT, 'dashboard');

function filesOf(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix) && !name.split(path.sep).includes('node_modules'))
    .map((name) => path.join(dir, name));
}

describe('the dashboard under its Content-Security-Policy', () => {
  it('the policy allows scripts and data only from the same origin', () => {
    expect(DASHBOARD_CSP).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(DASHBOARD_CSP).toMatch(/(^|; )connect-src 'self'(;|$)/);
    expect(DASHBOARD_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('has no inline script, event-handler attribute or javascript: URL in its pages', () => {
    const pages = filesOf(DASHBOARD_DIR, '.html');
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
        ([, attributes = '', body = '']) => !/\bsrc\s*=/.test(attributes) && body.trim() !== '',
      );
      expect(
        inlineScripts.map(([tag]) => tag.slice(0, 80)),
        page,
      ).toEqual([]);
      expect(html.match(/\son[a-z]+\s*=/gi) ?? [], page).toEqual([]);
      expect(html.match(/javascript:/gi) ?? [], page).toEqual([]);
    }
  });

  it('has no inline style element or attribute, which style-src blocks', () => {
    for (const page of filesOf(DASHBOARD_DIR, '.html')) {
      const html = readFileSync(page, 'utf8');
      expect(html.match(/<style\b|\sstyle\s*=/gi) ?? [], page).toEqual([]);
    }
  });

  it('loads nothing from another origin', () => {
    for (const file of [...filesOf(DASHBOARD_DIR, '.html'), ...filesOf(DASHBOARD_DIR, '.js')]) {
      const source = readFileSync(file, 'utf8');
      const remote = [
        ...source.matchAll(/(?:src|href)\s*=\s*["'](https?:)?\/\/[^"']+|from\s*["']https?:\/\/[^"']+/gi),
      ];
      expect(
        remote.map(([match]) => match),
        file,
      ).toEqual([]);
    }
  });
});
