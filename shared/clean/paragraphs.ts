import type { Span } from '../types.ts';

export const PARAGRAPH_SEPARATOR = '\n\n';

// A blank line (spaces allowed) separates paragraphs.
const BLANK_LINE = /\n[ \t]*\n/;
// A whitespace run other than a lone plain space: those are already what collapsing makes of
// them, and skipping them spares a replacement per word of ordinary text. A run starting with
// one space is matched from that space, so every run is replaced whole.
const WHITESPACE_RUN = / ?[^\S ]\s*| {2,}\s*/g;

/**
 * Splits plain text into paragraph blocks. A file with blank lines uses them between
 * paragraphs (single newlines are hard wraps); a file without any (a crude page scrape)
 * has one block per line. Whitespace inside a block collapses to single spaces.
 *
 * @example
 * splitBlocks('One\nline.\n\nTwo.') // ['One line.', 'Two.']
 */
export function splitBlocks(text: string): string[] {
  const blocks = BLANK_LINE.test(text) ? text.split(BLANK_LINE) : text.split('\n');
  return blocks.map(collapseWhitespace).filter((block) => block.length > 0);
}

/**
 * One line of text with every whitespace run as a single space, trimmed.
 *
 * @example
 * collapseWhitespace('  a \n b ') // 'a b'
 */
export function collapseWhitespace(text: string): string {
  // split + join rather than replace: the same result (the pattern never matches empty), but
  // V8's replace gets slow and garbage-heavy on text with a run every few characters.
  return text.split(WHITESPACE_RUN).join(' ').trim();
}

/**
 * Joins blocks with the paragraph separator and records each block's span in the result.
 *
 * @example
 * joinParagraphs(['A.', 'B.']) // { text: 'A.\n\nB.', paragraphs: [{start:0,end:2},{start:4,end:6}] }
 */
export function joinParagraphs(blocks: readonly string[]): { text: string; paragraphs: Span[] } {
  const paragraphs: Span[] = [];
  let offset = 0;
  for (const block of blocks) {
    paragraphs.push({ start: offset, end: offset + block.length });
    offset += block.length + PARAGRAPH_SEPARATOR.length;
  }
  return { text: blocks.join(PARAGRAPH_SEPARATOR), paragraphs };
}
