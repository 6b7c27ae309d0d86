import { describe, expect, it } from 'vitest';
import { formatToneTable } from '../../../bin/format-table.ts';
import { analyzeArticle } from '../../../shared/analyze-article.ts';
import { detectLanguage } from '../../../shared/clean/detect-language.ts';

describe('detectLanguage', () => {
  it('tells English from other Latin-script languages by their function words', () => {
    expect(detectLanguage('The mayor said that the new pier was safe and the ferry would run.')).toBe('en');
    expect(
      detectLanguage('O prefeito disse que o novo cais não está pronto e também que a balsa foi adiada.'),
    ).toBe('pt');
    expect(
      detectLanguage(
        'Der Bürgermeister sagte, dass die neue Brücke nicht sicher ist und auch die Fähre wird.',
      ),
    ).toBe('de');
  });

  it('reads the script of Cyrillic and Japanese text', () => {
    expect(detectLanguage('Мэр заявил, что новый причал безопасен, а паром будет ходить каждый день.')).toBe(
      'ru',
    );
    expect(detectLanguage('市長は新しい桟橋は安全だと述べ、フェリーは毎日運航すると語った。')).toBe('ja');
  });

  it('keeps an English article that quotes a foreign name English', () => {
    expect(detectLanguage('The mayor met Сергей Иванов and said the talks with the port were useful.')).toBe(
      'en',
    );
  });

  it('says "und" for text too short to tell', () => {
    expect(detectLanguage('OK')).toBe('und');
  });
});

describe('a non-English article', () => {
  it('gets its language and a warning that quotes and tone are English-only, not a silent zero', () => {
    const report = analyzeArticle(
      {
        id: 'cais-1a2b3c4d',
        source: { bucket: null, key: 'cais.txt' },
        content: '"O cais está pronto", disse o prefeito. Ele também disse que a balsa não foi adiada.',
      },
      { analyzedAt: new Date(0) },
    );
    expect(report.article.language).toBe('pt');
    expect(report.warnings?.[0]).toMatch(/English-only/);
    expect(report.quotes).toEqual([]);
    expect(formatToneTable(report)).toMatch(/warning: [\s\S]*English-only/); // what `quote-tone analyze` prints (wrapped at 80 columns)
  });

  it('leaves an English report without warnings', () => {
    const report = analyzeArticle(
      {
        id: 'pier-1a2b3c4d',
        source: { bucket: null, key: 'pier.txt' },
        content: '"The pier is ready," the mayor said.',
      },
      { analyzedAt: new Date(0) },
    );
    expect(report.article.language).toBe('en');
    expect(report.warnings).toBeUndefined();
  });
});
