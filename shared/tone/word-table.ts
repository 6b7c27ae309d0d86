// What the scorer knows about the 100k most frequent English words beyond the lexicons, distilled
// from GloVe word vectors by `scripts/fit-tone.ts` so no vector ships:
// - polarity: a word's sentiment as predicted from its vector by a ridge regression fitted on the
//   four lexicons' words ("blunder" and "debacle" are negative though no lexicon we load lists them);
// - positive / negative: the word's share of the model's positive and negative logits. The model
//   is linear in the statement's mean (frequency-weighted) word vector, so its weights on that
//   vector fold into one number per word and class: the same model at the cost of a table lookup.
import { brotliCompressSync, brotliDecompressSync, constants, inflateRawSync } from 'node:zlib';
import table from './word-table.json' with { type: 'json' };

/**
 * The JSON that `scripts/fit-tone.ts` writes. The three columns of signed bytes and the words
 * (sorted, each stored as the length of the prefix it shares with the previous word and the rest)
 * travel as one brotli blob: 546 kB of base64 instead of 1.2 MB of plain JSON in every bundle.
 */
export interface WordTableJson {
  /** Identifies this fit; the model weights name the table they were fitted with. */
  id: string;
  /** How many words. */
  count: number;
  /** Each column is signed bytes in units of its step. */
  polarityStep: number;
  logitStep: number;
  /**
   * 'brotli-front-coded': base64 of brotli(polarity bytes, positive bytes, negative bytes, then per
   * word a byte of shared prefix length, a byte of suffix length and the suffix, UTF-8). Absent: the
   * earlier form, deflate-raw with the words space-separated, still read.
   */
  encoding?: 'brotli-front-coded';
  data: string;
}

/** The table before encoding: a row per word, each column as signed bytes. */
export interface WordTableColumns {
  id: string;
  /** Sorted (byte order of their UTF-8, which for the table's words is JavaScript's sort order). */
  words: readonly string[];
  polarityStep: number;
  polarity: Int8Array;
  logitStep: number;
  positive: Int8Array;
  negative: Int8Array;
}

/** The decoded table: a row per word, three columns. */
export interface WordTable {
  id: string;
  count: number;
  /** The row of a lower-cased word, -1 when the table lacks it (a binary search: no map is built). */
  rowOf(word: string): number;
  /** Every word and its row, built on first use (fitting, tests); the scorer uses `rowOf`. */
  readonly rows: ReadonlyMap<string, number>;
  /** Per row: predicted sentiment in -1..1. */
  readonly polarity: Float64Array;
  /** Per row: the word's addition to the positive and to the negative logit, before dividing by length. */
  readonly positive: Float64Array;
  readonly negative: Float64Array;
}

// The smallest output; encoding the shipped table takes a few seconds, only when fitting.
const BROTLI_OPTIONS = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 },
};
const BYTE_MAX = 255;

/** The JSON form of a table; `decodeWordTable` reads it back. */
export function encodeWordTable(columns: WordTableColumns): WordTableJson {
  const count = columns.words.length;
  for (const column of [columns.polarity, columns.positive, columns.negative]) {
    if (column.length !== count)
      throw new Error(`word table ${columns.id}: ${column.length} values for ${count} words`);
  }
  const words: Buffer[] = [];
  let previous = Buffer.alloc(0);
  for (const word of columns.words) {
    const bytes = Buffer.from(word, 'utf8');
    if (words.length > 0 && Buffer.compare(previous, bytes) >= 0)
      throw new Error(`word table ${columns.id}: "${word}" is out of order or repeated; sort the words`);
    let shared = 0;
    while (shared < BYTE_MAX && shared < bytes.length && previous[shared] === bytes[shared]) shared += 1;
    const suffix = bytes.subarray(shared);
    if (suffix.length > BYTE_MAX) throw new Error(`word table ${columns.id}: "${word}" is too long`);
    words.push(Buffer.from([shared, suffix.length]), suffix);
    previous = bytes;
  }
  const bytes = Buffer.concat([
    Buffer.from(columns.polarity.buffer, columns.polarity.byteOffset, count),
    Buffer.from(columns.positive.buffer, columns.positive.byteOffset, count),
    Buffer.from(columns.negative.buffer, columns.negative.byteOffset, count),
    ...words,
  ]);
  return {
    id: columns.id,
    count,
    polarityStep: columns.polarityStep,
    logitStep: columns.logitStep,
    encoding: 'brotli-front-coded',
    data: brotliCompressSync(bytes, BROTLI_OPTIONS).toString('base64'),
  };
}

