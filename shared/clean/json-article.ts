import { InvalidJsonArticleError, MissingArticleBodyError } from '../errors.ts';
import type { ArticleMetadata } from '../types.ts';

export interface JsonArticle {
  body: string;
  /** True when the body holds HTML markup (a CMS export) rather than plain text. */
  isHtml: boolean;
  metadata: ArticleMetadata;
}

// Field names tried in order. `body` and `text` are the documented ones; `content` and
// schema.org's `articleBody` are what CMS exports and scrapers usually write.
const BODY_FIELDS = ['body', 'text', 'content', 'articleBody'] as const;
const DATE_FIELDS = ['publishedAt', 'datePublished', 'published', 'date'] as const;
const AUTHOR_FIELDS = ['byline', 'author', 'authors'] as const;
// A body with paragraph or line-break tags is HTML even though it came in JSON.
const LOOKS_LIKE_HTML = /<(?:p|br|div|h[1-6]|blockquote|ul|ol|li|article|section)\b[^<>]{0,200}>/i;

/**
 * Reads a JSON article {title, body | text, url, publishedAt, source} into body and metadata.
 *
 * @example
 * readJsonArticle('{"title":"T","body":"Hello."}').body // 'Hello.'
 */
export function readJsonArticle(raw: string): JsonArticle {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new InvalidJsonArticleError('the file is not valid JSON', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidJsonArticleError(`the file holds ${jsonKind(parsed)}`);
  }
  const record = parsed as Record<string, unknown>;
  const body = BODY_FIELDS.map((field) => record[field]).find((value) => typeof value === 'string');
  if (typeof body !== 'string' || body.trim() === '') {
    throw new MissingArticleBodyError(describeFields(record));
  }
  const metadata: ArticleMetadata = {};
  const title = textOf(record.title ?? record.headline);
  if (title) metadata.title = title;
  const url = textOf(record.url);
  if (url) metadata.url = url;
  const publishedAt = DATE_FIELDS.map((field) => textOf(record[field])).find(Boolean);
  if (publishedAt) metadata.publishedAt = publishedAt;
  const source = textOf(record.source ?? record.publisher);
  if (source) metadata.sourceLine = source;
  const byline = AUTHOR_FIELDS.map((field) => textOf(record[field])).find(Boolean);
  if (byline) metadata.byline = byline;
  return { body, isHtml: LOOKS_LIKE_HTML.test(body), metadata };
}

/** A string field, a {name} object (schema.org style) or a list of either, as one string. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((part): part is string => Boolean(part));
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (typeof value === 'object' && value !== null && 'name' in value) return textOf(value.name);
  return undefined;
}

/** "null", "an array", "a number": what a JSON value is, for a message. */
function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function describeFields(record: Record<string, unknown>): string {
  // A body field that is there but unusable is named as such ('"body" is a number', '"text" is
  // empty'), not listed as if it were missing.
  const present = BODY_FIELDS.find((field) => field in record);
  if (present) {
    const value = record[present];
    return `"${present}" is ${typeof value === 'string' ? 'empty' : jsonKind(value)}`;
  }
  const keys = Object.keys(record);
  const shown = keys
    .slice(0, 8)
    .map((key) => `"${key}"`)
    .join(', ');
  return keys.length === 0 ? 'the object is empty' : `its fields are ${shown}${keys.length > 8 ? ', …' : ''}`;
}
