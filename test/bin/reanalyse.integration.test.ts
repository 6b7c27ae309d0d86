import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedSignedTransport, ObjectStore } from '../../functions/lib/object-store.ts';
import { LOCAL_RESULTS_BUCKET, LOCAL_UPLOAD_BUCKET } from '../../functions/local/pipeline.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import type { Report } from '../../shared/report-schema.ts';
import { reportKey, UPLOAD_PREFIX } from '../../shared/store/layout.ts';
import { REANALYSED_META, REANALYSIS_REQUESTS_PREFIX } from '../../shared/store/reanalysis.ts';
import { startTestPipeline } from '../helpers/local-pipeline.ts';
import { runCliAsync, startCli } from './cli-process.ts';

// `quote-tone reanalyse --all` stopped part-way: the pipeline killed after the copies were made
// (their events, held in its memory, are lost), or the command itself killed between copies.
// Neither may leave a re-analysis silently undone.

const dir = mkdtempSync(join(tmpdir(), 'quote-tone-reanalyse-'));
const POLL_MS = 20;
// The killed command has made this many copies and is waiting on the next.
const COPIES_BEFORE_KILL = 2;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `use` against a bare embedded server on the store: no pipeline listens to its events. */
async function withBareServer<T>(directory: string, use: (endpoint: string, s3: ObjectStore) => Promise<T>) {
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    return await use(endpoint, new ObjectStore(embeddedSignedTransport(endpoint)));
  } finally {
    await server.close();
  }
}

/** Each upload's re-analysis time (its metadata) and its report's analysis time. */
async function times(s3: ObjectStore): Promise<{ key: string; askedAt?: string; analyzedAt?: string }[]> {
  const rows = [];
  for await (const key of s3.list(LOCAL_UPLOAD_BUCKET, UPLOAD_PREFIX)) {
    const head = await s3.head(LOCAL_UPLOAD_BUCKET, key);
    const report = await s3.getJson<Report>(LOCAL_RESULTS_BUCKET, reportKey(articleIdFromKey(key)));
    rows.push({ key, askedAt: head?.metadata?.[REANALYSED_META], analyzedAt: report?.value.analyzedAt });
  }
  return rows;
}

async function until(probe: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`Expected ${what} within 30 s, but it never happened.`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

describe('quote-tone reanalyse --all, stopped part-way', () => {
  it('is finished by the next start when the pipeline was killed after the copies', async () => {
    const directory = mkdtempSync(join(dir, 'store-'));
    const restartOnce = () =>
      runCliAsync(['start', '--once', '--no-examples', '--port', '0', '--dir', directory]);
    expect((await runCliAsync(['start', '--once', '--port', '0', '--dir', directory])).status).toBe(0);
    // The copies are made with nothing listening: what a pipeline killed right after them leaves.
    const requested = await withBareServer(directory, (endpoint) =>
      runCliAsync(['reanalyse', '--all', '--endpoint', endpoint]),
    );
    expect(requested.stdout).toContain('requested re-analysis of 4 of 4 upload(s)');

    const restarted = await restartOnce();
    const again = await restartOnce();

    expect(restarted.stderr).toBe('');
    expect(restarted.stdout).toContain('Resuming the last run: 0 articles to analyse, 4 to re-analyse');
    expect(restarted.stdout.split('\n').filter((line) => line.startsWith('analysed'))).toHaveLength(4);
    const stored = await withBareServer(directory, (_endpoint, s3) => times(s3));
    expect(stored).toHaveLength(4);
    for (const { key, askedAt, analyzedAt } of stored)
      expect(Date.parse(analyzedAt ?? ''), key).toBeGreaterThan(Date.parse(askedAt ?? ''));
    // Done once: the start after that finds nothing to resume.
    expect(again.stdout).not.toContain('Resuming');
  });

  it('is picked up by the next run when the command was killed between copies', async () => {
    const pipeline = await startTestPipeline();
    const proxy = await copyHoldingProxy(pipeline.endpoint);
    try {
      const names = ['budget', 'bridge', 'ferry', 'harbour', 'school', 'tram'];
      for (const name of names)
        await pipeline.store.put(
          LOCAL_UPLOAD_BUCKET,
          `${UPLOAD_PREFIX}${name}.txt`,
          `Talks on the ${name}\n\n"We will be back on Monday," said Anna Smith.`,
        );
      await pipeline.bridge.idle();
      const stopped = startCli(['reanalyse', '--all', '--endpoint', proxy.url]);
      await until(() => proxy.copied() === COPIES_BEFORE_KILL && proxy.held() > 0, 'copies, then one held');
      stopped.child.kill('SIGKILL');
      await stopped.ended;
      await pipeline.bridge.idle();
      const before = await times(pipeline.store);
      const firstAsk = before.find((row) => row.askedAt)?.askedAt ?? '';

      const rerun = await runCliAsync(['reanalyse', '--all', '--endpoint', pipeline.endpoint]);
      await pipeline.bridge.idle();

      expect(rerun.status).toBe(0);
      expect(rerun.stdout).toContain(`picking up the re-analysis asked at ${firstAsk}, which was stopped`);
      expect(rerun.stdout).toContain(
        `requested re-analysis of ${names.length - COPIES_BEFORE_KILL} of ${names.length} upload(s)`,
      );
      expect(rerun.stdout).toContain(`(${COPIES_BEFORE_KILL} copied before the stop`);
      const after = await times(pipeline.store);
      for (const row of after) {
        const earlier = before.find((candidate) => candidate.key === row.key);
        // Re-analysed once since the first ask: the copies made before the kill are not redone.
        expect(Date.parse(row.analyzedAt ?? ''), row.key).toBeGreaterThan(Date.parse(firstAsk));
        if (earlier?.askedAt) expect(row.analyzedAt, row.key).toBe(earlier.analyzedAt);
        else expect(row.analyzedAt, row.key).not.toBe(earlier?.analyzedAt);
      }
      const records: string[] = [];
      for await (const key of pipeline.store.list(LOCAL_UPLOAD_BUCKET, REANALYSIS_REQUESTS_PREFIX))
        records.push(key);
      expect(records).toEqual([]);
    } finally {
      await proxy.close();
      await pipeline.dispose();
    }
  });
});

/**
 * A pass-through to the embedded server that lets COPIES_BEFORE_KILL copies through and holds
 * every later one unanswered, so the command can be killed between copies at a known point.
 */
async function copyHoldingProxy(upstream: string) {
  let copied = 0;
  const held: ServerResponse[] = [];
  let passed = 0;
  const server: Server = createServer((incoming, response) => {
    const isCopy = incoming.method === 'PUT' && incoming.headers['x-amz-copy-source'] !== undefined;
    if (isCopy && passed >= COPIES_BEFORE_KILL) {
      held.push(response);
      return;
    }
    if (isCopy) passed += 1;
    const forwarded = request(
      new URL(incoming.url ?? '/', upstream),
      { method: incoming.method, headers: incoming.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        answer.on('end', () => {
          if (isCopy) copied += 1;
        });
      },
    );
    incoming.pipe(forwarded);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    copied: () => copied,
    held: () => held.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
