// The CLI compiled once to plain JavaScript, for commands that are run many times on big inputs
// (`score`): tsx's loader costs about half a second of CPU per start (a worker thread for its
// hooks, then a transform per module), as much as scoring 20k statements. The compiled copy lives
// in .local/ and is rebuilt when any source file it was built from changes (size or mtime), so an
// edit is never run stale. Anything unexpected (no esbuild, a read-only install, a failed build)
// returns undefined and the caller loads the TypeScript through tsx as before.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.local', 'compiled-cli');
const MANIFEST = 'inputs.json';
// Bump when the build options below change, so an older copy is rebuilt.
const BUILD_VERSION = 1;

/**
 * The compiled CLI's `main`, built first when missing or stale; undefined when it cannot be had.
 *
 * @returns {Promise<((argv: string[]) => Promise<number>) | undefined>}
 */
export async function loadCompiledMain() {
  try {
    if (!isFresh()) await build();
    const { main } = await import(pathToFileURL(join(OUT, 'cli.js')).href);
    return main;
  } catch {
    return undefined;
  }
}

function isFresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(OUT, MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  if (manifest.version !== BUILD_VERSION || manifest.node !== process.version) return false;
  for (const [file, [size, mtimeMs]] of Object.entries(manifest.inputs)) {
    const stat = statSync(join(ROOT, file), { throwIfNoEntry: false });
    if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

async function build() {
  const esbuild = await import('esbuild');
  // Built beside the final place and renamed into it, so a concurrent start never reads half a build.
  const scratch = `${OUT}.${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { cli: 'bin/cli.ts' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      outdir: scratch,
      metafile: true,
      logLevel: 'silent',
      plugins: [SOURCE_URLS],
    });
    const inputs = {};
    for (const file of Object.keys(result.metafile.inputs)) {
      const stat = statSync(join(ROOT, file));
      inputs[file] = [stat.size, stat.mtimeMs];
    }
    const manifest = { version: BUILD_VERSION, node: process.version, inputs };
    writeFileSync(join(scratch, MANIFEST), JSON.stringify(manifest));
    rmSync(OUT, { recursive: true, force: true });
    renameSync(scratch, OUT);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Modules find files next to their source (package.json, the dashboard, the repo root) through
// import.meta.url: each keeps its source file's URL, not the bundle's.
const SOURCE_URLS = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};
