import { execFile, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { isBuiltin } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzerSourceHash } from '../../functions/lib/analyzer-build.ts';
import { embeddedSignedTransport, ObjectStore } from '../../functions/lib/object-store.ts';
import { HTML_LIBRARIES_FILE } from '../../infra/html-libraries-bundle.ts';
import { PROJECT_ROOT } from '../../infra/pipeline-function.ts';
import { synthStack } from './synth-stack.ts';

// The one test file that runs the real esbuild bundling, exactly as `npx cdk synth` does. Each
// function's asset is then unpacked in a directory of its own outside the repository, beside only
// the AWS SDK (which the Lambda runtime provides): what loads there loads on Lambda.
const FUNCTIONS = ['quote-tone-analyze', 'quote-tone-update-index'];

let outdir: string;
let sandbox: string;
const bundles = new Map<string, string>();
// The dashboard's Lambda@Edge sign-in check (private mode, the default): CommonJS, index.js.
const EDGE_CHECK = 'dashboard-sign-in-check';

beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 'quote-tone-cdk-'));
  sandbox = mkdtempSync(path.join(tmpdir(), 'quote-tone-lambda-'));
  const { template } = synthStack({ bundle: true, outdir });
  for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
    const isEdgeCheck = fn.Properties.Runtime === 'nodejs22.x' && fn.Properties.Handler === 'index.handler';
    const service = isEdgeCheck ? EDGE_CHECK : fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME;
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
    bundles.set(service, path.join(taskDir, isEdgeCheck ? 'index.js' : 'index.mjs'));
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

  it('imports no module at run time but Node built-ins: the AWS SDK is bundled too', () => {
    const code = readFileSync(bundleOf(service), 'utf8');
    const specifiers = [
      // Static imports, including the banner's: `import{createRequire as x}from"node:module"`.
      ...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g),
      ...code.matchAll(/\bimport\s*\(\s*"([^"]+)"\s*\)/g),
      ...code.matchAll(/\brequire\(\s*"([^"]+)"\s*\)/g),
    ].map((match) => match[1] ?? '');
    expect(specifiers).toContain('node:module');
    // Except the SDK's optional CRT signer, tried in a try/catch and needed only for SigV4a
    // (multi-region access points, which the stack does not use); Lambda's runtime lacks it too.
    const optional = new Set(['@aws-sdk/signature-v4-crt']);
    // ajv (update-index's compiled checks) carries `require("ajv/dist/runtime/…")` as text: the
    // code it writes in standalone mode. Compiled in the process, its checks use the bundled copies.
    const codeText = (s: string) => s.startsWith('ajv/dist/runtime/');
    expect(specifiers.filter((s) => !isBuiltin(s) && !optional.has(s) && !codeText(s))).toEqual([]);
  });

  it('is ASCII only, so Node reads and parses its source as one-byte text at a cold start', () => {
    // esbuild escapes strings but copies regex literals as written: one typographic mark in a
    // pattern made the whole 1 MB analyze bundle two-byte text, about 6 ms more CPU to load.
    const bytes = readFileSync(bundleOf(service));
    const first = bytes.findIndex((byte) => byte > 0x7f);
    expect(first === -1 ? '' : bytes.subarray(Math.max(0, first - 40), first + 8).toString('utf8')).toBe('');
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

    // Act: every require.resolve('…') of a package, and every require('…') of a file inside one
    // (data such as "pkg/lexicon.json"), which esbuild cannot inline. A literal require of a
    // package itself (the HTML libraries, loaded lazily) is bundled; the bundle tests above check
    // that nothing is left to load at run time.
    const required = sources.flatMap((source) => [
      ...[...source.matchAll(/\brequire\.resolve\(\s*'([^'.][^']*)'\s*\)/g)].map((match) => match[1] ?? ''),
      ...[...source.matchAll(/\brequire\(\s*'([^'.][^']*)'\s*\)/g)]
        .map((match) => match[1] ?? '')
        .filter((specifier) => /\.[a-z]+$/.test(specifier)),
    ]);

    // Assess
    expect(required).toEqual([]);
  });
});

