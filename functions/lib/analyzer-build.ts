import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PipelineError } from './pipeline-error.ts';

// The analyser build id stamped into every report and error record. An article whose stored
// result carries the same object version and build is not analysed again, so the id must change
// exactly when analysis could change: it hashes the analysis core (every module and data file
// reachable by import from shared/analyze-article.ts, which includes the tone model) and the
// locked versions of the packages those modules import, and nothing else. A change to the
// dashboard's CSP, the store contract, the CLI, a benchmark or a dev dependency leaves it alone.
// Lambda bundles get it at bundle time (infra/pipeline-function.ts defines
// QUOTE_TONE_ANALYZER_BUILD); the local pipeline computes the same hash from the same files.

const CORE_ENTRY = 'shared/analyze-article.ts';
// 12 hex digits: two builds never share one by chance.
const BUILD_HEX_DIGITS = 12;

// Import and re-export statements at the start of a line (spanning lines), and bare imports;
// anchored so a "from '…'" inside a comment or string is not taken for one.
const IMPORT_SPECIFIER = /^(?:import|export)\s(?:[^;'"]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;

/**
 * The build id of the analyser in `projectRoot` (see the comment above).
 *
 * @example
 * analyzerSourceHash('/work/main') // '3fa4c1d2e0b9'
 */
export function analyzerSourceHash(projectRoot: string): string {
  const { files, packages } = analyzerInputs(projectRoot);
  const hash = createHash('sha256');
  for (const file of files) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(projectRoot, file)))
      .update('\0');
  }
  for (const entry of packages) hash.update(entry).update('\0');
  return hash.digest('hex').slice(0, BUILD_HEX_DIGITS);
}

/**
 * What the build id covers: the core's files (relative to the root) and "name@version" of the
 * packages they load, both sorted.
 *
 * @example
 * analyzerInputs('.').files.includes('shared/tone/model-weights.json') // true
 */
export function analyzerInputs(projectRoot: string): { files: string[]; packages: string[] } {
  const { files, packages } = coreOf(projectRoot);
  return { files: [...files].sort(), packages: lockedVersions(projectRoot, packages) };
}

let computed: string | undefined;

/** This process's build id: the bundle's, or computed once from the sources beside this file. */
export function analyzerBuild(): string {
  const bundled = process.env.QUOTE_TONE_ANALYZER_BUILD;
  if (bundled) return bundled;
  computed ??= analyzerSourceHash(projectRoot());
  return computed;
}

// The checkout this module runs from: found by walking up, because a bundle of it (a benchmark's
// child process, say) lives elsewhere in the tree than functions/lib/.
function projectRoot(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (
      existsSync(path.join(directory, CORE_ENTRY)) &&
      existsSync(path.join(directory, 'package-lock.json'))
    ) {
      return directory;
    }
    if (path.dirname(directory) === directory) {
      throw new MissingAnalyzerSourcesError(start);
    }
  }
}

/** Neither a bundled build id nor the sources to compute one: a bundle built without the define. */
export class MissingAnalyzerSourcesError extends PipelineError {
  override readonly code = 'MISSING_ANALYZER_SOURCES';

  constructor(start: string) {
    super(
      `Expected QUOTE_TONE_ANALYZER_BUILD to be defined or ${CORE_ENTRY} in a directory above ${start}, but found neither.`,
    );
    this.name = 'MissingAnalyzerSourcesError';
  }
}

// The core's files (relative to the root) and the packages they import: a deep import
// ("natural/lib/…/porter_stemmer.js") is one file of its package, so it counts the package alone,
// not its whole dependency tree (natural's brings database clients the analyser never loads).
function coreOf(projectRoot: string): { files: Set<string>; packages: Map<string, 'whole' | 'file'> } {
  const files = new Set<string>();
  const packages = new Map<string, 'whole' | 'file'>();
  const pending = [CORE_ENTRY];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.ts')) continue;
    const source = readFileSync(path.join(projectRoot, file), 'utf8');
    for (const [, specifier = ''] of source.matchAll(IMPORT_SPECIFIER)) {
      if (specifier.startsWith('.')) {
        pending.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
      } else if (!specifier.startsWith('node:')) {
        const parts = specifier.split('/');
        const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
        const deep = parts.length > (specifier.startsWith('@') ? 2 : 1);
        if (packages.get(name) !== 'whole') packages.set(name, deep ? 'file' : 'whole');
      }
    }
  }
  return { files, packages };
}

interface LockedPackage {
  version?: string;
  dependencies?: Record<string, string>;
}

// "name@version" of each imported package, and of every package a wholly imported one depends on.
function lockedVersions(projectRoot: string, imported: Map<string, 'whole' | 'file'>): string[] {
  const lock = JSON.parse(readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, LockedPackage>;
  };
  const locked = lock.packages ?? {};
  const seen = new Map<string, string>();
  const pending: [string, boolean][] = [...imported].map(([name, how]) => [name, how === 'whole']);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [name, whole] = next;
    if (seen.has(name)) continue;
    const entry = locked[`node_modules/${name}`];
    seen.set(name, entry?.version ?? 'missing');
    if (whole)
      for (const dependency of Object.keys(entry?.dependencies ?? {})) pending.push([dependency, true]);
  }
  return [...seen].map(([name, version]) => `${name}@${version}`).sort();
}
