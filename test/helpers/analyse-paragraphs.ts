import { analyzeArticle } from '../../shared/analyze-article.ts';
import type { Report, ReportQuote } from '../../shared/report-schema.ts';

/** A report for an article written as paragraphs, analysed at a fixed time so runs compare. */
export function analyseParagraphs(name: string, paragraphs: readonly string[]): Report {
  return analyzeArticle(
    {
      id: `${name}-1a2b3c4d`,
      source: { bucket: null, key: `${name}.txt` },
      content: paragraphs.join('\n\n'),
    },
    { analyzedAt: new Date(0) },
  );
}

/** The quotes such an article yields. */
export function quotesOfParagraphs(name: string, paragraphs: readonly string[]): ReportQuote[] {
  return analyseParagraphs(name, paragraphs).quotes;
}