/**
 * A table read from its JSON form. Nothing is decompressed until a word is looked up or a column
 * read, so importing the scorer costs no decoding; the fitting script builds its tables this way too.
 */
export function decodeWordTable(json: WordTableJson): WordTable {
  return new PackedWordTable(json);
}

/** The columns a table was encoded from, as stored (for re-encoding an older table). */
export function wordTableColumns(json: WordTableJson): WordTableColumns {
  const bytes = decompress(json);
  const { wordBytes, offsets } = wordsOf(json, bytes);
  const text = Buffer.from(wordBytes.buffer, wordBytes.byteOffset, wordBytes.length);
  const words = Array.from({ length: json.count }, (_, row) =>
    text.toString('utf8', offsets[row], offsets[row + 1]),
  );
  const column = (index: number) =>
    Int8Array.from(bytes.subarray(index * json.count, (index + 1) * json.count));
  return {
    id: json.id,
    words,
    polarityStep: json.polarityStep,
    polarity: new Int8Array(column(0).buffer),
    logitStep: json.logitStep,
    positive: new Int8Array(column(1).buffer),
    negative: new Int8Array(column(2).buffer),
  };
}

/** What decoding yields: the words as one byte string with offsets, and the three columns. */
interface Decoded {
  /** Row r's word is wordBytes[offsets[r], offsets[r + 1]). */
  wordBytes: Uint8Array;
  offsets: Uint32Array;
  polarity: Float64Array;
  positive: Float64Array;
  negative: Float64Array;
}

class PackedWordTable implements WordTable {
  readonly id: string;
  readonly count: number;
  #json: WordTableJson;
  #decoded: Decoded | undefined;
  #rows: Map<string, number> | undefined;

  constructor(json: WordTableJson) {
    this.id = json.id;
    this.count = json.count;
    this.#json = json;
  }

  // Each column getter, once decoded, replaces itself with a plain property: the scorer reads the
  // columns for every token, and a getter call each time cost more than the read.
  get polarity(): Float64Array {
    return this.#settle('polarity');
  }

  get positive(): Float64Array {
    return this.#settle('positive');
  }

  get negative(): Float64Array {
    return this.#settle('negative');
  }

  #settle(column: 'polarity' | 'positive' | 'negative'): Float64Array {
    const value = this.#data()[column];
    Object.defineProperty(this, column, { value, enumerable: true });
    return value;
  }

  get rows(): ReadonlyMap<string, number> {
    if (this.#rows === undefined) {
      const { wordBytes, offsets } = this.#data();
      const text = Buffer.from(wordBytes.buffer, wordBytes.byteOffset, wordBytes.length);
      const rows = new Map<string, number>();
      for (let row = 0; row < this.count; row += 1)
        rows.set(text.toString('utf8', offsets[row], offsets[row + 1]), row);
      this.#rows = rows;
    }
    return this.#rows;
  }

  rowOf(word: string): number {
    const { wordBytes, offsets } = this.#data();
    const query = asciiOnly(word) ? word : Buffer.from(word, 'utf8');
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = compareAt(wordBytes, offsets[middle] ?? 0, offsets[middle + 1] ?? 0, query);
      if (order === 0) return middle;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  #data(): Decoded {
    this.#decoded ??= decode(this.#json);
    return this.#decoded;
  }
}

function decompress(json: WordTableJson): Buffer {
  if (json.count === 0) return Buffer.alloc(0);
  const packed = Buffer.from(json.data, 'base64');
  return json.encoding === 'brotli-front-coded' ? brotliDecompressSync(packed) : inflateRawSync(packed);
}

function wordsOf(json: WordTableJson, bytes: Buffer): Pick<Decoded, 'wordBytes' | 'offsets'> {
  const { wordBytes, offsets } =
    json.encoding === 'brotli-front-coded'
      ? frontDecoded(bytes, 3 * json.count, json.count)
      : spaceSeparated(bytes, 3 * json.count, json.count);
  if (offsets.length !== json.count + 1 || (offsets[json.count] ?? 0) > wordBytes.length)
    throw new Error(`word table ${json.id}: ${offsets.length - 1} words for ${json.count} rows`);
  return { wordBytes, offsets };
}

