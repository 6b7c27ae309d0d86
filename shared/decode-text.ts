import { InvalidTextError } from './errors.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
/** The encodings a byte-order mark names: what text read a chunk at a time can be in. */
export type MarkedEncoding = Exclude<TextEncodingName, 'windows-1252'>;

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
  const marked = detectBom(content)?.encoding;
  if (marked === 'utf-16le') return { text: withoutBom(utf16le.decode(content)), encoding: marked };
  if (marked === 'utf-16be') return { text: withoutBom(utf16be.decode(content)), encoding: marked };
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

// Byte-order marks: U+FEFF as each encoding writes it. Excel's "Unicode text" export and Notepad
// write UTF-16LE with one; some Windows tools start UTF-8 with one too.
const BYTE_ORDER_MARKS: ReadonlyArray<{ bytes: readonly number[]; encoding: MarkedEncoding }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];
const LONGEST_BOM = Math.max(...BYTE_ORDER_MARKS.map((mark) => mark.bytes.length));

/**
 * The encoding a byte-order mark at the start of the bytes names, and the mark's length.
 *
 * @example
 * detectBom(new Uint8Array([0xff, 0xfe, 0x48, 0x00])) // { encoding: 'utf-16le', length: 2 }
 */
export function detectBom(bytes: Uint8Array): { encoding: MarkedEncoding; length: number } | undefined {
  const mark = BYTE_ORDER_MARKS.find((candidate) =>
    candidate.bytes.every((byte, index) => bytes[index] === byte),
  );
  return mark && { encoding: mark.encoding, length: mark.bytes.length };
}

// Chunks are decoded whole (no `stream` state), so a failure can be located and U+FEFF inside the
// text is kept: the mark at the start is dropped by the decoder below, not by TextDecoder.
const STRICT_CHUNK = {
  'utf-8': new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }),
  'utf-16le': new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }),
  'utf-16be': new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }),
};
// Only to find where strict decoding failed: it writes U+FFFD where the bad bytes were.
const LENIENT_CHUNK = {
  'utf-8': new TextDecoder('utf-8', { ignoreBOM: true }),
  'utf-16le': new TextDecoder('utf-16le', { ignoreBOM: true }),
  'utf-16be': new TextDecoder('utf-16be', { ignoreBOM: true }),
};
const EXPECTED_TEXT: Record<MarkedEncoding, string> = {
  'utf-8': 'UTF-8 text (or UTF-16 with a byte-order mark)',
  'utf-16le': 'UTF-16LE text, as its byte-order mark says',
  'utf-16be': 'UTF-16BE text, as its byte-order mark says',
};
const BAD_BYTES: Record<MarkedEncoding, string> = {
  'utf-8': 'a byte that is no UTF-8 character',
  'utf-16le': 'bytes that are no UTF-16 character (a lone surrogate or a stray byte)',
  'utf-16be': 'bytes that are no UTF-16 character (a lone surrogate or a stray byte)',
};
const REPLACEMENT_CHARACTER = '\ufffd';
const NO_BYTES = new Uint8Array(0);

/**
 * Decodes text that arrives a chunk at a time (a file or a pipe, read piece by piece) and never
 * splits a character between chunks. A byte-order mark at the start picks UTF-8, UTF-16LE or
 * UTF-16BE; without one the bytes are UTF-8, unless the first byte that is not ASCII is no UTF-8
 * character: everything before it was ASCII, which Windows-1252 reads the same, so from there the
 * input is read as Windows-1252 (as `decodeBytes` reads a whole file) and `fellBack` turns true.
 * Once a valid UTF-8 character has been read, bytes that are not UTF-8 throw an InvalidTextError
 * that carries the text decoded before them, and so does NUL (which no text holds) in any encoding.
 *
 * @example
 * const decoder = new TextChunkDecoder();
 * decoder.decode(new Uint8Array([0xff, 0xfe, 0x48, 0x00])) + decoder.end() // 'H'
 */
export class TextChunkDecoder {
  private encoding: TextEncodingName = 'utf-8';
  private judged = false;
  // True until a byte-order mark or a valid UTF-8 character that is not ASCII says "UTF-8".
  private mayFallBack = true;
  // Bytes kept for the next chunk: the first few until the mark can be judged, later the start of
  // a character the chunk ended inside.
  private held: Uint8Array = NO_BYTES;

  /** True once the input turned out to be Windows-1252 (or Latin-1) rather than UTF-8. */
  get fellBack(): boolean {
    return this.encoding === 'windows-1252';
  }

  decode(chunk: Uint8Array): string {
    let bytes = this.held.length ? joinBytes(this.held, chunk) : chunk;
    if (!this.judged) {
      // A pipe can deliver the mark a byte at a time: judge it once it can be whole.
      if (bytes.length < LONGEST_BOM) {
        this.held = bytes.slice();
        return '';
      }
      bytes = this.readBom(bytes);
    }
    this.judgeFirstHighByte(bytes);
    const cut = bytes.length - incompleteTail(bytes, this.encoding);
    this.held = bytes.slice(cut);
    return decodeChunk(bytes.subarray(0, cut), this.encoding);
  }

  /** The text still held; throws if the input ended inside a character. */
  end(): string {
    const bytes = this.judged ? this.held : this.readBom(this.held);
    this.held = NO_BYTES;
    this.judgeFirstHighByte(bytes, true);
    return decodeChunk(bytes, this.encoding);
  }

