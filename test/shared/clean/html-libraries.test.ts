import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A fresh process, so nothing loaded by other tests counts: which packages has Node loaded after
// importing the analyser, after a text article, and after an HTML one?
const ANALYZER = fileURLToPath(new URL('../../../shared/analyze-article.ts', import.meta.url));
const PROBE = `
import { createRequire } from 'node:module';
const { analyzeArticle } = await import(${JSON.stringify(ANALYZER)});
const cache = createRequire(import.meta.url).cache;
const loaded = () => Object.keys(cache).filter((k) => /[\\\\/](linkedom|@mozilla[\\\\/]readability)[\\\\/]/.test(k)).length > 0;
const source = { bucket: null, key: 'a.txt' };
const seen = { imported: loaded() };
analyzeArticle({ id: 'talks-00000001', source, content: '"We will talk again," said Ada Brenner.' });
seen.afterText = loaded();
const html = analyzeArticle({ id: 'talks-00000002', source: { bucket: null, key: 'a.html' },
  content: '<html><body><article><p>"We will talk again," said Ada Brenner.</p></article></body></html>' });
seen.afterHtml = loaded();
seen.htmlQuotes = html.quotes.length;
console.log(JSON.stringify(seen));
`;

describe('the HTML libraries', () => {
  it('load with the first HTML article, not with the analyser or a text article', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], {
      encoding: 'utf8',
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      imported: false,
      afterText: false,
      afterHtml: true,
      htmlQuotes: 1,
    });
  });
});