function decode(json: WordTableJson): Decoded {
  const count = json.count;
  const bytes = decompress(json);
  const { wordBytes, offsets } = wordsOf(json, bytes);
  // Float64Array.from without a mapping function is a built-in copy; scaling in place after it
  // gives the same numbers as int * step in one loop, in about half the time at start.
  const column = (index: number, step: number): Float64Array => {
    const values = Float64Array.from(new Int8Array(bytes.buffer, bytes.byteOffset + index * count, count));
    for (let k = 0; k < count; k += 1) values[k] = (values[k] as number) * step;
    return values;
  };
  return {
    wordBytes,
    offsets,
    polarity: column(0, json.polarityStep),
    positive: column(1, json.logitStep),
    negative: column(2, json.logitStep),
  };
}

// Front-coded words back to one byte string: each word copies its prefix from the previous one.
// Plain byte loops: a typed-array call per word (copyWithin, subarray, set) took 3x as long here.
function frontDecoded(
  bytes: Uint8Array,
  from: number,
  count: number,
): Pick<Decoded, 'wordBytes' | 'offsets'> {
  let length = 0;
  let at = from;
  let row = 0;
  for (; row < count && at + 1 < bytes.length; row += 1) {
    const suffix = bytes[at + 1] as number;
    length += (bytes[at] as number) + suffix;
    at += 2 + suffix;
  }
  const rows = row;
  const wordBytes = new Uint8Array(length);
  const offsets = new Uint32Array(rows + 1);
  at = from;
  let end = 0;
  let previous = 0;
  for (row = 0; row < rows; row += 1) {
    const shared = bytes[at] as number;
    const suffix = bytes[at + 1] as number;
    offsets[row] = end;
    for (let k = 0; k < shared; k += 1) wordBytes[end + k] = wordBytes[previous + k] as number;
    const to = end + shared;
    for (let k = 0; k < suffix; k += 1) wordBytes[to + k] = bytes[at + 2 + k] as number;
    previous = end;
    end = to + suffix;
    at += 2 + suffix;
  }
  offsets[rows] = end;
  return { wordBytes, offsets };
}

// The earlier form, words separated by single spaces (read so an older table still loads).
function spaceSeparated(bytes: Buffer, from: number, count: number): Pick<Decoded, 'wordBytes' | 'offsets'> {
  const words = count > 0 ? bytes.toString('utf8', from).split(' ') : [];
  const offsets = new Uint32Array(words.length + 1);
  words.forEach((word, row) => {
    offsets[row + 1] = (offsets[row] ?? 0) + Buffer.byteLength(word, 'utf8');
  });
  return { wordBytes: Buffer.from(words.join(''), 'utf8'), offsets };
}

const ASCII_MAX = 127;

function asciiOnly(word: string): boolean {
  for (let k = 0; k < word.length; k += 1) if (word.charCodeAt(k) > ASCII_MAX) return false;
  return true;
}

/** Byte order of the stored word at [start, end) against the query: <0 before it, 0 equal, >0 after. */
function compareAt(bytes: Uint8Array, start: number, end: number, query: string | Uint8Array): number {
  const length = query.length;
  const stored = end - start;
  const shorter = Math.min(stored, length);
  for (let k = 0; k < shorter; k += 1) {
    const other = typeof query === 'string' ? query.charCodeAt(k) : (query[k] ?? 0);
    const difference = (bytes[start + k] ?? 0) - other;
    if (difference !== 0) return difference;
  }
  return stored - length;
}

/** Signed bytes (base64) times the step. */
export function decodeColumn(base64: string, step: number): Float64Array {
  const binary = atob(base64);
  const values = new Float64Array(binary.length);
  // Each byte is two's complement: 200 stands for -56.
  for (let k = 0; k < binary.length; k += 1) values[k] = ((binary.charCodeAt(k) << 24) >> 24) * step;
  return values;
}

/** The shipped table, decoded on first use. */
export const WORD_TABLE: WordTable = decodeWordTable(table as WordTableJson);
