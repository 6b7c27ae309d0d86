import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFromKey } from '../../shared/article-id.ts';
import type { Report } from '../../shared/report-schema.ts';
import { reportKey } from '../../shared/store/layout.ts';
import { startTestPipeline } from '../helpers/local-pipeline.ts';
import { expectValidReport } from '../helpers/report-validator.ts';

// A news-style article written for this test: a named speaker, then a pronoun follow-up.
const ARTICLE = [
  'Harbour talks stall',
  '',
  'Union leader Sofia Berg met the port authority on Friday.',
  '',
  '"There are no reasons for joy, of course," she said.',
  '',
  '"We will be back on Monday," said Henrik Aas.',
].join('\n');

describe('the analyze handler behind the embedded S3 server', () => {
  let pipeline: Awaited<ReturnType<typeof startTestPipeline>>;

  beforeAll(async () => {
    pipeline = await startTestPipeline();
  });

  afterAll(async () => {
    await pipeline?.dispose();
  });

  it('writes a schema-valid report for a key with spaces and non-ASCII characters', async () => {
    const key = 'articles/Переговоры в порту/harbour talks été.txt';

    await pipeline.store.put(pipeline.uploadBucket, key, ARTICLE);
    await pipeline.bridge.idle();

    const stored = await pipeline.store.getJson<Report>(
      pipeline.resultsBucket,
      reportKey(articleIdFromKey(key)),
    );
    const report = expectValidReport(stored?.value);
    expect(report.article.source).toMatchObject({ bucket: pipeline.uploadBucket, key });
    expect(report.quotes.map((quote) => [quote.text, quote.speaker.name])).toEqual([
      [expect.stringContaining('There are no reasons for joy, of course'), 'Sofia Berg'],
      [expect.stringContaining('We will be back on Monday'), 'Henrik Aas'],
    ]);
  });

  it('writes nothing back to the upload bucket, so its own writes can never re-trigger it', async () => {
    const keys: string[] = [];
    for await (const key of pipeline.store.list(pipeline.uploadBucket, '')) keys.push(key);

    expect(keys.every((key) => key.startsWith('articles/'))).toBe(true);
  });

  it('removes the report when the source article is deleted', async () => {
    const key = 'articles/to-be-deleted.txt';
    await pipeline.store.put(pipeline.uploadBucket, key, ARTICLE);
    await pipeline.bridge.idle();

    await pipeline.store.delete(pipeline.uploadBucket, key);
    await pipeline.bridge.idle();

    expect(await pipeline.store.head(pipeline.resultsBucket, reportKey(articleIdFromKey(key)))).toBeNull();
  });
});
