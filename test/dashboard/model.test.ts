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
  ): { day: string; meanScore: number; quotes: number; articles: number }[];
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
  makeReport('harbour', DAY_ONE, [
    { speaker: 'Anna Smith', label: 'positive', score: 0.6 },
    { speaker: 'Omar Haddad', label: 'negative', score: -0.4 },
  ]),
);
const budget = entryFromReport(
  makeReport('budget', DAY_TWO, [{ speaker: 'Omar Haddad', label: 'negative', score: -0.2 }], 'Budget vote'),
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

  it('gives the quote-weighted mean tone per day, oldest first, leaving failed articles out', () => {
    expect(model.meanToneByDay(ARTICLES)).toEqual([
      { day: '2026-11-27', meanScore: expect.closeTo(0.1, 6), quotes: 2, articles: 1 },
      { day: '2026-11-28', meanScore: expect.closeTo(-0.2, 6), quotes: 1, articles: 1 },
    ]);
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
