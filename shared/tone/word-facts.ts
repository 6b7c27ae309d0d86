// Everything the scorer needs to know about one lower-cased word, looked up once and cached: its
// lexicon weights, which cue tables list it, and the hash bucket key of its stem. The hot path
// then does one table lookup per token instead of a dozen, straight from the statement's text.
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { changeKinds } from './changes.ts';
import {
  ADVERSARIAL,
  ATTENTION_VERBS,
  CONCESSIVE,
  CONCILIATORY,
  CONFIDENT,
  CONTRAST_AFTER,
  COPULAS,
  DIMINISHERS,
  DOUBTING,
  GOOD_NEWS_WORDS,
  GRAVE,
  HARM_WORDS,
  HEDGES,
  INTENSIFIERS,
  INTERJECTIONS,
  NEGATORS,
  OPEN_QUESTION,
  OUTWEIGHING,
  RELEASES,
  SAFE_OUTCOMES,
  SPOILERS,
  TOPIC_NOUNS,
} from './cues.ts';
import { SECONDARY_COUNT, secondaryWeight, wordWeight } from './lexicon.ts';
import { isNumber, startsPhrase } from './rules.ts';
import { WORD_TABLE } from './word-table.ts';

/** Bits of `WordFacts.kinds`. */
export const NEGATOR_WORD = 1;
export const MODIFIER_WORD = 2;
export const CONTRAST_WORD = 4;
export const CONCESSIVE_WORD = 8;
export const HEDGE_WORD = 16;
export const CONFIDENT_WORD = 32;
export const GRAVE_WORD = 64;
export const CONCILIATORY_WORD = 128;
export const ADVERSARIAL_WORD = 256;
export const INTERJECTION_WORD = 512;
export const COPULA_WORD = 1024;
export const HARM_WORD = 2048;
export const OPEN_QUESTION_WORD = 4096;
/** A number, in digits or in words: it carries no tone of its own. */
export const NUMBER_WORD = 8192;
/** How people came through a danger ("unharmed", "alive"): see SAFE_OUTCOMES. */
export const SAFE_OUTCOME_WORD = 16384;
/** A secondary lexicon rates the word (`secondary` is not all zeros). */
export const SECONDARY_RATED_WORD = 32768;
/** Some multi-word cue starts with the word (rules.ts, phraseAt). Bits 1 << 16 and 1 << 17 are changes.ts's. */
export const PHRASE_START_WORD = 1 << 18;
/** Good news reported flatly ("rescued", "rehired"): see GOOD_NEWS_WORDS. */
export const GOOD_NEWS_WORD = 1 << 19;
/** Spoils the good word after it ("a missed opportunity"): see SPOILERS. */
export const SPOILER_WORD = 1 << 20;
/** A release ("released"): a rescue when the clause names a captive (read-statement.ts). */
export const RELEASE_WORD = 1 << 21;
/** May open a topic ("investigating", "report"): see ATTENTION_VERBS and TOPIC_NOUNS. */
export const TOPIC_WORD = 1 << 22;
/** Takes a stance on a clause or weighs two sides ("doubt", "outweigh"): see DOUBTING and OUTWEIGHING. */
export const STANCE_WORD = 1 << 23;
/** Any of the tone cue bits. */
export const CUE_WORDS = HEDGE_WORD | CONFIDENT_WORD | GRAVE_WORD | CONCILIATORY_WORD | ADVERSARIAL_WORD;

// A word's numbers sit side by side in a block shared with other words, one record per word: a
// number field of an object is a heap object of its own, so a token's lexicon weight, table values
// and secondary weights each missed the CPU cache, where one record is one or two cache lines.
const MAIN = 0;
const MODIFIER = 1;
const POLARITY = 2;
const TABLE_POSITIVE = 3;
const TABLE_NEGATIVE = 4;
/** The secondary weights follow, one per lexicon. */
const SECONDARY = 5;
const RECORD = 8;
// Records per block: a new block when one is full.
const BLOCK_RECORDS = 4096;
let block = new Float64Array(BLOCK_RECORDS * RECORD);
let blockUsed = 0;

