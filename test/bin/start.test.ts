import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedSignedTransport, ObjectStore } from '../../functions/lib/object-store.ts';
import { LOCAL_RESULTS_BUCKET, LOCAL_UPLOAD_BUCKET } from '../../functions/local/pipeline.ts';
import { runCliAsync, startCli } from './cli-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'quote-tone-start-'));
const ARTICLE = join(dir, 'harbour.txt');
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  writeFileSync(ARTICLE, '"We will win, and this is a wonderful day," said Anna Smith.\n');
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
});

function store(): string {
  return mkdtempSync(join(dir, 'store-'));
}

/** A new store directory, filled through a bare embedded server that is closed again. */
async function storeFilled(bucket: string, fill: (s3: ObjectStore) => Promise<void>): Promise<string> {
  const directory = store();
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  try {
    await fill(new ObjectStore(embeddedSignedTransport(`http://127.0.0.1:${port}`)));
  } finally {
    await server.close();
  }
  return directory;
}

describe('quote-tone start', () => {
  it('says the S3 port is busy and names --port, in one line', async () => {
    const { status, stderr } = await runCliAsync([
      'start',
      '--port',
      String(busyPort),
      '--no-examples',
      '--dir',
      store(),
    ]);

    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `quote-tone start: port ${busyPort} (S3 server) is already in use, perhaps by another "npm start"; pick another with --port N, or --port 0 for any free port (npm start -- --port 0)`,
    ]);
  });

  it('says the dashboard port is busy and names --dashboard-port, in one line', async () => {
    const { status, stderr } = await runCliAsync([
      'start',
      '--port',
      '0',
      '--dashboard-port',
      String(busyPort),
      '--no-examples',
      '--dir',
      store(),
    ]);

    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^quote-tone start: port ${busyPort} \\(dashboard\\) is already in use.*--dashboard-port 0`,
        ),
      ),
    ]);
  });

  it('prints one line per example article and a summary with --once', async () => {
    const directory = store();

    const { status, stdout } = await runCliAsync(['start', '--once', '--port', '0', '--dir', directory]);

    expect(status).toBe(0);
    const lines = stdout.split('\n').filter((line) => line.startsWith('analysed'));
    expect(lines).toHaveLength(4);
    for (const line of lines)
      expect(line).toMatch(/^analysed +[a-z-]+-[0-9a-f]{8} {2}\d+ quotes?, mean tone [+-]\d\.\d\d/);
    expect(stdout).not.toContain('SPEAKER');
    expect(stdout).toMatch(
      /^Summary: 4 analysed \(\d+ quotes\), 0 refused, 0 failed, 0 removed, 0 unchanged$/m,
    );
    expect(stdout).toContain(`npx quote-tone report --dir ${directory}`);
  });

  it('prints hints that carry the endpoint in use, a table per article with --verbose, and a summary on Ctrl-C', async () => {
    const running = startCli([
      'start',
      '--port',
      '0',
      '--dashboard-port',
      '0',
      '--no-examples',
      '--verbose',
      '--dir',
      store(),
    ]);
    const banner = await running.waitForOutput(/Press Ctrl-C to stop/);
    const endpoint = /S3 endpoint: (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? '';
    const dropHint = /npx quote-tone (drop FILE\|DIR\.\.\..*)$/m.exec(banner)?.[1] ?? '';
    expect(dropHint).toBe(`drop FILE|DIR... --endpoint ${endpoint}`);
    expect(banner).toContain(`npx quote-tone report --endpoint ${endpoint}`);

    // The hint, as printed, with a file for FILE|DIR...
    const dropped = await runCliAsync(dropHint.replace('FILE|DIR...', ARTICLE).split(' '));
    expect(dropped.status).toBe(0);
    await running.waitForOutput(/Anna Smith/);
    running.child.kill('SIGINT');
    const { status, stdout } = await running.ended;

    expect(status).toBe(0);
    expect(stdout).toMatch(/SPEAKER\s+LABEL\s+SCORE/);
    expect(stdout).toMatch(
      /\nSummary: 1 analysed \(1 quote\), 0 refused, 0 failed, 0 removed, 0 unchanged\n/,
    );
  });

  it('lists a prefix of more than 1,000 keys when node was started without --openssl-legacy-provider', async () => {
    // ListObjectsV2 answers 1,000 keys a page; the next page's token is what needs the flag.
    const keys = Array.from({ length: 1_001 }, (_, n) => `errors/padding/${String(n).padStart(4, '0')}`);
    const directory = await storeFilled(LOCAL_RESULTS_BUCKET, async (s3) => {
      for (const key of keys) await s3.put(LOCAL_RESULTS_BUCKET, key, Buffer.from('not a result'));
    });

    // startCli runs `node bin/quote-tone.js`, without the shebang's flag.
    const { status, stderr } = await runCliAsync([
      'start',
      '--once',
      '--no-examples',
      '--port',
      '0',
      '--dir',
      directory,
    ]);

    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  describe('on a store left half-written by a run that was killed', () => {
    // The embedded server writes an object's metadata file after its body; a kill in between
    // leaves it empty, and the server answers every read of that key with a 500.
    async function storeWithEmptyMetadata(): Promise<{ directory: string; metadata: string }> {
      const directory = await storeFilled(LOCAL_UPLOAD_BUCKET, (s3) =>
        s3.put(LOCAL_UPLOAD_BUCKET, 'articles/harbour.txt', readFileSync(ARTICLE)).then(() => undefined),
      );
      const metadata = join(directory, LOCAL_UPLOAD_BUCKET, 'articles', 'harbour.txt._S3rver_metadata.json');
      writeFileSync(metadata, '');
      return { directory, metadata };
    }

    // The mark a run leaves while it runs, naming a process that is gone; returns its path.
    function leaveMarkOfKilledRun(directory: string): string {
      const mark = join(directory, `.quote-tone-run-${spawnSync(process.execPath, ['-e', '']).pid}`);
      writeFileSync(mark, '');
      return mark;
    }

    const restartOnce = (directory: string) =>
      runCliAsync(['start', '--once', '--no-examples', '--port', '0', '--dir', directory]);

    it('repairs what the killed run left unreadable and analyses the article it never reached', async () => {
      const { directory } = await storeWithEmptyMetadata();
      leaveMarkOfKilledRun(directory);

      const { status, stdout, stderr } = await restartOnce(directory);

      expect(stderr).toBe('');
      expect(status).toBe(0);
      expect(stdout).toContain('stopped without closing: repaired 1 metadata');
      expect(stdout).toMatch(/Resuming the last run: 1 articles to analyse/);
      expect(stdout).toMatch(/^analysed +harbour-[0-9a-f]{8} {2}1 quote/m);
    });

    it('says in one line that the store cannot be read, and exits instead of hanging', async () => {
      const { directory } = await storeWithEmptyMetadata();

      const { status, stderr } = await runCliAsync([
        'start',
        '--no-examples',
        '--port',
        '0',
        '--dashboard-port',
        '0',
        '--dir',
        directory,
      ]);

      expect(status).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^quote-tone start: could not read the local store in ${directory} to resume the last run: `,
          ),
        ),
      ]);
    });

    it('rebuilds the index when the killed run cut one of its files short', async () => {
      const directory = store();
      expect((await runCliAsync(['start', '--once', '--port', '0', '--dir', directory])).status).toBe(0);
      const pages = join(directory, LOCAL_RESULTS_BUCKET, 'index', 'articles');
      const [partition] = readdirSync(pages);
      writeFileSync(join(pages, partition ?? '', '1.json._S3rver_object'), '{"articles": [{"id": ');
      leaveMarkOfKilledRun(directory);

      const restarted = await restartOnce(directory);
      const report = await runCliAsync(['report', '--format', 'json', '--dir', directory]);

      expect(restarted.stderr).toBe('');
      expect(restarted.stdout).toContain('rebuilt the index (1 of its files were cut short) from 4 results');
      expect(report.status).toBe(0);
      expect(JSON.parse(report.stdout)).toHaveLength(4);
    });

    it('lets report read the store before the next start, repairing only what the server cannot read', async () => {
      const directory = store();
      expect((await runCliAsync(['start', '--once', '--port', '0', '--dir', directory])).status).toBe(0);
      writeFileSync(
        join(directory, LOCAL_RESULTS_BUCKET, 'index', 'manifest.json._S3rver_metadata.json'),
        '',
      );
      const mark = leaveMarkOfKilledRun(directory);

      const report = await runCliAsync(['report', '--format', 'json', '--dir', directory]);

      expect(report.stderr).toBe('');
      expect(JSON.parse(report.stdout)).toHaveLength(4);
      // Left for the next start, which also checks the index bodies.
      expect(existsSync(mark)).toBe(true);
    });
  });
});
