import { extractHtmlBody } from './clean/html-body.ts';
import { readJsonArticle } from './clean/json-article.ts';
import { stripMarkdown } from './clean/markdown.ts';
import {
  isBareBy,
  looksLikeNames,
  type MetadataField,
  readMetadataLine,
  setOnce,
  splitBylineDate,
  splitDateline,
} from './clean/metadata-lines.ts';
import { isTeaserHeadline, matchNoiseLine } from './clean/noise-lines.ts';
import { normaliseText } from './clean/normalise-text.ts';
import { collapseWhitespace, joinParagraphs, splitBlocks } from './clean/paragraphs.ts';
import { EmptyArticleError } from './errors.ts';
import type { ArticleFormat, ArticleMetadata, CleanArticle } from './types.ts';

// Marks in these patterns are escapes (\u2019 ’, \u201D ”, \u2026 …): the Lambda bundle stays ASCII
// (test/infra/bundle.test.ts says why).

// The dateline opens the first paragraph of prose; shorter blocks before it are headers.
const MIN_PROSE_LENGTH = 80;
// A headline is one short line without a sentence's closing punctuation.
const MAX_HEADLINE_LENGTH = 150;
const SENTENCE_END = /[.!?:;\u2026"\u201D\u2019]$/;
// Blank lines in a text file mean it has real paragraphs (and a headline on top, if any).
const HAS_BLANK_LINE = /\n[ \t]*\n/;

interface Blocks {
  blocks: string[];
  metadata: ArticleMetadata;
}

/**
 * Turns raw article text of any supported format into the cleaned body every span points
 * into: page furniture and scrape noise dropped, title, byline, dateline, source line and
 * publication date moved to the metadata, Unicode normalised, paragraphs joined by "\n\n".
 *
 * @example
 * cleanArticle('Rome talks\n\nTalks began.\n\nBy kadmin', 'text').metadata.byline // 'kadmin'
 */
export function cleanArticle(raw: string, format: ArticleFormat): CleanArticle {
  const { blocks, metadata } = readBlocks(raw, format);
  const normalised = blocks.map((block) => collapseWhitespace(normaliseText(block))).filter(Boolean);
  const body = separateMetadata(normalised, metadata, format === 'text' && HAS_BLANK_LINE.test(raw));
  if (body.length === 0) throw new EmptyArticleError();
  return { format, metadata: normaliseMetadata(metadata), ...joinParagraphs(body) };
}

function readBlocks(raw: string, format: ArticleFormat): Blocks {
  switch (format) {
    case 'html':
      return extractHtmlBody(raw);
    case 'markdown':
      return stripMarkdown(normaliseText(raw));
    case 'json': {
      const article = readJsonArticle(raw);
      const inner = article.isHtml ? extractHtmlBody(article.body) : readText(article.body);
      // The JSON fields are the publisher's own metadata; they win over what the body suggests.
      return { blocks: inner.blocks, metadata: { ...inner.metadata, ...article.metadata } };
    }
    case 'text':
      return readText(raw);
  }
}

function readText(raw: string): Blocks {
  return { blocks: splitBlocks(normaliseText(raw)), metadata: {} };
}

function looksLikeHeadline(block: string): boolean {
  return block.length <= MAX_HEADLINE_LENGTH && !SENTENCE_END.test(block) && readMetadataLine(block) === null;
}

/**
 * Drops noise lines and moves metadata lines and the dateline out of the body. With
 * `takeHeadline` (a text file with real paragraphs) a headline-like first block is the title.
 */
function separateMetadata(
  blocks: readonly string[],
  metadata: ArticleMetadata,
  takeHeadline: boolean,
): string[] {
  const body: string[] = [];
  let skippedHeadline = false;
  let inTeaserList = false;
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index] ?? '';
    const noise = matchNoiseLine(block);
    if (noise) {
      inTeaserList = noise.headsTeaserList === true;
      continue;
    }
    // "Related stories" and the like head a run of headline links; the run ends at prose.
    if (inTeaserList && isTeaserHeadline(block)) continue;
    inTeaserList = false;
    const next = blocks[index + 1];
    if (isBareBy(block) && next !== undefined && looksLikeNames(next)) {
      setMetadata(metadata, 'byline', next);
      index += 1;
      continue;
    }
    const line = readMetadataLine(block);
    if (line) {
      setMetadata(metadata, line.field, line.value);
      continue;
    }
    // A page repeats its headline above the body once; the title is already in the metadata.
    if (body.length === 0 && !skippedHeadline && metadata.title && block === metadata.title) {
      skippedHeadline = true;
      continue;
    }
    if (
      body.length === 0 &&
      takeHeadline &&
      !metadata.title &&
      index < blocks.length - 1 &&
      looksLikeHeadline(block)
    ) {
      metadata.title = block;
      skippedHeadline = true;
      continue;
    }
    body.push(block);
  }
  const firstProse = body.findIndex((block) => block.length >= MIN_PROSE_LENGTH);
  const opening = body[firstProse];
  const dateline = opening === undefined ? null : splitDateline(opening);
  if (dateline) {
    setOnce(metadata, 'dateline', dateline.dateline);
    body[firstProse] = dateline.rest;
  }
  return body;
}

function setMetadata(metadata: ArticleMetadata, field: MetadataField, value: string): void {
  if (field !== 'byline') {
    setOnce(metadata, field, value);
    return;
  }
  const { byline, date } = splitBylineDate(value);
  setOnce(metadata, 'byline', byline);
  if (date) setOnce(metadata, 'publishedAt', date);
}

function normaliseMetadata(metadata: ArticleMetadata): ArticleMetadata {
  const result: ArticleMetadata = {};
  for (const [field, value] of Object.entries(metadata) as Array<
    [keyof ArticleMetadata, string | undefined]
  >) {
    const clean = value === undefined ? '' : collapseWhitespace(normaliseText(value));
    if (clean) result[field] = clean;
  }
  return result;
}
