import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { ARTICLE_SUFFIXES } from '../shared/article-format.ts';

export interface ArticleFile {
  path: string;
  /** The object key under `articles/`: the file name, or its path inside a given folder. */
  name: string;
}

/**
 * The article files named on the command line, folders walked recursively.
 * Files with other suffixes inside folders are skipped (and counted); named files are kept as given.
 *
 * @example
 * await articleFiles(['examples']) // [{ path: 'examples/harbour-talks.txt', name: 'harbour-talks.txt' }, ...]
 */
export async function articleFiles(targets: string[]): Promise<{ files: ArticleFile[]; skipped: string[] }> {
  const files: ArticleFile[] = [];
  const skipped: string[] = [];
  for (const target of targets) {
    const info = await stat(target);
    if (!info.isDirectory()) {
      files.push({ path: target, name: basename(target) });
      continue;
    }
    for (const entry of await readdir(target, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const name = relative(target, path).split(sep).join('/');
      if (ARTICLE_SUFFIXES.some((suffix) => entry.name.toLowerCase().endsWith(suffix)))
        files.push({ path, name });
      else skipped.push(path);
    }
  }
  return { files: files.sort((a, b) => a.name.localeCompare(b.name)), skipped };
}
