import { describe, expect, it } from 'vitest';
import { scanQuoteMarks } from '../../../shared/quotes/quote-marks.ts';
import { articleOf, textOf } from './article-fixture.ts';

function runs(paragraphs: string[]): string[][] {
  const article = articleOf(paragraphs);
  return scanQuoteMarks(article.text, article.paragraphs).map((quote) =>
    quote.pieces.map((piece) => textOf(article, [piece])),
  );
}

describe('scanQuoteMarks', () => {
  it('closes a quote opened straight and closed curly', () => {
    expect(runs(['"And I asked, well, on whose authority?” said the aide.'])).toEqual([
      ['And I asked, well, on whose authority?'], // mixed marks
    ]);
  });

  it('trims a stray space after the opening mark', () => {
    expect(runs(['He thanked them. “ You guys have done such a good job.”'])).toEqual([
      ['You guys have done such a good job.'], // stray space
    ]);
  });

  it('splits a lost paragraph break into pieces of one quote', () => {
    expect(runs(['"The first part ends here. "The second part follows," she said.'])).toEqual([
      ['The first part ends here.', 'The second part follows,'], // `. "Next`
    ]);
  });

  it('ends a never-closed quote before narration about its speaker', () => {
    expect(
      runs([
        '"Plan for the storm before it comes. Ms Okafor said that the shelters were ready in time. "Nobody will be left outside," she said.',
      ]),
    ).toEqual([['Plan for the storm before it comes.', 'Nobody will be left outside,']]);
  });

  it('keeps a name and a reporting verb inside a closed quote', () => {
    expect(runs(['"We won. Coach Rita Lane said we would, and we did," the captain said.'])).toEqual([
      ['We won. Coach Rita Lane said we would, and we did,'],
    ]);
  });

  it('continues across paragraphs only when the next paragraph reopens the quote', () => {
    expect(
      runs([
        '"We will stay the course.', // open at paragraph end
        '"And we will win," he said.', // reopens: continues
        '"Another quote starts here without an end', // open at paragraph end
        'Narration follows and is not quoted.', // no reopening mark: the quote ends above
      ]),
    ).toEqual([
      ['We will stay the course.', 'And we will win,'],
      ['Another quote starts here without an end'],
    ]);
  });

  it('reads doubled single marks as double quotes', () => {
    expect(runs(['‘‘It was an attempt to mislead voters,’’ the analyst said.'])).toEqual([
      ['It was an attempt to mislead voters,'], // wire-style ‘‘…’’
    ]);
  });

  it('ignores a closing mark with no open quote', () => {
    expect(runs(['The word” appears alone here.'])).toEqual([]); // stray closer
  });
  it('finds the quotes after many paragraphs without marks, and only those', () => {
    // The scan keeps its place between paragraphs: the markless ones must not hide later quotes.
    const plain = Array.from({ length: 500 }, (_, i) => `Paragraph ${i} has (nested [brackets]) only.`);
    expect(runs([...plain, '"First," she said.', ...plain, 'He said: "Second."'])).toEqual([
      ['First,'],
      ['Second.'],
    ]);
  });

  it('ignores marks in text outside every paragraph', () => {
    const text = 'Intro words. "Not a paragraph," he said. "Yes," she said.';
    const outside = text.indexOf('"Yes');
    const quotes = scanQuoteMarks(text, [
      { start: 0, end: 12 },
      { start: outside, end: text.length },
    ]);
    expect(quotes.map((quote) => quote.pieces.map((piece) => text.slice(piece.start, piece.end)))).toEqual([
      ['Yes,'],
    ]);
  });
});
