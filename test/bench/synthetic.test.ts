import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_CASES, articleHtml, articleText, newsSentences } from '../../bench/synthetic.ts';
import { analyzeArticle } from '../../shared/analyze-article.ts';

describe('synthetic benchmark input', () => {
  it('generates the same sentences for the same seed and different ones for another', () => {
    expect(newsSentences(20, 1)).toEqual(newsSentences(20, 1));
    expect(newsSentences(20, 2)).not.toEqual(newsSentences(20, 1));
    expect(new Set(newsSentences(200, 1)).size).toBeGreaterThan(100);
  });

  it('builds text and HTML articles of at least the requested size, close to it', () => {
    for (const bytes of [10_000, 100_000]) {
      for (const article of [articleText(bytes, 3), articleHtml(bytes, 3)]) {
        const size = Buffer.byteLength(article);
        expect(size).toBeGreaterThanOrEqual(bytes);
        expect(size).toBeLessThan(bytes * 1.05);
      }
    }
  });

  it('wraps the HTML article in page furniture the cleaner must drop', () => {
    const html = articleHtml(10_000, 3);
    for (const tag of ['<nav>', '<aside>', '<script>', '<style>', '<footer>', '<article>']) {
      expect(html).toContain(tag);
    }
  });

  it('writes articles the analyser finds quotes in, from text and from HTML alike', () => {
    const key = (suffix: string) => ({ bucket: null, key: `bench.${suffix}` });
    const text = analyzeArticle({ id: 'bench', source: key('txt'), content: articleText(10_000, 5) });
    const html = analyzeArticle({ id: 'bench', source: key('html'), content: articleHtml(10_000, 5) });
    expect(text.quotes.length).toBeGreaterThan(10);
    expect(html.quotes.length).toBeGreaterThan(10);
    expect(html.quotes.some((quote) => /Home|Most read|Privacy/.test(quote.text))).toBe(false);
  });

  it('makes every adversarial case at least as long as asked', () => {
    for (const adversarial of ADVERSARIAL_CASES) {
      expect(adversarial.make(5_000).length, adversarial.name).toBeGreaterThanOrEqual(5_000);
    }
  });
});