describe('the dashboard sign-in check bundle (Lambda@Edge)', () => {
  // Lambda@Edge refuses a viewer-request function whose zipped package exceeds 1 MB.
  const EDGE_VIEWER_PACKAGE_LIMIT = 1024 * 1024;

  it('fits the Lambda@Edge viewer-request package limit when compressed', () => {
    const compressed = deflateRawSync(readFileSync(bundleOf(EDGE_CHECK)), { level: 9 }).length;
    expect(compressed).toBeLessThan(EDGE_VIEWER_PACKAGE_LIMIT);
  });

  it('imports no module at run time but Node built-ins and the AWS SDK the runtime ships', () => {
    const code = readFileSync(bundleOf(EDGE_CHECK), 'utf8');
    const specifiers = [...code.matchAll(/\brequire\(\s*"([^"]+)"\s*\)/g)].map((match) => match[1] ?? '');
    expect(specifiers).toContain('@aws-sdk/client-ssm');
    expect(specifiers.filter((s) => !isBuiltin(s) && !s.startsWith('@aws-sdk/'))).toEqual([]);
  });

  it('reads its pool from SSM, then sends a page to sign-in and answers data with 401', async () => {
    // Prepare: an SSM endpoint that answers GetParameter with the settings the stack would write.
    const config = {
      region: 'us-east-1',
      userPoolId: 'us-east-1_Bundle1',
      clientId: 'bundleclient',
      signInHost: 'bundle.auth.us-east-1.amazoncognito.com',
      signOutRedirect: 'https://bundle.auth.us-east-1.amazoncognito.com/logout?client_id=bundleclient',
    };
    const asked: string[] = [];
    const ssm = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        asked.push(JSON.parse(body).Name);
        response.setHeader('content-type', 'application/x-amz-json-1.1');
        response.end(
          JSON.stringify({ Parameter: { Name: JSON.parse(body).Name, Value: JSON.stringify(config) } }),
        );
      });
    });
    await new Promise<void>((resolve) => ssm.listen(0, '127.0.0.1', resolve));
    const { port } = ssm.address() as AddressInfo;
    const event = (uri: string) => ({
      Records: [
        {
          cf: {
            request: {
              uri,
              querystring: '',
              method: 'GET',
              headers: { host: [{ key: 'Host', value: 'd1.cloudfront.net' }] },
            },
          },
        },
      ],
    });
    const events = ['/index.html', '/index/articles.json'].map(event);
    const script = `const { handler } = require(${JSON.stringify(bundleOf(EDGE_CHECK))});
      (async () => {
        for (const event of ${JSON.stringify(events)}) {
          const result = await handler(event);
          console.log(JSON.stringify({ status: result.status, location: result.headers.location?.[0]?.value }));
        }
      })();`;

    // Act: the bundle as Lambda@Edge runs it, with nothing but the SDK beside it.
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
        cwd: path.dirname(bundleOf(EDGE_CHECK)),
        env: {
          PATH: process.env.PATH ?? '',
          AWS_ENDPOINT_URL_SSM: `http://127.0.0.1:${port}`,
          AWS_ACCESS_KEY_ID: 'bundle-test',
          AWS_SECRET_ACCESS_KEY: 'bundle-test',
        },
      });

      // Assess: one read of the parameter baked in at synth time, then the check's answers.
      const [page, data] = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(asked).toEqual(['/quote-tone/QuoteTone/dashboard-auth']);
      expect(page.status).toBe('302');
      expect(page.location).toMatch(/^https:\/\/bundle\.auth\.us-east-1\.amazoncognito\.com\/authorize\?/);
      expect(data).toEqual({ status: '401' });
    } finally {
      ssm.close();
    }
  });
});

it('stamps the analyze bundle with the build id the local pipeline computes from the same sources', () => {
  const bundle = readFileSync(bundleOf('quote-tone-analyze'), 'utf8');

  expect(bundle).toContain(JSON.stringify(analyzerSourceHash(PROJECT_ROOT)));
});

