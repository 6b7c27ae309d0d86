// Unicode clean-up shared by every format, applied before paragraphs are split so that spans
// point into one canonical text.

// Spaces that look like a space but break word matching: no-break, figure, narrow no-break,
// the typographic widths U+2000-U+200A, medium mathematical and ideographic space, and tab.
const SPACE_VARIANTS = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Invisible characters that split words without showing: zero-width space/joiners, word
// joiner, soft hyphen, byte-order mark in mid-text.
const INVISIBLES = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// C0/C1 control characters other than the newline; a scrape leaks them from binary fields.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Line and paragraph separators written by some editors instead of "\n".
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
// A surrogate half without its partner cannot be encoded as UTF-8 in a report; U+FFFD keeps
// the text's length and position information honest.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Rare quotation-mark look-alikes mapped to the marks quote extraction knows. Curly stays curly
// and straight stays straight: the extractor handles both and the writer's choice is kept.
const QUOTE_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['\u201f', '\u201c'], // ‟ double high-reversed-9 opens like “
  ['\u301d', '\u201c'], // 〝 reversed double prime quotation mark opens
  ['\u301e', '\u201d'], // 〞 double prime quotation mark closes
  ['\u301f', '\u201d'], // 〟 low double prime quotation mark closes
  ['\u2033', '"'], // ″ double prime typed for a straight double quote
  ['\uff02', '"'], // ＂ fullwidth quotation mark
  ['\u201b', '\u2018'], // ‛ single high-reversed-9 opens like ‘
  ['\u2032', "'"], // ′ prime typed for a straight apostrophe
  ['\uff07', "'"], // ＇ fullwidth apostrophe
]);
const QUOTE_VARIANT_PATTERN = new RegExp(`[${[...QUOTE_VARIANTS.keys()].join('')}]`, 'g');

/**
 * Canonical text for cleaning: NFC, "\n" line ends, plain spaces, no invisible or control
 * characters, no lone surrogates, and quotation-mark look-alikes mapped to standard marks.
 *
 * @example
 * normaliseText('\u201fHi,\u201d\u00a0she said.\r\n') // '“Hi,” she said.\n'
 */
export function normaliseText(text: string): string {
  // NFC comes last: removing an invisible character can bring a base letter and its
  // combining mark together, and only composing afterwards leaves the text in NFC.
  // The space variants go by split + join, not replace: the same result, but V8's replace gets
  // slow and garbage-heavy when a match comes every few characters (tab-separated scrapes).
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(LINE_BREAKS, '\n')
    .split(SPACE_VARIANTS)
    .join(' ')
    .replace(INVISIBLES, '')
    .replace(CONTROLS, '')
    .replace(QUOTE_VARIANT_PATTERN, (mark) => QUOTE_VARIANTS.get(mark) ?? mark)
    .normalize('NFC');
}
