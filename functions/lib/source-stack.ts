import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The functions ship minified with a source map beside each bundle. Node's --enable-source-maps
// would read and parse that map at every cold start (20 to 40 ms of CPU, `npm run bench -- --only
// bundles`), to serve stack traces that are only printed when something fails. So the map is read
// here, once, when the first error is logged, and the error's stack is rewritten to the sources.

// One bundle frame: "at fn (file:///var/task/index.mjs:1:2345)" or "at /var/task/index.mjs:1:2345".
const FRAME_LOCATION = /((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)/;

// Keyed by the frame's file; null when it has no readable map (a source file, node: internals).
const maps = new Map<string, { map: SourceMap; url: URL } | null>();

function mapOf(file: string): { map: SourceMap; url: URL } | null {
  const known = maps.get(file);
  if (known !== undefined) return known;
  let found: { map: SourceMap; url: URL } | null = null;
  try {
    const path = file.startsWith('file:') ? fileURLToPath(file) : file;
    const mapPath = `${path}.map`;
    found = { map: new SourceMap(JSON.parse(readFileSync(mapPath, 'utf8'))), url: pathToFileURL(mapPath) };
  } catch {
    // No map, or one that does not parse: the frame stays as it is.
  }
  maps.set(file, found);
  return found;
}

function mapLine(line: string): string {
  const match = FRAME_LOCATION.exec(line);
  if (!match) return line;
  const [location = '', file = '', lineNumber = '', column = ''] = match;
  const source = mapOf(file);
  if (!source) return line;
  // SourceMap positions are zero-based; stack traces count from one.
  const entry = source.map.findEntry(Number(lineNumber) - 1, Number(column) - 1);
  if (!('originalSource' in entry)) return line;
  const original = fileURLToPath(new URL(entry.originalSource, source.url));
  return line.replace(location, `${original}:${entry.originalLine + 1}:${entry.originalColumn + 1}`);
}

/**
 * Rewrites the error's stack (and its causes') from bundle positions to source files and lines,
 * in place, so the logged error says where it happened. A frame without a map beside its file is
 * left as it is, so this is harmless where Node already maps stacks or nothing is bundled.
 *
 * @example
 * logger.error('failed', { error: withSourceStack(error) }) // location "functions/lib/signed-http-s3.ts:233"
 */
export function withSourceStack<T>(error: T): T {
  if (process.sourceMapsEnabled) return error;
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (typeof current.stack === 'string') current.stack = current.stack.split('\n').map(mapLine).join('\n');
    current = current.cause;
  }
  return error;
}
