import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../shared/clean-article.ts';
import {
  ArticleRefusedError,
  ArticleTooLargeError,
  BinaryContentError,
  EmptyArticleError,
  MissingArticleBodyError,
  UnsupportedFormatError,
} from '../../shared/errors.ts';
import { admitArticle, checkSize, DEFAULT_MAX_ARTICLE_BYTES } from '../../shared/input-policy.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const withHead = (head: number[], tail = 'rest of the file') => new Uint8Array([...head, ...encode(tail)]);

function refusal(run: () => unknown): ArticleRefusedError {
  try {
    run();
  } catch (error) {
    if (error instanceof ArticleRefusedError) return error;
    throw error;
  }
  throw new Error('expected the article to be refused');
}

describe('checkSize', () => {
  it('accepts an article at the limit and refuses one above it, saying both sizes', () => {
    expect(() => checkSize(DEFAULT_MAX_ARTICLE_BYTES)).not.toThrow();

    const error = refusal(() => checkSize(DEFAULT_MAX_ARTICLE_BYTES + 1));

    expect(error).toBeInstanceOf(ArticleTooLargeError);
    expect(error.code).toBe('ARTICLE_TOO_LARGE');
    expect(error.message).toContain(String(DEFAULT_MAX_ARTICLE_BYTES + 1));
  });

  it('uses a configured limit', () => {
    expect(() => checkSize(2_000, 1_000)).toThrow(ArticleTooLargeError);
  });
});

describe('admitArticle', () => {
  it('returns decoded text and the format named by the key', () => {
    expect(admitArticle(encode('Talks began.'), 'articles/talks.md')).toEqual({
      text: 'Talks began.',
      format: 'markdown',
      encoding: 'utf-8',
    });
  });

  it('refuses by the size from the event before looking at the content', () => {
    const error = refusal(() => admitArticle(encode('short'), 'a.txt', { size: 10_000, maxBytes: 1_000 }));

    expect(error).toBeInstanceOf(ArticleTooLargeError);
  });

  it('refuses content larger than the limit', () => {
    expect(() => admitArticle('x'.repeat(2_000), 'a.txt', { maxBytes: 1_000 })).toThrow(ArticleTooLargeError);
  });

  it('refuses an empty file', () => {
    const error = refusal(() => admitArticle(new Uint8Array(), 'a.txt'));

    expect(error).toBeInstanceOf(EmptyArticleError);
    expect(error.code).toBe('EMPTY_ARTICLE');
    expect(error.message).toContain('empty');
  });

  it('refuses a whitespace-only file', () => {
    expect(() => admitArticle(encode(' \n\t\r\n '), 'a.txt')).toThrow(/only whitespace/);
  });

  it.each([
    ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], 'PDF'],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG'],
    ['a JPEG', [0xff, 0xd8, 0xff, 0xe0], 'JPEG'],
    ['a GIF', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], 'GIF'],
    ['a zip', [0x50, 0x4b, 0x03, 0x04], 'zip'],
    ['gzip', [0x1f, 0x8b, 0x08], 'gzip'],
  ])('refuses %s named .txt, by its content', (_name, head, detected) => {
    const error = refusal(() => admitArticle(withHead(head), 'articles/story.txt'));

    expect(error).toBeInstanceOf(BinaryContentError);
    expect(error.code).toBe('BINARY_CONTENT');
    expect(error.message).toContain(detected);
  });

  it('refuses content with NUL bytes', () => {
    expect(() => admitArticle(withHead([0x41, 0x00, 0x42]), 'a.html')).toThrow(/NUL/);
  });

  it('refuses content that is mostly control characters', () => {
    const bytes = new Uint8Array(200).map((_, index) => (index % 3 === 0 ? 0x01 : 0x61));

    expect(() => admitArticle(bytes, 'a.txt')).toThrow(BinaryContentError);
  });

  it('decodes a Windows-1252 file instead of refusing it', () => {
    const admitted = admitArticle(new Uint8Array([0x93, 0x4f, 0x6b, 0x94]), 'a.txt');

    expect(admitted).toMatchObject({ text: '“Ok”', encoding: 'windows-1252' });
  });

  it('reads a .txt holding a whole web page or JSON article as what it is', () => {
    const json = JSON.stringify({ title: 'Pier', body: '"We are ready," said Anna Smith.' });
    expect(admitArticle(encode(json), 'articles/pier.txt').format).toBe('json');
    expect(admitArticle(encode('<!doctype html><html><body>Hi</body></html>'), 'a.txt').format).toBe('html');
    // Prose that merely opens with a brace stays prose.
    expect(admitArticle(encode('{Update} The pier reopened.'), 'a.txt').format).toBe('text');
    expect(admitArticle(encode(json), 'articles/pier.md').format).toBe('markdown');
  });

  it('refuses a key with an unsupported suffix', () => {
    expect(() => admitArticle(encode('text'), 'articles/story.docx')).toThrow(UnsupportedFormatError);
  });
});

