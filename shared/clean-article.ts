import { EmptyArticleError, InvalidJsonArticleError } from './errors.ts';
import type { ArticleFormat, ArticleMetadata, CleanArticle, Span } from './types.ts';

const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * Turns raw article text of any supported format into the cleaned body every span points into.
 * First honest version: plain text and Markdown by paragraphs, JSON by its body field,
 * HTML by stripping tags. The quote-extraction issue replaces the HTML path with a real extractor.
 *
 * @example
 * cleanArticle('Title\n\nFirst paragraph.', 'text').paragraphs.length // 2
 */
export function cleanArticle(raw: string, format: ArticleFormat): CleanArticle {
  const metadata: ArticleMetadata = {};
  let body = raw;
  if (format === 'json') body = readJsonBody(raw, metadata);
  if (format === 'html') body = stripTags(raw);
  const blocks = splitBlocks(normalise(body));
  if (blocks.length === 0) throw new EmptyArticleError();
  return { format, metadata, ...joinParagraphs(blocks) };
}

function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
}

// A file with blank lines uses them between paragraphs (single newlines are hard wraps);
// a file without any (a crude page scrape) puts one block per line.
function splitBlocks(text: string): string[] {
  const hasBlankLines = /\n[ \t]*\n/.test(text);
  const blocks = hasBlankLines ? text.split(/\n[ \t]*\n/) : text.split('\n');
  return blocks.map((block) => block.replace(/\s+/g, ' ').trim()).filter((block) => block.length > 0);
}

function joinParagraphs(blocks: string[]): { text: string; paragraphs: Span[] } {
  const paragraphs: Span[] = [];
  let offset = 0;
  for (const block of blocks) {
    paragraphs.push({ start: offset, end: offset + block.length });
    offset += block.length + PARAGRAPH_SEPARATOR.length;
  }
  return { text: blocks.join(PARAGRAPH_SEPARATOR), paragraphs };
}

function readJsonBody(raw: string, metadata: ArticleMetadata): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new InvalidJsonArticleError('the file is not valid JSON', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidJsonArticleError(`the file holds ${Array.isArray(parsed) ? 'an array' : typeof parsed}`);
  }
  const record = parsed as Record<string, unknown>;
  const body = [record.body, record.text].find((value) => typeof value === 'string');
  if (typeof body !== 'string') throw new InvalidJsonArticleError('it has no string "body" or "text" field');
  if (typeof record.title === 'string') metadata.title = record.title;
  if (typeof record.url === 'string') metadata.url = record.url;
  if (typeof record.publishedAt === 'string') metadata.publishedAt = record.publishedAt;
  if (typeof record.source === 'string') metadata.sourceLine = record.source;
  return body;
}

function stripTags(html: string): string {
  return html
    .replace(/<(script|style|noscript)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(p|div|br|h[1-6]|li|blockquote|article|section)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
