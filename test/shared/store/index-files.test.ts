import { describe, expect, it } from 'vitest';
import { entryFromError, entryFromReport } from '../../../shared/store/article-entry.ts';
import { emptyPage, withPageChanges } from '../../../shared/store/article-pages.ts';
import { emptyManifest, pageFor, withPageTallies } from '../../../shared/store/manifest.ts';
import {
  daysOfMask,
  emptySpeakerDay,
  emptySpeakerHead,
  emptySpeakerList,
  maskOfDays,
  monthOf,
  rowOf,
  SpeakerHeadSchema,
  speakerQuotesOf,
  withDayChanges,
  withHeadChange,
  withRows,
} from '../../../shared/store/speaker-files.ts';
import { speakerIdOf } from '../../../shared/store/speaker-id.ts';
import { emptyTally, packTally, unpackTally } from '../../../shared/store/tally.ts';
import { makeErrorRecord, makeReport } from './index-fixtures.ts';

// The index files change by contributions: an article's entry or quotes leave and arrive, and the
// tallies move by exactly those, so a batch never recounts the store.

const NOON = '2026-11-28T12:00:00.000Z';
const LATER = '2026-11-28T15:00:00.000Z';
const REF = { partition: 'undated-2026-11-28', day: '2026-11-28', undated: true, page: 1 };
const ANNA = speakerIdOf({ name: 'Anna Smith' }) ?? '';

const talks = makeReport('talks', NOON, [
  { speaker: 'Anna Smith', label: 'positive', score: 0.6 },
  { speaker: 'Anna Smith', label: 'negative', score: -0.2 },
]);
const budget = makeReport('budget', LATER, [{ speaker: 'Omar Haddad', label: 'negative', score: -0.5 }]);

describe('article pages', () => {
  it('adds, replaces and removes entries, moving the tally by exactly their contributions', () => {
    const both = withPageChanges(emptyPage(REF), new Set(), [
      entryFromReport(talks),
      entryFromReport(budget),
    ]);
    const replaced = withPageChanges(both, new Set(), [entryFromError(makeErrorRecord('budget', LATER))]);
    const removed = withPageChanges(replaced, new Set(['talks']), []);

    expect(both.articles.map((entry) => entry.id)).toEqual(['budget', 'talks']);
    expect(both.tally).toMatchObject({ articles: 2, failed: 0, quotes: 3, scoreSum: -0.1 });
    expect(replaced.tally).toMatchObject({ articles: 2, failed: 1, quotes: 2, scoreSum: 0.4 });
    expect(removed.tally).toEqual({
      articles: 1,
      failed: 1,
      quotes: 0,
      scoreSum: 0,
      labels: { positive: 0, negative: 0, neutral: 0, mixed: 0 },
    });
    expect(removed.rev).toBe(3);
  });

  it('gives the same page when the same change is applied twice', () => {
    const once = withPageChanges(emptyPage(REF), new Set(), [entryFromReport(talks)]);
    const twice = withPageChanges(once, new Set(), [entryFromReport(talks)]);

    expect({ ...twice, rev: 0 }).toEqual({ ...once, rev: 0 });
  });
});

describe('the manifest', () => {
  it('keeps the newest summary of each page and totals that follow it', () => {
    const page = withPageChanges(emptyPage(REF), new Set(), [entryFromReport(talks)]);
    const later = withPageChanges(page, new Set(), [entryFromReport(budget)]);
    const manifest = withPageTallies(
      emptyManifest(NOON),
      [{ ...REF, rev: later.rev, tally: later.tally }],
      NOON,
    );

    const stale = withPageTallies(
      manifest ?? emptyManifest(NOON),
      [{ ...REF, rev: page.rev, tally: page.tally }],
      LATER,
    );

    expect(manifest && unpackTally(manifest.totals)).toMatchObject({ articles: 2, quotes: 3 });
    expect(stale).toBeNull();
  });

  it('packs a tally in the one order the dashboard unpacks, losing nothing', () => {
    const tally = {
      articles: 3,
      failed: 1,
      quotes: 5,
      scoreSum: 0.25,
      labels: { positive: 1, negative: 2, neutral: 0, mixed: 2 },
    };

    expect(packTally(tally)).toEqual([3, 1, 5, 0.25, 1, 2, 0, 2]);
    expect(unpackTally(packTally(tally))).toEqual(tally);
  });

  it('puts new articles on the last page while it has room, then on new pages', () => {
    const manifest = { ...emptyManifest(NOON), pageSize: 2 };
    const page = withPageChanges(emptyPage(REF), new Set(), [entryFromReport(talks)]);
    const withOne =
      withPageTallies(manifest, [{ ...REF, rev: page.rev, tally: page.tally }], NOON) ?? manifest;

    expect([0, 1, 2, 3].map((placing) => pageFor(withOne, REF.partition, placing))).toEqual([1, 2, 2, 3]);
    expect(pageFor(withOne, 'another-day', 0)).toBe(1);
  });
});

