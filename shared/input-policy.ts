import { Buffer } from 'node:buffer';
import { formatFromKey } from './article-format.ts';
import { decodeBytes, type TextEncodingName } from './decode-text.ts';
import { ArticleTooLargeError, BinaryContentError, EmptyArticleError } from './errors.ts';
import type { ArticleFormat } from './types.ts';

// A long news article is 50-100 KB of text and a saved web page 1-2 MB; 5 MB leaves room for
// heavy pages while keeping one Lambda invocation's memory and time predictable.
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
// Binary checks read only the head of the file: magic numbers and control characters show early.
const SNIFF_CHARS = 8 * 1024;
// Text has almost no control characters; a tenth of the head is binary data, not a stray byte.
const MAX_CONTROL_CHAR_RATIO = 0.1;

// File signatures, checked against the first bytes (or characters of a string input).
const MAGIC_NUMBERS: ReadonlyArray<{ bytes: readonly number[]; detected: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], detected: 'a PDF document' }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], detected: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], detected: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], detected: 'a GIF image' }, // GIF8
  { bytes: [0x50, 0x4b, 0x03, 0x04], detected: 'a zip archive (or an Office document)' }, // PK..
  { bytes: [0x50, 0x4b, 0x05, 0x06], detected: 'an empty zip archive' },
  { bytes: [0x1f, 0x8b], detected: 'gzip-compressed data' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], detected: 'a 7-Zip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], detected: 'a legacy Office document' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], detected: 'an executable (ELF)' },
];

export interface AdmitOptions {
  /** The object's size from the S3 event; checked before the content is looked at. */
  size?: number;
  /** Overrides DEFAULT_MAX_ARTICLE_BYTES. */
  maxBytes?: number;
  /** Overrides the format named by the key's suffix. */
  format?: ArticleFormat;
}

export interface AdmittedArticle {
  text: string;
  format: ArticleFormat;
  encoding: TextEncodingName;
}

/**
 * Refuses an article that is too large, checkable from an S3 event's size before download.
 *
 * @example
 * checkSize(event.s3.object.size) // throws ArticleTooLargeError above 5 MB
 */
export function checkSize(bytes: number, limit: number = DEFAULT_MAX_ARTICLE_BYTES): void {
  if (bytes > limit) throw new ArticleTooLargeError(bytes, limit);
}

/**
 * Decides whether raw content can be analysed: it must fit the size limit, be text rather than
 * binary (judged by content, not suffix), have a supported suffix in any case or none (then its
 * content names the format) and hold more than whitespace. Returns the decoded text and format,
 * or throws an ArticleRefusedError subclass that says what was expected and what arrived.
 *
 * @example
 * admitArticle(bytes, 'articles/talks.txt') // { text: '…', format: 'text', encoding: 'utf-8' }
 */
export function admitArticle(
  content: string | Uint8Array,
  key: string,
  options: AdmitOptions = {},
): AdmittedArticle {
  const limit = options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  if (options.size !== undefined) checkSize(options.size, limit);
  checkSize(typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength, limit);
  // Content before name: "doc.pdf" is refused as the PDF it is, not just for its suffix.
  const signature = detectSignature(content);
  if (signature) throw new BinaryContentError(signature);
  const { text, encoding } = decodeBytes(content);
  const controlProblem = detectControlCharacters(text);
  if (controlProblem) throw new BinaryContentError(controlProblem);
  const format = options.format ?? formatFromKey(key, text);
  if (text.length === 0) throw new EmptyArticleError('the file is empty');
  if (text.trim().length === 0) throw new EmptyArticleError('it holds only whitespace');
  return { text, format, encoding };
}

function detectSignature(content: string | Uint8Array): string | null {
  const at = (index: number) => (typeof content === 'string' ? content.charCodeAt(index) : content[index]);
  for (const { bytes, detected } of MAGIC_NUMBERS) {
    if (bytes.every((byte, index) => at(index) === byte)) return detected;
  }
  return null;
}

function detectControlCharacters(text: string): string | null {
  const head = text.slice(0, SNIFF_CHARS);
  let controls = 0;
  for (let index = 0; index < head.length; index += 1) {
    const code = head.charCodeAt(index);
    if (code === 0) return 'binary data (it contains NUL bytes)';
    // Tab, line feed, form feed and carriage return are ordinary in text.
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) controls += 1;
  }
  if (head.length > 0 && controls / head.length > MAX_CONTROL_CHAR_RATIO) {
    return `binary data (${Math.round((100 * controls) / head.length)}% control characters)`;
  }
  return null;
}