describe('the analyze bundle and its HTML libraries', () => {
  it('keeps linkedom and Readability in a file of their own beside the handler', () => {
    const handlerCode = readFileSync(bundleOf('quote-tone-analyze'), 'utf8');
    const librariesFile = path.join(path.dirname(bundleOf('quote-tone-analyze')), HTML_LIBRARIES_FILE);

    // Readability's option name and linkedom's DOMParser: in the libraries' file, not the handler's.
    expect(existsSync(librariesFile)).toBe(true);
    expect(readFileSync(librariesFile, 'utf8')).toMatch(
      /charThreshold[\s\S]*DOMParser|DOMParser[\s\S]*charThreshold/,
    );
    expect(handlerCode).not.toMatch(/charThreshold|DOMParser/);
  });

  it('analyses an HTML article as Lambda unpacks it, loading the libraries from beside it', async () => {
    // Prepare: an embedded S3 with the upload and results buckets, and an HTML page under articles/.
    const directory = mkdtempSync(path.join(tmpdir(), 'quote-tone-bundle-s3-'));
    const server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      directory,
      silent: true,
      configureBuckets: [
        { name: 'bundle-uploads', configs: [] },
        { name: 'bundle-results', configs: [] },
      ],
    });
    const { port } = await server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    const store = new ObjectStore(embeddedSignedTransport(endpoint));
    const paragraphs = [
      '"This is a great day for the harbour and for everyone who works here," said Mayor Anna Berg.',
      'The harbour closed in March after a storm damaged the outer wall, and boats moored elsewhere.',
      'Repairs took six months and were paid for by the regional council and a fishing cooperative.',
      '"We kept our promise to the fishermen," said Tomas Lindqvist, who leads the cooperative.',
    ];
    const page = `<!doctype html><html><head><title>Harbour reopens</title></head><body>
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>Harbour reopens after repairs</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('')}</article>
      <footer>Copyright the Harbour Gazette</footer></body></html>`;
    const key = 'articles/harbour.html';
    const etag = await store.put('bundle-uploads', key, page);
    const event = {
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          eventTime: new Date().toISOString(),
          s3: {
            bucket: { name: 'bundle-uploads' },
            object: { key, size: Buffer.byteLength(page), eTag: etag.replaceAll('"', '') },
          },
        },
      ],
    };
    const url = pathToFileURL(bundleOf('quote-tone-analyze')).href;
    const script = `const { handler } = await import(${JSON.stringify(url)});
      const outcomes = await handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test' });
      console.log('OUTCOMES ' + JSON.stringify(outcomes.map((o) => o.status)));`;

    try {
      // Act: the handler as Lambda runs it, from its own directory with only the SDK beside it.
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        cwd: path.dirname(bundleOf('quote-tone-analyze')),
        env: {
          PATH: process.env.PATH ?? '',
          S3_ENDPOINT: endpoint,
          RESULTS_BUCKET: 'bundle-results',
          POWERTOOLS_LOG_LEVEL: 'SILENT',
          POWERTOOLS_METRICS_DISABLED: 'true',
        },
      });

      // Assess: analysed, and the report holds the page's quotes, not its menu or footer.
      expect(stdout).toContain('OUTCOMES ["analysed"]');
      const reports: string[] = [];
      for await (const reportKey of store.list('bundle-results', 'reports/')) reports.push(reportKey);
      expect(reports).toHaveLength(1);
      const stored = await store.getJson<{
        article: { text: string };
        quotes: { text: string; speaker: { name: string | null } }[];
      }>('bundle-results', reports[0] ?? '');
      const report = stored?.value;
      expect(report?.quotes.map((quote) => quote.speaker.name)).toEqual(['Anna Berg', 'Tomas Lindqvist']);
      expect(report?.article.text).not.toContain('Copyright the Harbour Gazette');
    } finally {
      store.transport.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
