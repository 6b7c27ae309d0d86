import { UnsupportedFormatError } from './errors.ts';
import type { ArticleFormat } from './types.ts';

const FORMAT_BY_SUFFIX: ReadonlyMap<string, ArticleFormat> = new Map([
  ['.txt', 'text'],
  ['.text', 'text'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.json', 'json'],
]);

/** Every suffix quote-tone reads, in lower case; suffixes match in any case. */
export const ARTICLE_SUFFIXES = [...FORMAT_BY_SUFFIX.keys()];

// The start of a web page, after optional whitespace and a byte-order mark.
const HTML_START = /^\uFEFF?\s*<(?:!doctype\s+html|html|head|body|article|!--)/i;
const JSON_START = /^\uFEFF?\s*\{/;

/**
 * The article format named by a key's or file name's suffix, in any case (`Story.TXT`, `page.htm`).
 * A name without a suffix (`articles/story`) is read by its content: a web page, a JSON object, or
 * plain text, and so is a `.txt` that holds a whole web page or JSON object. Any other suffix is
 * refused, saying which are read.
 *
 * @example
 * formatFromKey('articles/talks.Markdown') // 'markdown'
 * formatFromKey('articles/wire-copy', '<!doctype html><html>…') // 'html'
 */
export function formatFromKey(key: string, text?: string): ArticleFormat {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  // A leading dot is a hidden file's name, not a suffix.
  if (dot <= 0) return text === undefined ? 'text' : sniffFormat(text);
  const format = FORMAT_BY_SUFFIX.get(name.slice(dot).toLowerCase());
  if (!format) throw new UnsupportedFormatError(key, name.slice(dot), ARTICLE_SUFFIXES);
  // A web page or a JSON article saved as .txt is still one: read as text, its markup or its field
  // names would be analysed as prose (a tester's JSON article gave quotes of "body" and "title").
  if (format === 'text' && text !== undefined) return sniffPlainText(text);
  return format;
}

function sniffPlainText(text: string): ArticleFormat {
  if (HTML_START.test(text)) return 'html';
  return JSON_START.test(text) && isJsonObject(text) ? 'json' : 'text';
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function sniffFormat(text: string): ArticleFormat {
  if (HTML_START.test(text)) return 'html';
  if (JSON_START.test(text)) return 'json';
  return 'text';
}
