import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from './cli-process.ts';

// Store flags a command cannot act on are usage mistakes: one line naming the flag, exit code 2,
// before anything is read or written.

const dir = mkdtempSync(join(tmpdir(), 'quote-tone-store-flags-'));

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
