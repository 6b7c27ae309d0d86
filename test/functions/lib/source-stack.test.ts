import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A handler bundled as the stack bundles it (minified ESM, a map beside it without sources) and
// run as Lambda runs it, in a Node without --enable-source-maps; vitest maps stacks itself, so
// the bundle runs in a child process.
const SOURCE_STACK = path.resolve(import.meta.dirname, '../../../functions/lib/source-stack.ts');
const HANDLER = `import { withSourceStack } from ${JSON.stringify(SOURCE_STACK)};
function check(input: string): string {
  if (input.length > 3) return input;
  throw new Error('input too short: ' + input);
}
const frame = (error: Error) => error.stack?.split('\\n').find((line) => line.trim().startsWith('at ')) ?? '';
try {
  check('ab');
} catch (cause) {
  const error = new Error('could not analyse', { cause });
  const before = { error: frame(error), cause: frame(cause as Error) };
  withSourceStack(error);
  console.log(JSON.stringify({ before, after: { error: frame(error), cause: frame(cause as Error) } }));
}
`;

interface Frames {
  error: string;
  cause: string;
}

let directory = '';
let frames: { before: Frames; after: Frames };

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), 'quote-tone-source-stack-'));
  writeFileSync(path.join(directory, 'check-input.ts'), HANDLER);
  const bundle = path.join(directory, 'out', 'index.mjs');
  await build({
    entryPoints: [path.join(directory, 'check-input.ts')],
    outfile: bundle,
    bundle: true,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  frames = JSON.parse(execFileSync(process.execPath, [bundle], { encoding: 'utf8', env: { PATH: '' } }));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('withSourceStack', () => {
  it('names the source file and line where a bundled function threw, and of its cause', () => {
    expect(frames.before.cause).toContain(`${path.join(directory, 'out', 'index.mjs')}:`);
    expect(frames.after.cause).toContain(`${path.join(directory, 'check-input.ts')}:4:`);
    expect(frames.after.error).toContain(`${path.join(directory, 'check-input.ts')}:10:`);
  });
});
