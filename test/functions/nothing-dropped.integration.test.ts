import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFromKey } from '../../shared/article-id.ts';
import type { Report } from '../../shared/report-schema.ts';
import type { ErrorRecord } from '../../shared/store/error-record.ts';
import { errorKey, reportKey } from '../../shared/store/layout.ts';
import { startTestPipeline } from '../helpers/local-pipeline.ts';

// Every object under articles/ ends with a report or an error record: the pipeline is notified for
// the whole prefix and the analyze step decides what it reads.

const ARTICLE = 'Talks\n\n"We will be back on Monday," said Anna Smith.';
const PAGE =
  '<html><body><article><p>"We will be back on Monday," said Anna Smith.</p></article></body></html>';
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.alloc(300, 7)]);

describe('nothing dropped under articles/', () => {
  let pipeline: Awaited<ReturnType<typeof startTestPipeline>>;

  beforeAll(async () => {
    pipeline = await startTestPipeline();
  });

  afterAll(async () => {
    await pipeline?.dispose();
  });

  async function drop(name: string, body: string | Uint8Array): Promise<string> {
    const key = `articles/${name}`;
    await pipeline.store.put(pipeline.uploadBucket, key, body);
    await pipeline.bridge.idle();
    return articleIdFromKey(key);
  }

  const reportOf = async (id: string) =>
    (await pipeline.store.getJson<Report>(pipeline.resultsBucket, reportKey(id)))?.value;
  const errorOf = async (id: string) =>
    (await pipeline.store.getJson<ErrorRecord>(pipeline.resultsBucket, errorKey(id)))?.value;

  it.each([
    ['Story.TXT', ARTICLE, 'text'],
    ['page.htm', PAGE, 'html'],
    ['x.markdown', ARTICLE, 'markdown'],
    ['wire-copy', PAGE, 'html'],
  ])('analyses %s', async (name, body, format) => {
    const report = await reportOf(await drop(name, body));

    expect(report?.article.format).toBe(format);
    expect(report?.quotes[0]?.speaker.name).toBe('Anna Smith');
  });

  it.each([
    ['doc.pdf', PDF, 'BINARY_CONTENT', /PDF document/],
    ['table.csv', 'a,b,c\n1,2,3', 'UNSUPPORTED_FORMAT', /"\.csv"/],
  ])('gives %s an error record with a clear reason', async (name, body, code, reason) => {
    const id = await drop(name, body);

    expect(await errorOf(id)).toMatchObject({ code, reason: expect.stringMatching(reason) });
    expect(await reportOf(id)).toBeUndefined();
  });

  it('leaves a folder marker alone', async () => {
    const id = await drop('2026/', '');

    expect(await errorOf(id)).toBeUndefined();
    expect(await reportOf(id)).toBeUndefined();
  });
  it('refuses an upload whose file name is too long for the local disk, and keeps running', async () => {
    const key = `articles/${'a'.repeat(300)}.txt`;

    await expect(pipeline.store.put(pipeline.uploadBucket, key, ARTICLE)).rejects.toThrow(
      /at most \d+ bytes for the local store/,
    );
    const next = await drop('after-a-long-name.txt', ARTICLE);
    expect((await reportOf(next))?.quotes[0]?.speaker.name).toBe('Anna Smith');
  });

  it('still takes a long key whose parts fit (S3 allows 1,024 bytes)', async () => {
    const id = await drop(`${'deep/'.repeat(40)}story.txt`, ARTICLE);

    expect((await reportOf(id))?.quotes[0]?.speaker.name).toBe('Anna Smith');
  });
});