/** Everything the scorer needs to know about one lower-cased word. */
export class WordFacts {
  /** The lower-cased word: one string per word, shared by every token of it. */
  readonly word: string;
  /** Bits saying which cue tables list the word. */
  readonly kinds: number;
  /** FNV-1a hash of the word's stem, low 30 bits (numbers all share one), for the hashed model features. */
  readonly hash: number;
  /** The word's row in the shipped word table (word-table.ts), -1 when the table lacks it. */
  readonly row: number;
  private readonly numbers: Float64Array;
  private readonly at: number;

  constructor(word: string, kinds: number, hash: number, row: number, numbers: Float64Array, at: number) {
    this.word = word;
    this.kinds = kinds;
    this.hash = hash;
    this.row = row;
    this.numbers = numbers;
    this.at = at;
  }

  /** Main-lexicon weight (AFINN-165 with the domain lexicon), 0 when unknown. */
  get main(): number {
    return this.numbers[this.at + MAIN] ?? 0;
  }

  /** Intensifier or diminisher factor, 1 for other words. */
  get modifier(): number {
    return this.numbers[this.at + MODIFIER] ?? 1;
  }

  /**
   * The row's polarity and logit shares (0 without a row), copied here: the table's columns are
   * 100k entries long, and reading them per token missed the CPU cache more than the word's facts.
   */
  get polarity(): number {
    return this.numbers[this.at + POLARITY] ?? 0;
  }

  get tablePositive(): number {
    return this.numbers[this.at + TABLE_POSITIVE] ?? 0;
  }

  get tableNegative(): number {
    return this.numbers[this.at + TABLE_NEGATIVE] ?? 0;
  }

  /** The word's weight in secondary lexicon `lexicon` (lexicon.ts order), 0 when it does not rate it. */
  secondaryWeight(lexicon: number): number {
    return this.numbers[this.at + SECONDARY + lexicon] ?? 0;
  }
}

// Words seen so far; cleared when full so a long-running process cannot grow it without bound.
const CACHE_LIMIT = 100_000;
// The cache is an open-addressing table keyed by the word's characters, so a token is looked up
// from the statement's text before any string is cut out of it (a Map would need that string, and
// hashing a fresh string cost more than the rest of the lookup). Slots hold pairs: a word's FNV-1a
// hash, then its index in `cached` plus 1 (0: empty). Kept under half full, so probes stay short.
const FIRST_SLOTS = 1 << 14;
let slots = new Int32Array(2 * FIRST_SLOTS);
let slotMask = FIRST_SLOTS - 1;
let cached: WordFacts[] = [];
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Every number hashes as this one token: amounts say little about tone.
const NUMBER_KEY = 0x2f1c;
// The features use a hash's low bits only; under 2^30 it is a small integer, stored in the facts
// object itself, where a larger one is a separate heap number read on every token.
const SMALL_INTEGER = 0x3fffffff;
/**
 * The facts about one lower-cased word.
 *
 * @example
 * wordFacts('very').modifier // 1.5
 */
export function wordFacts(word: string): WordFacts {
  return wordFactsIn(word, 0, word.length);
}

/**
 * The facts about the lower-cased word `text[start, end)`; the string is cut out only the first
 * time the word is seen.
 *
 * @example
 * wordFactsIn('a very good year', 2, 6).modifier // 1.5
 */
export function wordFactsIn(text: string, start: number, end: number): WordFacts {
  const hash = fnv(text, start, end);
  for (let slot = hash & slotMask; ; slot = (slot + 1) & slotMask) {
    const entry = slots[2 * slot + 1] ?? 0;
    if (entry === 0) break;
    if (slots[2 * slot] !== hash) continue;
    const facts = cached[entry - 1];
    if (facts !== undefined && sameText(facts.word, text, start, end)) return facts;
  }
  if (cached.length >= CACHE_LIMIT) clearCache();
  const facts = describe(text.slice(start, end));
  cached.push(facts);
  if (2 * cached.length > slotMask + 1) growSlots();
  place(slots, slotMask, hash, cached.length);
  return facts;
}

function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k += 1)
    if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

function place(table: Int32Array, mask: number, hash: number, entry: number): void {
  let slot = hash & mask;
  while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
  table[2 * slot] = hash;
  table[2 * slot + 1] = entry;
}

function growSlots(): void {
  const mask = 2 * slotMask + 1;
  const table = new Int32Array(2 * (mask + 1));
  for (let slot = 0; slot <= slotMask; slot += 1) {
    const entry = slots[2 * slot + 1] ?? 0;
    if (entry !== 0) place(table, mask, slots[2 * slot] ?? 0, entry);
  }
  slots = table;
  slotMask = mask;
}

