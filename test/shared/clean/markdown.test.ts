import { describe, expect, it } from 'vitest';
import { stripMarkdown } from '../../../shared/clean/markdown.ts';

describe('stripMarkdown', () => {
  it('reads title, author and date from front matter', () => {
    const result = stripMarkdown(
      '---\ntitle: "Pier rebuilt"\nauthor: Ann Lee\ndate: 2024-03-03\n---\nBody text.',
    );

    expect(result.metadata).toEqual({ title: 'Pier rebuilt', byline: 'Ann Lee', publishedAt: '2024-03-03' });
    expect(result.blocks).toEqual(['Body text.']);
  });

  it('takes a Setext title and keeps later headings as paragraphs', () => {
    const result = stripMarkdown('Pier rebuilt\n============\n\nIntro.\n\nReaction\n--------\n\nMore.');

    expect(result.metadata.title).toBe('Pier rebuilt');
    expect(result.blocks).toEqual(['Intro.', 'Reaction', 'More.']);
  });

  it('keeps snake_case, arithmetic and quote marks while removing emphasis', () => {
    const result = stripMarkdown('Use *the* snake_case name, 5 * 3, and “__quoted__” words.');

    expect(result.blocks).toEqual(['Use the snake_case name, 5 * 3, and “quoted” words.']);
  });

  it('turns links into their text and drops images and reference definitions', () => {
    const result = stripMarkdown(
      'See ![pier](p.jpg) the [report][1] and <https://x.example>.\n\n[1]: https://r.example',
    );

    expect(result.blocks).toEqual(['See the report and https://x.example.']);
  });

  it('drops an image embedded as a data URI, however long', () => {
    // A 3 KB chart pasted inline left its base64 in the text, which then read as another language.
    const chart = `data:image/png;base64,${'iVBORw0KGgo'.repeat(400)}`;
    const result = stripMarkdown(`The mayor said "this is good news".\n\n![chart](${chart})\n\nMore.`);

    expect(result.blocks).toEqual(['The mayor said "this is good news".', 'More.']);
  });

  it('keeps the text of fenced code without the fences', () => {
    expect(stripMarkdown('```\nsay("hi")\n```').blocks).toEqual(['say("hi")']);
  });

  it('handles closing hashes on a heading', () => {
    expect(stripMarkdown('Intro.\n\n## Reaction ##').blocks).toEqual(['Intro.', 'Reaction']);
  });
});
