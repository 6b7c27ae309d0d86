import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFromKey } from '../../shared/article-id.ts';
import type { Report } from '../../shared/report-schema.ts';
import { reportKey } from '../../shared/store/layout.ts';
import { startTestPipeline } from '../helpers/local-pipeline.ts';
import { runCliAsync } from './cli-process.ts';

// The commands that read and change a running pipeline's store: report --quotes, reanalyse, remove.

const dir = mkdtempSync(join(tmpdir(), 'quote-tone-store-commands-'));
// Dated the way bylines write dates: a raw string, and an ISO time.
const OLD = join(dir, 'port-dispute.json');
const NEW = join(dir, 'harbour-deal.json');
const OLD_ID = articleIdFromKey('articles/port-dispute.json');
const NEW_ID = articleIdFromKey('articles/harbour-deal.json');

let pipeline: Awaited<ReturnType<typeof startTestPipeline>>;

async function storedReport(id: string): Promise<Report | undefined> {
  return (await pipeline.store.getJson<Report>(pipeline.resultsBucket, reportKey(id)))?.value;
}

async function cli(args: string[]) {
  const result = await runCliAsync([...args, '--endpoint', pipeline.endpoint]);
  await pipeline.bridge.idle();
  return result;
}

beforeAll(async () => {
  writeFileSync(
    OLD,
    JSON.stringify({
      title: 'Port dispute deepens',
      publishedAt: 'March 3, 2019 - 10:15 AMT',
      body: '"This plan is a disaster," said Omar Haddad.\n\n"We will keep talking," said Anna Smith.',
    }),
  );
  writeFileSync(
    NEW,
    JSON.stringify({
      title: 'Harbour deal agreed',
      publishedAt: '2026-11-20T09:00:00Z',
      body: '"We will win, and this is a wonderful day," said Anna Smith.',
    }),
  );
  pipeline = await startTestPipeline();
  const dropped = await cli(['drop', OLD, NEW]);
  expect(dropped.status).toBe(0);
});

afterAll(async () => {
  await pipeline.dispose();
});

describe('quote-tone report --quotes', () => {
  it('lists every statement newest first, dated by publication, as JSON', async () => {
    const { status, stdout } = await cli(['report', '--quotes', '--format', 'json']);

    expect(status).toBe(0);
    const rows = JSON.parse(stdout) as { date: string; speaker: string; articleId: string; text: string }[];
    expect(rows.map((row) => [row.date, row.speaker, row.articleId])).toEqual([
      ['2026-11-20', 'Anna Smith', NEW_ID],
      ['2019-03-03', 'Omar Haddad', OLD_ID],
      ['2019-03-03', 'Anna Smith', OLD_ID],
    ]);
    expect(rows[0]?.text).toContain('wonderful day');
  });

  it("narrows to one speaker's statements since a date, as CSV", async () => {
    const { status, stdout } = await cli([
      'report',
      '--quotes',
      '--speaker',
      'anna',
      '--since',
      '2020-01-01',
      '--format',
      'csv',
    ]);

    expect(status).toBe(0);
    const lines = stdout.trim().split('\r\n');
    expect(lines[0]).toBe('date,dated,speaker,article_id,title,quote_id,kind,label,score,text');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^2026-11-20,published,Anna Smith,harbour-deal-[0-9a-f]{8},Harbour deal agreed,/,
    );
  });

  it('prints a table with speaker, label, score and a count', async () => {
    const quote = (await storedReport(OLD_ID))?.quotes.find((q) => q.speaker.name === 'Omar Haddad');
    const score = `${(quote?.tone.score ?? 0) >= 0 ? '+' : ''}${quote?.tone.score.toFixed(2)}`;

    const { status, stdout } = await cli(['report', '--quotes', '--speaker', 'haddad']);

    expect(status).toBe(0);
    expect(stdout).toMatch(
      new RegExp(
        `\\n2019-03-03 Omar Haddad +${quote?.tone.label} +\\${score} Port dispute deepens +"This plan is a disaster`,
      ),
    );
    expect(stdout).toContain('1 statement in 1 article');
  });

  it('rejects an unsupported format with exit code 2', async () => {
    const { status, stderr } = await cli(['report', '--quotes', '--format', 'xml']);

    expect(status).toBe(2);
    expect(stderr.trim()).toBe(
      'quote-tone report: expected --format table, json or csv, got "xml" (see quote-tone report --help)',
    );
  });
});

