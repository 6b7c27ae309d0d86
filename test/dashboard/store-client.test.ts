import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryFromError, entryFromReport, labelsOf } from '../../shared/store/article-entry.ts';
import { emptyPage, withPageChanges } from '../../shared/store/article-pages.ts';
import { makeErrorRecord, makeReport } from '../shared/store/index-fixtures.ts';

// The dashboard's data layer (dashboard/js/store-client.js) reads the index files as update-index
// writes them, packed, and hands the views counts by name.

interface StoreClient {
  unpackPage(page: unknown): { articles: { status: string; speakers?: { labels: unknown }[] }[] };
  monthFields(row: unknown): { month: string; tally: number[]; days: number; undatedDays: number };
}

const CLIENT_URL = pathToFileURL(
  join(import.meta.dirname, '..', '..', 'dashboard', 'js', 'store-client.js'),
).href;
const NOON = '2026-11-28T12:00:00.000Z';
const REF = { partition: '2026-11-28', day: '2026-11-28', undated: false, page: 1 };

describe('the dashboard data layer', () => {
  let client: StoreClient;

  beforeAll(async () => {
    client = (await import(CLIENT_URL)) as StoreClient;
  });

  it('spells out the label counts a page packs, leaving failed entries and unpacked counts alone', () => {
    const analysed = entryFromReport(
      makeReport('talks', NOON, [
        { speaker: 'Anna Smith', label: 'positive', score: 0.5 },
        { speaker: 'Anna Smith', label: 'negative', score: -0.5 },
        { speaker: 'Omar Haddad', label: 'neutral', score: 0 },
      ]),
    );
    const failed = entryFromError(makeErrorRecord('blank', NOON));
    const page = withPageChanges(emptyPage(REF), new Set(), [analysed, failed]);

    const once = client.unpackPage(JSON.parse(JSON.stringify(page)));
    const twice = client.unpackPage(once);

    const speakers = once.articles.find((entry) => entry.status === 'analysed')?.speakers ?? [];
    expect(speakers.map((speaker) => speaker.labels)).toEqual(
      analysed.speakers.map((speaker) => labelsOf(speaker.labels)),
    );
    expect(speakers[0]?.labels).toEqual({ positive: 1, negative: 1, neutral: 0, mixed: 0 });
    expect(once.articles.find((entry) => entry.status === 'failed')).toEqual(failed);
    expect(twice).toEqual(once);
  });

  it('reads a month row stored as an array, and one stored as an object before', () => {
    const tally = [2, 0, 3, 0.5, 1, 1, 1, 0];
    const fields = { month: '2026-11', tally, days: 6, undatedDays: 0 };

    expect(client.monthFields(['2026-11', tally, 6, 0])).toEqual(fields);
    expect(client.monthFields(fields)).toEqual(fields);
  });
});
