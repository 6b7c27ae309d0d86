import { createHash } from 'node:crypto';
import { ANALYZER } from './analyzer-info.ts';
import { compareText } from './compare-text.ts';
import { linkStatements } from './quotes/link-statements.ts';
import { speakerKey } from './quotes/speaker-key.ts';
import { type LabelCounts, REPORT_SCHEMA_VERSION, type Report, type ReportQuote } from './report-schema.ts';
import type { ArticleInput, AttributedQuote, CleanArticle, ToneLabel, ToneScore } from './types.ts';

export interface ScoredQuote extends AttributedQuote {
  tone: ToneScore;
}

export interface BuildReportInput {
  input: ArticleInput;
  rawText: string;
  article: CleanArticle;
  quotes: ScoredQuote[];
  analyzedAt: Date;
  build?: string;
  /** ISO 639-1 code of the article's language (see detectLanguage). */
  language?: string;
  /** Shown to the reader with the report ("quotes and tone are English-only"). */
  warnings?: readonly string[];
}

/**
 * Assembles the report: slices each quote's text from its spans, numbers the quotes in text
 * order and summarises tone per article and per speaker.
 *
 * @example
 * buildReport({ input, rawText, article, quotes, analyzedAt: new Date() }).summary.quotes
 */
export function buildReport({
  input,
  rawText,
  article,
  quotes,
  analyzedAt,
  build,
  language,
  warnings,
}: BuildReportInput): Report {
  const ordered = [...quotes].sort((a, b) => firstStart(a) - firstStart(b));
  const links = linkStatements(
    ordered.map((quote) => ({
      kind: quote.kind,
      pieces: quote.pieces,
      cue: quote.cue ? article.text.slice(quote.cue.start, quote.cue.end) : null,
    })),
  );
  const reportQuotes = ordered.map((quote, index): ReportQuote => {
    const link = links[index];
    return {
      ...toReportQuote(article, quote, index),
      ...(link && link.within >= 0 ? { within: quoteId(link.within) } : {}),
      ...(link?.denial ? { denial: true as const } : {}),
    };
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    article: {
      id: input.id,
      source: {
        bucket: input.source.bucket,
        key: input.source.key,
        ...(input.source.etag ? { etag: input.source.etag } : {}),
        ...(input.source.versionId ? { versionId: input.source.versionId } : {}),
        ...(input.source.sequencer ? { sequencer: input.source.sequencer } : {}),
      },
      format: article.format,
      sha256: createHash('sha256').update(rawText).digest('hex'),
      chars: article.text.length,
      ...(article.metadata.title ? { title: article.metadata.title } : {}),
      metadata: withoutTitle(article.metadata),
      text: article.text,
      ...(language ? { language } : {}),
    },
    analyzer: { name: ANALYZER.name, version: ANALYZER.version, ...(build ? { build } : {}) },
    analyzedAt: analyzedAt.toISOString(),
    ...(warnings && warnings.length > 0 ? { warnings: [...warnings] } : {}),
    quotes: reportQuotes,
    summary: summarise(reportQuotes),
  };
}

function firstStart(quote: AttributedQuote): number {
  return quote.pieces[0]?.start ?? 0;
}

function toReportQuote(article: CleanArticle, quote: ScoredQuote, index: number): ReportQuote {
  const spans = quote.pieces.map(({ start, end }) => ({ start, end }));
  const first = spans[0] ?? { start: 0, end: 0 };
  const last = spans.at(-1) ?? first;
  return {
    id: quoteId(index),
    text: spans.map((span) => article.text.slice(span.start, span.end)).join(' '),
    kind: quote.kind,
    speaker: {
      name: quote.speaker.name,
      mention: quote.speaker.mention,
      confidence: quote.speaker.confidence,
      ...(quote.speaker.type ? { type: quote.speaker.type } : {}),
      key: quote.speaker.name ? speakerKey(quote.speaker.name, quote.speaker.type) : null,
      ...(quote.speaker.role ? { role: quote.speaker.role } : {}),
      ...(quote.speaker.organisation ? { organisation: quote.speaker.organisation } : {}),
    },
    cue: quote.cue ? article.text.slice(quote.cue.start, quote.cue.end) : null,
    span: { start: first.start, end: last.end },
    spans,
    paragraph: quote.paragraph,
    rules: { found: quote.rule, attributed: quote.speaker.rule ?? 'none' },
    tone: quote.tone,
  };
}

function quoteId(index: number): string {
  return `q${index + 1}`;
}

function withoutTitle(metadata: CleanArticle['metadata']): Report['article']['metadata'] {
  const { title: _title, ...rest } = metadata;
  return rest;
}

export function emptyLabelCounts(): LabelCounts {
  return { positive: 0, negative: 0, neutral: 0, mixed: 0 };
}

function summarise(entries: ReportQuote[]): Report['summary'] {
  // One statement, counted once: quoted words inside a reported clause belong to the clause.
  const quotes = entries.filter((quote) => quote.within === undefined);
  const labels = emptyLabelCounts();
  const bySpeaker = new Map<string, { quotes: number; total: number; labels: LabelCounts }>();
  let total = 0;
  for (const quote of quotes) {
    const label: ToneLabel = quote.tone.label;
    labels[label] += 1;
    total += quote.tone.score;
    const name = quote.speaker.name;
    if (!name) continue;
    const entry = bySpeaker.get(name) ?? { quotes: 0, total: 0, labels: emptyLabelCounts() };
    entry.quotes += 1;
    entry.total += quote.tone.score;
    entry.labels[label] += 1;
    bySpeaker.set(name, entry);
  }
  return {
    quotes: quotes.length,
    direct: quotes.filter((quote) => quote.kind === 'direct').length,
    indirect: quotes.filter((quote) => quote.kind === 'indirect').length,
    unattributed: quotes.filter((quote) => !quote.speaker.name).length,
    labels,
    meanScore: quotes.length ? round(total / quotes.length) : null,
    speakers: [...bySpeaker.entries()]
      .map(([name, entry]) => ({
        name,
        quotes: entry.quotes,
        meanScore: round(entry.total / entry.quotes),
        labels: entry.labels,
      }))
      .sort((a, b) => b.quotes - a.quotes || compareText(a.name, b.name)),
  };
}

// Four decimals keep reports readable and stable across platforms' float printing.
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
