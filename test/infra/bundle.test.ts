import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzerSourceHash } from '../../functions/lib/analyzer-build.ts';
import { PROJECT_ROOT } from '../../infra/pipeline-function.ts';
import { synthStack } from './synth-stack.ts';

// The one test file that runs the real esbuild bundling, exactly as `npx cdk synth` does. Each
// function's asset is then unpacked in a directory of its own outside the repository, beside only
// the AWS SDK (which the Lambda runtime provides): what loads there loads on Lambda.
const FUNCTIONS = ['quote-tone-analyze', 'quote-tone-update-index'];

let outdir: string;
let sandbox: string;
const bundles = new Map<string, string>();

beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 'quote-tone-cdk-'));
  sandbox = mkdtempSync(path.join(tmpdir(), 'quote-tone-lambda-'));
  const { template } = synthStack({ bundle: true, outdir });
  for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
    const service = fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME;
    // The asset's S3 key is "<hash>.zip"; the cloud assembly stages it as asset.<hash>/.
    const s3Key = fn.Properties.Code?.S3Key;
    if (typeof service !== 'string' || typeof s3Key !== 'string') continue;
    const taskDir = path.join(sandbox, service);
    cpSync(path.join(outdir, `asset.${s3Key.replace(/\.zip$/, '')}`), taskDir, { recursive: true });
    mkdirSync(path.join(taskDir, 'node_modules'), { recursive: true });
    symlinkSync(
      path.join(PROJECT_ROOT, 'node_modules', '@aws-sdk'),
      path.join(taskDir, 'node_modules', '@aws-sdk'),
    );
    bundles.set(service, path.join(taskDir, 'index.mjs'));
  }
});

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(sandbox, { recursive: true, force: true });
});

function bundleOf(service: string): string {
  const bundle = bundles.get(service);
  if (!bundle) throw new Error(`Expected a bundled function with POWERTOOLS_SERVICE_NAME=${service}.`);
  return bundle;
}

describe.each(FUNCTIONS)('the %s bundle', (service) => {
  it('loads on its own, as Lambda unpacks it, and exports the handler', () => {
    const url = pathToFileURL(bundleOf(service)).href;
    const script = `const m = await import(${JSON.stringify(url)}); console.log(typeof m.handler);`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: path.dirname(bundleOf(service)),
      env: { ...process.env, RESULTS_BUCKET: 'bundle-test-results', DOTENV_CONFIG_QUIET: 'true' },
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('function');
  });

  it('imports no module at run time but Node built-ins and the AWS SDK the runtime ships', () => {
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
    // Their code, not their names: the tone word table lists "mongoose" and "redis" as words.
    expect(readFileSync(bundleOf(service), 'utf8')).not.toMatch(
      /redis\.createClient|mongoose\.connect|"pg-?"/,
    );
  });
});

describe('the core', () => {
  it('reads no package file at run time, so the bundle needs nothing copied beside it', () => {
    // Prepare: the core's sources.
    const sources = readdirSync(path.join(PROJECT_ROOT, 'shared'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => readFileSync(path.join(PROJECT_ROOT, 'shared', name), 'utf8'));

    // Act: every require('…') / require.resolve('…') of a package path, which esbuild cannot inline.
    const required = sources.flatMap((source) =>
      [...source.matchAll(/\brequire(?:\.resolve)?\(\s*'([^'.][^']*)'\s*\)/g)].map((match) => match[1] ?? ''),
    );

    // Assess
    expect(required).toEqual([]);
  });
});

it('stamps the analyze bundle with the build id the local pipeline computes from the same sources', () => {
  const bundle = readFileSync(bundleOf('quote-tone-analyze'), 'utf8');

  expect(bundle).toContain(JSON.stringify(analyzerSourceHash(PROJECT_ROOT)));
});
