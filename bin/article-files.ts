import { readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ARTICLE_SUFFIXES } from '../shared/article-format.ts';

export interface ArticleFile {
  path: string;
  /** The object key under `articles/`: the file name, or its path inside a given folder. */
  name: string;
}

export interface ArticleFiles {
  files: ArticleFile[];
  /** Files inside folders with other suffixes. */
  skipped: string[];
  /** Named paths that do not exist, so each can be reported while the others go ahead. */
  missing: string[];
}

export interface ArticleFilesOptions {
  /**
   * A folder not to walk into when it lies inside a folder given (analyze's --out), so a run does
   * not read the reports an earlier run wrote there. Given itself, or holding a folder given, it
   * is walked as asked.
   */
  skipFolder?: string;
}

/**
 * The article files named on the command line, folders walked recursively.
 * Files with other suffixes inside folders are skipped (and listed); named files are kept as given.
 *
 * @example
 * await articleFiles(['examples']) // { files: [{ path: 'examples/harbour-talks.txt', name: 'harbour-talks.txt' }, ...], ... }
 */
export async function articleFiles(
  targets: string[],
  options: ArticleFilesOptions = {},
): Promise<ArticleFiles> {
  const files: ArticleFile[] = [];
  const skipped: string[] = [];
  const missing: string[] = [];
  for (const target of targets) {
    const info = await stat(target).catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') return null;
      throw error;
    });
    if (!info) {
      missing.push(target);
      continue;
    }
    if (!info.isDirectory()) {
      files.push({ path: target, name: basename(target) });
      continue;
    }
    const inFolder: ArticleFile[] = [];
    const skipFolder = folderToSkip(target, options.skipFolder);
    for (const entry of await readdir(target, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      if (skipFolder && isWithin(skipFolder, resolve(path))) continue;
      const name = relative(target, path).split(sep).join('/');
      if (ARTICLE_SUFFIXES.some((suffix) => entry.name.toLowerCase().endsWith(suffix)))
        inFolder.push({ path, name });
      else skipped.push(path);
    }
    // Named files keep the command line's order; a folder's files come in name order.
    files.push(...inFolder.sort((a, b) => a.name.localeCompare(b.name)));
  }
  return { files, skipped, missing };
}

// The folder to leave out of walking `target`: only one strictly inside it.
function folderToSkip(target: string, folder: string | undefined): string | undefined {
  if (folder === undefined) return undefined;
  const skip = resolve(folder);
  return isWithin(skip, resolve(target)) ? undefined : skip;
}

// True when `path` is `folder` or lies under it; both absolute.
function isWithin(folder: string, path: string): boolean {
  const inner = relative(folder, path);
  return inner === '' || (inner !== '..' && !inner.startsWith(`..${sep}`) && !isAbsolute(inner));
}

/** Two different input files bound for one destination (a report path, an upload key). */
export interface NameClash {
  first: string;
  second: string;
  destination: string;
}

/**
 * The first two inputs that `destinationOf` sends to the same place, where the second would
 * replace the first: folders given side by side that each hold an a.txt, or a named d2/a.txt
 * beside a folder d1 holding one.
 *
 * @example
 * findNameClash([{ path: 'd1/a.txt', name: 'a.txt' }, { path: 'd2/a.txt', name: 'a.txt' }], (f) => f.name)
 * // { first: 'd1/a.txt', second: 'd2/a.txt', destination: 'a.txt' }
 */
export function findNameClash(
  files: ArticleFile[],
  destinationOf: (file: ArticleFile) => string,
): NameClash | undefined {
  const inputByDestination = new Map<string, string>();
  for (const file of files) {
    const destination = destinationOf(file);
    const earlier = inputByDestination.get(destination);
    // One file named twice (a folder and a file in it) goes to the same place twice: nothing is lost.
    if (earlier !== undefined && resolve(earlier) !== resolve(file.path))
      return { first: earlier, second: file.path, destination };
    inputByDestination.set(destination, file.path);
  }
  return undefined;
}
