// Every distinct speaker name the analyser gives over the 60 raw articles of
// ../shared/eval/corpus, with its type, number of statements and the articles it speaks in, for
// checking by hand that every speaker is a name (no common noun phrase, date, party or team
// label, topic acronym). The list is printed, never stored: the corpus's names stay out of the
// product. Run: node bin/run-ts.js scripts/corpus-speakers.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../shared/analyze-article.ts';
import { articleIdFromKey } from '../shared/article-id.ts';

const CORPUS = fileURLToPath(new URL('../../shared/eval/corpus/', import.meta.url));

interface Seen {
  type: string;
  statements: number;
  articles: Set<string>;
  keys: Set<string>;
}

const speakers = new Map<string, Seen>();
const warned: string[] = [];
let articles = 0;
for (const folder of ['bbc', 'web']) {
  for (const file of readdirSync(join(CORPUS, folder)).sort()) {
    const report = analyzeArticle({
      id: articleIdFromKey(file),
      source: { bucket: null, key: `${folder}/${file}` },
      content: readFileSync(join(CORPUS, folder, file)),
    });
    articles++;
    if (report.warnings?.length) warned.push(`${folder}/${file} (${report.article.language})`);
    for (const quote of report.quotes) {
      const name = quote.speaker.name;
      if (!name || quote.within) continue;
      const seen = speakers.get(name) ?? { type: '', statements: 0, articles: new Set(), keys: new Set() };
      seen.type = quote.speaker.type ?? seen.type;
      seen.statements++;
      seen.articles.add(`${folder}/${file.slice(0, 16)}`);
      if (quote.speaker.key) seen.keys.add(quote.speaker.key);
      speakers.set(name, seen);
    }
  }
}

console.log(`${articles} articles, ${speakers.size} distinct speaker names`);
console.log(`not English (warned, not analysed): ${warned.join(', ') || 'none'}\n`);
for (const [name, seen] of [...speakers].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(
    [name, seen.type, String(seen.statements), [...seen.keys].join(','), [...seen.articles].join(' ')].join(
      '\t',
    ),
  );
}
