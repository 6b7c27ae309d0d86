import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardServer, startDashboardServer } from '../../functions/local/dashboard-server.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import type { Report } from '../../shared/report-schema.ts';
import { INDEX_SCHEMA_VERSION } from '../../shared/store/article-pages.ts';
import {
  errorKey,
  reportKey,
  SPEAKER_LIST_KEY,
  speakerDayKey,
  speakerKey,
  UPLOAD_PREFIX,
} from '../../shared/store/layout.ts';
import {
  maskOfDays,
  reelQuoteOf,
  type SpeakerDay,
  type SpeakerHead,
  type SpeakerList,
} from '../../shared/store/speaker-files.ts';
import { packTally } from '../../shared/store/tally.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';
import { startTestPipeline } from '../helpers/local-pipeline.ts';

// The dashboard in headless Chromium over the local pipeline, as a reader would use it.

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
// The dashboard polls the index every few seconds; a new article shows within a couple of polls.
const APPEAR_TIMEOUT_MS = 20_000;

// Two speakers with clearly opposite statements, in the simplest attribution pattern.
const HARBOUR = [
  'Harbour deal agreed after long night',
  '',
  'The port authority and the dockworkers union met on Friday to settle the dispute.',
  '',
  '"We will win, and this is a wonderful day for every family in town," said Anna Smith.',
  '',
  '"This plan is a disaster and it will hurt workers badly," said Omar Haddad.',
].join('\n');

// A second article without Anna Smith, so filtering by her leaves the first one alone.
const BUDGET = [
  'Budget vote delayed',
  '',
  '"The delays are unacceptable and deeply worrying," said Omar Haddad.',
].join('\n');

// Markup inside a quote must show as the characters typed, and never run.
const IMG_PAYLOAD = '<img src=x onerror="window.__xss=1">';
const SCRIPT_PAYLOAD = '<script>window.__xss=2</script>';
const HOSTILE = [
  'Markup in the minutes',
  '',
  `“I typed ${IMG_PAYLOAD} and ${SCRIPT_PAYLOAD} into the form, and nothing happened,” said Greta Holm.`,
].join('\n');

// Page functions run in the browser; this project's types have no DOM, so declare the one global used.
declare const getComputedStyle: (node: unknown) => { borderBottomColor: string; borderLeftColor: string };

// The tone colours of styles.css, as the browser reports them.
const TONE_RGB: Record<string, string> = {
  positive: 'rgb(31, 136, 61)',
  negative: 'rgb(207, 34, 46)',
  neutral: 'rgb(110, 119, 129)',
  mixed: 'rgb(179, 89, 0)',
};

