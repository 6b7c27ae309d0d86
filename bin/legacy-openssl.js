// The embedded S3 server (s3rver) encrypts ListObjectsV2 continuation tokens with DES, which
// OpenSSL 3 offers only through its legacy provider: without it, listing a prefix of more than
// 1,000 keys fails with "We encountered an internal error". Node loads that provider only at
// start (--openssl-legacy-provider, on the command line or in NODE_OPTIONS), so a command that
// runs the server in its own process is run again in a child node that has the flag.
import { spawn } from 'node:child_process';
import { createCipheriv } from 'node:crypto';

const FLAG = '--openssl-legacy-provider';
// Set in the child, so a node whose flag loads no DES after all runs the command as it is
// instead of starting itself again and again.
const RERUN_MARK = 'QUOTE_TONE_LEGACY_OPENSSL_RERUN';
// Commands that may run an embedded S3 server in their own process: start always, report and
// reindex when they read the store on disk.
const EMBEDDED_SERVER_COMMANDS = new Set(['start', 'report', 'reindex']);
// Forwarded to the child: what Ctrl-C, `kill` and a closed terminal send.
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * True when `quote-tone COMMAND` should be run again with the flag: it may run the server, DES
 * is missing here, this node accepts the flag, and this is not already the re-run.
 *
 * @example needsLegacyOpenssl('start') // true under `node bin/quote-tone.js start`
 */
export function needsLegacyOpenssl(command) {
  return (
    EMBEDDED_SERVER_COMMANDS.has(command) &&
    !process.env[RERUN_MARK] &&
    process.allowedNodeEnvironmentFlags.has(FLAG) &&
    !hasDes()
  );
}

/**
 * Runs this same command in a child node with the flag; resolves to its exit code. The child
 * shares stdin, stdout and stderr; SIGINT, SIGTERM and SIGHUP sent to this process are passed on,
 * and a child ended by a signal ends this process by the same signal.
 *
 * @example process.exitCode = await rerunWithLegacyOpenssl()
 */
export function rerunWithLegacyOpenssl() {
  const child = spawn(process.execPath, [...process.execArgv, FLAG, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [RERUN_MARK]: '1' },
    // Its own process group on POSIX, so a Ctrl-C reaches it once (passed on from here), not twice
    // (from the terminal and from here): a second SIGINT would cut short its summary.
    detached: process.platform !== 'win32',
  });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      for (const name of FORWARDED_SIGNALS) process.off(name, forward);
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? 1);
    });
  });
}

// Whether this process can make the cipher s3rver uses for its tokens.
function hasDes() {
  try {
    createCipheriv('des', Buffer.alloc(8), Buffer.alloc(8));
    return true;
  } catch {
    return false;
  }
}
