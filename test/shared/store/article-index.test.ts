import { describe, expect, it } from 'vitest';
import {
  ArticlesIndexSchema,
  articleEntryFromReport,
  currentEntry,
  emptyArticlesIndex,
  MAIN_SPEAKERS,
  readArticlesIndex,
  withArticle,
  withArticles,
} from '../../../shared/store/article-index.ts';
import { makeErrorRecord, makeReport } from './index-fixtures.ts';

const MORNING = '2026-11-28T08:00:00.000Z';
const NOON = '2026-11-28T12:00:00.000Z';

describe('articleEntryFromReport', () => {
  it('summarises an article: quotes, label counts, mean score and its most quoted speakers first', () => {
    const report = makeReport('talks', NOON, [
      { speaker: 'Omar Haddad', label: 'negative', score: -0.5 },
      { speaker: 'Anna Smith', label: 'positive', score: 0.6 },
      { speaker: 'Anna Smith', label: 'positive', score: 0.4 },
      { speaker: null, label: 'neutral', score: 0 },
    ]);

    const entry = articleEntryFromReport(report);

    expect(entry).toMatchObject({
      id: 'talks',
      status: 'analysed',
      title: 'Title of talks',
      sourceKey: 'articles/talks.txt',
      analyzedAt: NOON,
      quotes: 4,
      labels: { positive: 2, negative: 1, neutral: 1, mixed: 0 },
      meanScore: 0.125,
      mainSpeakers: ['Anna Smith', 'Omar Haddad'],
    });
    expect(entry.speakers[0]).toMatchObject({ name: 'Anna Smith', quotes: 2, meanScore: 0.5 });
  });

  it('names at most MAIN_SPEAKERS main speakers and keeps figures, not quote texts, per speaker', () => {
    const report = makeReport('crowd', NOON, [
      ...['A One', 'B Two', 'C Three', 'D Four', 'E Five'].map((speaker) => ({
        speaker,
        label: 'neutral' as const,
        score: 0,
      })),
      { speaker: 'A One', label: 'neutral', score: 0, text: 'A quote only the report keeps' },
    ]);

    const entry = articleEntryFromReport(report);

    expect(entry.mainSpeakers).toHaveLength(MAIN_SPEAKERS);
    expect(entry.mainSpeakers[0]).toBe('A One');
    expect(entry.speakers).toHaveLength(5);
    expect(JSON.stringify(entry)).not.toContain('A quote only the report keeps');
  });
});

describe('currentEntry', () => {
  it('shows a failed article with its code and reason', () => {
    expect(currentEntry({ report: null, error: makeErrorRecord('empty', NOON) })).toMatchObject({
      id: 'empty',
      status: 'failed',
      code: 'EMPTY_ARTICLE',
      reason: expect.stringContaining('no text'),
    });
  });

  it('takes the newer of a report and an error record while the analyser replaces one with the other', () => {
    const report = makeReport('flip', MORNING, []);
    const error = makeErrorRecord('flip', NOON);

    expect(currentEntry({ report, error })?.status).toBe('failed');
    expect(
      currentEntry({ report: makeReport('flip', NOON, []), error: makeErrorRecord('flip', MORNING) })?.status,
    ).toBe('analysed');
  });

  it('is null when the article has neither, because its source was deleted', () => {
    expect(currentEntry({ report: null, error: null })).toBeNull();
  });
});

describe('withArticle', () => {
  it('replaces an article entry instead of adding a second one', () => {
    const once = withArticle(
      emptyArticlesIndex(),
      'talks',
      articleEntryFromReport(makeReport('talks', MORNING, [])),
    );

    const twice = withArticle(
      once,
      'talks',
      articleEntryFromReport(
        makeReport('talks', NOON, [{ speaker: 'Anna Smith', label: 'positive', score: 1 }]),
      ),
    );

    expect(twice.articles).toHaveLength(1);
    expect(twice.articles[0]).toMatchObject({ analyzedAt: NOON, quotes: 1 });
  });

  it('removes an article for a null entry and leaves the input index unchanged', () => {
    const index = withArticle(
      emptyArticlesIndex(),
      'talks',
      articleEntryFromReport(makeReport('talks', MORNING, [])),
    );

    const removed = withArticle(index, 'talks', null);

    expect(removed.articles).toEqual([]);
    expect(index.articles).toHaveLength(1);
  });

  it('lists the newest article first and produces an index that matches its schema', () => {
    let index = emptyArticlesIndex();
    index = withArticle(index, 'old', articleEntryFromReport(makeReport('old', MORNING, [])));
    index = withArticle(index, 'new', articleEntryFromReport(makeReport('new', NOON, [])));
    index = withArticle(index, 'bad', currentEntry({ report: null, error: makeErrorRecord('bad', MORNING) }));

    expect(index.articles.map((article) => article.id)).toEqual(['new', 'bad', 'old']);
    expect(ArticlesIndexSchema.safeParse(index).error).toBeUndefined();
  });
});

describe('withArticles', () => {
  it('adds, replaces and removes several articles in one step, newest first', () => {
    let index = emptyArticlesIndex();
    index = withArticle(index, 'kept', articleEntryFromReport(makeReport('kept', MORNING, [])));
    index = withArticle(index, 'gone', articleEntryFromReport(makeReport('gone', MORNING, [])));
    index = withArticle(index, 'changed', articleEntryFromReport(makeReport('changed', MORNING, [])));

    const next = withArticles(
      index,
      new Map([
        ['gone', null],
        ['changed', articleEntryFromReport(makeReport('changed', NOON, []))],
        ['added', articleEntryFromReport(makeReport('added', NOON, []))],
      ]),
    );

    expect(next.articles.map((article) => [article.id, article.analyzedAt])).toEqual([
      ['added', NOON],
      ['changed', NOON],
      ['kept', MORNING],
    ]);
  });
});

describe('readArticlesIndex', () => {
  it('accepts the index this code writes and refuses a file of another shape', () => {
    const index = withArticle(
      emptyArticlesIndex(),
      'talks',
      articleEntryFromReport(makeReport('talks', NOON, [])),
    );

    expect(readArticlesIndex(JSON.parse(JSON.stringify(index)))).toEqual(index);
    expect(() => readArticlesIndex({ schemaVersion: 2, articles: [] })).toThrow(/schemaVersion 1/);
    expect(() => readArticlesIndex({ schemaVersion: 1, articles: [{ id: 'x' }] })).toThrow(/entry 0/);
  });
});