describe('the dashboard', () => {
  let pipeline: Awaited<ReturnType<typeof startTestPipeline>>;
  let dashboard: DashboardServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const drop = (name: string, text: string) =>
    pipeline.store.put(pipeline.uploadBucket, `${UPLOAD_PREFIX}${name}`, text);
  const idOf = (name: string) => articleIdFromKey(`${UPLOAD_PREFIX}${name}`);
  const row = (name: string) => page.locator(`tr[data-article-id="${idOf(name)}"]`);

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    pipeline = await startTestPipeline();
    dashboard = await startDashboardServer({
      store: pipeline.store,
      resultsBucket: pipeline.resultsBucket,
      port: 0,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Any script error or policy violation is a bug, whether or not a test looks for it.
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Failed loads are judged by the response listener below, which knows the URL.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    // index/*.json is missing until the first article is indexed; anything else must load.
    page.on('response', (response) => {
      if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/index/')) {
        problems.push(`${response.status()} for ${response.url()}`);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await pipeline?.dispose();
  });

  it('shows a dropped article with every quote in its tone colour and its speaker, and filters by speaker', async () => {
    await page.goto(dashboard.url);
    await drop('harbour-deal.txt', HARBOUR);
    await drop('budget-vote.txt', BUDGET);
    await pipeline.bridge.idle();

    await row('harbour-deal.txt').waitFor({ timeout: APPEAR_TIMEOUT_MS });
    await row('budget-vote.txt').waitFor({ timeout: APPEAR_TIMEOUT_MS });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-articles.png'), fullPage: true });
    await row('harbour-deal.txt').locator('a.article-link').click();
    await page.locator('mark.quote').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-article.png'), fullPage: true });

    const stored = await pipeline.store.getJson<Report>(
      pipeline.resultsBucket,
      reportKey(idOf('harbour-deal.txt')),
    );
    const quotes = stored?.value.quotes ?? [];
    const marks = await page.locator('mark.quote').evaluateAll((nodes) =>
      nodes.map((node) => ({
        id: node.getAttribute('data-quote-id'),
        label: node.getAttribute('data-label'),
        colour: getComputedStyle(node).borderBottomColor,
      })),
    );
    const cards = await page.locator('.quote-card').evaluateAll((nodes) =>
      nodes.map((node) => ({
        speaker: node.querySelector('.quote-head .speaker-link')?.textContent ?? null,
        label: node.querySelector('.badge')?.textContent,
        colour: getComputedStyle(node).borderLeftColor,
      })),
    );
    expect(quotes.map((quote) => quote.speaker.name)).toEqual(['Anna Smith', 'Omar Haddad']);
    expect(new Set(marks.map((mark) => mark.id))).toEqual(new Set(quotes.map((quote) => quote.id)));
    for (const mark of marks) {
      const quote = quotes.find((candidate) => candidate.id === mark.id);
      expect(mark.label).toBe(quote?.tone.label);
      expect(mark.colour).toBe(TONE_RGB[mark.label ?? '']);
    }
    expect(cards).toEqual(
      quotes.map((quote) => ({
        speaker: quote.speaker.name,
        label: quote.tone.label,
        colour: TONE_RGB[quote.tone.label],
      })),
    );

    await page.locator('a.back').click();
    await page.locator('#filter-speaker').selectOption('Anna Smith');

    await expect.poll(() => page.locator('tbody tr[data-article-id]').count(), { timeout: 10_000 }).toBe(1);
    expect(await row('harbour-deal.txt').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-filtered.png'), fullPage: true });
    await page.locator('#filter-clear').click();
  });

  it('shows markup inside a quote as visible text and runs none of it', async () => {
    await drop('hostile-markup.txt', HOSTILE);
    await pipeline.bridge.idle();
    await page.goto(`${dashboard.url}#/`);
    await row('hostile-markup.txt').waitFor({ timeout: APPEAR_TIMEOUT_MS });

    await row('hostile-markup.txt').locator('a.article-link').click();
    await page.locator('.text-body').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-hostile.png'), fullPage: true });

    // innerText, not textContent: the rendered text a reader sees.
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the visible text.
    const articleText = await page.locator('.text-body').innerText();
    // biome-ignore lint/performance/useDomNodeTextContent: as above.
    const quoteCards = await page.locator('.quote-list').innerText();
    expect(articleText).toContain(IMG_PAYLOAD);
    expect(articleText).toContain(SCRIPT_PAYLOAD);
    expect(quoteCards).toContain(IMG_PAYLOAD);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate(() => typeof (globalThis as { __xss?: unknown }).__xss)).toBe('undefined');
  });

  it('shows the speakers view and a refused article as failed with its reason', async () => {
    await drop('blank-page.txt', '   \n\n   ');
    await pipeline.bridge.idle();
    await page.goto(`${dashboard.url}#/`);

    await row('blank-page.txt').waitFor({ timeout: APPEAR_TIMEOUT_MS });
    const failedRow = await row('blank-page.txt').textContent();
    await page.goto(`${dashboard.url}#/speakers`);
    await page.locator('tr[data-speaker="Omar Haddad"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-speakers.png'), fullPage: true });

    expect(failedRow).toMatch(/failed/);
    expect(failedRow).toContain('EMPTY_ARTICLE');
    expect(await page.locator('tr[data-speaker="Omar Haddad"] td[data-col="Quotes"]').textContent()).toBe(
      '2',
    );
    expect(problems).toEqual([]);
  });

  it("links a failed article's view to its error record, which opens as the stored JSON", async () => {
    // Prepare: the refused article of the test before, and its record as the store holds it.
    const id = idOf('blank-page.txt');
    const stored = await pipeline.store.getJson<{ code: string; reason: string }>(
      pipeline.resultsBucket,
      errorKey(id),
    );
    await page.goto(`${dashboard.url}#/article/${id}`);
    const link = page.locator('.failure-box a.error-record');
    await link.waitFor();

    // Act: follow the link as a reader would.
    const [response] = await Promise.all([page.waitForNavigation(), link.click()]);

    // Assess: the record itself, not the index's copy of it.
    expect(new URL(page.url()).pathname).toBe(`/${errorKey(id)}`);
    expect(response?.status()).toBe(200);
    const shown = JSON.parse((await page.locator('body').textContent()) ?? '');
    expect(shown.code).toBe('EMPTY_ARTICLE');
    expect(shown).toEqual(stored?.value);
    await page.goBack();
    await page.locator('.failure-box').waitFor();
  });

  it('says before the quotes when an article is not in English, and when it is a republished copy', async () => {
    // Prepare: a German article of our own, and one English story under two keys.
    await drop(
      'hafen.txt',
      'Die Stadt und der Hafen haben sich nach einer langen Nacht geeinigt. "Das ist ein guter Tag für alle", ' +
        'sagte die Bürgermeisterin am Morgen. Die Arbeiter sind mit dem Ergebnis nicht zufrieden und wollen weiter verhandeln.',
    );
    const story =
      'Harbour workers and the city reached a deal overnight.\n\n"This is a fair result for everyone," said Anna Smith, the mayor.';
    await drop('story-first.txt', story);
    await pipeline.bridge.idle();
    await drop('story-copy.txt', story);
    await pipeline.bridge.idle();

    // Act and assess: each article view opens with its note.
    // The hash route changes the view in place: wait for the view of the article asked for.
    const notice = (name: string) => page.locator(`.article-view[data-article-id="${idOf(name)}"] .notice`);
    await page.goto(`${dashboard.url}#/article/${idOf('hafen.txt')}`);
    await notice('hafen.txt').first().waitFor({ timeout: APPEAR_TIMEOUT_MS });
    expect(await notice('hafen.txt').first().textContent()).toMatch(/English/);

    await page.goto(`${dashboard.url}#/article/${idOf('story-copy.txt')}`);
    await notice('story-copy.txt').first().waitFor({ timeout: APPEAR_TIMEOUT_MS });
    expect(await notice('story-copy.txt').first().textContent()).toContain('Republished copy');
    expect(await notice('story-copy.txt').locator('a').getAttribute('href')).toBe(
      `#/article/${idOf('story-first.txt')}`,
    );
    expect(problems).toEqual([]);
  });

  it("lists the roles a speaker was given, latest first, and each quote's role; a head without roles shows none", async () => {
    // Prepare: a speaker head and day file written as the index keeps them, with roles (our own
    // fixture, so the page is checked whatever the pipeline extracts), beside a real head.
    const { head, day } = speakerWithRoles();
    await pipeline.store.putJson(pipeline.resultsBucket, speakerKey(head.id), head);
    await pipeline.store.putJson(pipeline.resultsBucket, speakerDayKey(head.id, day.partition), day);
    const list = await pipeline.store.getJson<SpeakerList>(pipeline.resultsBucket, SPEAKER_LIST_KEY);
    const realId = list?.value.rows.find((row) => row.name === 'Omar Haddad')?.id ?? '';
    const real = await pipeline.store.getJson<SpeakerHead & { roles?: string[] }>(
      pipeline.resultsBucket,
      speakerKey(realId),
    );
    if (!real) throw new Error("Expected Omar Haddad's head file in the store.");

    // Act
    await page.goto(`${dashboard.url}#/speakers/${head.id}`);
    const identity = page.locator(`.speaker-page[data-speaker-id="${head.id}"] .forms`);
    await identity.waitFor({ timeout: APPEAR_TIMEOUT_MS });

    // Assess: name forms, descriptions and roles apart, each in plain words.
    expect(await identity.locator('.names-seen').textContent()).toBe('Named as: Ilse Varga, Varga');
    expect(await identity.locator('.descriptions-seen').textContent()).toBe(
      'Described as: the harbour master',
    );
    expect(await identity.locator('.roles-seen').textContent()).toBe(
      'Roles seen (latest first): harbour master, deputy harbour master',
    );
    const items = page.locator('.speaker-quote');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).locator('.quote-role').textContent()).toBe('harbour master');
    expect(await items.nth(1).locator('.quote-role').count()).toBe(0);

    expect(real.value.roles ?? []).toEqual([]);
    await page.goto(`${dashboard.url}#/speakers/${realId}`);
    await page.locator(`.speaker-page[data-speaker-id="${realId}"] .forms`).waitFor();
    expect(await page.locator('.roles-seen').count()).toBe(0);
    expect(await page.locator('.speaker-quote').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('polls an unchanged store with conditional requests: the manifest answers 304 and nothing is downloaded again', async () => {
    await pipeline.bridge.idle();
    const statuses: number[] = [];
    const listener = (response: { url(): string; status(): number }) => {
      if (new URL(response.url()).pathname === '/index/manifest.json') statuses.push(response.status());
    };
    page.on('response', listener);

    // Two poll intervals at least.
    await expect.poll(() => statuses.length, { timeout: APPEAR_TIMEOUT_MS }).toBeGreaterThanOrEqual(2);
    page.off('response', listener);

    expect(statuses.slice(1).every((status) => status === 304)).toBe(true);
  });
});

// A speaker quoted twice on one day: first (newest) as "the harbour master" with that role, then
// in an older article with no role given. Roles are listed most recent first, as the index keeps
// them. Invented person and text.
function speakerWithRoles(): {
  head: SpeakerHead & { roles: string[] };
  day: SpeakerDay & { quotes: (SpeakerDay['quotes'][number] & { role?: string })[] };
} {
  const id = 'ilse-varga-0f0f0f0f';
  const tally = {
    articles: 2,
    failed: 0,
    quotes: 2,
    scoreSum: 0.3,
    labels: { positive: 1, negative: 0, neutral: 1, mixed: 0 },
  };
  const quote = (n: number, role?: string) => ({
    articleId: `varga-${n}`,
    quoteId: 'q1',
    text: n === 1 ? 'The new berth opens in spring' : 'We have asked for more pilots',
    label: n === 1 ? ('positive' as const) : ('neutral' as const),
    score: n === 1 ? 0.3 : 0,
    day: '2026-03-14',
    undated: false,
    title: `Harbour notes ${n}`,
    mention: n === 1 ? 'the harbour master' : 'Varga',
    analyzedAt: `2026-03-14T0${n}:00:00.000Z`,
    ...(role ? { role } : {}),
  });
  return {
    head: {
      schemaVersion: INDEX_SCHEMA_VERSION,
      id,
      name: 'Ilse Varga',
      names: ['Ilse Varga', 'Varga', 'the harbour master'],
      roles: ['harbour master', 'deputy harbour master'],
      rev: 1,
      tally,
      meanScore: 0.15,
      months: [{ month: '2026-03', tally: packTally(tally), days: maskOfDays([14]), undatedDays: 0 }],
      latest: [reelQuoteOf(quote(1, 'harbour master'))],
    },
    day: {
      schemaVersion: INDEX_SCHEMA_VERSION,
      speakerId: id,
      partition: '2026-03-14',
      day: '2026-03-14',
      undated: false,
      rev: 1,
      tally,
      quotes: [quote(1, 'harbour master'), quote(2)],
    },
  };
}
