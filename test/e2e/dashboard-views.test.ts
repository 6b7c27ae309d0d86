import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardServer, startDashboardServer } from '../../functions/local/dashboard-server.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import { SPEAKER_LIST_KEY, speakerDayKey, speakerKey, UPLOAD_PREFIX } from '../../shared/store/layout.ts';
import {
  daysOfMask,
  type SpeakerDay,
  type SpeakerHead,
  type SpeakerList,
} from '../../shared/store/speaker-files.ts';
import { type PackedTally, unpackTally } from '../../shared/store/tally.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';
import { startTestPipeline } from '../helpers/local-pipeline.ts';
import { dashboardArticles, FREQUENT_SPEAKER, UNIQUE_ARTICLE, UNIQUE_PHRASE } from './dashboard-articles.ts';

// The dashboard's views over a store of 300+ articles, in headless Chromium: the speaker page
// against the speaker's files, filters that drive the chart, search inside quotes, filters that
// survive a reload, phones, accessibility, and polls that download nothing when nothing changed.
// The store is built once for the file (about a minute on two cores).

const ARTICLES = 305;
const QUOTES_PER_PAGE = 20;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// UPDATE_SCREENSHOTS=1 rewrites the README's screenshots from this run.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
  : null;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const POLL_WAIT_MS = 10_000;
// A filter loads every day of the index first: a few hundred small files.
const FILTER_WAIT = { timeout: 30_000 };

// Page functions run in the browser; this project's types have no DOM, so declare what they use.
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelector(selector: string): { getBoundingClientRect(): { height: number; width: number } } | null;
};
declare const axe: {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
};

