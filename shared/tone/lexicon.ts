// Word weights. The main lexicon is AFINN-165 as shipped with `sentiment` (-5..5), overlaid by our
// news and diplomatic lexicon (domain-lexicon.json), which wins where both have a word; its words
// are the ones an explanation shows. Three wider lexicons add coverage as extra model features:
// ML-Senticon and pattern.en as shipped with `natural` (-1..1), and VADER's as shipped with
// `vader-sentiment` (read as -1..1). All four come from lexicon-table.json, which
// `scripts/build-tone-lexicon.ts` builds from those packages: a static import that esbuild inlines,
// so nothing is read from node_modules at run time.
import { DIMINISHERS, INTENSIFIERS } from './cues.ts';
import domain from './domain-lexicon.json' with { type: 'json' };
import table from './lexicon-table.json' with { type: 'json' };

/** The domain lexicon as curated: word -> weight. */
export const DOMAIN_LEXICON: Readonly<Record<string, number>> = domain;

/** The lexicons in the order `wordWeights` fills them: main first. */
export const LEXICON_NAMES = ['afinn', 'senticon', 'pattern', 'vader'] as const;
// AFINN's (and our domain lexicon's) largest weight: dividing by it gives -1..1.
const AFINN_MAX = 5;

const MAIN: ReadonlyMap<string, number> = withDomain(table.lexicons.afinn, 1, false);
// Our curated words win in every lexicon: ML-Senticon, for one, rates "isolated" as positive.
const SECONDARY: readonly ReadonlyMap<string, number>[] = [
  withDomain(table.lexicons.senticon, AFINN_MAX, true),
  withDomain(table.lexicons.pattern, AFINN_MAX, true),
  withDomain(table.lexicons.vader, AFINN_MAX, true),
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

/** Every single word any lexicon rates, sorted: what the word table's polarity is fitted on. */
export function lexiconWords(): string[] {
  const words = new Set([...MAIN.keys(), ...SECONDARY.flatMap((lexicon) => [...lexicon.keys()])]);
  return [...words].filter((word) => !word.includes(' ')).sort();
}

function lookup(lexicon: ReadonlyMap<string, number>, word: string): number {
  const weight = lexicon.get(word);
  if (weight !== undefined) return weight;
  const american = americanSpelling(word);
  const spelled = american === undefined ? 0 : lookup(lexicon, american);
  if (spelled !== 0) return spelled;
  // "brilliantly", "disastrously": an adverb weighs as its adjective.
  if (word.length >= MIN_AFFIXED_LENGTH && word.endsWith('ly') && !DEGREE_ADVERBS.has(word)) {
    const adjective = lexicon.get(adjectiveOf(word));
    if (adjective !== undefined) return adjective;
  }
  // "unfriendly", "unhelpful", "unbeaten": the lexicons rate the word without its "un".
  if (word.length >= MIN_AFFIXED_LENGTH && word.startsWith('un')) {
    const base = lexicon.get(word.slice(2));
    if (base !== undefined) return -base;
  }
  if (word.length < MIN_PLURAL_LENGTH || word.charCodeAt(word.length - 1) !== LETTER_S) return 0;
  if (word.endsWith('ies')) return lexicon.get(`${word.slice(0, -3)}y`) ?? 0;
  const singular = lexicon.get(word.slice(0, -1));
  if (singular !== undefined) return singular;
  return word.endsWith('es') ? (lexicon.get(word.slice(0, -2)) ?? 0) : 0;
}

// "un" or "ly" and a word of at least five letters: not "unit", "undo" or "early".
const MIN_AFFIXED_LENGTH = 7;

/**
 * Adverbs of degree and certainty say how much or how sure, not how good: "strongly condemn",
 * "will certainly fail". (The modifiers of cues.ts are read as such before any weight counts.)
 */
const DEGREE_ADVERBS: ReadonlySet<string> = new Set([
  ...INTENSIFIERS.keys(),
  ...DIMINISHERS.keys(),
  'strongly',
  'certainly',
  'clearly',
  'surely',
  'fully',
  'perfectly',
  'largely',
  'widely',
  'vastly',
  'terribly',
  'awfully',
  'obviously',
  'definitely',
  'simply',
  'purely',
  'merely',
  'nearly',
  'mostly',
  'easily',
]);

/** The adjective of an "-ly" adverb: "angrily" -> "angry", "terribly" -> "terrible", "sadly" -> "sad". */
function adjectiveOf(adverb: string): string {
  const stem = adverb.slice(0, -2);
  if (stem.endsWith('i')) return `${stem.slice(0, -1)}y`;
  if (stem.endsWith('ab') || stem.endsWith('ib')) return `${stem}le`;
  return stem;
}

// British spellings ("demoralised", "rumours") the lexicons, written in American English, may lack.
const BRITISH_ISE = /(?<=\w{3})is(e|es|ed|ing|ation|ations)$/;
const BRITISH_OUR = /(?<=\w{2})our(s|ed|ing|able|ably|ite|ites)?$/;
function americanSpelling(word: string): string | undefined {
  if (BRITISH_ISE.test(word)) return word.replace(BRITISH_ISE, 'iz$1');
  if (BRITISH_OUR.test(word)) return word.replace(BRITISH_OUR, 'or$1');
  return undefined;
}

/**
 * One lexicon of the table (weight -> space-separated words) with the domain lexicon laid over it,
 * its weights divided by `scale`. With `singleWords`, only single words, and a 0 (our lexicon
 * saying "no sentiment here") removes the word. One pass into one map with no word-weight pairs
 * in between: this runs at every cold start, and the pairs cost more in garbage collection than
 * the map itself.
 */
function withDomain(
  groups: Readonly<Record<string, string>>,
  scale: number,
  singleWords: boolean,
): Map<string, number> {
  const merged = new Map<string, number>();
  const add = (word: string, weight: number) => {
    if (!singleWords || (word && !word.includes(' ') && Number.isFinite(weight))) merged.set(word, weight);
  };
  for (const [weight, words] of Object.entries(groups)) {
    const value = Number(weight);
    for (const word of words.split(' ')) add(word, value);
  }
  for (const [word, weight] of Object.entries(DOMAIN_LEXICON)) add(word, weight / scale);
  if (singleWords) for (const [word, weight] of merged) if (weight === 0) merged.delete(word);
  return merged;
}
