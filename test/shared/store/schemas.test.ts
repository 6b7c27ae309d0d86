import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  JSON_SCHEMA_SOURCES,
  type JsonSchemaFile,
  renderJsonSchema,
} from '../../../shared/store/json-schemas.ts';
import { toLakeRows } from '../../../shared/store/quote-lake.ts';
import { storeFileExamples } from './store-file-examples.ts';

// The published JSON Schemas (shared/schemas/) are the contract for readers outside this code base.

const SCHEMA_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'schemas');
const FILES = Object.keys(JSON_SCHEMA_SOURCES) as JsonSchemaFile[];

const { report, error, page, manifest, day, head, list, locator, lakeRow } = storeFileExamples();
const EXAMPLES: Record<JsonSchemaFile, unknown> = {
  'report.schema.json': report,
  'error-record.schema.json': error,
  'manifest.schema.json': manifest,
  'article-page.schema.json': page,
  'speaker.schema.json': head,
  'speaker-day.schema.json': day,
  'speaker-list.schema.json': list,
  'locator.schema.json': locator,
  'lake-row.schema.json': lakeRow,
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
