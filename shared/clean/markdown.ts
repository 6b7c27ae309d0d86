import type { ArticleMetadata } from '../types.ts';
import { collapseWhitespace } from './paragraphs.ts';

// Marks in these patterns are escapes (\u2018 ‘, \u2019 ’, \u201C “, \u201D ”): the Lambda bundle
// stays ASCII (test/infra/bundle.test.ts says why).

export interface MarkdownBody {
  blocks: string[];
  metadata: ArticleMetadata;
}

// Every pattern below works on one line and bounds its inner runs, so a hostile line of a
// million brackets or asterisks costs linear time.
const ATX_HEADING = /^ {0,3}(#{1,6})(?:\s(.*))?$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HORIZONTAL_RULE = /^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const LIST_MARKER = /^\s{0,12}(?:[-*+]|\d{1,9}[.)])\s+/;
const BLOCKQUOTE_MARKER = /^(?:\s{0,3}>\s?)+/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^[\]]{1,200}\]:\s+\S/;
const FRONT_MATTER_FIELD = /^(title|author|date|published|publishedAt|source|url):(.*)$/i;
// Link text stops at any bracket and a URL at any space or parenthesis, so each attempt ends
// at the next candidate and a line of brackets costs linear time. An embedded image's data URI
// ("data:image/png;base64,...") is as long as the image: it has no length limit.
const LINK_TARGET = String.raw`\(\s{0,3}(?:data:[^\s()]*|[^\s()]{0,2000})(?:\s{1,3}"[^"\n]{0,300}")?\s{0,3}\)`;
const IMAGE = new RegExp(String.raw`!\[[^[\]\n]{0,500}\]` + LINK_TARGET, 'g');
const INLINE_LINK = new RegExp(String.raw`\[([^[\]\n]{0,500})\]` + LINK_TARGET, 'g');
const REFERENCE_LINK = /\[([^[\]\n]{1,500})\]\[[^[\]\n]{0,200}\]/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]{1,2000})>/g;
const HTML_TAG = /<\/?[a-z][a-z0-9-]{0,20}(?:\s[^<>]{0,500})?\/?>/gi;
const CODE_SPAN = /`{1,3}([^`\n]{0,2000})`{1,3}/g;
// Emphasis markers are deleted where they touch a word from outside ("**bold**", "_it_"),
// which keeps snake_case and "5 * 3" intact without matching pairs.
const EMPHASIS_OPEN = /(^|[\s([{"\u201C\u2018'])(?:\*{1,3}|_{1,3}|~~)(?=\S)/g;
const EMPHASIS_CLOSE = /(?<=\S)(?:\*{1,3}|_{1,3}|~~)(?=$|[\s)\]}.,;:!?"\u201D\u2019'])/g;
const BACKSLASH_ESCAPE = /\\([\\`*_{}[\]()#+\-.!>])/g;

/**
 * Plain paragraphs from a Markdown article: headings, emphasis, links, lists, quotes and
 * code markers removed, their words kept. A leading `# heading` (or front-matter title)
 * becomes the title; front-matter author and date become metadata.
 *
 * @example
 * stripMarkdown('# Talks\n\nThe **talks** [began](https://x.y).').blocks // ['The talks began.']
 */
export function stripMarkdown(markdown: string): MarkdownBody {
  const metadata: ArticleMetadata = {};
  const lines = readFrontMatter(markdown.split('\n'), metadata);
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let inFence = false;
  const flush = () => {
    const block = collapseWhitespace(paragraph.join(' '));
    if (block) blocks.push(block);
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (FENCE.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      // Code is kept as written, one block per fence, so nothing said in it is lost.
      paragraph.push(line);
      continue;
    }
    if (line.trim() === '' || HORIZONTAL_RULE.test(line) || REFERENCE_DEFINITION.test(line)) {
      flush();
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    const next = lines[index + 1] ?? '';
    if (heading || (paragraph.length === 0 && line.trim() && SETEXT_UNDERLINE.test(next) && next.trim())) {
      flush();
      const text = stripInline(heading ? withoutClosingHashes(heading[2] ?? '') : line);
      if (!heading) index += 1;
      const isTitle = blocks.length === 0 && !metadata.title && (heading ? heading[1] === '#' : true);
      if (isTitle) metadata.title = text;
      else if (text) blocks.push(text);
      continue;
    }
    const withoutQuote = line.replace(BLOCKQUOTE_MARKER, '');
    if (LIST_MARKER.test(withoutQuote)) {
      // Every list item is its own paragraph, even without blank lines between items.
      flush();
      paragraph.push(stripInline(withoutQuote.replace(LIST_MARKER, '')));
      continue;
    }
    paragraph.push(stripInline(withoutQuote));
  }
  flush();
  return { blocks, metadata };
}

function readFrontMatter(lines: string[], metadata: ArticleMetadata): string[] {
  if (lines[0]?.trim() !== '---') return lines;
  const end = lines.indexOf('---', 1);
  if (end < 0) return lines;
  for (const line of lines.slice(1, end)) {
    const field = FRONT_MATTER_FIELD.exec(line);
    const value = unquote(field?.[2] ?? '');
    if (!field?.[1] || !value) continue;
    const name = field[1].toLowerCase();
    if (name === 'title') metadata.title = value;
    else if (name === 'author') metadata.byline = value;
    else if (name === 'source') metadata.sourceLine = value;
    else if (name === 'url') metadata.url = value;
    else metadata.publishedAt = value;
  }
  return lines.slice(end + 1);
}

// "## Title ##": the closing hashes are decoration. A loop, not a regex, so a line of
// spaces cannot make the search quadratic.
function withoutClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '#') end -= 1;
  const closed = end < trimmed.length && (end === 0 || trimmed[end - 1] === ' ');
  return (closed ? trimmed.slice(0, end) : trimmed).trim();
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const first = trimmed[0];
  if ((first === '"' || first === "'") && trimmed.endsWith(first) && trimmed.length > 1)
    return trimmed.slice(1, -1);
  return trimmed;
}

function stripInline(line: string): string {
  return line
    .replace(CODE_SPAN, '$1')
    .replace(IMAGE, '')
    .replace(INLINE_LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(HTML_TAG, '')
    .replace(EMPHASIS_OPEN, '$1')
    .replace(EMPHASIS_CLOSE, '')
    .replace(BACKSLASH_ESCAPE, '$1');
}
