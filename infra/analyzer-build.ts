import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// 12 hex digits, like the run-time fingerprint it replaces in bundles.
const BUILD_HEX_DIGITS = 12;

/**
 * The analyser build id stamped into the analyze bundle at bundle time: a hash of the core's
 * sources and the locked dependency versions. It stands in for `analyzerFingerprint()`, which
 * analyses canary articles at cold start; any change to what analyses an article changes it.
 *
 * @example
 * analyzerSourceHash('/work/main') // '3fa4c1d2e0b9'
 */
export function analyzerSourceHash(projectRoot: string): string {
  const hash = createHash('sha256');
  const shared = path.join(projectRoot, 'shared');
  const files = readdirSync(shared, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|json)$/.test(file))
    .sort();
  for (const file of [...files.map((file) => path.join('shared', file)), 'package-lock.json']) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(projectRoot, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, BUILD_HEX_DIGITS);
}