describe('admitted then cleaned: hostile or broken input', () => {
  const admitAndClean = (content: string | Uint8Array, key: string) => {
    const { text, format } = admitArticle(content, key);
    return cleanArticle(text, format);
  };

  it('refuses a JSON article without a body', () => {
    const error = refusal(() => admitAndClean(JSON.stringify({ title: 'Only a title' }), 'a.json'));

    expect(error).toBeInstanceOf(MissingArticleBodyError);
    expect(error.code).toBe('MISSING_ARTICLE_BODY');
  });

  it('refuses a JSON article whose body is blank', () => {
    expect(() => admitAndClean(JSON.stringify({ body: '  ' }), 'a.json')).toThrow(MissingArticleBodyError);
  });

  it('refuses an HTML page with no text, only markup and scripts', () => {
    const error = refusal(() =>
      admitAndClean('<html><body><script>x()</script><img src=a></body></html>', 'a.html'),
    );

    expect(error).toBeInstanceOf(EmptyArticleError);
  });

  it('cleans scripts and styles out of HTML without running or keeping them', () => {
    const html = `<html><head><style>.x{color:red}</style></head><body>
      <script>globalThis.ranArticleScript = true; document.write("injected")</script>
      <p onclick="alert(1)">“The pier will open in May,” the mayor said at the meeting on Monday evening.</p>
      <img src=x onerror="globalThis.ranArticleScript = true"></body></html>`;

    const article = admitAndClean(html, 'a.html');

    expect(article.text).toContain('The pier will open in May');
    expect(article.text).not.toMatch(/injected|color:red|ranArticleScript/);
    expect((globalThis as { ranArticleScript?: boolean }).ranArticleScript).toBeUndefined();
  });

  it('handles a single line of half a megabyte in every format', () => {
    const line = `${'word “quoted” and [bracketed] **bold** <i>x</i> '.repeat(10_000)}end.`;

    for (const key of ['a.txt', 'a.md', 'a.html']) {
      expect(admitAndClean(line, key).text.length).toBeGreaterThan(300_000);
    }
  });
});

describe('the format of an article', () => {
  it.each([
    ['articles/Story.TXT', 'text'],
    ['articles/notes.text', 'text'],
    ['articles/page.htm', 'html'],
    ['articles/PAGE.HTML', 'html'],
    ['articles/x.markdown', 'markdown'],
    ['articles/feed.Json', 'json'],
  ])('reads %s as %s, whatever the case of its suffix', (key, format) => {
    const content = format === 'json' ? '{"body": "Some text here."}' : 'Some text here.';

    expect(admitArticle(encode(content), key).format).toBe(format);
  });

  it.each([
    ['<!DOCTYPE html><html><body><p>Some text.</p></body></html>', 'html'],
    ['  <html><p>Some text.</p></html>', 'html'],
    ['{"body": "Some text here."}', 'json'],
    ['Some text, with <b>a tag</b> inside.', 'text'],
  ])('reads a key without a suffix by its content: %s', (content, format) => {
    expect(admitArticle(encode(content), 'articles/wire-copy').format).toBe(format);
  });

  it('refuses doc.pdf as the PDF it is, not only for its name', () => {
    const error = refusal(() =>
      admitArticle(withHead([0x25, 0x50, 0x44, 0x46, 0x2d], '1.7'), 'articles/doc.pdf'),
    );

    expect(error).toBeInstanceOf(BinaryContentError);
    expect(error.message).toMatch(/PDF document/);
  });

  it('names the suffix it refuses and the ones it reads', () => {
    const error = refusal(() => admitArticle(encode('a,b,c'), 'articles/table.csv'));

    expect(error.code).toBe('UNSUPPORTED_FORMAT');
    expect(error.message).toContain('".csv"');
    expect(error.message).toContain('.markdown');
  });
});
