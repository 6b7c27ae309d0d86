import type { ArticleMetadata } from '../types.ts';

// Marks in these patterns are escapes (\u2013 –, \u2014 —, \u2019 ’, \uFF1A ：): the Lambda bundle
// stays ASCII (test/infra/bundle.test.ts says why).

// Lines around an article that describe it (byline, source, publication date) and the
// dateline that opens its first paragraph. They go to the metadata, never into the body.

// Metadata lines are short; anything longer is prose.
const MAX_METADATA_LINE_LENGTH = 120;
// "By Ann Lee, Bo Ray and Cy Dee of Reuters": enough words for three names and an outlet.
const MAX_BYLINE_WORDS = 14;

const BYLINE = /^(?:(?:written|posted|reported|story|words|text|reporting) )?by\s*:?\s+(\S.*)$/i;
// Small words that may sit between capitalised names in a byline.
const NAME_JOINERS: ReadonlySet<string> = new Set([
  'and',
  '&',
  'de',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'da',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'al',
  'y',
  'of',
  'the',
  'in',
  '|',
  '-',
  '—',
]);
const CAPITALISED = /^[\p{Lu}@]/u;
// "By kadmin": a single lowercase user handle, as blog engines print for the poster.
const HANDLE = /^[\p{Ll}\d_.-]{2,30}$/u;
const DIGITS = /^[\d:,.]+$/;

const SOURCE_LINE = /^(?:sources?|via|credit|courtesy(?: of)?)\s*[:\uFF1A]\s*(\S.{0,100})$/i;

const DATE_LABEL =
  /^\|?\s*(?:(?:(?:first|last) )?(?:published|updated|posted|modified)(?: on| at)?|date)\s*[:-]?\s*/i;
const MONTHS_AND_DAYS: ReadonlySet<string> = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ' +
    // "Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM": the labels between two dates.
    'published updated posted modified last'
  ).split(' '),
);
const MONTH_NAME =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const NUMERIC_DATE = /\d{4}-\d{2}-\d{2}|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/;
const DATE_TOKENS: readonly RegExp[] = [
  /^\d{1,4}(?:st|nd|rd|th)?\.?$/i, // day or year
  /^\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ap]\.?m\.?)?$/i, // time
  /^\d{4}-\d{2}-\d{2}(?:t[\d:.]{2,12}(?:z|[+-][\d:]{2,5})?)?$/i, // ISO date
  /^\d{1,2}[.-]\d{1,2}[.-]\d{2,4}$/, // 20.11.2019
  /^(?:[ap]\.?m\.?|at|on|[\u2014\u2013-])$/i,
  /^[A-Z]{2,4}$/, // time zone: EST, GMT, UTC
  /^(?:gmt|utc)[+-]\d{1,2}(?::?\d{2})?$/i,
];
const YEAR = /(?:^|\D)(?:19|20)\d{2}(?:\D|$)/;
const DATE_SPLITTER = /[\s,|/()]+/;

// "WASHINGTON (AP) — ", "LONDON, Nov 19 (Reuters) - ", "MOSCOW, May 5. /TASS/. ": a place in
// capitals, an optional date and agency, then a dash (or the agency's closing slash). Every
// run is bounded: the pattern meets megabyte-long first paragraphs.
const DATELINE =
  /^([A-Z][A-Z.'\u2019-]{2,30}(?: [A-Z][A-Z.'\u2019-]{0,30}){0,3}(?:, [\w .]{1,20})?(?: ?\([\w .&-]{1,30}\)| ?\/[\w .&-]{1,15}\/\.?)?)(?: ?[\u2014\u2013]| --?) ?(?=\S)|^([A-Z][A-Z.'\u2019-]{2,30}(?: [A-Z][A-Z.'\u2019-]{0,30}){0,3}(?:, [\w .]{1,20})? ?\/[\w .&-]{1,15}\/\.?) (?=\S)/;

export type MetadataField = 'byline' | 'sourceLine' | 'publishedAt';

