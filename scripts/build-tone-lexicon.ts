// Builds shared/tone/lexicon-table.json: the word weights the tone scorer reads, taken from the
// installed lexicon packages once, here, so the scorer imports one compact table that esbuild
// inlines instead of reading ~2.8 MB of package files at run time.
//
//   node bin/run-ts.js scripts/build-tone-lexicon.ts
//
// Deterministic: same packages in, byte-identical table out (test/shared/tone/lexicon-table.test.ts
// checks the committed table against this). Sources:
// - AFINN-165 as shipped with `sentiment` (-5..5);
// - ML-Senticon as shipped with `natural` (-1..1), only words at or above SENTICON_MIN_POLARITY;
// - pattern.en as shipped with `natural` (-1..1);
// - VADER's lexicon as shipped with `vader-sentiment` (-4..4, divided to -1..1).
// Only single words are kept (the scorer looks tokens up one at a time), and no 0 weights (a word
// absent from a lexicon weighs 0 anyway). Our own domain lexicon is not folded in: the scorer lays
// it over these at import, so curating it needs no rebuild.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TABLE = resolve(REPO, 'shared/tone/lexicon-table.json');
const require = createRequire(import.meta.url);

// ML-Senticon gives mild polarity to everyday words ("in" 0.33, "meet" 0.63 is kept); below this
// it is noise for news (measured on NYT dev: r unchanged, macro-F1 +0.01).
const SENTICON_MIN_POLARITY = 0.45;
// VADER rates words on -4..4; dividing brings it to the other secondary lexicons' -1..1.
const VADER_SCALE = 4;
// Decimals kept: exact for AFINN, ML-Senticon and pattern.en, and for VADER's 0.1 steps divided by 4.
const DECIMALS = 3;

/**
 * The table: per lexicon, weight -> the words with that weight, space-separated and sorted. Grouping
 * by weight stores each word once and each weight once per lexicon (about 150 kB in all). The
 * lexicons sit under one key: tsx turns top-level JSON keys into named exports.
 */
export interface LexiconTable {
  lexicons: {
    afinn: Record<string, string>;
    senticon: Record<string, string>;
    pattern: Record<string, string>;
    vader: Record<string, string>;
  };
}

/**
 * The table built from the installed packages.
 *
 * @example
 * buildLexiconTable().lexicons.afinn['-2']?.split(' ').includes('abandon') // true
 */
export function buildLexiconTable(): LexiconTable {
  const afinn = require('sentiment/languages/en/labels.json') as Record<string, number>;
  const senticon = require('natural/lib/natural/sentiment/English/senticon_en.json') as Record<
    string,
    { pol: string }
  >;
  const pattern = require('natural/lib/natural/sentiment/English/pattern-sentiment-en.json') as Record<
    string,
    { polarity: string }
  >;
  const vader = readFileSync(require.resolve('vader-sentiment/vader_lexicon.txt'), 'utf8')
    .split('\n')
    .map((line): [string, number] => {
      const [word = '', rating = ''] = line.split('\t');
      return [word, Number(rating) / VADER_SCALE];
    });
  return {
    lexicons: {
      afinn: grouped(Object.entries(afinn)),
      senticon: grouped(
        Object.entries(senticon)
          .map(([word, entry]): [string, number] => [word, Number(entry.pol)])
          .filter(([, weight]) => Math.abs(weight) >= SENTICON_MIN_POLARITY),
      ),
      pattern: grouped(
        Object.entries(pattern).map(([word, entry]): [string, number] => [word, Number(entry.polarity)]),
      ),
      vader: grouped(vader),
    },
  };
}

/** Single words with a finite non-zero weight, later entries winning, grouped by weight; both orders sorted. */
function grouped(entries: readonly [string, number][]): Record<string, string> {
  const weights = new Map<string, number>();
  for (const [word, weight] of entries) {
    if (!word || /\s/.test(word) || !Number.isFinite(weight)) continue;
    weights.set(word, round(weight));
  }
  const groups = new Map<number, string[]>();
  for (const [word, weight] of weights) {
    if (weight === 0) continue;
    const words = groups.get(weight) ?? [];
    words.push(word);
    groups.set(weight, words);
  }
  const table: Record<string, string> = {};
  for (const weight of [...groups.keys()].sort((a, b) => a - b)) {
    table[String(weight)] = (groups.get(weight) ?? []).sort(byCodeUnit).join(' ');
  }
  return table;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(value: number): number {
  const factor = 10 ** DECIMALS;
  return Math.round(value * factor) / factor;
}

function main(): void {
  writeFileSync(TABLE, `${JSON.stringify(buildLexiconTable())}\n`);
  // The repo's formatter owns JSON layout; without this `npm run lint` would flag the file.
  execFileSync(
    process.execPath,
    [resolve(REPO, 'node_modules/@biomejs/biome/bin/biome'), 'format', '--write', TABLE],
    { stdio: 'ignore' },
  );
  console.log(`wrote ${TABLE}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
