import { createServer } from 'node:net';
import { DescribedCliError, UsageError } from './cli-errors.ts';

/** @example parsePort('--port', '4769') // 4769 */
export function parsePort(flag: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`expected ${flag} to be a port 0-65535, got "${value}"`);
  return port;
}

/**
 * Fails with the busy-port hint when `port` is taken. The embedded S3 server reports a busy port as
 * an unhandled 'error' event (a crash with a stack trace), not a rejection, so it is checked first.
 */
export async function checkPortFree(host: string, port: number, server: string, flag: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  }).catch((error: unknown) => {
    throw portError(error, port, server, flag);
  });
}

/** A busy port is the usual reason a server does not start: say which, and how to pick another. */
export function portError(error: unknown, port: number, server: string, flag: string): Error {
  if ((error as { code?: unknown }).code !== 'EADDRINUSE')
    return new DescribedCliError(`could not start the ${server}: ${String(error)}`, { cause: error });
  return new DescribedCliError(
    `port ${port} (${server}) is already in use, perhaps by another "npm start"; ` +
      `pick another with ${flag} N, or ${flag} 0 for any free port (npm start -- ${flag} 0)`,
    { cause: error },
  );
}
