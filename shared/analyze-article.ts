import { attributeSpeakers } from './attribute-speakers.ts';
import { buildReport } from './build-report.ts';
import { detectLanguage } from './clean/detect-language.ts';
import { cleanArticle } from './clean-article.ts';
import { extractQuotes } from './extract-quotes.ts';
import { admitArticle } from './input-policy.ts';
import type { Report } from './report-schema.ts';
import { scoreTone } from './score-tone.ts';
import type { ArticleInput } from './types.ts';

export interface AnalyzeOptions {
  /** The report's timestamp; the only part of a report that is not a pure function of the input. */
  analyzedAt?: Date;
  /** The size limit in bytes; DEFAULT_MAX_ARTICLE_BYTES when absent. */
  maxBytes?: number;
  /** Stamped into `analyzer.build` (the pipeline's build id, functions/lib/analyzer-build.ts). */
  build?: string;
}

/**
 * Runs the pipeline stages in order: decode, clean, extract quotes, attribute, score tone, report.
 *
 * @example
 * analyzeArticle({ id: 'talks-1a2b3c4d', source: { bucket: null, key: 'talks.txt' }, content: text })
 */
export function analyzeArticle(input: ArticleInput, options: AnalyzeOptions = {}): Report {
  const { text: rawText, format } = admitArticle(input.content, input.source.key, {
    ...(input.format ? { format: input.format } : {}),
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
  });
  const article = cleanArticle(rawText, format);
  // The quote and tone rules read English: another language gets a warning, not a silent zero.
  const language = detectLanguage(article.text);
  const english = language === 'en' || language === 'und';
  const attributed = english ? attributeSpeakers(article, extractQuotes(article)) : [];
  const quotes = attributed.map((quote) => ({
    ...quote,
    tone: scoreTone(quote.pieces.map((piece) => article.text.slice(piece.start, piece.end)).join(' ')),
  }));
  return buildReport({
    input,
    rawText,
    article,
    quotes,
    analyzedAt: options.analyzedAt ?? new Date(),
    language,
    warnings: english ? [] : [englishOnlyWarning(language)],
    ...(options.build ? { build: options.build } : {}),
  });
}

/** The warning a non-English article's report carries. */
export function englishOnlyWarning(language: string): string {
  return `This article looks like it is not in English (language: ${language}); quotes, speakers and tone are English-only, so none were analysed.`;
}