describe('speaker files', () => {
  it("keeps a day's quotes with their article's title and day, and its tally", () => {
    const entry = entryFromReport(talks);
    const quotes = speakerQuotesOf(talks, entry).get(ANNA)?.quotes ?? [];
    const day = withDayChanges(emptySpeakerDay(ANNA, REF.partition, REF.day, true), new Set(), quotes);

    expect(day.quotes.map((quote) => [quote.articleId, quote.title, quote.day, quote.label])).toEqual([
      ['talks', 'Title of talks', '2026-11-28', 'positive'],
      ['talks', 'Title of talks', '2026-11-28', 'negative'],
    ]);
    expect(day.tally).toMatchObject({ articles: 1, quotes: 2, scoreSum: 0.4 });
    expect(withDayChanges(day, new Set(['talks']), []).tally.quotes).toBe(0);
  });

  it('moves the head by each day change (after minus before), keeps a month series and reports who joined or left', () => {
    const entry = entryFromReport(talks);
    const quotes = speakerQuotesOf(talks, entry).get(ANNA)?.quotes ?? [];
    const day = withDayChanges(emptySpeakerDay(ANNA, REF.partition, REF.day, true), new Set(), quotes);
    const row = {
      partition: day.partition,
      day: day.day,
      undated: true,
      before: emptyTally(),
      after: day.tally,
      newest: day.quotes,
    };
    const change = {
      name: 'Anna Smith',
      quoted: true,
      mentions: ['Ms Smith'],
      changedArticles: new Set(['talks']),
    };
    const other = withDayChanges(
      emptySpeakerDay(ANNA, '2026-12-01', '2026-12-01', false),
      new Set(),
      quotes.slice(0, 1),
    );
    const otherRow = {
      partition: other.partition,
      day: other.day,
      undated: false,
      before: emptyTally(),
      after: other.tally,
      newest: [],
    };

    const joined = withHeadChange(emptySpeakerHead(ANNA, 'Anna Smith'), { ...change, days: [row] });
    // Two batches' changes to different days arrive in either order: same figures.
    const ab = withHeadChange(withHeadChange(joined.head, { ...change, days: [otherRow] }).head, {
      ...change,
      days: [],
    });
    const emptied = withDayChanges(day, new Set(['talks']), []);
    const left = withHeadChange(joined.head, {
      ...change,
      days: [{ ...row, before: day.tally, after: emptied.tally, newest: [] }],
    });

    expect(joined.joined).toBe(1);
    expect(joined.head).toMatchObject({
      names: ['Anna Smith', 'Ms Smith'],
      meanScore: 0.2,
      tally: { quotes: 2 },
    });
    // An undated day's figures are also kept apart, so a chart can leave them off its time axis.
    expect(joined.head.months.map(monthOf)).toEqual([
      {
        month: '2026-11',
        tally: packTally(day.tally),
        days: 0,
        undatedDays: maskOfDays([28]),
        undated: packTally(day.tally),
      },
    ]);
    // The reel keeps the newest quote only (HEAD_LATEST_QUOTES): the speakers table shows one.
    expect(joined.head.latest).toHaveLength(1);
    expect(
      ab.head.months
        .map(monthOf)
        .map((month) => [month.month, daysOfMask(month.days), unpackTally(month.tally).quotes]),
    ).toEqual([
      ['2026-12', [1], 1],
      ['2026-11', [], 2],
    ]);
    expect(left.joined).toBe(-1);
    expect(left.head).toMatchObject({ months: [], latest: [], tally: { quotes: 0 } });
  });

  it('reads month rows a head stored as objects before, and writes them back as arrays', () => {
    const tally = packTally({
      articles: 1,
      failed: 0,
      quotes: 2,
      scoreSum: 0.4,
      labels: { positive: 2, negative: 0, neutral: 0, mixed: 0 },
    });
    const stored = SpeakerHeadSchema.parse({
      ...emptySpeakerHead(ANNA, 'Anna Smith'),
      months: [{ month: '2026-10', tally, days: maskOfDays([3]), undatedDays: 0 }],
    });

    const next = withHeadChange(stored, {
      name: 'Anna Smith',
      quoted: true,
      mentions: [],
      changedArticles: new Set<string>(),
      days: [],
    }).head;

    expect(next.months).toEqual([['2026-10', tally, maskOfDays([3]), 0]]);
    expect(SpeakerHeadSchema.parse(next)).toEqual(next);
  });

  it('lists the most quoted speakers, newest row winning, and drops speakers without quotes', () => {
    const head = (id: string, quotes: number, rev: number) => ({
      ...rowOf({ ...emptySpeakerHead(id, id), rev }),
      tally: {
        articles: 1,
        failed: 0,
        quotes,
        scoreSum: 0,
        labels: { positive: 0, negative: 0, neutral: quotes, mixed: 0 },
      },
    });
    const list = withRows(emptySpeakerList(), [head('few', 1, 1), head('many', 5, 1)], 2);
    const stale = withRows(list ?? emptySpeakerList(), [head('many', 9, 1)], 0);
    const gone = withRows(list ?? emptySpeakerList(), [head('few', 0, 2)], -1);

    expect(list?.rows.map((row) => row.id)).toEqual(['many', 'few']);
    expect(list?.speakers).toBe(2);
    expect(stale).toBeNull();
    expect(gone?.rows.map((row) => row.id)).toEqual(['many']);
    expect(gone?.speakers).toBe(1);
  });
});
