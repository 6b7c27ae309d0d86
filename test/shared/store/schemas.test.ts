import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  articleEntryFromReport,
  currentEntry,
  emptyArticlesIndex,
  withArticle,
} from '../../../shared/store/article-index.ts';
import {
  JSON_SCHEMA_SOURCES,
  type JsonSchemaFile,
  renderJsonSchema,
} from '../../../shared/store/json-schemas.ts';
import { toLakeRows } from '../../../shared/store/quote-lake.ts';
import { buildSpeakersIndex } from '../../../shared/store/speaker-index.ts';
import { makeErrorRecord, makeReport } from './index-fixtures.ts';

// The published JSON Schemas (shared/schemas/) are the contract for readers outside this code base.

const SCHEMA_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'schemas');
const FILES = Object.keys(JSON_SCHEMA_SOURCES) as JsonSchemaFile[];

const report = makeReport('talks', '2026-11-28T09:00:00.000Z', [
  { speaker: 'Anna Smith', label: 'positive', score: 0.5 },
  { speaker: null, label: 'negative', score: -0.25 },
]);
const error = makeErrorRecord('broken', '2026-11-28T10:00:00.000Z');
const articles = withArticle(
  withArticle(emptyArticlesIndex(), 'talks', articleEntryFromReport(report)),
  'broken',
  currentEntry({ report: null, error }),
);
const EXAMPLES: Record<JsonSchemaFile, unknown> = {
  'report.schema.json': report,
  'error-record.schema.json': error,
  'articles-index.schema.json': articles,
  'speakers-index.schema.json': buildSpeakersIndex(articles),
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
