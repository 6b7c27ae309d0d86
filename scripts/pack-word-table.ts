// Rewrites shared/tone/word-table.json in the shipped form (brotli, front-coded words) without
// refitting: the same words and bytes, so the table keeps its id and the weights still match it.
// `npm run fit-tone` writes this form itself; this is for a table written by an older fit.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeWordTable, type WordTableJson, wordTableColumns } from '../shared/tone/word-table.ts';

const TABLE = resolve(dirname(fileURLToPath(import.meta.url)), '../shared/tone/word-table.json');

const before = readFileSync(TABLE, 'utf8');
const packed = encodeWordTable(wordTableColumns(JSON.parse(before) as WordTableJson));
const after = `${JSON.stringify(packed)}\n`;
writeFileSync(TABLE, after);
console.log(
  `wrote ${TABLE}: ${packed.count} words, ${(before.length / 1000).toFixed(0)} kB -> ${(after.length / 1000).toFixed(0)} kB`,
);
