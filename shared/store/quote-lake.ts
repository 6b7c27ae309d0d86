import * as z from 'zod/mini';
import type { Report } from '../report-schema.ts';
import { LAKE_PREFIX } from './layout.ts';

// The quote lake is one flat JSON object per line for Athena. Its columns are declared once here:
// the Glue table in infra/ is built from this list and a test checks lines against it.
export const LAKE_COLUMNS = [
  { name: 'article_id', type: 'string' },
  { name: 'source_key', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'analyzed_at', type: 'string' },
  { name: 'quote_id', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'text', type: 'string' },
  { name: 'speaker', type: 'string' },
  { name: 'speaker_mention', type: 'string' },
  { name: 'speaker_confidence', type: 'double' },
  { name: 'cue', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'score', type: 'double' },
  { name: 'confidence_positive', type: 'double' },
  { name: 'confidence_negative', type: 'double' },
  { name: 'confidence_neutral', type: 'double' },
  { name: 'confidence_mixed', type: 'double' },
  { name: 'intensity', type: 'double' },
  { name: 'tones', type: 'array<string>' },
  { name: 'span_start', type: 'int' },
  { name: 'span_end', type: 'int' },
  { name: 'paragraph', type: 'int' },
] as const;

/** The Hive partition column; its value is the UTC day the article was analysed. */
export const LAKE_PARTITION = { name: 'dt', type: 'string' } as const;

export type LakeColumn = (typeof LAKE_COLUMNS)[number]['name'];
export type LakeRow = Record<LakeColumn, string | number | string[] | null>;

// Hive type -> the JSON value the SerDe reads. Text fields such as title, speaker and cue are
// null when absent, which Athena reads as NULL; numbers are always present.
const JSON_VALUE_OF_HIVE_TYPE = {
  string: z.nullable(z.string()),
  double: z.number(),
  int: z.int(),
  'array<string>': z.array(z.string()),
} as const;

/**
 * One lake line, derived from LAKE_COLUMNS so the Glue table, the writer and the published
 * `shared/schemas/lake-row.schema.json` cannot disagree. Extra fields are refused: Athena would
 * silently ignore them.
 */
export const LakeRowSchema = z.strictObject(
  Object.fromEntries(LAKE_COLUMNS.map(({ name, type }) => [name, JSON_VALUE_OF_HIVE_TYPE[type]])),
);

// Lake files are stored gzipped: Athena reads `.gz` JSON Lines as they are (by the extension), a
// quarter of the bytes is a quarter of what every update batch writes and every query scans.
/** @example lakeKey('talks-1a2b3c4d', '2026-11-28T10:00:00Z') // 'lake/quotes/dt=2026-11-28/talks-1a2b3c4d.jsonl.gz' */
export function lakeKey(articleId: string, analyzedAt: string): string {
  return `${LAKE_PREFIX}dt=${analyzedAt.slice(0, 10)}/${articleId}.jsonl.gz`;
}

/**
 * One flat row per quote of a report.
 *
 * @example
 * toLakeRows(report)[0].speaker // 'Dmitry Peskov'
 */
export function toLakeRows(report: Report): LakeRow[] {
  return report.quotes.map((quote) => ({
    article_id: report.article.id,
    source_key: report.article.source.key,
    title: report.article.title ?? null,
    analyzed_at: report.analyzedAt,
    quote_id: quote.id,
    kind: quote.kind,
    text: quote.text,
    speaker: quote.speaker.name,
    speaker_mention: quote.speaker.mention,
    speaker_confidence: quote.speaker.confidence,
    cue: quote.cue,
    label: quote.tone.label,
    score: quote.tone.score,
    confidence_positive: quote.tone.confidence.positive,
    confidence_negative: quote.tone.confidence.negative,
    confidence_neutral: quote.tone.confidence.neutral,
    confidence_mixed: quote.tone.confidence.mixed,
    intensity: quote.tone.intensity,
    tones: quote.tone.tones.map((tone) => tone.name),
    span_start: quote.span.start,
    span_end: quote.span.end,
    paragraph: quote.paragraph,
  }));
}

/** The lake file's text (stored gzipped, see lakeKey): JSON Lines, one quote per line, newline-terminated. */
export function toLakeFile(report: Report): string {
  return toLakeRows(report)
    .map((row) => `${JSON.stringify(row)}\n`)
    .join('');
}
