import { COURTESY, DEMONYMS, DETERMINERS, ROLE_FAMILIES, ROLE_OF, TITLES } from './lexicon.ts';
import type { Token } from './text-index.ts';

// Marks in these patterns are escapes (\u2019 ’): the Lambda bundle stays ASCII
// (test/infra/bundle.test.ts says why).

// Reading the role and organisation an article gives a person: "Kremlin Spokesman Dmitry
// Peskov" is the Kremlin's spokesman; "Ana Ruiz, an analyst at Nova Bank" is Nova Bank's analyst.

export interface Description {
  /** "Kremlin spokesman", "analyst": role words lowercased, names as written. */
  role: string;
  /** "Kremlin", "Nova Bank": the capitalised owner of the role, when there is one. */
  organisation?: string;
}

// A role and its organisation after a comma: "an analyst at the Nova Bank of Lisbon".
const MAX_AFTER_TOKENS = 8;
const POSSESSIVE = /['\u2019]s?$/;

const isRoleWord = (word: string) => TITLES.has(word) || ROLE_FAMILIES.has(word);

/**
 * The role in the words before a name, tokens [from, nameStart): "Kremlin Spokesman",
 * "his US counterpart". Determiners and possessives drop out; null when only courtesy titles
 * or nothing that names a role remain.
 *
 * @example
 * roleBefore(text, tokenize(text, 0, text.length), 0, 2) // "Kremlin Spokesman Dmitry Peskov" -> Kremlin spokesman
 */
export function roleBefore(
  text: string,
  tokens: readonly Token[],
  from: number,
  nameStart: number,
): Description | null {
  const words = tokens
    .slice(from, nameStart)
    .filter((token) => !DETERMINERS.has(token.lower) && !POSSESSIVE.test(token.lower));
  if (!words.some((token) => isRoleWord(token.lower) && !COURTESY.has(token.lower))) return null;
  const role = words
    .filter((token) => !COURTESY.has(token.lower))
    .map((token) =>
      isRoleWord(token.lower) || !token.capital ? token.lower : text.slice(token.start, token.end),
    )
    .join(' ');
  const owners = words.filter(
    (token) => token.capital && !isRoleWord(token.lower) && !DEMONYMS.has(token.lower),
  );
  const first = owners[0];
  const last = owners.at(-1);
  const organisation = first && last ? text.slice(first.start, last.end) : undefined;
  return organisation ? { role, organisation } : { role };
}

/**
 * The role in an appositive after a name, from token `from` (just past the comma): "an analyst
 * at Nova Bank" -> analyst, Nova Bank. Null when no role word opens it.
 */
export function roleAfter(text: string, tokens: readonly Token[], from: number): Description | null {
  let k = from;
  while (k < tokens.length && DETERMINERS.has(tokens[k]?.lower ?? '')) k++;
  const start = k;
  while (
    k < tokens.length &&
    k - start < MAX_AFTER_TOKENS &&
    !tokens[k]?.capital &&
    !ROLE_OF.has(tokens[k]?.lower ?? '')
  ) {
    if (isRoleWord(tokens[k]?.lower ?? '')) {
      k++;
      break;
    }
    k++;
  }
  const head = tokens[k - 1];
  if (!head || !isRoleWord(head.lower) || k === start) return null;
  const role = tokens
    .slice(start, k)
    .map((token) => token.lower)
    .join(' ');
  if (!ROLE_OF.has(tokens[k]?.lower ?? '')) return { role };
  let name = k + 1;
  while (name < tokens.length && DETERMINERS.has(tokens[name]?.lower ?? '')) name++;
  let end = name;
  while (end < tokens.length && end - name < MAX_AFTER_TOKENS && tokens[end]?.capital) {
    if (end > name && text.slice(tokens[end - 1]?.end ?? 0, tokens[end]?.start ?? 0).trim() !== '') break;
    end++;
  }
  const first = tokens[name];
  const last = tokens[end - 1];
  return first && last && end > name ? { role, organisation: text.slice(first.start, last.end) } : { role };
}