  private readBom(bytes: Uint8Array): Uint8Array {
    const mark = detectBom(bytes);
    this.encoding = mark?.encoding ?? 'utf-8';
    this.mayFallBack = mark === undefined;
    this.judged = true;
    return bytes.subarray(mark?.length ?? 0);
  }

  // The first byte that is not ASCII decides between UTF-8 and Windows-1252. A UTF-8 character cut
  // off at the end of the bytes is left for the next chunk to judge whole; at the end of the input
  // it is no character.
  private judgeFirstHighByte(bytes: Uint8Array, last = false): void {
    if (!this.mayFallBack) return;
    const first = bytes.findIndex((byte) => byte >= CONTINUATION_START);
    if (first === -1) return;
    const verdict = utf8CharacterAt(bytes, first);
    if (verdict === 'cut' && !last) return;
    this.mayFallBack = false;
    if (verdict !== 'valid') this.encoding = 'windows-1252';
  }
}

function decodeChunk(bytes: Uint8Array, encoding: TextEncodingName): string {
  const text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : decodeStrictly(bytes, encoding);
  // Valid UTF-8 can hold NUL, text never does: it is UTF-16 without a mark, or binary data.
  const nul = text.indexOf('\0');
  if (nul !== -1)
    throw new InvalidTextError(
      'expected text, got NUL bytes (binary data, or UTF-16 without a byte-order mark)',
      text.slice(0, nul),
    );
  return text;
}

function decodeStrictly(bytes: Uint8Array, encoding: MarkedEncoding): string {
  try {
    return STRICT_CHUNK[encoding].decode(bytes);
  } catch (error) {
    // A U+FFFD already in the text would be taken for the bad bytes: text holding one was
    // damaged by an earlier wrong decoding anyway.
    const lenient = LENIENT_CHUNK[encoding].decode(bytes);
    const bad = Math.max(0, lenient.indexOf(REPLACEMENT_CHARACTER));
    const message = `expected ${EXPECTED_TEXT[encoding]}, got ${BAD_BYTES[encoding]}`;
    throw new InvalidTextError(message, lenient.slice(0, bad), { cause: error });
  }
}

// Whether the bytes at `start` (a byte that is not ASCII) are one whole UTF-8 character, not one,
// or one the bytes end inside of.
function utf8CharacterAt(bytes: Uint8Array, start: number): 'valid' | 'invalid' | 'cut' {
  const lead = bytes[start] ?? 0;
  if (lead < LEAD_START) return 'invalid';
  const length = utf8Length(lead);
  if (start + length > bytes.length) {
    const present = bytes.subarray(start + 1);
    return present.every((byte) => byte >= CONTINUATION_START && byte < LEAD_START) ? 'cut' : 'invalid';
  }
  try {
    // The strict decoder also refuses overlong forms, surrogates and leads past U+10FFFF.
    STRICT_CHUNK['utf-8'].decode(bytes.subarray(start, start + length));
    return 'valid';
  } catch {
    return 'invalid';
  }
}

function joinBytes(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}

// How many bytes at the end begin a character that the next chunk completes.
function incompleteTail(bytes: Uint8Array, encoding: TextEncodingName): number {
  // Windows-1252 is a byte per character: nothing to carry.
  if (encoding === 'windows-1252') return 0;
  return encoding === 'utf-8' ? utf8Tail(bytes) : utf16Tail(bytes, encoding === 'utf-16be');
}

// A UTF-8 character is one to four bytes: a lead byte that says how many (0xxxxxxx one,
// 110xxxxx two, 1110xxxx three, 11110xxx four), then that many less one 10xxxxxx bytes.
const UTF8_MAX_BYTES = 4;
const CONTINUATION_START = 0x80;
const LEAD_START = 0xc0;
const THREE_BYTE_LEAD = 0xe0;
const FOUR_BYTE_LEAD = 0xf0;

function utf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back < UTF8_MAX_BYTES && back <= bytes.length; back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if (byte < CONTINUATION_START) return 0;
    if (byte >= LEAD_START) return utf8Length(byte) > back ? back : 0;
    // A continuation byte: its lead byte is further back.
  }
  // Three continuation bytes end a character, or are invalid: the strict decoder judges.
  return 0;
}

function utf8Length(lead: number): number {
  if (lead >= FOUR_BYTE_LEAD) return 4;
  return lead >= THREE_BYTE_LEAD ? 3 : 2;
}

// UTF-16 is two-byte units; a character outside the BMP is a high surrogate unit (0xD800-0xDBFF)
// and the low one after it, so a chunk may end with an odd byte or a pair's first unit.
const UTF16_UNIT = 2;
const HIGH_SURROGATE_FIRST_BYTE = 0xd8;
const HIGH_SURROGATE_LAST_BYTE = 0xdb;

function utf16Tail(bytes: Uint8Array, bigEndian: boolean): number {
  const odd = bytes.length % UTF16_UNIT;
  const lastUnit = bytes.length - odd - UTF16_UNIT;
  if (lastUnit < 0) return odd;
  const highByte = bytes[bigEndian ? lastUnit : lastUnit + 1] ?? 0;
  const pairStart = highByte >= HIGH_SURROGATE_FIRST_BYTE && highByte <= HIGH_SURROGATE_LAST_BYTE;
  return pairStart ? odd + UTF16_UNIT : odd;
}
