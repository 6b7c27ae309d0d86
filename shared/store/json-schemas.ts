import { z } from 'zod';
import { ReportSchema } from '../report-schema.ts';
import { ArticlePageSchema } from './article-pages.ts';
import { ErrorRecordSchema } from './error-record.ts';
import { LocatorSchema } from './locator.ts';
import { ManifestSchema } from './manifest.ts';
import { LakeRowSchema } from './quote-lake.ts';
import { SpeakerDaySchema, SpeakerHeadSchema, SpeakerListSchema } from './speaker-files.ts';

// One published JSON Schema per file type in the results bucket, generated from the zod schemas the
// code uses, so readers in other languages get the same contract. `npm run schemas` writes them to
// shared/schemas/; a test fails when the committed files fall behind the code.

export const JSON_SCHEMA_SOURCES = {
  'report.schema.json': { schema: ReportSchema, title: 'quote-tone report: reports/<id>.json' },
  'error-record.schema.json': {
    schema: ErrorRecordSchema,
    title: 'quote-tone error record: errors/<id>.json',
  },
  'manifest.schema.json': { schema: ManifestSchema, title: 'quote-tone index manifest: index/manifest.json' },
  'article-page.schema.json': {
    schema: ArticlePageSchema,
    title: 'quote-tone article page: index/articles/<partition>/<page>.json',
  },
  'speaker.schema.json': {
    schema: SpeakerHeadSchema,
    title: 'quote-tone speaker: index/speakers/<speaker id>.json',
  },
  'speaker-day.schema.json': {
    schema: SpeakerDaySchema,
    title: "quote-tone speaker's quotes of one day: index/speakers/<speaker id>/<partition>.json",
  },
  'speaker-list.schema.json': {
    schema: SpeakerListSchema,
    title: 'quote-tone speaker list: index/speaker-list.json',
  },
  'locator.schema.json': {
    schema: LocatorSchema,
    title: 'quote-tone article locator: index/by-article/<id>.json',
  },
  'lake-row.schema.json': {
    schema: LakeRowSchema,
    title: 'quote-tone quote lake line: one line of lake/quotes/dt=YYYY-MM-DD/<id>.jsonl.gz',
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
