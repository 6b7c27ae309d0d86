import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ArticleEntry, currentEntry, entryFromReport } from '../../shared/store/article-entry.ts';
import { makeErrorRecord, makeReport } from '../shared/store/index-fixtures.ts';

// The dashboard's pure functions (dashboard/js/model.js), run as the browser runs them.

interface Segment {
  text: string;
  quote: { id: string } | null;
}
interface Filters {
  speaker?: string;
  label?: string;
  text?: string;
}
interface DashboardModel {
  toneMix(labels: Record<string, number>): { label: string; count: number; share: number }[];
  filterArticles(articles: ArticleEntry[], filters: Filters): ArticleEntry[];
  meanToneByDay(
    articles: ArticleEntry[],
    speakerId?: string,
  ): { points: { day: string; meanScore: number; quotes: number; articles: number }[]; undated: number };
  scoreTone(score: number | null, label?: string): string;
  meanTone(labels: Record<string, number> | null): string | undefined;
  plainRule(rule: string): string;
  sortArticles(articles: ArticleEntry[], sort: string, direction: 'asc' | 'desc'): ArticleEntry[];
  pageOf<T>(items: T[], page: number, size: number): { items: T[]; page: number; pages: number };
  parseHash(hash: string): { view: string; id?: string; ids?: string[]; params: URLSearchParams };
  buildHash(path: string, query: Record<string, string | number | undefined>): string;
  highlightSegments(
    text: string,
    quotes: { id: string; spans: { start: number; end: number }[] }[],
  ): Segment[];
  formatScore(score: number | null): string;
}

const MODEL_URL = pathToFileURL(join(import.meta.dirname, '..', '..', 'dashboard', 'js', 'model.js')).href;
const DAY_ONE = '2026-11-27T09:00:00.000Z';
const DAY_TWO = '2026-11-28T09:00:00.000Z';

const harbour = entryFromReport(
  makeReport(
    'harbour',
    DAY_ONE,
    [
      { speaker: 'Anna Smith', label: 'positive', score: 0.6, text: 'There are no reasons for joy' },
      { speaker: 'Omar Haddad', label: 'negative', score: -0.4 },
    ],
    'Title of harbour',
    '2019-11-20',
  ),
);
const budget = entryFromReport(
  makeReport(
    'budget',
    DAY_TWO,
    [{ speaker: 'Omar Haddad', label: 'negative', score: -0.2 }],
    'Budget vote',
    'Fri, 27 Nov 2026 18:00:00 GMT',
  ),
);
// No publication date: off the time axis.
const undated = entryFromReport(
  makeReport('undated', DAY_TWO, [{ speaker: 'Anna Smith', label: 'positive', score: 0.3 }], 'Undated'),
);
const broken = currentEntry({ report: null, error: makeErrorRecord('broken', DAY_TWO) }) as ArticleEntry;
const ARTICLES = [budget, broken, harbour];

