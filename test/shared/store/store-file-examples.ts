import type { Report } from '../../../shared/report-schema.ts';
import { entryFromError, entryFromReport } from '../../../shared/store/article-entry.ts';
import { type ArticlePage, emptyPage, withPageChanges } from '../../../shared/store/article-pages.ts';
import type { ErrorRecord } from '../../../shared/store/error-record.ts';
import { footprintOf, type Locator } from '../../../shared/store/locator.ts';
import { emptyManifest, type Manifest, withPageTallies } from '../../../shared/store/manifest.ts';
import { type LakeRow, toLakeRows } from '../../../shared/store/quote-lake.ts';
import {
  emptySpeakerDay,
  emptySpeakerHead,
  emptySpeakerList,
  rowOf,
  type SpeakerDay,
  type SpeakerHead,
  type SpeakerList,
  speakerQuotesOf,
  withDayChanges,
  withHeadChange,
  withRows,
} from '../../../shared/store/speaker-files.ts';
import { speakerIdOf } from '../../../shared/store/speaker-id.ts';
import { emptyTally } from '../../../shared/store/tally.ts';
import { makeErrorRecord, makeReport } from './index-fixtures.ts';

// One sound example of every kind of file in the results bucket, built by the code that writes
// them: for the schema tests (published and compiled) to check against.

export interface StoreFileExamples {
  report: Report;
  error: ErrorRecord;
  page: ArticlePage;
  manifest: Manifest | null;
  day: SpeakerDay;
  head: SpeakerHead;
  list: SpeakerList | null;
  locator: Locator;
  lakeRow: LakeRow | undefined;
}

const AT = '2026-11-28T10:00:00.000Z';

export function storeFileExamples(): StoreFileExamples {
  const report = makeReport('talks', '2026-11-28T09:00:00.000Z', [
    { speaker: 'Anna Smith', label: 'positive', score: 0.5, role: 'the mayor' },
    { speaker: null, label: 'negative', score: -0.25 },
  ]);
  const error = makeErrorRecord('broken', AT);
  const ref = { partition: '2026-11-28', day: '2026-11-28', undated: false, page: 1 };
  const entry = entryFromReport(report);
  const page = withPageChanges(emptyPage(ref), new Set(), [entry, entryFromError(error)]);
  const manifest = withPageTallies(emptyManifest(AT), [{ ...ref, rev: page.rev, tally: page.tally }], AT);
  const anna = speakerIdOf({ name: 'Anna Smith' }) ?? '';
  const day = withDayChanges(
    emptySpeakerDay(anna, ref.partition, ref.day, false),
    new Set(),
    speakerQuotesOf(report, entry).get(anna)?.quotes ?? [],
  );
  const { head } = withHeadChange(emptySpeakerHead(anna, 'Anna Smith'), {
    name: 'Anna Smith',
    quoted: true,
    mentions: [],
    roles: ['the mayor'],
    changedArticles: new Set(['talks']),
    days: [
      {
        partition: day.partition,
        day: day.day,
        undated: false,
        before: emptyTally(),
        after: day.tally,
        newest: day.quotes,
      },
    ],
  });
  return {
    report,
    error,
    page,
    manifest,
    day,
    head,
    list: withRows(emptySpeakerList(), [rowOf(head)], 1),
    locator: { schemaVersion: 2, articleId: 'talks', footprint: footprintOf(entry), page: 1, lake: null },
    lakeRow: toLakeRows(report)[1],
  };
}
