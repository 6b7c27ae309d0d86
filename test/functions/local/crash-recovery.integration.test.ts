import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAllEntries } from '../../../functions/lib/index-reader.ts';
import { embeddedSignedTransport, ObjectStore } from '../../../functions/lib/object-store.ts';
import { LOCAL_RESULTS_BUCKET, LOCAL_UPLOAD_BUCKET } from '../../../functions/local/pipeline.ts';
import { articleIdFromKey } from '../../../shared/article-id.ts';
import { ERRORS_PREFIX, REPORTS_PREFIX, UPLOAD_PREFIX } from '../../../shared/store/layout.ts';
import { generateArticles } from '../../e2e/generated-articles.ts';

// The fault a laptop sees: `quote-tone start` killed outright (SIGKILL: no handler runs, the
// in-memory queue is lost) in the middle of a bulk drop, then started again on the same store.

const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'quote-tone.js');
const ARTICLES = 300;
// Killed once a sixth of the drop has reports: well inside the run, whatever the machine's speed.
const KILL_AFTER_REPORTS = ARTICLES / 6;
const POLL_MS = 50;
const UPLOAD_CONCURRENCY = 16;
// Start-up (loading the analyser, then reconciling the store) took over 60 s on a shared, loaded
// machine; a slow start is not the fault under test, a start that dies is (see startPipeline).
const START_WAIT_MS = 180_000;
const TEST_TIMEOUT_MS = 2 * START_WAIT_MS + 300_000;

interface Running {
  child: ChildProcess;
  store: ObjectStore;
  output: () => string;
}

async function startPipeline(directory: string): Promise<Running> {
  const child = spawn(
    process.execPath,
    [
      '--openssl-legacy-provider',
      CLI,
      'start',
      '--no-examples',
      '--port',
      '0',
      '--dashboard-port',
      '0',
      '--dir',
      directory,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const endpoint = await until(async () => {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`Expected quote-tone start to keep running, but it exited:\n${output}`);
    return /S3 endpoint: (http:\/\/\S+)/.exec(output)?.[1];
  }, START_WAIT_MS).catch((error: Error) => {
    throw new Error(`${error.message} quote-tone start had not printed its S3 endpoint; it said:\n${output}`);
  });
  const store = new ObjectStore(embeddedSignedTransport(endpoint));
  return { child, store, output: () => output };
}

async function until<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`Expected the condition within ${timeoutMs} ms, but it never held.`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function countKeys(store: ObjectStore, bucket: string, prefix: string): Promise<number> {
  let count = 0;
  for await (const _key of store.list(bucket, prefix)) count += 1;
  return count;
}

async function indexedIds(store: ObjectStore): Promise<Set<string>> {
  const entries = await readAllEntries(store, LOCAL_RESULTS_BUCKET).catch(() => []);
  return new Set(entries.map((entry) => entry.id));
}

describe('quote-tone start killed mid-bulk', () => {
  const directory = mkdtempSync(join(tmpdir(), 'quote-tone-crash-'));
  const running: ChildProcess[] = [];

  afterAll(() => {
    for (const child of running)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  it(
    'leaves every article with a result and an index entry once started again',
    async () => {
      const articles = generateArticles(ARTICLES);
      const first = await startPipeline(directory);
      running.push(first.child);
      for (let next = 0; next < articles.length; next += UPLOAD_CONCURRENCY) {
        await Promise.all(
          articles
            .slice(next, next + UPLOAD_CONCURRENCY)
            .map((article) =>
              first.store.put(LOCAL_UPLOAD_BUCKET, `${UPLOAD_PREFIX}${article.name}`, article.text),
            ),
        );
      }
      await until(
        async () =>
          (await countKeys(first.store, LOCAL_RESULTS_BUCKET, REPORTS_PREFIX)) >= KILL_AFTER_REPORTS,
        120_000,
      );
      first.child.kill('SIGKILL');
      await once(first.child, 'exit');

      const second = await startPipeline(directory);
      running.push(second.child);
      const resultsAtRestart =
        (await countKeys(second.store, LOCAL_RESULTS_BUCKET, REPORTS_PREFIX)) +
        (await countKeys(second.store, LOCAL_RESULTS_BUCKET, ERRORS_PREFIX));
      const expected = articles.map((article) => articleIdFromKey(`${UPLOAD_PREFIX}${article.name}`));
      let missing: string[] = [];
      await until(async () => {
        if (second.child.exitCode !== null || second.child.signalCode !== null)
          throw new Error(
            `Expected the restarted pipeline to keep running, but it exited:\n${second.output()}`,
          );
        const indexed = await indexedIds(second.store);
        missing = expected.filter((id) => !indexed.has(id));
        return missing.length === 0;
      }, 150_000).catch(async (error: Error) => {
        const reports = await countKeys(second.store, LOCAL_RESULTS_BUCKET, REPORTS_PREFIX);
        throw new Error(
          `${error.message}\n${missing.length} of ${ARTICLES} never indexed (e.g. ${missing.slice(0, 3).join(', ')}); ` +
            `${reports} reports; ${resultsAtRestart} results at restart.\n` +
            `First run said:\n${first.output().slice(-3000)}\nSecond run said:\n${second.output().slice(-3000)}`,
        );
      });

      expect(resultsAtRestart).toBeLessThan(ARTICLES);
      expect(second.output()).toMatch(/Resuming the last run: [1-9]\d* articles to analyse/);
      expect(await countKeys(second.store, LOCAL_RESULTS_BUCKET, REPORTS_PREFIX)).toBe(ARTICLES);
      expect(await countKeys(second.store, LOCAL_RESULTS_BUCKET, ERRORS_PREFIX)).toBe(0);
      second.child.kill('SIGINT');
      await once(second.child, 'exit');
    },
    TEST_TIMEOUT_MS,
  );
});
