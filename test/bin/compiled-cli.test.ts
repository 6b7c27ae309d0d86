import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// `quote-tone score` starts from a compiled copy of the CLI kept in .local/. A copy of the sources
// in a scratch directory lets the test edit one and check that the next run sees the edit.
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'quote-tone-compiled-'));
for (const dir of ['bin', 'shared', 'functions'])
  cpSync(join(REPO, dir), join(scratch, dir), { recursive: true });
cpSync(join(REPO, 'package.json'), join(scratch, 'package.json'));
symlinkSync(join(REPO, 'node_modules'), join(scratch, 'node_modules'), 'dir');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function quoteTone(args: string[], input?: string) {
  return spawnSync(process.execPath, [join(scratch, 'bin', 'quote-tone.js'), ...args], {
    input,
    encoding: 'utf8',
  });
}

describe('quote-tone score from the compiled CLI', () => {
  it('scores as the TypeScript does, and picks up an edited source on the next run', () => {
    const statements = '{"id":"a","text":"The talks failed."}\nWhat a wonderful, generous offer\n';
    const first = quoteTone(['score'], statements);
    expect(first.status).toBe(0);
    const manifest = readFileSync(join(scratch, '.local', 'compiled-cli', 'inputs.json'), 'utf8');
    expect(Object.keys((JSON.parse(manifest) as { inputs: object }).inputs)).toContain(
      'shared/score-tone.ts',
    );
    const throughTsx = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('./bin/cli.ts').then(async (cli) => { process.exitCode = await cli.main(['score']); })",
      ],
      { cwd: scratch, input: statements, encoding: 'utf8' },
    );
    expect(first.stdout).toBe(throughTsx.stdout);

    const command = join(scratch, 'bin', 'commands', 'score.ts');
    const source = readFileSync(command, 'utf8');
    writeFileSync(command, source.replace('Usage: quote-tone score', 'Usage (edited): quote-tone score'));
    const edited = quoteTone(['score', '--help']);
    expect(edited.stdout).toContain('Usage (edited): quote-tone score');
  }, 60_000);

  it('keeps paths next to the sources: --version reads the package.json beside bin/', () => {
    const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string })
      .version;
    // `score` with --version is not a command; the compiled main reads package.json through its source URL.
    const result = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { loadCompiledMain } = await import(${JSON.stringify(join(scratch, 'bin', 'compiled-cli.js'))}); const main = await loadCompiledMain(); process.exitCode = await main(['--version']);`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stdout.trim()).toBe(version);
  }, 60_000);
});
