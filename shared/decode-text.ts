export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as; a string input counts as UTF-8. */
  encoding: TextEncodingName;
}

// `fatal` makes invalid UTF-8 throw instead of turning into U+FFFD, so the fallback can run.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// Windows-1252 is Latin-1 plus printable characters at 0x80-0x9F (curly quotes, dashes, €),
// so one fallback reads both. Node's own 'windows-1252' decoder returns C1 controls there,
// hence this table (WHATWG encoding index; undefined bytes keep their Latin-1 value).
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const HIGH_START = 0x80;
const HIGH_END = 0xa0;
// Decoding in slices keeps String.fromCharCode's argument list short on multi-megabyte files.
const DECODE_CHUNK = 8 * 1024;
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');
const BYTE_ORDER_MARK = '\ufeff';

/**
 * The article's bytes as text and the encoding they were read in: a byte-order mark decides
 * when present, otherwise valid UTF-8 is read as UTF-8 and anything else as Windows-1252
 * (which also reads Latin-1), so a legacy file never becomes mojibake or U+FFFD.
 *
 * @example
 * decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9])) // { text: 'café', encoding: 'windows-1252' }
 */
export function decodeBytes(content: string | Uint8Array): DecodedText {
  if (typeof content === 'string') return { text: withoutBom(content), encoding: 'utf-8' };
  if (content[0] === 0xff && content[1] === 0xfe)
    return { text: withoutBom(utf16le.decode(content)), encoding: 'utf-16le' };
  if (content[0] === 0xfe && content[1] === 0xff)
    return { text: withoutBom(utf16be.decode(content)), encoding: 'utf-16be' };
  try {
    return { text: withoutBom(strictUtf8.decode(content)), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(content), encoding: 'windows-1252' };
  }
}

/**
 * The article's bytes as text (see `decodeBytes` for how the encoding is chosen).
 *
 * @example
 * decodeText(new TextEncoder().encode('café')) // 'café'
 */
export function decodeText(content: string | Uint8Array): string {
  return decodeBytes(content).text;
}

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Array<number>(DECODE_CHUNK);
  for (let offset = 0; offset < bytes.length; offset += DECODE_CHUNK) {
    const end = Math.min(bytes.length, offset + DECODE_CHUNK);
    codes.length = end - offset;
    for (let index = offset; index < end; index += 1) {
      const byte = bytes[index] ?? 0;
      codes[index - offset] =
        byte >= HIGH_START && byte < HIGH_END ? WINDOWS_1252_HIGH.charCodeAt(byte - HIGH_START) : byte;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function withoutBom(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}
