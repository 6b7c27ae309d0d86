import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardServer, startDashboardServer } from '../../functions/local/dashboard-server.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import {
  MANIFEST_KEY,
  SPEAKER_LIST_KEY,
  speakerDayKey,
  speakerKey,
  UPLOAD_PREFIX,
} from '../../shared/store/layout.ts';
import type { Manifest } from '../../shared/store/manifest.ts';
import {
  daysOfMask,
  monthOf,
  type SpeakerDay,
  type SpeakerHead,
  type SpeakerList,
  type SpeakerMonthFields,
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
// The dashboard's days loaded at once by a search (DAYS_AT_ONCE in dashboard/js/app.js), and how
// slow a day page is made to see a search while it runs.
const DAYS_AT_ONCE = 6;
const SLOW_DAY_MS = 60;
// Tab presses allowed to reach one control, and beyond a view's control count to reach them all
// (the browser's own stops before and after the page).
const MAX_TABS = 300;
const TAB_SLACK = 10;
// What shows that a view has drawn its controls, beyond its first element.
const READY: Record<string, string> = {
  articles: 'tbody tr[data-article-id]',
  speakers: 'input.compare-pick',
  speaker: '.speaker-quote',
  compare: '[data-chart="compare-tone"]',
  article: 'mark.quote',
  failed: '.failure-box',
};
// A filter loads every day of the index first: a few hundred small files.
const FILTER_WAIT = { timeout: 30_000 };

// Page functions run in the browser; this project's types have no DOM, so declare what they use.
interface Tagged {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  matches(selector: string): boolean;
  textContent: string | null;
  tagName: string;
  tabIndex: number;
  disabled?: boolean;
  checkVisibility(): boolean;
  closest(selector: string): Tagged | null;
}
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  activeElement: Tagged | null;
  querySelector(selector: string): { getBoundingClientRect(): { height: number; width: number } } | null;
  querySelectorAll(selector: string): Iterable<Tagged>;
};
declare const Element: { prototype: Tagged };
declare const EventTarget: {
  prototype: { addEventListener(type: string, ...rest: unknown[]): void };
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
  /** Every view of the dashboard, by name. */
  const viewsOf = async () => {
    const frequent = await speakerId(FREQUENT_SPEAKER);
    const other = await speakerId('Joel Aberg');
    const failed = articleIdFromKey(`${UPLOAD_PREFIX}desk-empty.txt`);
    const analysed = articleIdFromKey(`${UPLOAD_PREFIX}${dashboardArticles(1)[0]?.name}`);
    return {
      articles: '#/',
      speakers: '#/speakers',
      speaker: `#/speakers/${frequent}`,
      compare: `#/compare/${frequent},${other}`,
      article: `#/article/${analysed}`,
      failed: `#/article/${failed}`,
    };
  };
  /** Presses Tab until the focused element matches `selector`; fails if it never does. */
  const tabTo = async (selector: string) => {
    for (let presses = 0; presses < MAX_TABS; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`Expected Tab to reach ${selector} within ${MAX_TABS} presses.`);
  };
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  const focusedQuoteCard = () =>
    page.evaluate(() =>
      document.activeElement?.matches('.quote-card')
        ? document.activeElement.getAttribute('data-quote-id')
        : null,
    );
  /** Waits until a search over every day has searched them all. */
  const searchDone = () =>
    page.locator('.search-progress[data-state="done"]').waitFor({ state: 'attached', ...FILTER_WAIT });
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
    // Elements given a click listener are controls too (not only links, buttons and fields): the
    // keyboard test expects Tab to reach them. Marked before any page script runs.
    await page.addInitScript(markClickListeners);
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

    // Roles: the head's, latest first, as the page lists them, and each quote's own.
    expect(head.roles.length).toBeGreaterThan(1);
    expect(await page.locator('.speaker-page .roles-seen').textContent()).toBe(
      `Roles seen (latest first): ${head.roles.join(', ')}`,
    );

    // The chart: one point per dated day, oldest first, with that day's quote count.
    const expectedPoints = datedMonths(head);
    expect(await chartRows('speaker-tone')).toEqual(expectedPoints);
    const undatedQuotes = head.months.map(monthOf).reduce((sum, row) => sum + quotesOf(row.undated), 0);
    expect(undatedQuotes).toBeGreaterThan(0);
    expect(await page.locator('.undated-note').textContent()).toContain(`${undatedQuotes} quotes`);

    // The quote list: the day files in the head's order (newest first), a page at a time.
    const days = await Promise.all(
      head.months
        .flatMap((row) => monthPartitions(monthOf(row)))
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
          role: item.querySelector('.quote-role')?.textContent ?? null,
        })),
      );
    const expected = (from: number) =>
      all.slice(from, from + QUOTES_PER_PAGE).map((quote) => ({
        articleId: quote.articleId,
        quoteId: quote.quoteId,
        label: quote.label,
        role: quote.role ?? null,
      }));
    // The pages compared below include quotes with a role and without one.
    const firstTwoPages = all.slice(0, QUOTES_PER_PAGE * 2);
    expect(firstTwoPages.some((quote) => quote.role)).toBe(true);
    expect(firstTwoPages.some((quote) => !quote.role)).toBe(true);
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
    await searchDone();
    expect(page.url()).toContain('label=negative');
    const before = await page
      .locator('tbody tr[data-article-id]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-article-id')));
    const url = page.url();
    await page.reload();
    await page.locator('tbody tr[data-article-id]').first().waitFor();
    await searchDone();
    expect(page.url()).toBe(url);
    expect(await page.locator('#filter-label').inputValue()).toBe('negative');
    expect(
      await page
        .locator('tbody tr[data-article-id]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-article-id'))),
    ).toEqual(before);
    expect(await page.locator('th[aria-sort]').textContent()).toContain('Mean');
  });

  it('searches newest days first, a few at a time, showing how far it got, and can be stopped and resumed', async () => {
    // Prepare: the order the manifest lists the day pages in (newest first), and slow day pages,
    // as over a distant network, so the search is seen while it runs.
    const manifest = await getJson<Manifest>(MANIFEST_KEY);
    const totals = unpackTally(manifest.totals);
    const days = manifest.partitions.filter((row) => unpackTally(row.tally).articles > 0);
    const newestFirst = days.flatMap((row) =>
      row.pages
        .filter((p) => unpackTally(p.tally).articles > 0)
        .sort((a, b) => b.page - a.page)
        .map((p) => `/index/articles/${row.id}/${p.page}.json`),
    );
    const requested: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    await page.route('**/index/articles/**', async (route) => {
      requested.push(decodeURIComponent(new URL(route.request().url()).pathname));
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, SLOW_DAY_MS));
      inFlight -= 1;
      await route.continue();
    });
    const progress = page.locator('.search-progress');
    const searched = async () =>
      Number((/Searched (\d+) of/.exec((await progress.textContent()) ?? '') ?? [])[1]);
    try {
      // Act: search for a word in every article's title.
      await page.goto('about:blank');
      await go(`#/?q=${encodeURIComponent('question')}`);

      // Assess: results and "searched N of M days" while it runs, then Stop holds it there.
      await expect.poll(searched, FILTER_WAIT).toBeGreaterThan(DAYS_AT_ONCE);
      expect(await progress.getAttribute('data-state')).toBe('running');
      expect(await progress.textContent()).toContain(`of ${days.length} days`);
      expect(await page.locator('tbody tr[data-article-id]').count()).toBeGreaterThan(0);
      await page.locator('#search-toggle').click();
      await expect.poll(() => progress.getAttribute('data-state')).toBe('stopped');
      const stoppedAt = requested.length;
      await page.waitForTimeout(SLOW_DAY_MS * 4);
      expect(requested.length).toBe(stoppedAt);
      const partial = await searched();
      expect(partial).toBeLessThan(days.length);
      expect(await page.locator('#article-count').textContent()).not.toMatch(/^(\d+) of \1$/);

      // Resume: the rest loads and every article matches.
      await page.locator('#search-toggle').click();
      await searchDone();
      expect(await progress.textContent()).toBe(`Searched all ${days.length} days.`);
      expect(await page.locator('#article-count').textContent()).toBe(
        `${totals.articles - totals.failed} of ${totals.articles}`,
      );
      // Newest first, no page twice, a few at a time.
      expect(requested).toEqual(newestFirst.filter((url) => requested.includes(url)));
      expect(new Set(requested).size).toBe(requested.length);
      expect(mostInFlight).toBeGreaterThan(1);
      expect(mostInFlight).toBeLessThanOrEqual(DAYS_AT_ONCE);
    } finally {
      await page.unroute('**/index/articles/**');
    }
  });

  it('reaches every control of every view with Tab', async () => {
    const views = await viewsOf();
    const missed: Record<string, string[]> = {};
    const reached: Record<string, number> = {};
    for (const [name, hash] of Object.entries(views)) {
      // A fresh load, so Tab starts at the top of the page.
      await page.goto('about:blank');
      await go(hash);
      await page
        .locator(READY[name] ?? 'main > *')
        .first()
        .waitFor(FILTER_WAIT);
      const controls = await page.evaluate(tagControls);
      const focused = new Set<string>();
      for (let presses = 0; presses < controls.length + TAB_SLACK; presses += 1) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(
          () => (document.activeElement as unknown as Tagged | null)?.getAttribute('data-kb') ?? '',
        );
        if (at) focused.add(at);
        if (focused.size === controls.length) break;
      }
      reached[name] = focused.size;
      const notReached = controls.filter((control) => !focused.has(control.id)).map((c) => c.name);
      if (notReached.length) missed[name] = notReached;
    }
    expect(missed).toEqual({});
    // Every view has something to reach, and the lists a fair number of things.
    for (const count of Object.values(reached)) expect(count).toBeGreaterThan(3);
    expect(reached.articles).toBeGreaterThan(50);
  });

  it('opens, sorts, filters, pages, ticks and follows quotes from the keyboard alone', async () => {
    const url = () => decodeURIComponent(page.url());
    // Articles: a sort button and the next page with Enter, the tone filter with the arrow keys,
    // a speaker button with Space, an article link with Enter.
    await go('#/');
    await page.locator('tbody tr[data-article-id]').first().waitFor();
    await tabTo('th button[data-sort]');
    await page.keyboard.press('Enter');
    await expect.poll(url, FILTER_WAIT).toContain('sort=');
    await page.locator('th[aria-sort] button').waitFor(FILTER_WAIT);
    await go('#/');
    await page.locator('tbody tr[data-article-id]').first().waitFor();
    await tabTo('.pager a[rel="next"]');
    await page.keyboard.press('Enter');
    await expect.poll(url, FILTER_WAIT).toContain('page=2');
    await go('#/');
    await tabTo('#filter-label');
    await page.keyboard.press('ArrowDown');
    await expect.poll(url, FILTER_WAIT).toContain('label=positive');
    await go('#/');
    await page.locator('tbody tr[data-article-id]').first().waitFor();
    await tabTo('tbody .speaker-link');
    const speaker = await focusedText();
    await page.keyboard.press(' ');
    await expect.poll(url, FILTER_WAIT).toMatch(/speaker=/);
    await expect
      .poll(() => page.locator('#filter-speaker option:checked').textContent(), FILTER_WAIT)
      .toBe(speaker);
    await go('#/');
    await page.locator('tbody tr[data-article-id]').first().waitFor();
    await tabTo('a.article-link');
    await page.keyboard.press('Enter');
    await expect.poll(url, FILTER_WAIT).toContain('#/article/');

    // Article: a quote in the text, with Enter and with Space, focuses its card.
    await page.locator('mark.quote').first().waitFor();
    const quoteIds = await page
      .locator('mark.quote')
      .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-quote-id')));
    expect(quoteIds.length).toBeGreaterThan(1);
    await tabTo(`mark.quote[data-quote-id="${quoteIds[0]}"]`);
    await page.keyboard.press('Enter');
    await expect.poll(focusedQuoteCard).toBe(quoteIds[0]);
    await tabTo(`mark.quote[data-quote-id="${quoteIds[1]}"]`);
    await page.keyboard.press(' ');
    await expect.poll(focusedQuoteCard).toBe(quoteIds[1]);

    // Speakers: tick two with Space, then open the comparison with Enter.
    await go('#/speakers');
    await tabTo('input.compare-pick');
    await page.keyboard.press(' ');
    await page.keyboard.press('Tab');
    await tabTo('input.compare-pick:not(:checked)');
    await page.keyboard.press(' ');
    expect(await page.locator('input.compare-pick:checked').count()).toBe(2);
    await tabTo('.compare-bar a');
    await page.keyboard.press('Enter');
    await expect.poll(url, FILTER_WAIT).toContain('#/compare/');
    await page
      .locator('[data-chart="compare-tone"] .chart-data tbody tr')
      .first()
      .waitFor({ state: 'attached', ...FILTER_WAIT });
    expect(
      await page
        .locator('[data-chart="compare-tone"] .chart-data tbody tr')
        .evaluateAll((rows) => new Set(rows.map((row) => row.getAttribute('data-series'))).size),
    ).toBe(2);
  });

  it('has no horizontal scrolling at 390 px and no serious accessibility violations, on every view', async () => {
    const views = await viewsOf();
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
    .map(monthOf)
    .map((row) => ({ day: `${row.month}-01`, quotes: quotesOf(row.tally) - quotesOf(row.undated) }))
    .filter((point) => point.quotes > 0)
    .sort((a, b) => (a.day < b.day ? -1 : 1));
}

// A month's quotes from its packed tally (absent: none).
function quotesOf(tally: PackedTally | undefined): number {
  return tally ? unpackTally(tally).quotes : 0;
}

// A month's day files in listing order: dated days newest first, then undated ones.
function monthPartitions(row: SpeakerMonthFields): string[] {
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

// Runs in the page before its scripts: an element that gets a click listener is marked as a control.
function markClickListeners(): void {
  const original = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (this: unknown, type: string, ...rest: unknown[]) {
    if (type === 'click' && this && typeof (this as Tagged).setAttribute === 'function')
      (this as Tagged).setAttribute('data-listens-click', '');
    return original.call(this, type, ...rest);
  };
}

// Runs in the page: numbers every visible control (native ones and elements with a click listener)
// as data-kb and names it for the report. The chart canvas is left out on purpose: its figures are
// in the table under it, which is reachable.
function tagControls(): { id: string; name: string }[] {
  const selector =
    'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [data-listens-click]';
  const controls: { id: string; name: string }[] = [];
  for (const node of document.querySelectorAll(selector)) {
    if (node.tagName === 'CANVAS' || node.disabled || !node.checkVisibility()) continue;
    // Controls inside a closed <details> are reached by opening it (its summary is reachable).
    const closed = node.closest('details:not([open])');
    if (closed && !node.matches('summary')) continue;
    const id = String(controls.length);
    node.setAttribute('data-kb', id);
    controls.push({
      id,
      name: `${node.tagName.toLowerCase()} "${(node.textContent ?? '').trim().slice(0, 40)}"`,
    });
  }
  return controls;
}
