import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/pipeline-function.ts';
import { synthStack } from './synth-stack.ts';

// The one test file that runs the real esbuild bundling, exactly as `npx cdk synth` does. The
// assembly goes under the gitignored cdk.out/, where Node resolves @aws-sdk/* as the runtime would.
const FUNCTIONS = ['quote-tone-analyze', 'quote-tone-update-index'];

let outdir: string;
const bundles = new Map<string, string>();

beforeAll(() => {
  mkdirSync(path.join(PROJECT_ROOT, 'cdk.out'), { recursive: true });
  outdir = mkdtempSync(path.join(PROJECT_ROOT, 'cdk.out', 'bundle-test-'));
  const { template } = synthStack({ bundle: true, outdir });
  for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
    const service = fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME;
    // The asset's S3 key is "<hash>.zip"; the cloud assembly stages it as asset.<hash>/.
    const s3Key = fn.Properties.Code?.S3Key;
    if (typeof service === 'string' && typeof s3Key === 'string') {
      bundles.set(service, path.join(outdir, `asset.${s3Key.replace(/\.zip$/, '')}`, 'index.mjs'));
    }
  }
});

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

function bundleOf(service: string): string {
  const bundle = bundles.get(service);
  if (!bundle) throw new Error(`Expected a bundled function with POWERTOOLS_SERVICE_NAME=${service}.`);
  return bundle;
}

describe.each(FUNCTIONS)('the %s bundle', (service) => {
  it('loads in a fresh Node process and exports the handler', () => {
    const url = pathToFileURL(bundleOf(service)).href;
    const script = `const m = await import(${JSON.stringify(url)}); console.log(typeof m.handler);`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, RESULTS_BUCKET: 'bundle-test-results', DOTENV_CONFIG_QUIET: 'true' },
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('function');
  });

  it('imports nothing at run time but Node built-ins and the AWS SDK the runtime ships', () => {
    const code = readFileSync(bundleOf(service), 'utf8');
    const specifiers = [
      // Static imports, including the banner's: `import{S3Client as x}from"@aws-sdk/client-s3"`.
      ...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g),
      ...code.matchAll(/\bimport\s*\(\s*"([^"]+)"\s*\)/g),
      ...code.matchAll(/\brequire\(\s*"([^"]+)"\s*\)/g),
    ].map((match) => match[1] ?? '');
    expect(specifiers).toContain('@aws-sdk/client-s3');
    expect(specifiers.filter((s) => !isBuiltin(s) && !s.startsWith('@aws-sdk/'))).toEqual([]);
  });

  it('never drags in the natural package root and its database adapters', () => {
    expect(readFileSync(bundleOf(service), 'utf8')).not.toMatch(/mongoose|"pg-?|redis/);
  });
});
