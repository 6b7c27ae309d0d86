import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from './cli-process.ts';
import { type FakeS3, startFakeS3 } from './fake-s3.ts';

const dir = mkdtempSync(join(tmpdir(), 'quote-tone-drop-'));
const GOOD = join(dir, 'good.txt');
const BAD = join(dir, 'bad.txt');
const FOLDER = join(dir, 'folder');

let fake: FakeS3 | undefined;

beforeAll(() => {
  writeFileSync(GOOD, '"We are close to a deal," said Anna Smith.\n');
  writeFileSync(BAD, '"This plan is a disaster," said Omar Haddad.\n');
  mkdirSync(join(FOLDER, 'world'), { recursive: true });
  writeFileSync(join(FOLDER, 'world', 'summit.md'), '# Summit\n\n"A good day," said Lena Berg.\n');
  writeFileSync(join(FOLDER, 'notes.pdf'), 'not an article');
});

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('quote-tone drop', () => {
  it('names the file S3 refused, still uploads the others, never shows 100% and exits 1', async () => {
    fake = await startFakeS3((request) =>
      request.url?.includes('bad.txt') ? { status: 400, code: 'InvalidRequest' } : { status: 200 },
    );

    const { status, stdout, stderr } = await runCliAsync(['drop', GOOD, BAD, '--endpoint', fake.endpoint]);

    expect(status).toBe(1);
    expect(stderr).toContain(`quote-tone drop: ${BAD}: InvalidRequest from the fake S3`);
    expect(stderr).not.toContain('100%');
    expect(stderr).toContain('uploading: 1/2 (50%), 1 failed');
    expect(stdout).toContain(
      `uploaded 1 of 2 file(s) to ${fake.endpoint}/quote-tone-uploads/articles/ (1 failed)`,
    );
    expect(fake.requests).toContain('PUT /quote-tone-uploads/articles/good.txt');
  });

  it('walks folders, keeps subfolders in the key, skips other files and exits 0 when all went up', async () => {
    fake = await startFakeS3(() => ({ status: 200 }));

    const { status, stdout, stderr } = await runCliAsync(['drop', FOLDER, GOOD, '--endpoint', fake.endpoint]);

    expect(status).toBe(0);
    expect(stderr).toContain('skipped');
    expect(stderr).toContain('uploading: 2/2 (100%)');
    expect(stdout).toContain('uploaded 2 of 2 file(s)');
    expect(fake.requests.sort()).toEqual([
      // The one question every --endpoint is asked first: does it answer as S3?
      'GET /',
      'PUT /quote-tone-uploads/articles/good.txt',
      'PUT /quote-tone-uploads/articles/world/summit.md',
    ]);
  });

  it('reports a missing file by name, uploads the rest and exits 1', async () => {
    fake = await startFakeS3(() => ({ status: 200 }));

    const { status, stdout, stderr } = await runCliAsync([
      'drop',
      join(dir, 'typo.txt'),
      GOOD,
      '--endpoint',
      fake.endpoint,
    ]);

    expect(status).toBe(1);
    expect(stderr).toContain(`quote-tone drop: ${join(dir, 'typo.txt')}: no such file or folder`);
    expect(stdout).toContain('uploaded 1 of 1 file(s)');
  });

  it('refuses two files bound for one key, in one line with exit code 2, and uploads nothing', async () => {
    fake = await startFakeS3(() => ({ status: 200 }));
    // Folders side by side that each hold same.txt: both would be articles/same.txt.
    const d1 = join(dir, 'd1');
    const d2 = join(dir, 'd2');
    mkdirSync(d1, { recursive: true });
    mkdirSync(d2, { recursive: true });
    writeFileSync(join(d1, 'same.txt'), '"Good news," said Ann Lee.\n');
    writeFileSync(join(d2, 'same.txt'), '"Bad news," said Bo Kim.\n');

    const folders = await runCliAsync(['drop', d1, d2, '--endpoint', fake.endpoint]);
    const files = await runCliAsync([
      'drop',
      join(d1, 'same.txt'),
      join(d2, 'same.txt'),
      '--endpoint',
      fake.endpoint,
    ]);

    for (const { status, stdout, stderr } of [folders, files]) {
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringContaining(
          `quote-tone drop: ${join(d1, 'same.txt')} and ${join(d2, 'same.txt')} would both be uploaded to articles/same.txt; nothing was uploaded`,
        ),
      ]);
    }
    expect(fake.requests).toEqual([]);
  });

  it('names a missing file in one line when it was all there was to drop', async () => {
    fake = await startFakeS3(() => ({ status: 200 }));

    const { status, stderr } = await runCliAsync([
      'drop',
      join(dir, 'typo.txt'),
      '--endpoint',
      fake.endpoint,
    ]);

    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `quote-tone drop: ${join(dir, 'typo.txt')}: no such file or folder`,
    ]);
    expect(fake.requests).toEqual([]);
  });

  it('writes the count to a stderr that is not a terminal once, at the end, not per file', async () => {
    fake = await startFakeS3(() => ({ status: 200 }));

    const { status, stderr } = await runCliAsync(['drop', FOLDER, GOOD, BAD, '--endpoint', fake.endpoint]);

    expect(status).toBe(0);
    expect(stderr.split('\n').filter((line) => line.startsWith('uploading'))).toEqual([
      'uploading: 3/3 (100%)',
    ]);
  });

  it('rejects an unknown flag with exit code 2 and uploads nothing', async () => {
    fake = await startFakeS3(() => ({ status: 200 }));

    const { status, stderr } = await runCliAsync(['drop', GOOD, '--endpont', fake.endpoint]);

    expect(status).toBe(2);
    expect(stderr.trim()).toBe(`quote-tone drop: unknown option '--endpont' (see quote-tone drop --help)`);
    expect(fake.requests).toEqual([]);
  });
});
