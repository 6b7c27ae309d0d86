// What the scorer knows about the 100k most frequent English words beyond the lexicons, distilled
// from GloVe word vectors by `scripts/fit-tone.ts` so no vector ships:
// - polarity: a word's sentiment as predicted from its vector by a ridge regression fitted on the
//   four lexicons' words ("fiasco" and "reckless" are negative though no lexicon we load lists them);
// - positive / negative: the word's share of the model's positive and negative logits. The model
//   is linear in the statement's mean (frequency-weighted) word vector, so its weights on that
//   vector fold into one number per word and class: the same model at the cost of a table lookup.
import table from './word-table.json' with { type: 'json' };

/** The JSON that `scripts/fit-tone.ts` writes. */
export interface WordTableJson {
  /** Identifies this fit; the model weights name the table they were fitted with. */
  id: string;
  /** The words, space-separated, most frequent first. */
  words: string;
  /** Each column is signed bytes (base64) in units of its step. */
  polarityStep: number;
  polarity: string;
  logitStep: number;
  positive: string;
  negative: string;
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

/** Decodes the JSON form; the fitting script builds its own tables with the same shape. */
export function decodeWordTable(json: WordTableJson): WordTable {
  const words = json.words ? json.words.split(' ') : [];
  const rows = new Map<string, number>();
  words.forEach((word, row) => {
    rows.set(word, row);
  });
  const table: WordTable = {
    id: json.id,
    rows,
    polarity: decodeColumn(json.polarity, json.polarityStep),
    positive: decodeColumn(json.positive, json.logitStep),
    negative: decodeColumn(json.negative, json.logitStep),
  };
  for (const column of [table.polarity, table.positive, table.negative]) {
    if (column.length !== words.length) {
      throw new Error(`word table ${json.id}: ${column.length} values for ${words.length} words`);
    }
  }
  return table;
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
export const WORD_TABLE: WordTable = decodeWordTable(table as WordTableJson);
