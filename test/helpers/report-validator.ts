import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import type { Report } from '../../shared/report-schema.ts';

// Reports are checked against the published JSON Schema file, the contract readers rely on
// (a schema test keeps that file equal to the zod schema the code uses).
const SCHEMA_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'shared',
  'schemas',
  'report.schema.json',
);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));

/** Fails the test with the schema's own messages when a report does not match the published schema. */
export function expectValidReport(value: unknown): Report {
  validate(value);
  expect(ajv.errorsText(validate.errors, { separator: '\n' })).toBe('No errors');
  return value as Report;
}
