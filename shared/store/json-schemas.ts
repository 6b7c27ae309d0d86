import { z } from 'zod';
import { ReportSchema } from '../report-schema.ts';
import { ArticlesIndexSchema } from './article-index.ts';
import { ErrorRecordSchema } from './error-record.ts';
import { LakeRowSchema } from './quote-lake.ts';
import { SpeakersIndexSchema } from './speaker-index.ts';

// One published JSON Schema per file type in the results bucket, generated from the zod schemas the
// code uses, so readers in other languages get the same contract. `npm run schemas` writes them to
// shared/schemas/; a test fails when the committed files fall behind the code.

export const JSON_SCHEMA_SOURCES = {
  'report.schema.json': { schema: ReportSchema, title: 'quote-tone report: reports/<id>.json' },
  'error-record.schema.json': {
    schema: ErrorRecordSchema,
    title: 'quote-tone error record: errors/<id>.json',
  },
  'articles-index.schema.json': {
    schema: ArticlesIndexSchema,
    title: 'quote-tone article index: index/articles.json',
  },
  'speakers-index.schema.json': {
    schema: SpeakersIndexSchema,
    title: 'quote-tone speaker index: index/speakers.json',
  },
  'lake-row.schema.json': {
    schema: LakeRowSchema,
    title: 'quote-tone quote lake line: one line of lake/quotes/dt=YYYY-MM-DD/<id>.jsonl',
  },
} as const;

export type JsonSchemaFile = keyof typeof JSON_SCHEMA_SOURCES;

/**
 * The text of one published schema file: JSON Schema draft 2020-12, two-space indented, with a
 * trailing newline.
 *
 * @example
 * renderJsonSchema('report.schema.json').startsWith('{') // true
 */
export function renderJsonSchema(file: JsonSchemaFile): string {
  const { schema, title } = JSON_SCHEMA_SOURCES[file];
  const { $schema, ...generated } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' });
  const published = { $schema, title, ...generated };
  return `${JSON.stringify(published, null, 2)}\n`;
}
