import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeArticle } from '../../shared/analyze-article.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import { QuoteToneError } from '../../shared/errors.ts';
import type { Report } from '../../shared/report-schema.ts';
import { type ArticleFile, articleFiles } from '../article-files.ts';
import { UsageError } from '../cli-errors.ts';
import { formatToneTable, tableWidth } from '../format-table.ts';
import { findReportClash, reportIn, reportPath, writeReport } from '../report-files.ts';

export const summary = 'analyse local article files or folders offline (no S3) and print their tone reports';

export const help = `Usage: quote-tone analyze FILE|DIR... [--format table|json] [--out DIR]

Analyses .txt, .md, .html and .json articles on this machine, without S3. Folders are walked
(with their subfolders), as "quote-tone drop" does; other files in them are skipped with a note,
and so are quote-tone reports (an earlier run's output). The --out folder is not walked when it
lies inside a folder given, so running again does not read its reports.

Options:
  --format table|json  table (default): a tone table per article.
                       json: the report (one file) or JSON Lines, one report per line (several).
  --out DIR            also write each article's report to DIR/<file name>.json, extension
                       kept (a.txt -> DIR/a.txt.json, so a.txt and a.md get one each); a file
                       found in a subfolder keeps its subfolder under DIR. Two inputs whose
                       reports would share a name (d1/a.txt and d2/a.txt) are refused before
                       anything is analysed or written. A report replaces only an earlier
                       quote-tone report of the same article: any other file in its place (an
                       input article above all) is left as it is, and that article fails.
  -h, --help           show this help.

A file that cannot be analysed is reported on stderr with a one-line reason; the other files
are still analysed, and the exit code is 1.

Examples:
  npx quote-tone analyze examples/harbour-talks.txt --format json
  npx quote-tone analyze examples --out /tmp/reports`;

export const options = {
  format: { type: 'string', default: 'table' },
  out: { type: 'string' },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  if (values.format !== 'table' && values.format !== 'json')
    throw new UsageError(`expected --format table or json, got "${values.format}"`);
  if (positionals.length === 0) throw new UsageError('expected at least one FILE or DIR');
  // An empty value would otherwise read as "no --out" and the reports the user asked for never appear.
  if (values.out === '') throw new UsageError('expected a folder after --out, got an empty string');

  const { files, skipped, missing } = await articleFiles(positionals, { skipFolder: values.out });
  // A refused --out is the run's one line of output, ahead of any note about the files.
  if (values.out) {
    refuseReportClash(values.out, files);
    await makeOutFolder(values.out);
  }
  for (const path of skipped)
    console.error(`quote-tone analyze: skipped ${path} (not .txt .md .html or .json)`);
  for (const path of missing) console.error(`quote-tone analyze: ${path}: no such file or folder`);

  const reports: Report[] = [];
  let failed = missing.length;
  let earlierReports = 0;
  for (const file of files) {
    try {
      const report = await analyzeFile(file);
      if (!report) {
        earlierReports += 1;
        continue;
      }
      // Shown before it is written, so a report refused at --out is still seen, as with --format json.
      reports.push(report);
      if (values.format === 'table')
        console.log(formatToneTable(report, { width: tableWidth(process.stdout) }));
      if (values.out) await saveReport(values.out, file, report);
    } catch (error) {
      failed += 1;
      console.error(`quote-tone analyze: ${file.path}: ${describe(error)}`);
    }
  }
  if (values.format === 'json') {
    const [only] = reports;
    // One named file gives one JSON document; anything that can hold several gives JSON Lines.
    const single = positionals.length === 1 && files.length === 1 && files[0]?.path === positionals[0];
    if (single && only) console.log(JSON.stringify(only, null, 2));
    else for (const report of reports) console.log(JSON.stringify(report));
  }
  if (files.length === earlierReports && missing.length === 0) {
    console.error('quote-tone analyze: found no article files (.txt .md .html .json)');
    return 1;
  }
  return failed ? 1 : 0;
}

// The file's report, or undefined for a quote-tone report itself: an earlier run's output (--out
// into the folder analysed) is skipped with a note, not failed as an article without a body.
async function analyzeFile(file: ArticleFile): Promise<Report | undefined> {
  const content = await readFile(file.path);
  if (reportIn(content)) {
    console.error(`quote-tone analyze: skipped ${file.path} (a quote-tone report, not an article)`);
    return undefined;
  }
  return analyzeArticle({
    id: articleIdFromKey(file.name),
    source: { bucket: null, key: file.path },
    content,
  });
}

async function saveReport(out: string, file: ArticleFile, report: Report): Promise<void> {
  const target = reportPath(out, file);
  await mkdir(dirname(target), { recursive: true });
  await writeReport(target, report);
}

// Checked before any article is analysed: refusing after some reports were written would leave
// a half-done folder behind.
function refuseReportClash(out: string, files: ArticleFile[]): void {
  const clash = findReportClash(out, files);
  if (clash)
    throw new UsageError(
      `${clash.first} and ${clash.second} would both be reported to ${clash.report}; nothing was written (analyse them into separate --out folders)`,
    );
}

// Made before any article is analysed, so a file in the way stops the run before it prints anything.
async function makeOutFolder(out: string): Promise<void> {
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    // mkdir says EEXIST for a file at the path itself and ENOTDIR for a file on the way to it.
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST') throw new UsageError(`expected a folder for --out, but "${out}" is a file`);
    if (code === 'ENOTDIR')
      throw new UsageError(`expected a folder for --out, but part of "${out}" is a file`);
    throw error;
  }
}

function describe(error: unknown): string {
  if (error instanceof QuoteToneError) return `refused (${error.code}): ${error.message}`;
  if (error instanceof Error && 'code' in error && error.code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
