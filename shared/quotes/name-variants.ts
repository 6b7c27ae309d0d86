import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';

// Spelling variants of one surname across an article ("Zelensky" / "Zelenskiy") still name
// the same person; Jaro-Winkler weighs shared prefixes, which is how such variants differ.
const SAME_NAME_SIMILARITY = 0.93;
// Short names differ by one letter from unrelated names ("Hill" / "Hall"): compare exactly.
const MIN_FUZZY_LENGTH = 6;

/**
 * True when two surnames are the same name, allowing transliteration variants.
 *
 * @example
 * sameSurname('Zelensky', 'Zelenskiy') // true
 */
export function sameSurname(a: string, b: string): boolean {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  if (left === right) return true;
  if (left.length < MIN_FUZZY_LENGTH || right.length < MIN_FUZZY_LENGTH) return false;
  return jaroWinkler(left, right) >= SAME_NAME_SIMILARITY;
}