describe('quote-tone reanalyse', () => {
  it('analyses one upload again, named by its article id, without uploading it', async () => {
    const before = await storedReport(OLD_ID);
    const untouched = await storedReport(NEW_ID);

    const { status, stdout } = await cli(['reanalyse', OLD_ID]);

    expect(status).toBe(0);
    expect(stdout).toContain('requested re-analysis of 1 of 1 upload(s)');
    const after = await storedReport(OLD_ID);
    expect(after?.analyzedAt).not.toBe(before?.analyzedAt);
    expect(after?.quotes.map((quote) => quote.text)).toEqual(before?.quotes.map((quote) => quote.text));
    expect((await storedReport(NEW_ID))?.analyzedAt).toBe(untouched?.analyzedAt);
  });

  it('analyses every upload again with --all', async () => {
    const before = [await storedReport(OLD_ID), await storedReport(NEW_ID)];

    const { status, stdout } = await cli(['reanalyse', '--all']);

    expect(status).toBe(0);
    expect(stdout).toContain('requested re-analysis of 2 of 2 upload(s)');
    const after = [await storedReport(OLD_ID), await storedReport(NEW_ID)];
    expect(after[0]?.analyzedAt).not.toBe(before[0]?.analyzedAt);
    expect(after[1]?.analyzedAt).not.toBe(before[1]?.analyzedAt);
  });

  it('asks for KEY or --all, with exit code 2', async () => {
    const { status, stderr } = await cli(['reanalyse']);

    expect(status).toBe(2);
    expect(stderr).toContain('expected KEY... or --all');
  });
});

describe('quote-tone remove', () => {
  it('refuses a key that matches no upload, with one line, and deletes nothing', async () => {
    const { status, stderr } = await cli(['remove', 'harbour-deal.txt']);

    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/found no upload "harbour-deal.txt"/)]);
    expect((await storedReport(NEW_ID))?.article.id).toBe(NEW_ID);
  });

  it('deletes the upload, and the pipeline removes its report', async () => {
    const { status, stdout } = await cli(['remove', 'harbour-deal.json']);

    expect(status).toBe(0);
    expect(stdout).toContain('removed 1 of 1 upload(s)');
    expect(await storedReport(NEW_ID)).toBeUndefined();
    const listed = await cli(['report', '--quotes', '--format', 'json']);
    expect((JSON.parse(listed.stdout) as { articleId: string }[]).map((row) => row.articleId)).toEqual([
      OLD_ID,
      OLD_ID,
    ]);
  });
});

describe('republished copies', () => {
  it('count once in report --quotes and in a speaker line, as in the index', async () => {
    // The same story under another name: its report says duplicateOf the first.
    const copy = join(dir, 'port-dispute-wire.json');
    writeFileSync(copy, readFileSync(OLD, 'utf8'));
    expect((await cli(['drop', copy])).status).toBe(0);
    const copyId = articleIdFromKey('articles/port-dispute-wire.json');
    expect((await storedReport(copyId))?.article.duplicateOf).toBe(OLD_ID);

    const quotes = await cli(['report', '--quotes', '--speaker', 'anna', '--format', 'json']);

    expect(quotes.status).toBe(0);
    expect((JSON.parse(quotes.stdout) as { articleId: string }[]).map((row) => row.articleId)).toEqual([
      OLD_ID,
    ]);
    expect(quotes.stderr).toContain('left out 1 statement of republished copies');
    const articles = await cli(['report', '--speaker', 'anna']);
    expect(articles.stdout).toContain('Anna Smith: 1 quote,');
  });
});
