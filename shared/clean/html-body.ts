import type { ArticleMetadata } from '../types.ts';
import { htmlLibraries } from './html-libraries.ts';
import { readMetadataLine, splitBylineDate } from './metadata-lines.ts';
import { collapseWhitespace } from './paragraphs.ts';

/** The structural part of a DOM node this module reads; linkedom's nodes satisfy it. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
}

interface DomDocument {
  body: DomNode | null;
  title: string;
  querySelectorAll(selector: string): ArrayLike<DomNode & { remove(): void }>;
  querySelector(selector: string): (DomNode & { getAttribute(name: string): string | null }) | null;
}

export interface HtmlBody {
  /** The article's paragraphs in reading order, whitespace collapsed. */
  blocks: string[];
  metadata: ArticleMetadata;
}

const TEXT_NODE = 3;
const END_BLOCK = Symbol('end of block');
const END_LINK = Symbol('end of link');
// Share of a block's characters inside links above which the block is a link, not prose.
const LINK_ONLY_SHARE = 0.9;
// "newsCaption" and "shareBar" name furniture in camelCase; split them into words first.
const CAMEL_CASE_BOUNDARY = /([a-z])([A-Z])/g;
const ELEMENT_NODE = 1;

// Elements whose text is never article prose. Scripts and styles are dropped unread, so
// nothing in them is executed or kept; captions, buttons and form controls are page furniture.
const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'FIGCAPTION',
  'BUTTON',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'INPUT',
  'LABEL',
  'NAV',
  'ASIDE',
  'FOOTER',
]);
// Removed from the page before Readability scores it: they can only add noise.
const NEVER_CONTENT_SELECTOR = 'script, style, noscript, template, svg, canvas, iframe, object, embed';

// Elements that end a line of text: their text never runs into the next element's words.
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'BR',
  'CENTER',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

// Class or id words of page furniture that Readability sometimes keeps inside the article:
// share bars, captions and credits, teaser boxes, newsletter and ad slots.
const FURNITURE_CLASS =
  /(?:^|[\s_-])(?:share|sharing|social|caption|credit|related|newsletter|promo|advert|ad-slot|sponsor|subscribe|signup|teaser|byline|dateline|timestamp|breadcrumbs?)(?:$|[\s_-])/i;

// Readability returns the byline as printed: "By Ann Lee".
const BYLINE_PREFIX = /^by:?\s+/i;
// A page is wrapped into a document when it is only a fragment, so that body and head exist.
const HAS_HTML_ELEMENT = /<html[\s>]/i;

/**
 * The article body of a web page as paragraph blocks, with title, byline, date and URL.
 * Readability (Mozilla's reader view) picks the main content; this walk then keeps block
 * structure and drops captions, share bars and teasers that Readability leaves in.
 * Falls back to the whole page's text when Readability finds no article.
 *
 * @example
 * extractHtmlBody('<title>T</title><article><p>Hello there.</p></article>').blocks // ['Hello there.']
 */
