import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { entryFromError, entryFromReport } from '../../../shared/store/article-entry.ts';
import { emptyPage, withPageChanges } from '../../../shared/store/article-pages.ts';
import {
  JSON_SCHEMA_SOURCES,
  type JsonSchemaFile,
  renderJsonSchema,
} from '../../../shared/store/json-schemas.ts';
import { emptyManifest, withPageTallies } from '../../../shared/store/manifest.ts';
import { toLakeRows } from '../../../shared/store/quote-lake.ts';
import {
  emptySpeakerDay,
  emptySpeakerHead,
  emptySpeakerList,
  rowOf,
  speakerQuotesOf,
  withDayChanges,
  withHeadChange,
  withRows,
} from '../../../shared/store/speaker-files.ts';
import { speakerIdOf } from '../../../shared/store/speaker-id.ts';
import { emptyTally } from '../../../shared/store/tally.ts';
import { makeErrorRecord, makeReport } from './index-fixtures.ts';

// The published JSON Schemas (shared/schemas/) are the contract for readers outside this code base.

const SCHEMA_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'schemas');
const FILES = Object.keys(JSON_SCHEMA_SOURCES) as JsonSchemaFile[];

const report = makeReport('talks', '2026-11-28T09:00:00.000Z', [
  { speaker: 'Anna Smith', label: 'positive', score: 0.5 },
  { speaker: null, label: 'negative', score: -0.25 },
]);
const error = makeErrorRecord('broken', '2026-11-28T10:00:00.000Z');
const REF = { partition: '2026-11-28', day: '2026-11-28', undated: false, page: 1 };
const entry = entryFromReport(report);
const page = withPageChanges(emptyPage(REF), new Set(), [entry, entryFromError(error)]);
const manifest = withPageTallies(
  emptyManifest('2026-11-28T10:00:00.000Z'),
  [{ ...REF, rev: page.rev, tally: page.tally }],
  '2026-11-28T10:00:00.000Z',
);
const anna = speakerIdOf({ name: 'Anna Smith' }) ?? '';
const day = withDayChanges(
  emptySpeakerDay(anna, REF.partition, REF.day, false),
  new Set(),
  speakerQuotesOf(report, entry).get(anna)?.quotes ?? [],
);
const { head } = withHeadChange(emptySpeakerHead(anna, 'Anna Smith'), {
  name: 'Anna Smith',
  quoted: true,
  mentions: [],
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
const EXAMPLES: Record<JsonSchemaFile, unknown> = {
  'report.schema.json': report,
  'error-record.schema.json': error,
  'manifest.schema.json': manifest,
  'article-page.schema.json': page,
  'speaker.schema.json': head,
  'speaker-day.schema.json': day,
  'speaker-list.schema.json': withRows(emptySpeakerList(), [rowOf(head)], 1),
  'locator.schema.json': { schemaVersion: 2, articleId: 'talks', entry, page: 1, lake: null },
  'lake-row.schema.json': toLakeRows(report)[1],
};

describe('the published JSON Schemas', () => {
  it.each(FILES)('%s is up to date with the code (run "npm run schemas" if not)', (file) => {
    expect(readFileSync(join(SCHEMA_DIR, file), 'utf8')).toBe(renderJsonSchema(file));
  });

  it.each(FILES)('%s accepts what the code writes', (file) => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')));

    validate(EXAMPLES[file]);

    expect(validate.errors ?? []).toEqual([]);
  });

  it('refuses a lake line with a column the Glue table does not have', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'lake-row.schema.json'), 'utf8')));

    expect(validate({ ...toLakeRows(report)[0], surprise: 1 })).toBe(false);
  });
});
