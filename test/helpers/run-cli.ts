import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'quote-tone.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `quote-tone ARGS` as a user would, in a fresh process (in `cwd`, for relative paths);
 * `input` (text or bytes) is its stdin.
 */
export function runCli(
  args: string[],
  input?: string | Uint8Array,
  options: { cwd?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input,
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