/**
 * Recognises a whole line that is article metadata: a byline, a source line or a
 * publication date. Returns the field and its value, or null for any other line.
 *
 * @example
 * readMetadataLine('Source: Kyrgyz National News Agency') // { field: 'sourceLine', value: 'Kyrgyz National News Agency' }
 */
export function readMetadataLine(line: string): { field: MetadataField; value: string } | null {
  if (line.length > MAX_METADATA_LINE_LENGTH) return null;
  const byline = BYLINE.exec(line)?.[1];
  if (byline && looksLikeNames(byline)) return { field: 'byline', value: byline.trim() };
  const source = SOURCE_LINE.exec(line)?.[1];
  if (source) return { field: 'sourceLine', value: source.trim() };
  const date = line.replace(DATE_LABEL, '');
  if (looksLikeDate(date)) return { field: 'publishedAt', value: date.trim() };
  return null;
}

/**
 * Whether a line is a bare "By" whose names follow on the next line, as some templates print.
 *
 * @example
 * isBareBy('By') // true
 */
export function isBareBy(line: string): boolean {
  return /^by:?$/i.test(line);
}

/**
 * Whether text is a list of names (and the odd outlet) as a byline holds, not prose.
 *
 * @example
 * looksLikeNames('Ann Lee and Bo Ray') // true
 */
export function looksLikeNames(text: string): boolean {
  if (text.length > MAX_METADATA_LINE_LENGTH) return false;
  const words = text.trim().split(/\s+/);
  if (words.length > MAX_BYLINE_WORDS) return false;
  const first = words[0];
  if (words.length === 1 && first !== undefined && HANDLE.test(first)) return true;
  let names = 0;
  for (const word of words) {
    const bare = word.replace(/[,;:.]+$/, '');
    if (bare === '') continue;
    if (CAPITALISED.test(bare)) names += 1;
    else if (!NAME_JOINERS.has(bare.toLowerCase()) && !DIGITS.test(bare)) return false;
  }
  return names > 0;
}

function looksLikeDate(text: string): boolean {
  // A year alone ("15:23 2019") is not a date; a month name or a numeric date must be there.
  if (!YEAR.test(text) || !(MONTH_NAME.test(text) || NUMERIC_DATE.test(text))) return false;
  const tokens = text.split(DATE_SPLITTER).filter((token) => token.length > 0);
  if (tokens.length === 0) return false;
  return tokens.every(
    (token) =>
      MONTHS_AND_DAYS.has(token.toLowerCase().replace(/\.$/, '')) ||
      DATE_TOKENS.some((pattern) => pattern.test(token)),
  );
}

/**
 * Splits a dateline ("WASHINGTON (AP) — ") off the start of a paragraph.
 *
 * @example
 * splitDateline('ROME (AP) — Talks began.') // { dateline: 'ROME (AP)', rest: 'Talks began.' }
 */
export function splitDateline(paragraph: string): { dateline: string; rest: string } | null {
  const match = DATELINE.exec(paragraph);
  if (!match) return null;
  const dateline = (match[1] ?? match[2] ?? '').trim();
  const rest = paragraph.slice(match[0].length).trim();
  if (!dateline || !rest) return null;
  return { dateline, rest };
}

/**
 * Splits a trailing publication date off a byline, as templates print them on one line.
 *
 * @example
 * splitBylineDate('Ann Lee March 3, 2024, 9:15 AM') // { byline: 'Ann Lee', date: 'March 3, 2024, 9:15 AM' }
 */
export function splitBylineDate(byline: string): { byline: string; date: string | null } {
  const words = byline.split(' ');
  for (let index = 1; index < words.length; index += 1) {
    const date = words.slice(index).join(' ');
    if (looksLikeDate(date))
      return {
        byline: words
          .slice(0, index)
          .join(' ')
          .replace(/[,;|]+$/, ''),
        date,
      };
  }
  return { byline, date: null };
}

/** Fields already set keep their first value: the header's byline wins over a footer's. */
export function setOnce(metadata: ArticleMetadata, field: MetadataField | 'dateline', value: string): void {
  if (!metadata[field]) metadata[field] = value;
}
