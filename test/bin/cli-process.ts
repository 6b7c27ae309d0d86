import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliResult } from '../helpers/run-cli.ts';

// The CLI in a child process that does not block this one, for tests that serve S3 (a local
// pipeline, a fake S3) in the test process itself, or that stop a long-running command.

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'quote-tone.js');

export interface RunningCli {
  child: ChildProcess;
  /** Resolves with stdout so far once it matches `pattern`; rejects if the process ends first. */
  waitForOutput(pattern: RegExp): Promise<string>;
  /** Resolves when the process has ended. */
  ended: Promise<CliResult>;
}

/** Starts `quote-tone ARGS`; `env` entries set to undefined are removed from the environment. */
export function startCli(args: string[], env: Record<string, string | undefined> = {}): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], { env: environment(env) });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (out: string) => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      if (!waiter.pattern.test(stdout)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(stdout);
    }
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    check();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const ended = new Promise<CliResult>((resolve) => {
    child.on('close', (status) => {
      for (const waiter of waiters.splice(0))
        waiter.reject(
          new Error(`quote-tone ended (${status}) before ${waiter.pattern}:\n${stdout}\n${stderr}`),
        );
      resolve({ status, stdout, stderr });
    });
  });
  return {
    child,
    ended,
    waitForOutput: (pattern) =>
      new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve, reject });
        check();
      }),
  };
}

/** Runs `quote-tone ARGS` to the end without blocking this process's event loop. */
export function runCliAsync(
  args: string[],
  options: { input?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  const running = startCli(args, options.env);
  running.child.stdin?.end(options.input ?? '');
  return running.ended;
}

function environment(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
