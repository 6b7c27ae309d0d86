import { z } from 'zod';

// The report is the product's public contract: the handler writes it, the dashboard, Athena and
// the CLI read it. The TypeScript type derives from this schema so the two cannot drift, and
// `shared/schemas/report.schema.json` is generated from it (`npm run schemas`).

export const REPORT_SCHEMA_VERSION = 1;

const SpanSchema = z.object({ start: z.int().min(0), end: z.int().min(0) });
const LabelSchema = z.enum(['positive', 'negative', 'neutral', 'mixed']);
const LabelCountsSchema = z.object({
  positive: z.int().min(0),
  negative: z.int().min(0),
  neutral: z.int().min(0),
  mixed: z.int().min(0),
});

export const ToneSchema = z.object({
  label: LabelSchema,
  score: z.number().min(-1).max(1),
  confidence: z.object({
    positive: z.number().min(0).max(1),
    negative: z.number().min(0).max(1),
    neutral: z.number().min(0).max(1),
    mixed: z.number().min(0).max(1),
  }),
  intensity: z.number().min(0).max(1),
  tones: z.array(
    z.object({
      name: z.enum(['tentative', 'confident', 'grave', 'conciliatory', 'adversarial']),
      strength: z.number().min(0).max(1),
      evidence: z.array(z.string()),
    }),
  ),
  // The words that moved the score, in text order, with the rules that changed their weight.
  explanation: z.array(
    z.object({ text: z.string(), start: z.int(), weight: z.number(), rules: z.array(z.string()) }),
  ),
});

export const SpeakerSchema = z.object({
  // null: nobody identifiable (an unattributed quote or a generic group such as "analysts").
  name: z.string().nullable(),
  mention: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  type: z.enum(['person', 'organisation', 'group']).optional(),
});

export const ReportQuoteSchema = z.object({
  id: z.string(),
  // The pieces joined by one space: `text === spans.map(s => article.text.slice(s.start, s.end)).join(' ')`.
  text: z.string(),
  kind: z.enum(['direct', 'indirect']),
  speaker: SpeakerSchema,
  cue: z.string().nullable(),
  // From the first piece's start to the last piece's end.
  span: SpanSchema,
  spans: z.array(SpanSchema).min(1),
  paragraph: z.int().min(0),
  tone: ToneSchema,
});

export const SpeakerSummarySchema = z.object({
  name: z.string(),
  quotes: z.int().min(0),
  meanScore: z.number().min(-1).max(1),
  labels: LabelCountsSchema,
});

/** Which analyser produced a report or an error record. */
export const AnalyzerSchema = z.object({
  name: z.literal('quote-tone'),
  version: z.string(),
  // A fingerprint of the analyser's behaviour (shared/analyzer-fingerprint.ts), set by the pipeline:
  // an article dropped again after an upgrade that changes it is re-analysed, not skipped.
  build: z.string().optional(),
});

/** Where an article came from; reports and error records both carry it. */
export const ArticleSourceSchema = z.object({
  // null when the CLI analysed a local file.
  bucket: z.string().nullable(),
  key: z.string(),
  // Absent for local files; present for S3 objects so duplicate events can be recognised.
  etag: z.string().optional(),
  versionId: z.string().optional(),
  // Orders changes to one key, so an older event never overwrites a newer result.
  sequencer: z.string().optional(),
});

export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  article: z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    source: ArticleSourceSchema,
    format: z.enum(['text', 'markdown', 'html', 'json']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    chars: z.int().min(0),
    title: z.string().optional(),
    metadata: z.object({
      byline: z.string().optional(),
      dateline: z.string().optional(),
      sourceLine: z.string().optional(),
      publishedAt: z.string().optional(),
      url: z.string().optional(),
    }),
    // The cleaned body; every span in this report points into it.
    text: z.string(),
  }),
  analyzer: AnalyzerSchema,
  analyzedAt: z.iso.datetime(),
  quotes: z.array(ReportQuoteSchema),
  summary: z.object({
    quotes: z.int().min(0),
    direct: z.int().min(0),
    indirect: z.int().min(0),
    unattributed: z.int().min(0),
    labels: LabelCountsSchema,
    // null when the article has no quotes.
    meanScore: z.number().min(-1).max(1).nullable(),
    speakers: z.array(SpeakerSummarySchema),
  }),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportQuote = z.infer<typeof ReportQuoteSchema>;
export type SpeakerSummary = z.infer<typeof SpeakerSummarySchema>;
export type LabelCounts = z.infer<typeof LabelCountsSchema>;
