// What the scorer knows about the 100k most frequent English words beyond the lexicons, distilled
// from GloVe word vectors by `scripts/fit-tone.ts` so no vector ships:
// - polarity: a word's sentiment as predicted from its vector by a ridge regression fitted on the
//   four lexicons' words ("blunder" and "debacle" are negative though no lexicon we load lists them);
// - positive / negative: the word's share of the model's positive and negative logits. The model
//   is linear in the statement's mean (frequency-weighted) word vector, so its weights on that
//   vector fold into one number per word and class: the same model at the cost of a table lookup.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import table from './word-table.json' with { type: 'json' };

/**
 * The JSON that `scripts/fit-tone.ts` writes. The words (sorted, so neighbours share prefixes) and
 * the three columns of signed bytes travel as one raw-deflate blob: 520 kB instead of 1.2 MB of
 * plain JSON in every bundle.
 */
export interface WordTableJson {
  /** Identifies this fit; the model weights name the table they were fitted with. */
  id: string;
  /** How many words. */
  count: number;
  /** Each column is signed bytes in units of its step. */
  polarityStep: number;
  logitStep: number;
  /** base64 of deflate-raw(polarity bytes, positive bytes, negative bytes, words space-separated). */
  data: string;
}

/** The table before encoding: a row per word, each column as signed bytes. */
export interface WordTableColumns {
  id: string;
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
  rows: ReadonlyMap<string, number>;
  /** Per row: predicted sentiment in -1..1. */
  polarity: Float64Array;
  /** Per row: the word's addition to the positive and to the negative logit, before dividing by length. */
  positive: Float64Array;
  negative: Float64Array;
}

// The compression level the fitting script writes with: the smallest output.
const DEFLATE_LEVEL = 9;

/** The JSON form of a table; `decodeWordTable` reads it back. */
export function encodeWordTable(columns: WordTableColumns): WordTableJson {
  const count = columns.words.length;
  for (const column of [columns.polarity, columns.positive, columns.negative]) {
    if (column.length !== count)
      throw new Error(`word table ${columns.id}: ${column.length} values for ${count} words`);
  }
  const bytes = Buffer.concat([
    Buffer.from(columns.polarity.buffer, columns.polarity.byteOffset, count),
    Buffer.from(columns.positive.buffer, columns.positive.byteOffset, count),
    Buffer.from(columns.negative.buffer, columns.negative.byteOffset, count),
    Buffer.from(columns.words.join(' '), 'utf8'),
  ]);
  return {
    id: columns.id,
    count,
    polarityStep: columns.polarityStep,
    logitStep: columns.logitStep,
    data: deflateRawSync(bytes, { level: DEFLATE_LEVEL }).toString('base64'),
  };
}

/** Decodes the JSON form; the fitting script builds its own tables with the same shape. */
export function decodeWordTable(json: WordTableJson): WordTable {
  const bytes = json.count > 0 ? inflateRawSync(Buffer.from(json.data, 'base64')) : Buffer.alloc(0);
  const count = json.count;
  const words = count > 0 ? bytes.toString('utf8', 3 * count).split(' ') : [];
  if (words.length !== count)
    throw new Error(`word table ${json.id}: ${words.length} words for ${count} rows`);
  const rows = new Map<string, number>();
  words.forEach((word, row) => {
    rows.set(word, row);
  });
  // A plain loop: Float64Array.from with a mapping function took 7 ms per column here.
  const column = (index: number, step: number): Float64Array => {
    const stored = new Int8Array(bytes.buffer, bytes.byteOffset + index * count, count);
    const values = new Float64Array(count);
    for (let k = 0; k < count; k += 1) values[k] = (stored[k] ?? 0) * step;
    return values;
  };
  return {
    id: json.id,
    rows,
    polarity: column(0, json.polarityStep),
    positive: column(1, json.logitStep),
    negative: column(2, json.logitStep),
  };
}

/** Signed bytes (base64) times the step. */
export function decodeColumn(base64: string, step: number): Float64Array {
  const binary = atob(base64);
  const values = new Float64Array(binary.length);
  // Each byte is two's complement: 200 stands for -56.
  for (let k = 0; k < binary.length; k += 1) values[k] = ((binary.charCodeAt(k) << 24) >> 24) * step;
  return values;
}

/** The shipped table. */
export const WORD_TABLE: WordTable = decodeWordTable(table);
