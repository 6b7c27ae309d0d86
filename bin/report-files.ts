import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../shared/report-schema.ts';
import { type ArticleFile, findNameClash } from './article-files.ts';

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
  const clash = findNameClash(files, (file) => reportPath(out, file));
  return clash && { first: clash.first, second: clash.second, report: clash.destination };
}

/** The fields that mark JSON as a quote-tone report, in any schema version. */
export interface ReportIdentity {
  schemaVersion: unknown;
  article: { id: string; source?: { key?: unknown } };
}

/** A report was not written because a file that is not an earlier copy of it is in its place. */
export class ReportInTheWayError extends Error {
  constructor(path: string, found: ReportIdentity | undefined) {
    const key = found?.article.source?.key;
    const what = found
      ? `holds the report of another article (${typeof key === 'string' ? key : found.article.id})`
      : 'is already there and is not a quote-tone report';
    super(`report not written: ${path} ${what} (left as it is)`);
    this.name = 'ReportInTheWayError';
  }
}

/**
 * Writes a report to `path`, which must be free or hold quote-tone's earlier report of the same
 * article (same article id). Anything else there, an input article above all, is never written
 * over: the report is refused with a ReportInTheWayError instead.
 *
 * @example await writeReport('reports/a.txt.json', report)
 */
export async function writeReport(path: string, report: Report): Promise<void> {
  const text = `${JSON.stringify(report, null, 2)}\n`;
  // 'wx' creates the file only when nothing is there, in one step: checking first and writing after
  // would leave a moment in which a file could appear and be written over unread.
  try {
    await writeFile(path, text, { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
  const found = await readReportIdentity(path);
  if (found?.article.id !== report.article.id) throw new ReportInTheWayError(path, found);
  await writeFile(path, text);
}

/**
 * True for JSON holding a quote-tone report: its schemaVersion and article id give it away.
 *
 * @example isReport({ schemaVersion: 1, article: { id: 'a-1a2b3c4d' } }) // true
 */
export function isReport(value: unknown): value is ReportIdentity {
  if (typeof value !== 'object' || value === null || !('schemaVersion' in value)) return false;
  const article = (value as { article?: unknown }).article;
  return (
    typeof article === 'object' && article !== null && typeof (article as { id?: unknown }).id === 'string'
  );
}

/**
 * The report in `content`, or undefined for anything else (an article, a note, not JSON at all).
 *
 * @example reportIn(Buffer.from('"Hi," she said.')) // undefined
 */
export function reportIn(content: Buffer): ReportIdentity | undefined {
  const text = content.toString('utf8');
  // Cheapest check first: most articles are not JSON objects at all.
  if (!JSON_OBJECT_START.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isReport(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const JSON_OBJECT_START = /^\uFEFF?\s*\{/;

// Whatever cannot be read as a report (a folder, an unreadable or broken file) counts as not one,
// so it is left alone.
async function readReportIdentity(path: string): Promise<ReportIdentity | undefined> {
  const content = await readFile(path).catch(() => undefined);
  return content && reportIn(content);
}
