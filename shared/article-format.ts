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

/** The suffixes the upload bucket notifies on and the CLI accepts. */
export const ARTICLE_SUFFIXES = ['.txt', '.md', '.html', '.json'] as const;

/**
 * The article format named by a key's or file name's suffix.
 *
 * @example
 * formatFromKey('articles/talks.md') // 'markdown'
 */
export function formatFromKey(key: string): ArticleFormat {
  const dot = key.lastIndexOf('.');
  const format = dot >= 0 ? FORMAT_BY_SUFFIX.get(key.slice(dot).toLowerCase()) : undefined;
  if (!format) throw new UnsupportedFormatError(key);
  return format;
}
