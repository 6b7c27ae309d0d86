import { POST_NOMINALS, ROLE_FAMILIES, TITLES } from './lexicon.ts';

// Marks in these patterns are escapes (\u2019 ’): the Lambda bundle stays ASCII
// (test/infra/bundle.test.ts says why).

// One speaker across articles. Inside an article, attribution already resolves "Putin" and
// "the Russian leader" to the full name it introduced; across articles only the name is
// left, and one article says "Vladimir Putin" where another says only "President Putin". A
// person's key is therefore the surname, stripped of titles, roles and case: every form agrees
// on it. An organisation's key is its whole name.

const DIACRITICS = /\p{M}+/gu;
const NOT_NAME_WORD = /[^\p{L}\p{N}-]+/gu;
const EDGE_HYPHENS = /^-+|-+$/g;

/**
 * The canonical key of a speaker, the same for every way articles name them: "putin" for
 * "Putin", "Vladimir Putin", "President Putin" and "Russian President Vladimir Putin";
 * "home-office" for "Home Office". A one-word name gets the same key whatever type it was
 * given ("Nova said" may be read as a firm in one article, a person in another). Two people
 * who share a surname share a key.
 *
 * @example
 * speakerKey('Russian President Vladimir Putin', 'person') // 'putin'
 */
export function speakerKey(name: string, type: 'person' | 'organisation' | 'group' = 'person'): string {
  const words = name
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .toLowerCase()
    .replace(/['\u2019]s?\b/g, '')
    .split(NOT_NAME_WORD)
    .map((word) => word.replace(EDGE_HYPHENS, ''))
    .filter((word) => word !== '');
  // A hyphen joins one name ("Ngo-Anh"): a person's surname keeps it; other keys join words with it.
  if (type !== 'person')
    return words.flatMap((word) => word.split('-').filter((part) => part !== '')).join('-');
  while (words.length > 1 && POST_NOMINALS.has(words.at(-1) ?? '')) words.pop();
  const proper = words.filter((word) => !TITLES.has(word) && !ROLE_FAMILIES.has(word));
  return proper.at(-1) ?? words.at(-1) ?? '';
}
