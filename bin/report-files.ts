import { join, resolve } from 'node:path';
import type { ArticleFile } from './article-files.ts';

// Where `analyze --out` puts reports. The name keeps the article's extension: a.txt and a.md often
// sit side by side (one story in two formats), and dropping the extension gave both one a.json.

/**
 * The report's path for an article: its name inside the folder given, extension kept, plus .json.
 *
 * @example
 * reportPath('reports', { path: 'ws/world/a.md', name: 'world/a.md' }) // 'reports/world/a.md.json'
 */
export function reportPath(out: string, file: ArticleFile): string {
  return join(out, `${file.name}.json`);
}

/** Two input files whose reports would land on one path, so one would be lost. */
export interface ReportClash {
  first: string;
  second: string;
  report: string;
}

/**
 * The first two inputs whose reports would share a path: folders given side by side that each
 * hold an a.txt, or a named d2/a.txt beside a folder d1 holding one.
 *
 * @example
 * findReportClash('out', [{ path: 'd1/a.txt', name: 'a.txt' }, { path: 'd2/a.txt', name: 'a.txt' }])
 * // { first: 'd1/a.txt', second: 'd2/a.txt', report: 'out/a.txt.json' }
 */
export function findReportClash(out: string, files: ArticleFile[]): ReportClash | undefined {
  const inputByReport = new Map<string, string>();
  for (const file of files) {
    const report = reportPath(out, file);
    const earlier = inputByReport.get(report);
    // One file named twice (a folder and a file in it) writes the same report twice: nothing is lost.
    if (earlier !== undefined && resolve(earlier) !== resolve(file.path))
      return { first: earlier, second: file.path, report };
    inputByReport.set(report, file.path);
  }
  return undefined;
}