describe('the dashboard model', () => {
  let model: DashboardModel;

  beforeAll(async () => {
    model = (await import(MODEL_URL)) as DashboardModel;
  });

  it('keeps only articles quoting the chosen speaker', () => {
    expect(model.filterArticles(ARTICLES, { speaker: 'Anna Smith' }).map((a) => a.id)).toEqual(['harbour']);
  });

  it('keeps only articles with a quote of the chosen label', () => {
    expect(model.filterArticles(ARTICLES, { label: 'positive' }).map((a) => a.id)).toEqual(['harbour']);
  });

  it('matches text in titles, speakers and failure reasons, ignoring case', () => {
    expect(model.filterArticles(ARTICLES, { text: 'BUDGET' }).map((a) => a.id)).toEqual(['budget']);
    expect(model.filterArticles(ARTICLES, { text: 'haddad' }).map((a) => a.id)).toEqual([
      'budget',
      'harbour',
    ]);
    expect(model.filterArticles(ARTICLES, { text: 'no text' }).map((a) => a.id)).toEqual(['broken']);
  });

  it('gives the quote-weighted mean tone per publication day, oldest first, undated and failed articles apart', () => {
    expect(model.meanToneByDay([...ARTICLES, undated])).toEqual({
      points: [
        { day: '2019-11-20', meanScore: expect.closeTo(0.1, 6), quotes: 2, articles: 1 },
        { day: '2026-11-27', meanScore: expect.closeTo(-0.2, 6), quotes: 1, articles: 1 },
      ],
      undated: 1,
    });
  });

  it("plots only the chosen speaker's quotes, not the whole articles' mean", () => {
    const haddad =
      harbour.status === 'analysed' ? harbour.speakers.find((s) => s.name === 'Omar Haddad') : undefined;
    expect(model.meanToneByDay(ARTICLES, haddad?.id).points).toEqual([
      { day: '2019-11-20', meanScore: expect.closeTo(-0.4, 6), quotes: 1, articles: 1 },
      { day: '2026-11-27', meanScore: expect.closeTo(-0.2, 6), quotes: 1, articles: 1 },
    ]);
  });

  it('finds an article by words inside one of its quotes', () => {
    expect(model.filterArticles(ARTICLES, { text: 'no reasons for JOY' }).map((a) => a.id)).toEqual([
      'harbour',
    ]);
  });

  it("colours a quote's score as its label, even a neutral +0.40 or a negative -0.07", () => {
    expect(model.scoreTone(0.399, 'neutral')).toBe('neutral');
    expect(model.scoreTone(-0.07, 'neutral')).toBe('neutral');
    expect(model.scoreTone(-0.073, 'negative')).toBe('negative');
    expect(model.scoreTone(0.19)).toBe('positive');
    expect(model.scoreTone(0.02)).toBe('neutral');
  });

  it('colours a mean as most of its quotes are labelled, not by its sign; a tie reads neutral', () => {
    // A mean of about +0.3 over mostly neutral quotes is grey, like the quotes it averages.
    const mean = (labels: Record<string, number>) =>
      model.scoreTone(0.3, model.meanTone({ positive: 0, negative: 0, neutral: 0, mixed: 0, ...labels }));

    expect(mean({ neutral: 3, positive: 1 })).toBe('neutral');
    expect(mean({ positive: 2, negative: 1 })).toBe('positive');
    expect(mean({ negative: 2, neutral: 1 })).toBe('negative');
    expect(mean({ positive: 2, negative: 2 })).toBe('neutral');
    expect(mean({})).toBe('neutral');
    expect(model.scoreTone(0.3, model.meanTone(null))).toBe('positive');
  });

  it('says the rules in plain words, and unknown rules as written', () => {
    expect(model.plainRule('negated')).toMatch(/not/);
    expect(model.plainRule('contrasted')).toMatch(/after "but"/);
    expect(model.plainRule('inferred')).toBe('learned from similar words');
    expect(model.plainRule('brand-new-rule')).toBe('brand-new-rule');
  });

  it('sorts by a column either way and pages the result', () => {
    const byMean = model.sortArticles([budget, harbour, undated], 'mean', 'desc').map((a) => a.id);
    expect(byMean).toEqual(['undated', 'harbour', 'budget']);
    expect(model.sortArticles([budget, harbour, undated], 'date', 'asc').map((a) => a.id)).toEqual([
      'undated',
      'harbour',
      'budget',
    ]);
    expect(model.pageOf([1, 2, 3, 4, 5], 3, 2)).toEqual({ items: [5], page: 3, pages: 3 });
    expect(model.pageOf([1, 2, 3], 9, 2)).toEqual({ items: [3], page: 2, pages: 2 });
  });

  it('reads and writes routes with the filters in the URL', () => {
    const hash = model.buildHash('/', { q: 'no reasons for joy', speaker: 'anna-1', label: '', page: 2 });
    const route = model.parseHash(hash);
    expect(route.view).toBe('articles');
    expect(route.params.get('q')).toBe('no reasons for joy');
    expect(route.params.get('speaker')).toBe('anna-1');
    expect(route.params.has('label')).toBe(false);
    expect(model.parseHash('#/speakers/anna-1?page=3')).toMatchObject({ view: 'speaker', id: 'anna-1' });
    expect(model.parseHash('#/compare/a,b').ids).toEqual(['a', 'b']);
    expect(model.parseHash('#/article/x').view).toBe('article');
  });

  it('cuts the text into plain and quoted pieces, clipping overlapping spans', () => {
    const text = 'He said "one two" and "three".';
    const quotes = [
      { id: 'q1', spans: [{ start: 9, end: 16 }] },
      { id: 'q2', spans: [{ start: 13, end: 28 }] },
    ];

    const segments = model.highlightSegments(text, quotes);

    expect(segments.map((segment) => [segment.text, segment.quote?.id ?? null])).toEqual([
      ['He said "', null],
      ['one two', 'q1'],
      ['" and "three', 'q2'],
      ['".', null],
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
  });

  it('shows scores with a sign and a real minus', () => {
    expect([0.4213, -0.4213, 0, null].map((score) => model.formatScore(score))).toEqual([
      '+0.42',
      '−0.42',
      '0.00',
      'n/a',
    ]);
  });

  it('gives each label its share of a tone mix', () => {
    expect(model.toneMix({ positive: 1, negative: 3, neutral: 0, mixed: 0 })).toEqual([
      { label: 'positive', count: 1, share: 0.25 },
      { label: 'negative', count: 3, share: 0.75 },
      { label: 'neutral', count: 0, share: 0 },
      { label: 'mixed', count: 0, share: 0 },
    ]);
  });
});
