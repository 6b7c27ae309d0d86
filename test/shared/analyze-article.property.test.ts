import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../shared/analyze-article.ts';
import { QuoteToneError } from '../../shared/errors.ts';
import type { Report } from '../../shared/report-schema.ts';
import type { ArticleFormat } from '../../shared/types.ts';

// Seeded and bounded: the same 200 cases every run, short enough to stay in the seconds.
const RUNS = { seed: 20_241_128, numRuns: 200 } as const;
const MAX_PIECES = 60;

// Pieces of hostile news text: every quote mark the extractor knows (and some it should not
// trip on), brackets, runs of spaces and breaks, cue words, other scripts and lone surrogates.
const HOSTILE_PIECES = [
  '"',
  '“',
  '”',
  '‘',
  '’',
  "'",
  '«',
  '»',
  '„',
  '‚',
  '‹',
  '›',
  '「',
  '」',
  '‟',
  '″',
  '＂',
  '[',
  ']',
  '(',
  ')',
  '[in person]',
  ' ',
  '   ',
  '\n',
  '\n\n',
  '\r\n',
  '\u00a0',
  '\t',
  ',',
  '.',
  ':',
  '—',
  '…',
  'said',
  ' he said, ',
  ' she added. ',
  'according to him',
  'The minister',
  'Anna Lee',
  'told reporters that',
  'Переговоры',
  '日本語の記事',
  'ação',
  'مرحبا',
  '\ud800',
  '\udc00',
  '\ud83d\ude00',
  '<p>',
  '</p>',
  '<br>',
  '# ',
  '**',
  '_',
  '- ',
  '> ',
  '`',
  'By kadmin',
  'Source: ',
] as const;

const quoteMark = fc.constantFrom('"', '“', '”', '‘', '’', "'", '«', '»', '„', '‹', '›');
const quotedWords = fc
  .array(
    fc.constantFrom(
      'we',
      'will',
      'meet',
      'Переговоры',
      '日本',
      'ação',
      '[in person]',
      '\ud800',
      ' ',
      ',',
      '\n\n',
    ),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .map((words) => words.join(' '));
const cue = fc.constantFrom(' he said. ', ', Anna Lee said, ', ' ', '\n\n', ' said the minister. ', '.');
// Quote-shaped stretches with any pair of marks, matched or not, so extraction is exercised.
const quotedSentence = fc.tuple(quoteMark, quotedWords, quoteMark, cue).map((parts) => parts.join(''));

const hostileText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.oneof(
          { weight: 1, arbitrary: quotedSentence },
          { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
        ),
        { maxLength: MAX_PIECES },
      )
      .map((pieces) => pieces.join('')),
  },
  // A long run of one quote mark or bracket, the classic backtracking trigger.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('"', '“', '”', '«', '„', "'", '[', '('), fc.integer({ min: 1, max: 400 }))
      .map(([mark, count]) => `He said ${mark.repeat(count)} then left.`),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
);

function asFormat(text: string, format: ArticleFormat): string {
  if (format === 'json') return JSON.stringify({ title: 'Fixture', body: text });
  if (format === 'html')
    return `<html><body><article><p>${text.split('\n\n').join('</p><p>')}</p></article></body></html>`;
  return text;
}

const KEY_BY_FORMAT: Record<ArticleFormat, string> = {
  text: 'articles/fixture.txt',
  markdown: 'articles/fixture.md',
  html: 'articles/fixture.html',
  json: 'articles/fixture.json',
};

function analyse(text: string, format: ArticleFormat): Report | null {
  try {
    return analyzeArticle(
      {
        id: 'fixture',
        source: { bucket: null, key: KEY_BY_FORMAT[format] },
        content: asFormat(text, format),
      },
      { analyzedAt: new Date(0) },
    );
  } catch (error) {
    // Refusing an article (empty after cleaning, say) is an answer; anything else is a crash.
    if (error instanceof QuoteToneError) return null;
    throw error;
  }
}

describe.each(['text', 'markdown', 'html', 'json'] as const)('analyzeArticle on hostile %s', (format) => {
  it('throws nothing but its own errors', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        analyse(text, format);
      }),
      RUNS,
    );
  });

  it('keeps every quote span inside the article text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const report = analyse(text, format);
        for (const quote of report?.quotes ?? []) {
          for (const span of quote.spans) {
            expect(span.start).toBeGreaterThanOrEqual(0);
            expect(span.end).toBeGreaterThanOrEqual(span.start);
            expect(span.end).toBeLessThanOrEqual(report?.article.text.length ?? 0);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives each quote the text at its spans, joined by one space', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const report = analyse(text, format);
        const articleText = report?.article.text ?? '';
        for (const quote of report?.quotes ?? []) {
          expect(quote.text).toBe(
            quote.spans.map((span) => articleText.slice(span.start, span.end)).join(' '),
          );
        }
      }),
      RUNS,
    );
  });
});
