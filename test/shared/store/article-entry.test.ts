import { describe, expect, it } from 'vitest';
import {
  currentEntry,
  entryFromError,
  entryFromReport,
  labelsOf,
  MAIN_SPEAKERS,
  mainSpeakersOf,
  publishedDay,
  SNIPPET_CHARS,
} from '../../../shared/store/article-entry.ts';
import { speakerIdOf } from '../../../shared/store/speaker-id.ts';
import { makeErrorRecord, makeReport } from './index-fixtures.ts';

const MORNING = '2026-11-28T08:00:00.000Z';
const NOON = '2026-11-28T12:00:00.000Z';

describe('entryFromReport', () => {
  it('summarises an article: quotes, label counts, mean score and its most quoted speakers first', () => {
    const report = makeReport('talks', NOON, [
      { speaker: 'Omar Haddad', label: 'negative', score: -0.5 },
      { speaker: 'Anna Smith', label: 'positive', score: 0.6 },
      { speaker: 'Anna Smith', label: 'positive', score: 0.4 },
      { speaker: null, label: 'neutral', score: 0 },
    ]);

    const entry = entryFromReport(report);

    expect(entry).toMatchObject({
      id: 'talks',
      status: 'analysed',
      title: 'Title of talks',
      sourceKey: 'articles/talks.txt',
      analyzedAt: NOON,
      quotes: 4,
      labels: { positive: 2, negative: 1, neutral: 1, mixed: 0 },
      meanScore: 0.125,
    });
    expect(mainSpeakersOf(entry)).toEqual(['Anna Smith', 'Omar Haddad']);
    expect(entry.speakers[0]).toEqual({
      id: speakerIdOf({ name: 'Anna Smith' }),
      name: 'Anna Smith',
      quotes: 2,
      meanScore: 0.5,
      labels: [2, 0, 0, 0],
    });
    expect(labelsOf(entry.speakers[0]?.labels ?? [0, 0, 0, 0])).toEqual({
      positive: 2,
      negative: 0,
      neutral: 0,
      mixed: 0,
    });
  });

  it('names at most MAIN_SPEAKERS main speakers and keeps figures, and quote texts only as snippets for search', () => {
    const report = makeReport('crowd', NOON, [
      ...['A One', 'B Two', 'C Three', 'D Four', 'E Five'].map((speaker) => ({
        speaker,
        label: 'neutral' as const,
        score: 0,
      })),
      { speaker: 'A One', label: 'neutral', score: 0, text: `A quote searched for ${'and on '.repeat(100)}` },
    ]);

    const entry = entryFromReport(report);

    expect(mainSpeakersOf(entry)).toHaveLength(MAIN_SPEAKERS);
    expect(mainSpeakersOf(entry)[0]).toBe('A One');
    expect(entry.speakers).toHaveLength(5);
    // The dashboard searches inside quotes over the entries; a long quote costs at most SNIPPET_CHARS.
    expect(entry.snippets?.at(-1)).toMatch(/^A quote searched for/);
    expect(entry.snippets?.at(-1)).toHaveLength(SNIPPET_CHARS);
  });

  it('files the article under its publication day, keeping the date as written', () => {
    const entry = entryFromReport(makeReport('dated', NOON, [], 'Dated', '27 November 2026'));

    expect(entry).toMatchObject({ publishedAt: '27 November 2026', day: '2026-11-27', undated: false });
  });

  it('reads the calendar day out of a date string with a time and zone the Date parser refuses', () => {
    expect(publishedDay('November 20, 2019 - 11:28 AMT')).toBe('2019-11-20');
    expect(publishedDay('Posted 3rd March 2021, 09:00 CET')).toBe('2021-03-03');
    expect(publishedDay('Smarch 40, 2020')).toBeNull();
  });

  it('files an article without a readable date under the day it was analysed, flagged undated', () => {
    const entry = entryFromReport(makeReport('vague', NOON, [], 'Vague', 'last Tuesday'));

    expect(entry).toMatchObject({ publishedAt: 'last Tuesday', day: '2026-11-28', undated: true });
  });
});

describe('publishedDay', () => {
  it.each([
    ['2026-11-27', '2026-11-27'],
    ['2026-11-27T23:30:00-05:00', '2026-11-28'],
    ['Fri, 27 Nov 2026 18:00:00 GMT', '2026-11-27'],
    ['not a date', null],
    ['0001-01-01', null],
    ['', null],
  ])('reads %j as %j', (raw, day) => {
    expect(publishedDay(raw)).toBe(day);
  });
});

describe('currentEntry', () => {
  it('shows a failed article with its code and reason, undated on the day it failed', () => {
    const entry = entryFromError(makeErrorRecord('blank', MORNING));

    expect(entry).toMatchObject({
      status: 'failed',
      code: 'EMPTY_ARTICLE',
      day: '2026-11-28',
      undated: true,
    });
  });

  it('takes the newer of a report and an error record while the analyser replaces one with the other', () => {
    const report = makeReport('flip', NOON, []);
    const error = makeErrorRecord('flip', MORNING);

    expect(currentEntry({ report, error })?.status).toBe('analysed');
    expect(
      currentEntry({ report: makeReport('flip', MORNING, []), error: makeErrorRecord('flip', NOON) })?.status,
    ).toBe('failed');
  });

  it('is null when the article has neither, because its source was deleted', () => {
    expect(currentEntry({ report: null, error: null })).toBeNull();
  });
});
