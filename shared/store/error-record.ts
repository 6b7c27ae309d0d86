import * as z from 'zod/mini';
import { AnalyzerSchema, ArticleSourceSchema } from '../report-schema.ts';

// What the store keeps for an article that was refused or failed: nothing is dropped silently.
// The index, the dashboard and `quote-tone report --failed` read these.
export const ERROR_RECORD_SCHEMA_VERSION = 1;

export const ErrorRecordSchema = z.object({
  schemaVersion: z.literal(ERROR_RECORD_SCHEMA_VERSION),
  articleId: z.string(),
  status: z.literal('failed'),
  // Stable machine-readable reason, e.g. EMPTY_ARTICLE, BINARY_CONTENT, ARTICLE_TOO_LARGE.
  code: z.string(),
  // One line for a person: what was expected and what arrived.
  reason: z.string(),
  source: ArticleSourceSchema,
  analyzer: AnalyzerSchema,
  failedAt: z.iso.datetime(),
});

export type ErrorRecord = z.infer<typeof ErrorRecordSchema>;
