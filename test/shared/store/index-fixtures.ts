import type { LabelCounts, Report, ReportQuote } from '../../../shared/report-schema.ts';
import type { ErrorRecord } from '../../../shared/store/error-record.ts';

// Hand-built, schema-valid reports for the index tests: the index must not depend on how the
// analyser finds quotes, only on what a report says.

export interface QuoteSpec {
  speaker: string | null;
  label: 'positive' | 'negative' | 'neutral' | 'mixed';
  score: number;
  text?: string;
  /** The speaker's role as the article gives it. */
  role?: string;
}

/** @example makeReport('talks-1', '2026-11-28T10:00:00.000Z', [{ speaker: 'Anna Smith', label: 'positive', score: 0.6 }]) */
export function makeReport(
  id: string,
  analyzedAt: string,
  specs: QuoteSpec[],
  title = `Title of ${id}`,
  publishedAt?: string,
): Report {
  let text = '';
  const quotes = specs.map((spec, index): ReportQuote => {
    const quoteText = spec.text ?? `Statement ${index + 1} of ${id}`;
    const start = text.length + 1;
    text += `"${quoteText}," said someone.\n\n`;
    return {
      id: `q${index + 1}`,
      text: quoteText,
      kind: 'direct',
      speaker: {
        name: spec.speaker,
        mention: spec.speaker,
        confidence: spec.speaker ? 0.9 : 0,
        ...(spec.role ? { role: spec.role } : {}),
      },
      cue: 'said',
      span: { start, end: start + quoteText.length },
      spans: [{ start, end: start + quoteText.length }],
      paragraph: index,
      tone: {
        label: spec.label,
        score: spec.score,
        confidence: { positive: 0.25, negative: 0.25, neutral: 0.25, mixed: 0.25 },
        intensity: Math.abs(spec.score),
        tones: [],
        explanation: [],
      },
    };
  });
  const speakerNames = [...new Set(specs.flatMap((spec) => (spec.speaker ? [spec.speaker] : [])))];
  return {
    schemaVersion: 1,
    article: {
      id,
      source: { bucket: 'quote-tone-uploads', key: `articles/${id}.txt` },
      format: 'text',
      sha256: '0'.repeat(64),
      chars: text.length,
      title,
      metadata: publishedAt ? { publishedAt } : {},
      text,
    },
    analyzer: { name: 'quote-tone', version: 'test' },
    analyzedAt,
    quotes,
    summary: {
      quotes: quotes.length,
      direct: quotes.length,
      indirect: 0,
      unattributed: specs.filter((spec) => !spec.speaker).length,
      labels: countLabels(specs),
      meanScore: specs.length ? specs.reduce((sum, spec) => sum + spec.score, 0) / specs.length : null,
      speakers: speakerNames.map((name) => {
        const own = specs.filter((spec) => spec.speaker === name);
        return {
          name,
          quotes: own.length,
          meanScore: own.reduce((sum, spec) => sum + spec.score, 0) / own.length,
          labels: countLabels(own),
        };
      }),
    },
  };
}

/** @example makeErrorRecord('talks-1', '2026-11-28T10:00:00.000Z') */
export function makeErrorRecord(id: string, failedAt: string): ErrorRecord {
  return {
    schemaVersion: 1,
    articleId: id,
    status: 'failed',
    code: 'EMPTY_ARTICLE',
    reason: 'Expected an article with text, but it contains no text after cleaning.',
    source: { bucket: 'quote-tone-uploads', key: `articles/${id}.txt` },
    analyzer: { name: 'quote-tone', version: 'test' },
    failedAt,
  };
}

function countLabels(specs: QuoteSpec[]): LabelCounts {
  const counts: LabelCounts = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
  for (const spec of specs) counts[spec.label] += 1;
  return counts;
}
