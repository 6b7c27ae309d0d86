import { joined } from './cues.ts';
import {
  DEMONYMS,
  DETERMINERS,
  GIVEN_NAME_WORDS,
  GROUP_NOUNS,
  NAME_PARTICLES,
  NON_NAME_CAPITALS,
  ORG_NAME_WORDS,
  ORG_NOUNS,
  ORG_PREPOSITIONS,
  ORG_STOP,
  PERSON_NOUNS,
  PLACE_PREPOSITIONS,
  POST_NOMINALS,
  ROLE_COMPOUNDS,
  ROLE_FAMILIES,
  TITLES,
} from './lexicon.ts';
import { type Token, tokenize } from './text-index.ts';

// Marks in these patterns are escapes (\u2019 ’): the Lambda bundle stays ASCII
// (test/infra/bundle.test.ts says why).

// The shape of a name, read from tokens alone: where a capitalised run starts and ends, which
// of its words are titles, roles or post-nominals, and which runs are organisations, acronyms or
// descriptions rather than a person's name. Pure functions: no knowledge of the article.

export const POSSESSIVE = /['\u2019]s?$/;
export const PLURAL_ACRONYM = /^[A-Z]{2,}s$/;
// Words around a name searched for a role noun ("his US counterpart Joe Biden").
export const ROLE_WINDOW = 4;
// "TASS", "BBC": organisations written in capitals.
export const ACRONYM = /^[A-Z]{2,6}$/;
// "the DTI", "the IAAF": three letters or more; two-letter ones are mostly places ("the UK").
export const ORG_ACRONYM = /^[A-Z]{3,6}$/;

// Nationality adjectives ("Kenyan", "Chinese", "British", "Thai"), not nouns that are also given names ("Finn").
const DEMONYM_ADJECTIVE = /(?:an|ese|sh|ch|i)$/;

export interface NameParts {
  titles: string[];
  tokens: Token[];
  /** Where the name proper ends inside the run (post-nominals such as "MP" come after). */
  end: number;
  /** A nationality came before the name ("Kenyan Tergat"): it names a person, not a firm. */
  national: boolean;
}

/** The end of the capitalised run starting before `end`, reading through name particles. */
export function extendRun(text: string, tokens: readonly Token[], end: number): number {
  let next = end;
  for (;;) {
    const token = tokens[next];
    if (!token || !joined(text, tokens, next - 1, next)) return next;
    if (token.capital) {
      next++;
      continue;
    }
    const after = tokens[next + 1];
    if (NAME_PARTICLES.has(token.lower) && after?.capital && joined(text, tokens, next, next + 1)) {
      next += 2;
      continue;
    }
    return next;
  }
}

export function cleanOrgName(name: string): string {
  const words = tokenize(name, 0, name.length);
  let end = 0;
  while (end < words.length && !ORG_STOP.has(words[end]?.lower ?? '')) end++;
  const first = words[0];
  const last = words[end - 1];
  return first && last ? name.slice(first.start, last.end) : name;
}

/**
 * Splits a capitalised run into leading titles/roles and the name proper. `before`: the
 * lowercase word right before the run, if any ("envoy to Ukraine Ann Lee").
 */
export function nameOf(fullRun: readonly Token[], before?: string): NameParts | null {
  let length = fullRun.length;
  while (length > 1 && POST_NOMINALS.has(fullRun[length - 1]?.lower ?? '')) length--;
  const run = fullRun.slice(0, length);
  const words = run.map((token) => token.lower);
  const isTitle = (word: string) => TITLES.has(word) || ROLE_FAMILIES.has(word);
  let k = 0;
  const titles: string[] = [];
  for (; k < words.length; k++) {
    const word = words[k] ?? '';
    // "Will Moy", "June Carter": words that are also given names stay before another name.
    if (GIVEN_NAME_WORDS.has(word) && k + 1 < words.length) break;
    if (!isTitle(word) && !NON_NAME_CAPITALS.has(word)) break;
    if (!NON_NAME_CAPITALS.has(word)) titles.push(word);
  }
  // "Kremlin Spokesman Dmitry Peskov": the name starts after the last title or role.
  for (let j = words.length - 1; j > k; j--) {
    const word = words[j] ?? '';
    if (isTitle(word)) {
      titles.push(word);
      k = j + 1;
      break;
    }
  }
  let tokens = run.slice(k);
  const national = tokens.length > 1 && DEMONYMS.has(tokens[0]?.lower ?? '');
  // "Ethiopian Haile Tesfaye", "Kenyan Tergat": a nationality adjective before a name describes it.
  while (
    tokens.length > 1 &&
    DEMONYMS.has(tokens[0]?.lower ?? '') &&
    DEMONYM_ADJECTIVE.test(tokens[0]?.lower ?? '')
  ) {
    tokens = tokens.slice(1);
  }
  // "the envoy to Ukraine Kurt Vollmer": after a preposition, a three-word run opens on the place.
  if (tokens.length === 3 && PLACE_PREPOSITIONS.has(before ?? '')) tokens = tokens.slice(1);
  if (tokens.length === 0 || tokens.some((token) => ORG_NAME_WORDS.has(token.lower))) return null;
  // A long run is a description and a name ("Norway Ola Lunde"): the last two words name.
  return { titles, tokens: tokens.length > 3 ? tokens.slice(-2) : tokens, end: length, national };
}

/**
 * "the Kremlin spokesman", "the Russian leader", "TASS reported": a single capitalised word that
 * describes someone else, or an acronym, is not a person's name.
 */
export function isModifier(
  text: string,
  tokens: readonly Token[],
  runStart: number,
  end: number,
  name: NameParts,
): boolean {
  if (name.tokens.length !== 1 || name.titles.length > 0) return false;
  const word = tokens[end - 1];
  if (!word) return false;
  if (ACRONYM.test(text.slice(word.start, word.end))) return true;
  const next = tokens[end];
  // "Empire magazine's editor": a capitalised word before a descriptive noun names a thing.
  const nextWord = next?.lower.replace(POSSESSIVE, '') ?? '';
  if (
    next &&
    !next.capital &&
    (ROLE_FAMILIES.has(nextWord) || ORG_NOUNS.has(nextWord) || GROUP_NOUNS.has(nextWord))
  ) {
    return true;
  }
  return DEMONYMS.has(word.lower) && tokens[runStart - 1]?.lower === 'the';
}

/** "the Bank of England": capitals after "of" and a capitalised word end a longer name. */
export function endsOrgName(masked: string, tokens: readonly Token[], runStart: number): boolean {
  const of = tokens[runStart - 1];
  const owner = tokens[runStart - 2];
  return (
    of?.lower === 'of' &&
    !!owner?.capital &&
    joined(masked, tokens, runStart - 2, runStart - 1) &&
    joined(masked, tokens, runStart - 1, runStart)
  );
}

/** "Eva Lind, director of ...": a name followed by a role after a comma is a person. */
export function hasAppositiveRole(masked: string, tokens: readonly Token[], end: number): boolean {
  const last = tokens[end - 1];
  const next = tokens[end];
  if (!last || !next || masked.slice(last.end, next.start).trim() !== ',') return false;
  for (let k = end; k < tokens.length && k - end < ROLE_WINDOW; k++) {
    if (ROLE_FAMILIES.has(tokens[k]?.lower ?? '')) return true;
  }
  return false;
}

/** "union leader Sofia Berg", "founder Pavel Novak": a role noun right before a name. */
export function hasRoleBefore(masked: string, tokens: readonly Token[], runStart: number): boolean {
  const before = tokens[runStart - 1];
  if (!before || before.capital || !joined(masked, tokens, runStart - 1, runStart)) return false;
  return ROLE_FAMILIES.has(before.lower) || TITLES.has(before.lower);
}

export function isPersonName(words: readonly Token[], i: number): boolean {
  const word = words[i];
  return !!word && word.capital && !ORG_NAME_WORDS.has(word.lower) && !TITLES.has(word.lower);
}

/** The name words of a mention, preferring the longest capitalised run ("Tory leader Michael Howard"). */
export function nameIn(mention: string, words: readonly Token[]): string[] | null {
  let best: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!words[i]?.capital) continue;
    const end = extendRun(mention, words, i + 1);
    const parts = nameOf(words.slice(i, end), words[i - 1]?.lower);
    const previous = words[i - 1]?.lower ?? '';
    i = end - 1;
    // "the Bank of England", "an analyst at Nova Bank": a run after these names an organisation.
    if (!parts || ORG_PREPOSITIONS.has(previous)) continue;
    // Ties go to the later run: descriptions come first ("The Liberal Democrat chairman Ann Lee").
    if (parts.tokens.length >= best.length) best = parts.tokens;
  }
  if (best.length === 0) return null;
  const names = best.map((token) => mention.slice(token.start, token.end).replace(POSSESSIVE, ''));
  // A nationality or description alone ("the American", "the Russian leader") is not a name.
  if (
    names.length === 1 &&
    DEMONYMS.has(names[0]?.toLowerCase() ?? '') &&
    words.length > 1 &&
    DETERMINERS.has(words[0]?.lower ?? '')
  ) {
    return null;
  }
  return names;
}

/** "the British royal blankly denied": an adverb after the head noun is not part of the mention. */
export function withoutTrailingAdverb(words: Token[]): Token[] {
  const last = words.at(-1);
  const previous = words.at(-2);
  if (!last || !previous || last.capital || !last.lower.endsWith('ly')) return words;
  const head = previous.lower;
  const isNoun =
    ROLE_FAMILIES.has(head) || PERSON_NOUNS.has(head) || ORG_NOUNS.has(head) || GROUP_NOUNS.has(head);
  return isNoun || previous.capital ? words.slice(0, -1) : words;
}

export function lastWord(name: string): string {
  // A slice, not split: it runs for each candidate of every surname lookup.
  return name.slice(name.lastIndexOf(' ') + 1);
}

/** The role family of a head noun, reading two-word roles first ("prime minister", "press secretary"). */
export function roleFamily(previous: string | undefined, head: string): string | undefined {
  return (previous ? ROLE_COMPOUNDS.get(`${previous} ${head}`) : undefined) ?? ROLE_FAMILIES.get(head);
}

/** "shadow chancellor" is the opposition's: never the same role as "the chancellor". */
export function shadowed(shadow: boolean, family: string | undefined): string | undefined {
  return shadow && family ? `shadow ${family}` : family;
}