export function extractHtmlBody(html: string): HtmlBody {
  const wrapped = HAS_HTML_ELEMENT.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`;
  const { document } = htmlLibraries().parseHTML(wrapped) as unknown as { document: DomDocument };
  for (const node of Array.from(document.querySelectorAll(NEVER_CONTENT_SELECTOR))) node.remove();
  unwrapEmbeddedPosts(document);
  const metadata = readHeadMetadata(document);
  const fallbackTitle = collapseWhitespace(document.title ?? '');
  const article = isTooLargeForReadability(document.body) ? null : parseWithReadability(document);
  if (article?.title) metadata.title = collapseWhitespace(article.title);
  else if (fallbackTitle) metadata.title = fallbackTitle;
  if (article?.byline) applyByline(metadata, article.byline);
  if (article?.publishedTime && !metadata.publishedAt) metadata.publishedAt = article.publishedTime;
  const content = article?.content ?? null;
  const blocks = content ? blocksOf(content) : [];
  if (blocks.length > 0) return { blocks, metadata };
  return { blocks: document.body ? blocksOf(document.body) : [], metadata };
}

interface ReadabilityArticle {
  title: string | null | undefined;
  byline: string | null | undefined;
  publishedTime: string | null | undefined;
  content: DomNode | null | undefined;
}

function parseWithReadability(document: DomDocument): ReadabilityArticle | null {
  try {
    const { Readability } = htmlLibraries();
    const reader = new Readability<DomNode>(document as never, {
      keepClasses: true,
      serializer: (node) => node as unknown as DomNode,
    });
    return reader.parse();
  } catch {
    // Readability throws on documents without a usable body; the fallback walk still reads them.
    return null;
  }
}

// Readability scores every node against its ancestors, which grows much faster than the page
// when markup nests deeply. News pages nest 30-80 levels; far deeper markup is broken or hostile.
const MAX_READABILITY_DEPTH = 150;
// A heavy news page has a few thousand elements; beyond this Readability's repeated passes
// cost seconds per megabyte. (Its own maxElemsToParse counts getElementsByTagName('*'),
// which linkedom answers with 0, so the count is taken here.)
const MAX_READABILITY_ELEMENTS = 30_000;

/** Markup too deep or too large for Readability in bounded time: the linear walk reads it. */
function isTooLargeForReadability(body: DomNode | null): boolean {
  if (!body) return false;
  const stack: Array<{ node: DomNode; depth: number }> = [{ node: body, depth: 0 }];
  let elements = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    elements += 1;
    if (item.depth > MAX_READABILITY_DEPTH || elements > MAX_READABILITY_ELEMENTS) return true;
    const children = item.node.childNodes;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index];
      if (child?.nodeType === ELEMENT_NODE) stack.push({ node: child, depth: item.depth + 1 });
    }
  }
  return false;
}

// Readability's byline is whatever the page marked as author: sometimes names and a date,
// sometimes only "Published Nov 18, 2019".
function applyByline(metadata: ArticleMetadata, printed: string): void {
  const text = collapseWhitespace(printed).replace(BYLINE_PREFIX, '');
  const line = readMetadataLine(text);
  if (line?.field === 'publishedAt') {
    metadata.publishedAt ??= line.value;
    return;
  }
  const { byline, date } = splitBylineDate(text);
  if (byline) metadata.byline = byline;
  if (date) metadata.publishedAt ??= date;
}

// Embedded social posts are quoted statements, but their markup (a blockquote of links in a
// "social-embed" wrapper) looks like a share widget to Readability and to FURNITURE_CLASS,
// which drop it. Replaced with a plain paragraph, wrapper included, they survive.
const EMBEDDED_POST_SELECTOR =
  'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed';
const EMBED_WRAPPER_CLASS = /embed/i;

interface MutableElement extends DomNode {
  parentElement: MutableElement | null;
  children: ArrayLike<unknown>;
  ownerDocument: { createElement(tag: string): DomNode & { textContent: string } };
  replaceWith(node: unknown): void;
}

function unwrapEmbeddedPosts(document: DomDocument): void {
  for (const found of Array.from(document.querySelectorAll(EMBEDDED_POST_SELECTOR))) {
    let post = found as unknown as MutableElement;
    const paragraph = post.ownerDocument.createElement('p');
    paragraph.textContent = collapseWhitespace(post.textContent ?? '');
    let parent = post.parentElement;
    while (
      parent &&
      parent.children.length === 1 &&
      EMBED_WRAPPER_CLASS.test(parent.getAttribute?.('class') ?? '')
    ) {
      post = parent;
      parent = post.parentElement;
    }
    post.replaceWith(paragraph);
  }
}

function readHeadMetadata(document: DomDocument): ArticleMetadata {
  const metadata: ArticleMetadata = {};
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url"]')?.getAttribute('content');
  if (url) metadata.url = url.trim();
  const published =
    document.querySelector('meta[property="article:published_time"]')?.getAttribute('content') ??
    document.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime');
  if (published) metadata.publishedAt = published.trim();
  return metadata;
}

/** Walks a subtree and returns its text as blocks, one per block-level element. */
function blocksOf(root: DomNode): string[] {
  const blocks: string[] = [];
  let line: string[] = [];
  let linkChars = 0;
  let linkDepth = 0;
  const flush = () => {
    const block = collapseWhitespace(line.join(''));
    if (block && !isLinkOnly(block, linkChars)) blocks.push(block);
    line = [];
    linkChars = 0;
  };
  // An explicit stack instead of recursion: deeply nested markup cannot overflow the call stack.
  const stack: Array<DomNode | typeof END_BLOCK | typeof END_LINK> = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    if (item === END_BLOCK) {
      flush();
      continue;
    }
    if (item === END_LINK) {
      linkDepth -= 1;
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      const text = item.textContent ?? '';
      line.push(text);
      if (linkDepth > 0) linkChars += text.trim().length;
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE || isFurniture(item)) continue;
    const tag = item.nodeName.toUpperCase();
    if (BLOCK_TAGS.has(tag)) {
      flush();
      stack.push(END_BLOCK);
    } else if (tag === 'A') {
      linkDepth += 1;
      stack.push(END_LINK);
    }
    const children = item.childNodes;
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child) stack.push(child);
    }
  }
  flush();
  return blocks;
}

// A paragraph that is one link and nothing else is a teaser for another story ("READ MORE
// OF THIS", a headline in capitals), not prose: prose links a few words inside a sentence.
function isLinkOnly(block: string, linkChars: number): boolean {
  return linkChars > 0 && linkChars >= block.length * LINK_ONLY_SHARE;
}

function isFurniture(element: DomNode): boolean {
  if (SKIPPED_TAGS.has(element.nodeName.toUpperCase())) return true;
  const label = `${element.getAttribute?.('class') ?? ''} ${element.getAttribute?.('id') ?? ''}`;
  return label.length > 1 && FURNITURE_CLASS.test(label.replace(CAMEL_CASE_BOUNDARY, '$1 $2'));
}
