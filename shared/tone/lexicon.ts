// Word weights. The main lexicon is AFINN-165 as shipped with `sentiment` (-5..5), overlaid by our
// news and diplomatic lexicon (domain-lexicon.json), which wins where both have a word; its words
// are the ones an explanation shows. Three wider lexicons add coverage as extra model features:
// ML-Senticon and pattern.en as shipped with `natural` (-1..1), and VADER's as shipped with
// `vader-sentiment` (-4..4, read as -1..1).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import domain from './domain-lexicon.json' with { type: 'json' };

// AFINN has words such as "await" that break JSON-as-module loaders; plain require reads it as data.
const require = createRequire(import.meta.url);
const afinn = require('sentiment/languages/en/labels.json') as Record<string, number>;
const senticon = require('natural/lib/natural/sentiment/English/senticon_en.json') as Record<
  string,
  { pol: string }
>;
const pattern = require('natural/lib/natural/sentiment/English/pattern-sentiment-en.json') as Record<
  string,
  { polarity: string }
>;

/** The domain lexicon as curated: word -> weight. */
export const DOMAIN_LEXICON: Readonly<Record<string, number>> = domain;

/** The lexicons in the order `wordWeights` fills them: main first. */
export const LEXICON_NAMES = ['afinn', 'senticon', 'pattern', 'vader'] as const;
// VADER rates words on -4..4; dividing brings it to the other secondary lexicons' -1..1.
const VADER_SCALE = 4;
// ML-Senticon gives mild polarity to everyday words ("in" 0.33, "meet" 0.63 is kept); below this
// it is noise for news (measured on NYT dev: r unchanged, macro-F1 +0.01).
const SENTICON_MIN_POLARITY = 0.45;
// AFINN's (and our domain lexicon's) largest weight: dividing by it gives -1..1.
const AFINN_MAX = 5;

const MAIN: ReadonlyMap<string, number> = new Map([
  ...Object.entries(afinn),
  ...Object.entries(DOMAIN_LEXICON),
]);
// Our curated words win in every lexicon: ML-Senticon, for one, rates "isolated" as positive.
const DOMAIN_SCALED: [string, number][] = Object.entries(DOMAIN_LEXICON).map(([word, weight]) => [
  word,
  weight / AFINN_MAX,
]);
const SECONDARY: readonly ReadonlyMap<string, number>[] = [
  singleWords([
    ...Object.entries(senticon)
      .map(([word, entry]): [string, number] => [word, Number(entry.pol)])
      .filter(([, weight]) => Math.abs(weight) >= SENTICON_MIN_POLARITY),
    ...DOMAIN_SCALED,
  ]),
  singleWords([
    ...Object.entries(pattern).map(([word, entry]): [string, number] => [word, Number(entry.polarity)]),
    ...DOMAIN_SCALED,
  ]),
  singleWords([...readVader(), ...DOMAIN_SCALED]),
];

// Plural and third-person forms a lexicon lacks ("challenges", "tensions") fall back to the stem,
// but only for words long enough that stripping "s" cannot land on another word.
const MIN_PLURAL_LENGTH = 5;
const LETTER_S = 115;

/**
 * The main-lexicon weight of one lower-cased word, 0 when it does not know the word.
 *
 * @example
 * wordWeight('disagreements') // -2
 */
export function wordWeight(word: string): number {
  return lookup(MAIN, word);
}

/** The weight of `word` in the secondary lexicon `index` (0: senticon, 1: pattern, 2: vader). */
export function secondaryWeight(index: number, word: string): number {
  const lexicon = SECONDARY[index];
  return lexicon ? lookup(lexicon, word) : 0;
}

/** How many secondary lexicons there are. */
export const SECONDARY_COUNT = SECONDARY.length;

function lookup(lexicon: ReadonlyMap<string, number>, word: string): number {
  const weight = lexicon.get(word);
  if (weight !== undefined) return weight;
  if (word.length < MIN_PLURAL_LENGTH || word.charCodeAt(word.length - 1) !== LETTER_S) return 0;
  if (word.endsWith('ies')) return lexicon.get(`${word.slice(0, -3)}y`) ?? 0;
  const singular = lexicon.get(word.slice(0, -1));
  if (singular !== undefined) return singular;
  return word.endsWith('es') ? (lexicon.get(word.slice(0, -2)) ?? 0) : 0;
}

/** VADER's lexicon file: word, mean rating, deviation, raw ratings, tab-separated. */
function readVader(): [string, number][] {
  const text = readFileSync(require.resolve('vader-sentiment/vader_lexicon.txt'), 'utf8');
  return text.split('\n').map((line) => {
    const [word = '', rating = ''] = line.split('\t');
    return [word, Number(rating) / VADER_SCALE];
  });
}

/** Single words only; later entries win, and a 0 (our lexicon saying "no sentiment here") removes the word. */
function singleWords(entries: [string, number][]): ReadonlyMap<string, number> {
  const merged = new Map(
    entries.filter(([word, weight]) => word && !word.includes(' ') && Number.isFinite(weight)),
  );
  for (const [word, weight] of merged) if (weight === 0) merged.delete(word);
  return new Map([...merged]);
}
