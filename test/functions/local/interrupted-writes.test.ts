import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimStoreDirectory } from '../../../functions/local/interrupted-writes.ts';

// The embedded server's files for one object, as a killed write can leave them; the pipeline
// test (test/bin/start.test.ts) shows the server reading the repaired store.

const root = mkdtempSync(join(tmpdir(), 'quote-tone-interrupted-'));
const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';

afterAll(() => rmSync(root, { recursive: true, force: true }));

function storeDirectory(): { directory: string; object: (name: string) => string } {
  const directory = mkdtempSync(join(root, 'store-'));
  const folder = join(directory, 'quote-tone-results', 'reports');
  mkdirSync(folder, { recursive: true });
  return { directory, object: (name) => join(folder, `${name}.json._S3rver_object`) };
}

function writeObject(path: string, { metadata = '{}', checksum = MD5 } = {}): void {
  writeFileSync(path, '{}');
  writeFileSync(`${path}.md5`, checksum);
  writeFileSync(path.replace(/_object$/, '_metadata.json'), metadata);
}

const goneProcess = () => spawnSync(process.execPath, ['-e', '']).pid;

describe('claiming the local store directory', () => {
  it('repairs nothing after a run that closed, and marks the directory while this one runs', async () => {
    const { directory, object } = storeDirectory();
    writeObject(object('a'), { metadata: '' });

    const { repair, release } = await claimStoreDirectory(directory, { pid: 4242 });

    expect(repair).toEqual({ uncleanStop: false, metadata: [], checksums: [], damagedBodies: [] });
    expect(existsSync(join(directory, '.quote-tone-run-4242'))).toBe(true);
    await release();
    expect(readdirSync(directory).filter((name) => name.startsWith('.quote-tone-run-'))).toEqual([]);
  });

  it('after a run that never closed, removes metadata that does not parse and checksums that are cut short or older than their object', async () => {
    const { directory, object } = storeDirectory();
    writeObject(object('sound'));
    writeObject(object('empty-metadata'), { metadata: '' });
    writeObject(object('half-metadata'), { metadata: '{"content-type": "appl' });
    writeObject(object('short-checksum'), { checksum: 'd41d8c' });
    writeObject(object('old-checksum'));
    // Its body was rewritten after the checksum: the kill came before the new checksum.
    const past = new Date(Date.now() - 60_000);
    utimesSync(`${object('old-checksum')}.md5`, past, past);
    writeFileSync(join(directory, `.quote-tone-run-${goneProcess()}`), '');

    const { repair } = await claimStoreDirectory(directory);

    expect(repair.uncleanStop).toBe(true);
    expect(repair.metadata.sort()).toEqual(
      [object('empty-metadata'), object('half-metadata')].map((path) =>
        path.replace(/_object$/, '_metadata.json'),
      ),
    );
    expect(repair.checksums.sort()).toEqual([
      `${object('old-checksum')}.md5`,
      `${object('short-checksum')}.md5`,
    ]);
    expect(existsSync(object('sound').replace(/_object$/, '_metadata.json'))).toBe(true);
    expect(existsSync(`${object('sound')}.md5`)).toBe(true);
    expect(existsSync(object('empty-metadata'))).toBe(true);
  });

  it("leaves another live pipeline's files alone", async () => {
    const { directory, object } = storeDirectory();
    writeObject(object('being-written'), { metadata: '' });
    writeFileSync(join(directory, `.quote-tone-run-${process.ppid}`), '');

    const { repair } = await claimStoreDirectory(directory);

    expect(repair).toEqual({ uncleanStop: false, metadata: [], checksums: [], damagedBodies: [] });
    expect(existsSync(join(directory, `.quote-tone-run-${process.ppid}`))).toBe(true);
  });

  it('forgets the mark of the killed run once repaired, so the next start repairs nothing', async () => {
    const { directory } = storeDirectory();
    writeFileSync(join(directory, `.quote-tone-run-${goneProcess()}`), '');

    const first = await claimStoreDirectory(directory);
    await first.release();
    const second = await claimStoreDirectory(directory);

    expect(first.repair.uncleanStop).toBe(true);
    expect(second.repair.uncleanStop).toBe(false);
  });

  it('lists the index files whose body was cut short, by key, and only under the prefixes asked for', async () => {
    const { directory } = storeDirectory();
    const body = (key: string, text: string) => {
      const path = join(directory, 'quote-tone-results', ...key.split('/'));
      mkdirSync(join(path, '..'), { recursive: true });
      writeObject(`${path}._S3rver_object`);
      writeFileSync(`${path}._S3rver_object`, text);
    };
    body('index/articles/2026-03-02/1.json', '{"articles": [{"id": "a"');
    body('index/manifest.json', '{"partitions": []}');
    body('reports/cut-short.json', '{"quotes": [');
    writeFileSync(join(directory, `.quote-tone-run-${goneProcess()}`), '');

    const { repair } = await claimStoreDirectory(directory, {
      bodiesUnder: [{ bucket: 'quote-tone-results', prefix: 'index/' }],
    });

    expect(repair.damagedBodies).toEqual(['index/articles/2026-03-02/1.json']);
  });
});
