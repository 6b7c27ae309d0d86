import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardServer, startDashboardServer } from '../../functions/local/dashboard-server.ts';
import { startTestPipeline } from '../helpers/local-pipeline.ts';
import { runCliAsync } from './cli-process.ts';

// Store flags a command cannot act on are usage mistakes: one line naming the flag, exit code 2,
// before anything is read or written.

const dir = mkdtempSync(join(tmpdir(), 'quote-tone-store-flags-'));
writeFileSync(join(dir, 'a.txt'), '"We will be back," said Anna Smith.\n');

describe('--endpoint', () => {
  it.each([
    ['report', ['report']],
    ['drop', ['drop', join(dir, 'a.txt')]],
  ])('%s names --endpoint when it is not a URL', async (command, args) => {
    const { status, stderr } = await runCliAsync([...args, '--endpoint', 'notaurl']);

    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      `quote-tone ${command}: expected --endpoint as a URL like http://127.0.0.1:4569, got "notaurl" (see quote-tone ${command} --help)`,
    ]);
  });
});

describe('--endpoint given the dashboard address that start prints', () => {
  let pipeline: Awaited<ReturnType<typeof startTestPipeline>>;
  let dashboard: DashboardServer;

  beforeAll(async () => {
    pipeline = await startTestPipeline();
    dashboard = await startDashboardServer({
      store: pipeline.store,
      resultsBucket: pipeline.resultsBucket,
      port: 0,
    });
  });

  afterAll(async () => {
    await dashboard.close();
    await pipeline.dispose();
  });

  it.each([
    ['remove', ['remove', 'a.txt']],
    ['reanalyse', ['reanalyse', '--all']],
    ['drop', ['drop', join(dir, 'a.txt')]],
    ['report', ['report']],
    ['report', ['report', '--quotes']],
    ['reindex', ['reindex']],
  ])('%s says it is not S3 and which address to use, exit code 2', async (command, args) => {
    const url = dashboard.url.replace(/\/$/, '');

    const { status, stderr } = await runCliAsync([...args, '--endpoint', dashboard.url]);

    expect(stderr.trim().split('\n')).toEqual([
      `quote-tone ${command}: ${url} does not answer as S3 (it looks like the quote-tone dashboard); ` +
        'pass --endpoint the S3 endpoint that "quote-tone start" prints ("S3 endpoint: http://127.0.0.1:4569" ' +
        `on the default port) (see quote-tone ${command} --help)`,
    ]);
    expect(status).toBe(2);
  });

  it('still reaches the S3 endpoint that start prints', async () => {
    const { status, stderr } = await runCliAsync(['report', '--endpoint', pipeline.endpoint]);

    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

describe('quote-tone reindex', () => {
  it('refuses --endpoint with --dir instead of ignoring --dir', async () => {
    const { status, stdout, stderr } = await runCliAsync([
      'reindex',
      '--endpoint',
      'http://127.0.0.1:9',
      '--dir',
      dir,
    ]);

    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'quote-tone reindex: expected --endpoint URL or --dir DIR, not both (see quote-tone reindex --help)',
    ]);
  });
});