describe('the dashboard over a 300-article store', () => {
  let pipeline: Awaited<ReturnType<typeof startTestPipeline>>;
  let dashboard: DashboardServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const getJson = async <T>(key: string): Promise<T> => {
    const stored = await pipeline.store.getJson<T>(pipeline.resultsBucket, key);
    if (!stored) throw new Error(`Expected ${key} in the store.`);
    return stored.value;
  };
  const speakerId = async (name: string): Promise<string> => {
    const list = await getJson<SpeakerList>(SPEAKER_LIST_KEY);
    const row = list.rows.find((candidate) => candidate.name === name);
    if (!row) throw new Error(`Expected ${name} in the speaker list.`);
    return row.id;
  };
  /** The chart's figures as the page lists them (the chart data table). */
  const chartRows = (chart: string) =>
    page.locator(`[data-chart="${chart}"] .chart-data tbody tr`).evaluateAll((rows) =>
      rows.map((row) => ({
        day: row.getAttribute('data-day'),
        quotes: Number(row.getAttribute('data-quotes')),
      })),
    );
  const go = async (hash: string) => {
    await page.goto(`${dashboard.url}${hash}`);
    await page.locator('main > *').first().waitFor();
  };
  const screenshot = async (name: string) => {
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
  };

  beforeAll(async () => {
    if (SCREENSHOTS) await mkdir(SCREENSHOTS, { recursive: true });
    pipeline = await startTestPipeline();
    const articles = dashboardArticles(ARTICLES);
    await Promise.all(
      articles.map((article) =>
        pipeline.store.put(pipeline.uploadBucket, `${UPLOAD_PREFIX}${article.name}`, article.body),
      ),
    );
    await pipeline.store.put(pipeline.uploadBucket, `${UPLOAD_PREFIX}desk-empty.txt`, '  \n\n ');
    await pipeline.bridge.idle();
    dashboard = await startDashboardServer({
      store: pipeline.store,
      resultsBucket: pipeline.resultsBucket,
      port: 0,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: DESKTOP });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await pipeline?.dispose();
  });

  it("shows a speaker's page whose chart and quote list match the speaker's files", async () => {
    const id = await speakerId(FREQUENT_SPEAKER);
    const head = await getJson<SpeakerHead>(speakerKey(id));
    expect(head.tally.quotes).toBeGreaterThan(QUOTES_PER_PAGE * 2);

    await go(`#/speakers/${id}`);
    await page.locator('.speaker-quote').first().waitFor();
    await screenshot('speaker-page');

    // The chart: one point per dated day, oldest first, with that day's quote count.
    const expectedPoints = datedMonths(head);
    expect(await chartRows('speaker-tone')).toEqual(expectedPoints);
    const undatedQuotes = head.months.reduce((sum, row) => sum + quotesOf(row.undated), 0);
    expect(undatedQuotes).toBeGreaterThan(0);
    expect(await page.locator('.undated-note').textContent()).toContain(`${undatedQuotes} quotes`);

    // The quote list: the day files in the head's order (newest first), a page at a time.
    const days = await Promise.all(
      head.months
        .flatMap((row) => monthPartitions(row))
        .map((partition) => getJson<SpeakerDay>(speakerDayKey(id, partition))),
    );
    const all = days.flatMap((day) => day.quotes);
    expect(all).toHaveLength(head.tally.quotes);
    const shown = () =>
      page.locator('.speaker-quote').evaluateAll((items) =>
        items.map((item) => ({
          articleId: item.getAttribute('data-article-id'),
          quoteId: item.getAttribute('data-quote-id'),
          label: item.getAttribute('data-label'),
        })),
      );
    const expected = (from: number) =>
      all.slice(from, from + QUOTES_PER_PAGE).map((quote) => ({
        articleId: quote.articleId,
        quoteId: quote.quoteId,
        label: quote.label,
      }));
    expect(await shown()).toEqual(expected(0));
    const first = page.locator('.speaker-quote').first();
    // Date, article link, label, a score coloured as its label, the words that drove it.
    expect(await first.locator('.quote-date').textContent()).toMatch(/\d{4}|undated/);
    expect(await first.locator('a[href^="#/article/"]').count()).toBe(1);
    expect(await first.locator('.score').getAttribute('class')).toContain(`tone-${all[0]?.label}`);
    expect(await page.locator('.speaker-quote .drivers .chip').count()).toBeGreaterThan(0);

    await page.locator('.pager a[rel="next"]').click();
    await expect
      // Quote ids repeat across articles (q1, q2…): the article id tells the pages apart.
      .poll(async () => (await shown())[0]?.articleId, FILTER_WAIT)
      .toBe(expected(QUOTES_PER_PAGE)[0]?.articleId);
    expect(await shown()).toEqual(expected(QUOTES_PER_PAGE));
  });

  it('compares speakers on one chart, one line per speaker', async () => {
    const ids = await Promise.all([FREQUENT_SPEAKER, 'Joel Aberg'].map(speakerId));
    await go(`#/compare/${ids.join(',')}`);
    await page.locator('[data-chart="compare-tone"] canvas').waitFor();
    await screenshot('compare');
    const series = await page
      .locator('[data-chart="compare-tone"] .chart-data tbody tr')
      .evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('data-series')))]);
    expect(series).toEqual([FREQUENT_SPEAKER, 'Joel Aberg']);
  });

  it("plots the chosen speaker's own quotes when filtering by speaker", async () => {
    await go('#/');
    await page.locator('[data-chart="tone-over-time"] canvas').waitFor();
    await screenshot('articles');
    const whole = await chartRows('tone-over-time');
    const id = await speakerId('Joel Aberg');
    const head = await getJson<SpeakerHead>(speakerKey(id));

    await page.locator('#filter-speaker').selectOption(id);
    await expect
      .poll(() => page.locator('[data-chart="tone-over-time"] h2').textContent(), FILTER_WAIT)
      .toContain('Joel Aberg');
    const filtered = await chartRows('tone-over-time');
    expect(filtered).not.toEqual(whole);
    expect(filtered).toEqual(datedMonths(head));
    // Every listed article quotes the speaker.
    const rows = await page.locator('tbody tr[data-article-id]').count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.locator('tbody tr[data-article-id] .speaker-link.is-active').count()).toBe(rows);
  });

  it('finds an article by a phrase inside one of its quotes, and keeps the filters on reload', async () => {
    const target = articleIdFromKey(
      `${UPLOAD_PREFIX}${dashboardArticles(UNIQUE_ARTICLE + 1)[UNIQUE_ARTICLE]?.name}`,
    );
    await go('#/');
    await page.locator('#filter-text').fill(UNIQUE_PHRASE.toUpperCase());
    await expect.poll(() => page.locator('tbody tr[data-article-id]').count(), FILTER_WAIT).toBe(1);
    expect(await page.locator('tbody tr[data-article-id]').getAttribute('data-article-id')).toBe(target);
    await screenshot('search');

    await go('#/');
    await page.locator('#filter-label').selectOption('negative');
    await expect
      .poll(() => page.locator('#article-count').textContent(), FILTER_WAIT)
      .not.toMatch(/^(\d+) of \1$/);
    await page.locator('th button[data-sort="mean"]').click();
    await page.locator('th[aria-sort] button[data-sort="mean"]').waitFor(FILTER_WAIT);
    expect(page.url()).toContain('label=negative');
    const before = await page
      .locator('tbody tr[data-article-id]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-article-id')));
    const url = page.url();
    await page.reload();
    await page.locator('tbody tr[data-article-id]').first().waitFor();
    expect(page.url()).toBe(url);
    expect(await page.locator('#filter-label').inputValue()).toBe('negative');
    expect(
      await page
        .locator('tbody tr[data-article-id]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-article-id'))),
    ).toEqual(before);
    expect(await page.locator('th[aria-sort]').textContent()).toContain('Mean');
  });

  it('reaches the sort buttons by keyboard', async () => {
    await go('#/');
    let focused = '';
    for (let presses = 0; presses < 40 && !focused.startsWith('sort:'); presses += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const node = (
          globalThis as unknown as {
            document: { activeElement: { getAttribute(n: string): string | null } | null };
          }
        ).document.activeElement;
        const sort = node?.getAttribute('data-sort');
        return sort ? `sort:${sort}` : '';
      });
    }
    expect(focused).toMatch(/^sort:/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('sort=');
  });

  it('has no horizontal scrolling at 390 px and no serious accessibility violations, on every view', async () => {
    const frequent = await speakerId(FREQUENT_SPEAKER);
    const other = await speakerId('Joel Aberg');
    const failed = articleIdFromKey(`${UPLOAD_PREFIX}desk-empty.txt`);
    const analysed = articleIdFromKey(`${UPLOAD_PREFIX}${dashboardArticles(1)[0]?.name}`);
    const views = {
      articles: '#/',
      speakers: '#/speakers',
      speaker: `#/speakers/${frequent}`,
      compare: `#/compare/${frequent},${other}`,
      article: `#/article/${analysed}`,
      failed: `#/article/${failed}`,
    };
    const overflow: Record<string, number> = {};
    const violations: Record<string, string[]> = {};
    for (const [name, hash] of Object.entries(views)) {
      for (const viewport of [DESKTOP, PHONE]) {
        await page.setViewportSize(viewport);
        await go(hash);
        await page.waitForTimeout(100);
        if (viewport === PHONE) {
          overflow[name] = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          // The brand is one line, not a letter per line.
          expect(
            await page.evaluate(() => document.querySelector('.brand')?.getBoundingClientRect().height),
          ).toBeLessThan(40);
          if (name === 'articles' || name === 'speaker' || name === 'failed')
            await screenshot(`${name}-phone`);
        } else if (name === 'article' || name === 'failed' || name === 'speakers') await screenshot(name);
        await page.evaluate(AXE_SOURCE);
        const result = await page.evaluate(() =>
          axe
            .run(document, { resultTypes: ['violations'] })
            .then((found) =>
              found.violations
                .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
                .map((violation) => `${violation.id} (${violation.nodes.length})`),
            ),
        );
        if (result.length) violations[`${name}@${viewport.width}`] = result;
      }
    }
    await page.setViewportSize(DESKTOP);
    expect(overflow).toEqual(Object.fromEntries(Object.keys(views).map((name) => [name, 0])));
    expect(violations).toEqual({});
  });

  it('downloads no index body on a poll when nothing changed', async () => {
    await go('#/');
    await page.locator('tbody tr[data-article-id]').first().waitFor();
    const bodies: string[] = [];
    let manifestPolls = 0;
    const listener = (response: { url(): string; status(): number }) => {
      const path = new URL(response.url()).pathname;
      if (!path.startsWith('/index/')) return;
      if (path === '/index/manifest.json') manifestPolls += 1;
      if (response.status() !== 304) bodies.push(`${response.status()} ${path}`);
    };
    page.on('response', listener);
    await expect.poll(() => manifestPolls, { timeout: POLL_WAIT_MS * 2 }).toBeGreaterThanOrEqual(2);
    page.off('response', listener);
    expect(bodies).toEqual([]);
    expect(problems).toEqual([]);
  });
});

// The chart's points as the head file gives them: one per month, dated quotes only, oldest first.
function datedMonths(head: SpeakerHead): { day: string; quotes: number }[] {
  return head.months
    .map((row) => ({ day: `${row.month}-01`, quotes: quotesOf(row.tally) - quotesOf(row.undated) }))
    .filter((point) => point.quotes > 0)
    .sort((a, b) => (a.day < b.day ? -1 : 1));
}

// A month's quotes from its packed tally (absent: none).
function quotesOf(tally: PackedTally | undefined): number {
  return tally ? unpackTally(tally).quotes : 0;
}

// A month's day files in listing order: dated days newest first, then undated ones.
function monthPartitions(row: SpeakerHead['months'][number]): string[] {
  const day = (d: number) => `${row.month}-${String(d).padStart(2, '0')}`;
  return [
    ...daysOfMask(row.days)
      .sort((a, b) => b - a)
      .map(day),
    ...daysOfMask(row.undatedDays)
      .sort((a, b) => b - a)
      .map((d) => `undated-${day(d)}`),
  ];
}
