// zod/mini: the same schemas as classic zod at 13 KB instead of 450 KB in each Lambda bundle.
import * as z from 'zod/mini';

// The report is the product's public contract: the handler writes it, the dashboard, Athena and
// the CLI read it. The TypeScript type derives from this schema so the two cannot drift, and
// `shared/schemas/report.schema.json` is generated from it (`npm run schemas`).

export const REPORT_SCHEMA_VERSION = 1;

const count = () => z.int().check(z.minimum(0));
const unitInterval = () => z.number().check(z.minimum(0), z.maximum(1));
const signedUnitInterval = () => z.number().check(z.minimum(-1), z.maximum(1));

const SpanSchema = z.object({ start: count(), end: count() });
const LabelSchema = z.enum(['positive', 'negative', 'neutral', 'mixed']);
/** How many quotes got each label. */
export const LabelCountsSchema = z.object({
  positive: count(),
  negative: count(),
  neutral: count(),
  mixed: count(),
});

export const ToneSchema = z.object({
  label: LabelSchema,
  score: signedUnitInterval(),
  confidence: z.object({
    positive: unitInterval(),
    negative: unitInterval(),
    neutral: unitInterval(),
    mixed: unitInterval(),
  }),
  intensity: unitInterval(),
  tones: z.array(
    z.object({
      name: z.enum(['tentative', 'confident', 'grave', 'conciliatory', 'adversarial']),
      strength: unitInterval(),
      evidence: z.array(z.string()),
    }),
  ),
  // The words that moved the score most, in text order, each with its contribution and how it was
  // read; with the baseline and the unlisted words' rest they sum to the score (within 0.01).
  explanation: z.array(
    z.object({ text: z.string(), start: z.int(), weight: z.number(), rules: z.array(z.string()) }),
  ),
  // Optional so reports written before explanations added up still validate.
  baseline: z.optional(z.number()),
  otherWords: z.optional(z.number()),
});

export const SpeakerSchema = z.object({
  // null: nobody identifiable (an unattributed quote or a generic group such as "analysts").
  name: z.nullable(z.string()),
  mention: z.nullable(z.string()),
  confidence: unitInterval(),
  type: z.optional(z.enum(['person', 'organisation', 'group'])),
  // The same for every form of one speaker across articles ("putin" for "Putin",
  // "President Putin" and "Vladimir Putin"; see speakerKey). null when name is null.
  key: z.optional(z.nullable(z.string())),
  // As the article gives them ("Kremlin spokesman", "Kremlin"); absent when it gives none.
  role: z.optional(z.string()),
  organisation: z.optional(z.string()),
});

export const ReportQuoteSchema = z.object({
  id: z.string(),
  // The pieces joined by one space: `text === spans.map(s => article.text.slice(s.start, s.end)).join(' ')`.
  text: z.string(),
  kind: z.enum(['direct', 'indirect']),
  speaker: SpeakerSchema,
  cue: z.nullable(z.string()),
  // From the first piece's start to the last piece's end.
  span: SpanSchema,
  spans: z.array(SpanSchema).check(z.minLength(1)),
  paragraph: count(),
  // The named rules that found the statement and chose its speaker (shared/quotes/rules.ts).
  rules: z.optional(z.object({ found: z.string(), attributed: z.string() })),
  // A direct quote inside a reported clause names the clause's id: one statement, counted once.
  within: z.optional(z.string()),
  // The speaker denies or rebuts these words ("denied it was a 'manoeuvre'"): not their own claim.
  denial: z.optional(z.literal(true)),
  tone: ToneSchema,
});

export const SpeakerSummarySchema = z.object({
  name: z.string(),
  quotes: count(),
  meanScore: signedUnitInterval(),
  labels: LabelCountsSchema,
});

/** Which analyser produced a report or an error record. */
export const AnalyzerSchema = z.object({
  name: z.literal('quote-tone'),
  version: z.string(),
  // A hash of the analysis core and model (functions/lib/analyzer-build.ts), set by the pipeline:
  // an article dropped again after an upgrade that changes it is re-analysed, not skipped.
  build: z.optional(z.string()),
});

/** Where an article came from; reports and error records both carry it. */
export const ArticleSourceSchema = z.object({
  // null when the CLI analysed a local file.
  bucket: z.nullable(z.string()),
  key: z.string(),
  // Absent for local files; present for S3 objects so duplicate events can be recognised.
  etag: z.optional(z.string()),
  versionId: z.optional(z.string()),
  // Orders changes to one key, so an older event never overwrites a newer result.
  sequencer: z.optional(z.string()),
});

export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  article: z.object({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
    source: ArticleSourceSchema,
    format: z.enum(['text', 'markdown', 'html', 'json']),
    sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    // SHA-256 of the cleaned text with whitespace collapsed, set by the pipeline: the same story
    // republished under another key has the same one.
    textSha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
    // The id of the article that first had this text, when this one republishes it.
    duplicateOf: z.optional(z.string()),
    chars: count(),
    title: z.optional(z.string()),
    metadata: z.object({
      byline: z.optional(z.string()),
      dateline: z.optional(z.string()),
      sourceLine: z.optional(z.string()),
      publishedAt: z.optional(z.string()),
      url: z.optional(z.string()),
    }),
    // The cleaned body; every span in this report points into it.
    text: z.string(),
    // ISO 639-1 code of the body's language ("en", "ru", "ja"), or "und" when too short to tell.
    language: z.optional(z.string()),
  }),
  // What a reader must know about this report, e.g. that the article is not in English and
  // quotes and tone are English-only.
  warnings: z.optional(z.array(z.string())),
  analyzer: AnalyzerSchema,
  analyzedAt: z.iso.datetime(),
  quotes: z.array(ReportQuoteSchema),
  // Each statement counted once: direct quotes inside a reported clause (`within`) are left out.
  summary: z.object({
    quotes: count(),
    direct: count(),
    indirect: count(),
    unattributed: count(),
    labels: LabelCountsSchema,
    // null when the article has no quotes.
    meanScore: z.nullable(signedUnitInterval()),
    speakers: z.array(SpeakerSummarySchema),
  }),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportQuote = z.infer<typeof ReportQuoteSchema>;
export type SpeakerSummary = z.infer<typeof SpeakerSummarySchema>;
export type LabelCounts = z.infer<typeof LabelCountsSchema>;
