import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../shared/clean-article.ts';
import { QuoteToneError } from '../../shared/errors.ts';
import type { ArticleFormat, CleanArticle } from '../../shared/types.ts';

// Seeded and bounded: the same cases every run, quick enough for every test run.
const RUNS = { seed: 5_150_611, numRuns: 200 } as const;

// Pieces that stress each cleaning step: markup of every format, furniture and metadata lines,
// whitespace and invisible characters, combining marks, quote look-alikes and lone surrogates.
const PIECES = [
  'The board met.',
  'word',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '\u00a0',
  '\u200b',
  '\u00ad',
  '\u0301',
  'e',
  '\u2028',
  '\u0000',
  '\u0085',
  '\ud800',
  '\udfff',
  '‟',
  '″',
  '＂',
  '“',
  '”',
  '"',
  '<p>',
  '</p>',
  '<div class="share">',
  '</div>',
  '<script>x()</script>',
  '&nbsp;',
  '&amp;',
  '# ',
  '## ',
  '**',
  '_',
  '[link](http://x)',
  '- ',
  '> ',
  '```',
  '---',
  'By kadmin',
  'Source: Wire',
  'No Widgets found in the Sidebar',
  'Share on Facebook',
  'OSLO (Wire) — ',
  'March 3, 2024',
] as const;

const rawText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 50 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

function asFormat(text: string, format: ArticleFormat): string {
  return format === 'json' ? JSON.stringify({ title: 'Fixture', body: text }) : text;
}

function clean(text: string, format: ArticleFormat): CleanArticle | null {
  try {
    return cleanArticle(asFormat(text, format), format);
  } catch (error) {
    if (error instanceof QuoteToneError) return null;
    throw error;
  }
}

describe.each(['text', 'markdown', 'html', 'json'] as const)('cleanArticle on hostile %s', (format) => {
  it('throws nothing but its own errors and its paragraphs tile the text exactly', () => {
    fc.assert(
      fc.property(rawText, (text) => {
        const article = clean(text, format);
        if (!article) return;
        const slices = article.paragraphs.map((span) => article.text.slice(span.start, span.end));
        expect(slices.join('\n\n')).toBe(article.text);
        for (const slice of slices) {
          expect(slice.length).toBeGreaterThan(0);
          expect(slice).toBe(slice.trim());
          expect(slice).not.toContain('\n');
        }
      }),
      RUNS,
    );
  });

  it('leaves no lone surrogates, control characters or odd spaces, and is in NFC', () => {
    fc.assert(
      fc.property(rawText, (text) => {
        const article = clean(text, format);
        if (!article) return;
        expect(article.text).toBe(article.text.normalize('NFC'));
        // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting control characters are gone.
        expect(article.text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00a0\u200b\u2028‟″＂]/);
        expect(article.text).not.toMatch(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
        );
      }),
      RUNS,
    );
  });
});
