import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The English the rules know is data under shared/quotes/lang/en, one list per file, so a
// newcomer extends a rule by adding a word to a file, never by finding a Set in the code.

const ROOT = join(import.meta.dirname, '../../..');
const LANG = join(ROOT, 'shared/quotes/lang/en');
// The quote and speaker code: where inline word lists used to live.
const CODE = [
  ...readdirSync(join(ROOT, 'shared/quotes'))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join('shared/quotes', name)),
  'shared/extract-quotes.ts',
  'shared/attribute-speakers.ts',
];
// Two lists sharing this much of their words are one list copied and edited, not two lists.
const COPY_OVERLAP = 0.8;

function listWords(file: string): string[] {
  const data: unknown = JSON.parse(readFileSync(join(LANG, file), 'utf8'));
  if (Array.isArray(data)) return data.map(String);
  return Object.keys(data as Record<string, unknown>);
}

const lists = new Map(
  readdirSync(LANG)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name, listWords(name)] as const),
);

/** Source text without comments, where examples quote words freely. */
function codeOf(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s\/\/ .*$/gm, '')
    .replace(/\/\*[\s\S]*?\*\//g, '');
}

describe('English word lists', () => {
  it('are all data files, with lowercase entries', () => {
    expect(lists.size).toBeGreaterThan(30);
    for (const [name, words] of lists) {
      expect(words.length, name).toBeGreaterThan(0);
      for (const word of words) expect(word, name).toBe(word.toLowerCase());
    }
  });

  it('hold no word twice within a list', () => {
    for (const [name, words] of lists) {
      const repeated = words.filter((word, i) => words.indexOf(word) !== i);
      expect(repeated, name).toEqual([]);
    }
  });

  it('are not copies of each other', () => {
    const names = [...lists.keys()];
    for (const [i, a] of names.entries()) {
      for (const b of names.slice(i + 1)) {
        const left = new Set(lists.get(a));
        const right = new Set(lists.get(b));
        const shared = [...left].filter((word) => right.has(word)).length;
        const union = new Set([...left, ...right]).size;
        expect(shared / union, `${a} and ${b}`).toBeLessThan(COPY_OVERLAP);
      }
    }
  });

  it('are no longer written inline in the quote and speaker code', () => {
    // A Set, Map or array literal of two or more quoted words is a word list.
    const inline = /(?:new (?:Set|Map)\(\s*\[\s*['"`[])|\[\s*'[^'\n]*'\s*,\s*'[^'\n]*'/;
    for (const path of CODE) {
      const found = inline.exec(codeOf(path));
      expect(found?.[0] ?? null, path).toBeNull();
    }
  });

  it('are each read by the code', () => {
    const code = CODE.map(codeOf).join('\n');
    for (const name of lists.keys()) expect(code, name).toContain(`lang/en/${name}`);
  });
});