function clearCache(): void {
  slots = new Int32Array(2 * FIRST_SLOTS);
  slotMask = FIRST_SLOTS - 1;
  cached = [];
}

/** FNV-1a over the characters of `text[start, end)`, as a signed 32-bit integer. */
function fnv(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let k = start; k < end; k += 1) hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME);
  return hash;
}

function describe(word: string): WordFacts {
  if (blockUsed === BLOCK_RECORDS) {
    block = new Float64Array(BLOCK_RECORDS * RECORD);
    blockUsed = 0;
  }
  const at = blockUsed * RECORD;
  blockUsed += 1;
  let rated = false;
  for (let lexicon = 0; lexicon < SECONDARY_COUNT; lexicon += 1) {
    const weight = secondaryWeight(lexicon, word);
    block[at + SECONDARY + lexicon] = weight;
    if (weight !== 0) rated = true;
  }
  const intensity = INTENSIFIERS.get(word) ?? DIMINISHERS.get(word);
  let kinds = 0;
  if (NEGATORS.has(word) || word.endsWith("n't")) kinds |= NEGATOR_WORD;
  if (intensity !== undefined) kinds |= MODIFIER_WORD;
  if (CONTRAST_AFTER.has(word)) kinds |= CONTRAST_WORD;
  if (CONCESSIVE.has(word)) kinds |= CONCESSIVE_WORD;
  if (HEDGES.has(word)) kinds |= HEDGE_WORD;
  if (CONFIDENT.has(word)) kinds |= CONFIDENT_WORD;
  if (GRAVE.has(word)) kinds |= GRAVE_WORD;
  if (CONCILIATORY.has(word)) kinds |= CONCILIATORY_WORD;
  if (ADVERSARIAL.has(word)) kinds |= ADVERSARIAL_WORD;
  if (INTERJECTIONS.has(word)) kinds |= INTERJECTION_WORD;
  if (COPULAS.has(word)) kinds |= COPULA_WORD;
  if (HARM_WORDS.has(word)) kinds |= HARM_WORD;
  if (OPEN_QUESTION.has(word)) kinds |= OPEN_QUESTION_WORD;
  if (SAFE_OUTCOMES.has(word)) kinds |= SAFE_OUTCOME_WORD;
  if (GOOD_NEWS_WORDS.has(word)) kinds |= GOOD_NEWS_WORD;
  if (SPOILERS.has(word)) kinds |= SPOILER_WORD;
  if (RELEASES.has(word)) kinds |= RELEASE_WORD;
  if (ATTENTION_VERBS.has(word) || TOPIC_NOUNS.has(word)) kinds |= TOPIC_WORD;
  if (DOUBTING.has(word) || OUTWEIGHING.has(word)) kinds |= STANCE_WORD;
  if (rated) kinds |= SECONDARY_RATED_WORD;
  if (startsPhrase(word)) kinds |= PHRASE_START_WORD;
  kinds |= changeKinds(word);
  const number = isNumber(word);
  const row = WORD_TABLE.rowOf(word);
  if (number) kinds |= NUMBER_WORD;
  block[at + MAIN] = wordWeight(word);
  block[at + MODIFIER] = intensity ?? 1;
  block[at + POLARITY] = row < 0 ? 0 : (WORD_TABLE.polarity[row] ?? 0);
  block[at + TABLE_POSITIVE] = row < 0 ? 0 : (WORD_TABLE.positive[row] ?? 0);
  block[at + TABLE_NEGATIVE] = row < 0 ? 0 : (WORD_TABLE.negative[row] ?? 0);
  const hash = (number ? NUMBER_KEY : stemHash(word)) & SMALL_INTEGER;
  return new WordFacts(word, kinds, hash, row, block, at);
}

// Longer tokens are no English word (a URL, a run of letters) and are hashed as written: the Porter
// stemmer's time grows with the square of a consonant run, seconds for one 20k-letter token.
const LONGEST_STEMMED = 40;

/** "criticized", "criticizes" -> "critic": one bucket learns from every form of a word. */
function stemHash(word: string): number {
  const stem = word.length > LONGEST_STEMMED ? word : porter.stem(word);
  return fnv(stem, 0, stem.length) >>> 0;
}
