import type { CleanArticle, Span } from '../../../shared/types.ts';

/** A cleaned article from fixture lines: each array entry is one paragraph, joined by "\n\n". */
export function articleOf(paragraphs: readonly string[]): CleanArticle {
  const text = paragraphs.join('\n\n');
  const spans: Span[] = [];
  let start = 0;
  for (const paragraph of paragraphs) {
    spans.push({ start, end: start + paragraph.length });
    start += paragraph.length + 2;
  }
  return { format: 'text', text, paragraphs: spans, metadata: {} };
}

export function textOf(article: CleanArticle, pieces: readonly Span[]): string {
  return pieces.map((piece) => article.text.slice(piece.start, piece.end)).join(' ');
}
