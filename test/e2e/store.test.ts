import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllEntries, readSpeakerListFile } from '../../functions/lib/index-reader.ts';
import { type LocalPipeline, startLocalPipeline } from '../../functions/local/pipeline.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import { type Report, ReportSchema } from '../../shared/report-schema.ts';
import {
  type AnalysedArticleEntry,
  type ArticleEntry,
  mainSpeakersOf,
} from '../../shared/store/article-entry.ts';
import { errorKey, reportKey, UPLOAD_PREFIX } from '../../shared/store/layout.ts';
import { LAKE_COLUMNS, LakeRowSchema, lakeKey } from '../../shared/store/quote-lake.ts';
import { generateArticles } from './generated-articles.ts';

// The store as the dashboard and Athena see it, after real drops through the embedded S3 server.

const BULK_ARTICLES = 100;
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'quote-tone.js');

// Asynchronous on purpose: the embedded server runs in this process and must keep answering.
async function quoteTone(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

describe('the dashboard-ready store', () => {
  let pipeline: LocalPipeline;
  // Our own directory, so `report --dir` can read the store from disk.
  const directory = mkdtempSync(join(tmpdir(), 'quote-tone-store-'));

  const drop = async (name: string, text: string) => {
    await pipeline.store.put(pipeline.uploadBucket, `${UPLOAD_PREFIX}${name}`, text);
  };
  const articlesIndex = async (): Promise<{ articles: ArticleEntry[] }> => ({
    articles: await readAllEntries(pipeline.store, pipeline.resultsBucket),
  });
  // The speaker list's rows (every speaker here: far fewer than its limit).
  const speakersIndex = async () => ({
    speakers: ((await readSpeakerListFile(pipeline.store, pipeline.resultsBucket))?.rows ?? []).map(
      (row) => ({
        name: row.name,
        quotes: row.tally.quotes,
        articles: row.tally.articles,
        labels: row.tally.labels,
      }),
    ),
  });
  const report = async (id: string): Promise<Report> =>
    ReportSchema.parse((await pipeline.store.getJson(pipeline.resultsBucket, reportKey(id)))?.value);
  const entry = async (name: string) =>
    (await articlesIndex()).articles.find(
      (article) => article.id === articleIdFromKey(`${UPLOAD_PREFIX}${name}`),
    );

  beforeAll(async () => {
    pipeline = await startLocalPipeline({ directory, port: 0 });
  });

  afterAll(async () => {
    await pipeline?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it(`lists exactly ${BULK_ARTICLES} articles dropped at once, with speaker counts matching the reports`, async () => {
    const articles = generateArticles(BULK_ARTICLES);

    await Promise.all(articles.map((article) => drop(article.name, article.text)));
    await pipeline.bridge.idle();

    const index = await articlesIndex();
    expect(index.articles).toHaveLength(BULK_ARTICLES);
    expect(new Set(index.articles.map((article) => article.status))).toEqual(new Set(['analysed']));
    const reports = await Promise.all(index.articles.map((article) => report(article.id)));
    const expected = new Map<
      string,
      { quotes: number; articles: number; positive: number; negative: number }
    >();
    for (const { summary } of reports) {
      for (const speaker of summary.speakers) {
        const total = expected.get(speaker.name) ?? { quotes: 0, articles: 0, positive: 0, negative: 0 };
        total.quotes += speaker.quotes;
        total.articles += 1;
        total.positive += speaker.labels.positive;
        total.negative += speaker.labels.negative;
        expected.set(speaker.name, total);
      }
    }
    const speakers = (await speakersIndex()).speakers;
    expect(expected.size).toBeGreaterThan(1);
    expect(
      new Map(
        speakers.map((speaker) => [
          speaker.name,
          {
            quotes: speaker.quotes,
            articles: speaker.articles,
            positive: speaker.labels.positive,
            negative: speaker.labels.negative,
          },
        ]),
      ),
    ).toEqual(expected);
  });

  it('keeps one entry with the new figures after the same article is dropped twice and then changed', async () => {
    const name = 'repeated-talks.txt';
    const first = 'Talks\n\n"We will win," said Anna Smith.';
    const changed = `${first}\n\n"This is a disaster," said Omar Haddad.\n\n"We are hopeful," said Greta Holm.`;

    await drop(name, first);
    await pipeline.bridge.idle();
    await drop(name, first);
    await pipeline.bridge.idle();
    const before = await entry(name);
    await drop(name, changed);
    await pipeline.bridge.idle();

    const index = await articlesIndex();
    const entries = index.articles.filter((article) => article.sourceKey === `${UPLOAD_PREFIX}${name}`);
    expect(entries).toHaveLength(1);
    const after = entries[0] as AnalysedArticleEntry;
    expect(before?.status === 'analysed' && before.quotes).toBe(1);
    expect(after.quotes).toBe((await report(after.id)).summary.quotes);
    expect(after.quotes).toBe(3);
    expect(mainSpeakersOf(after)).toEqual(expect.arrayContaining(['Omar Haddad', 'Greta Holm']));
  });

  it('writes each article quotes as JSON Lines, one quote per line with exactly the Glue columns', async () => {
    const name = 'lake-check.txt';
    await drop(name, 'Lake\n\n"We will win," said Anna Smith.\n\n"It is a sad day," said Lena Brandt.');
    await pipeline.bridge.idle();
    const listed = await entry(name);

    const stored = await pipeline.store.get(
      pipeline.resultsBucket,
      lakeKey(listed?.id ?? '', listed?.analyzedAt ?? ''),
    );
    // Gzipped, as Athena reads `.jsonl.gz`.
    const body = gunzipSync(stored?.body ?? new Uint8Array()).toString('utf8');
    expect(body.endsWith('\n')).toBe(true);
    const lines = body.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const rows = lines.map((line) => LakeRowSchema.parse(JSON.parse(line)));
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(LAKE_COLUMNS.map((c) => c.name).sort());
    expect(rows.map((row) => row.speaker)).toEqual(['Anna Smith', 'Lena Brandt']);
  });

  it('marks a refused article failed with its reason, and flips it back when a good version arrives', async () => {
    const name = 'flip-flop.txt';

    await drop(name, '   \n  ');
    await pipeline.bridge.idle();
    const failed = await entry(name);
    await drop(name, 'Recovered\n\n"We are back," said Kofi Mensah.');
    await pipeline.bridge.idle();
    const recovered = await entry(name);

    expect(failed).toMatchObject({ status: 'failed', code: expect.any(String), reason: expect.any(String) });
    expect(recovered).toMatchObject({ status: 'analysed', quotes: 1 });
    expect(mainSpeakersOf(recovered as AnalysedArticleEntry)).toEqual(['Kofi Mensah']);
    expect(await pipeline.store.head(pipeline.resultsBucket, errorKey(recovered?.id ?? ''))).toBeNull();
  });

  it('removes the index entry, the lake file and the speaker when the source article is deleted', async () => {
    const name = 'short-lived.txt';
    await drop(name, 'Brief\n\n"Nobody will remember this," said Xavier Quell.');
    await pipeline.bridge.idle();
    const listed = await entry(name);
    expect((await speakersIndex()).speakers.map((speaker) => speaker.name)).toContain('Xavier Quell');

    await pipeline.store.delete(pipeline.uploadBucket, `${UPLOAD_PREFIX}${name}`);
    await pipeline.bridge.idle();

    expect(await entry(name)).toBeUndefined();
    expect(
      await pipeline.store.head(pipeline.resultsBucket, lakeKey(listed?.id ?? '', listed?.analyzedAt ?? '')),
    ).toBeNull();
    expect((await speakersIndex()).speakers.map((speaker) => speaker.name)).not.toContain('Xavier Quell');
  });

  it('prints one entry per analysed article with "quote-tone report --format json"', async () => {
    const analysed = (await articlesIndex()).articles.filter((article) => article.status === 'analysed');

    const printed = JSON.parse(
      await quoteTone(['report', '--format', 'json', '--endpoint', pipeline.endpoint]),
    );

    expect(printed.map((article: { id: string }) => article.id).sort()).toEqual(
      analysed.map((article) => article.id).sort(),
    );
    expect(printed.length).toBeGreaterThanOrEqual(BULK_ARTICLES);
  });

  it('lists a refused article with its code and reason under "report --failed", read from the store on disk', async () => {
    await drop('stays-broken.txt', '\n\n   \n');
    await pipeline.bridge.idle();

    const csv = await quoteTone(['report', '--failed', '--format', 'csv', '--dir', directory]);

    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,status,/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^stays-broken-[0-9a-f]+,failed,,articles\/stays-broken\.txt,.*,EMPTY_ARTICLE,/),
    ]);
  });

  it("narrows the report to one speaker's articles", async () => {
    const printed = JSON.parse(
      await quoteTone([
        'report',
        '--speaker',
        'lena brandt',
        '--format',
        'json',
        '--endpoint',
        pipeline.endpoint,
      ]),
    );

    expect(printed.length).toBeGreaterThan(0);
    for (const article of printed)
      expect(article.mainSpeakers.concat(article.speakers.map((s: { name: string }) => s.name))).toContain(
        'Lena Brandt',
      );
  });

  it('leaves out articles analysed before --since', async () => {
    const future = JSON.parse(
      await quoteTone([
        'report',
        '--since',
        '2999-01-01',
        '--format',
        'json',
        '--endpoint',
        pipeline.endpoint,
      ]),
    );
    const past = JSON.parse(
      await quoteTone([
        'report',
        '--since',
        '2000-01-01',
        '--format',
        'json',
        '--endpoint',
        pipeline.endpoint,
      ]),
    );

    expect(future).toEqual([]);
    expect(past.length).toBeGreaterThanOrEqual(BULK_ARTICLES);
  });
});
