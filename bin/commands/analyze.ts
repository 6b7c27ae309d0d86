import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeArticle } from '../../shared/analyze-article.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import { QuoteToneError } from '../../shared/errors.ts';
import type { Report } from '../../shared/report-schema.ts';
import { formatToneTable } from '../format-table.ts';

export const summary = 'analyse local article files offline (no S3) and print their tone reports';

export const help = `Usage: quote-tone analyze FILE... [--format table|json] [--out DIR]

Analyses .txt, .md, .html and .json articles on this machine, without S3.

Options:
  --format table|json  table (default): a tone table per article.
                       json: the report (one file) or JSON Lines, one report per line (several).
  --out DIR            also write DIR/<file name without extension>.json per article.
  -h, --help           show this help.

A file that cannot be analysed is reported on stderr with a one-line reason; the other files
are still analysed, and the exit code is 1.

Example:
  npx quote-tone analyze examples/harbour-talks.txt --format json`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'table' }, out: { type: 'string' } },
  });
  if (values.format !== 'table' && values.format !== 'json') {
    throw new Error(`expected --format table or json, but got "${values.format}"`);
  }
  if (positionals.length === 0) throw new Error('expected at least one FILE; see quote-tone analyze --help');
  if (values.out) await mkdir(values.out, { recursive: true });

  const reports: Report[] = [];
  let failed = 0;
  for (const file of positionals) {
    try {
      const report = analyzeArticle({
        id: articleIdFromKey(basename(file)),
        source: { bucket: null, key: file },
        content: await readFile(file),
      });
      reports.push(report);
      if (values.out) {
        const target = join(values.out, `${basename(file, extname(file))}.json`);
        await writeFile(target, `${JSON.stringify(report, null, 2)}\n`);
      }
      if (values.format === 'table') console.log(formatToneTable(report));
    } catch (error) {
      failed += 1;
      console.error(`quote-tone analyze: ${file}: ${describe(error)}`);
    }
  }
  if (values.format === 'json') {
    const [only] = reports;
    if (positionals.length === 1 && only) console.log(JSON.stringify(only, null, 2));
    else for (const report of reports) console.log(JSON.stringify(report));
  }
  return failed ? 1 : 0;
}

function describe(error: unknown): string {
  if (error instanceof QuoteToneError) return `refused (${error.code}): ${error.message}`;
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return 'no such file';
  return error instanceof Error ? error.message : String(error);
}
