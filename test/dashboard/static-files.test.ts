import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What the Content-Security-Policy and the "text, never HTML" rule demand of dashboard/ itself.

const ROOT = join(import.meta.dirname, '..', '..');
const DASHBOARD = join(ROOT, 'dashboard');
const SCRIPTS = readdirSync(join(DASHBOARD, 'js')).filter((name) => name.endsWith('.js'));

describe('the dashboard files', () => {
  it('load every script from a file: no inline script, handler attribute or style attribute', () => {
    const html = readFileSync(join(DASHBOARD, 'index.html'), 'utf8');

    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];

    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, body] of scripts) {
      expect(tag).toMatch(/\ssrc="/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
  });

  it.each(SCRIPTS)('%s never parses data as HTML', (name) => {
    const source = readFileSync(join(DASHBOARD, 'js', name), 'utf8');

    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|new Function|eval\(/);
  });

  it('ships the installed Chart.js unchanged (after an upgrade: cp node_modules/chart.js/dist/chart.umd.min.js dashboard/vendor/)', () => {
    const vendored = readFileSync(join(DASHBOARD, 'vendor', 'chart.umd.min.js'));
    const installed = readFileSync(join(ROOT, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js'));

    expect(vendored.equals(installed)).toBe(true);
  });
});
