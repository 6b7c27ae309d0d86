import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFromKey } from '../../shared/article-id.ts';
import type { Report } from '../../shared/report-schema.ts';
import { reportKey } from '../../shared/store/layout.ts';
import { startTestPipeline } from '../helpers/local-pipeline.ts';
import { expectValidReport } from '../helpers/report-validator.ts';

// Wire copy: the same story dropped under several keys is recognised by its cleaned text, and every
// copy after the first says which article it repeats.

const STORY = [
  'Port strike ends',
  '',
  'Dock workers returned on Monday after a week-long strike.',
  '',
  '"We got what we asked for," said Anna Smith, who led the talks.',
].join('\n');
// The same story as another site's feed lays it out: other line breaks and spacing.
const REFLOWED = STORY.replace('after a week-long', 'after  a\nweek-long');

describe('republished stories', () => {
  let pipeline: Awaited<ReturnType<typeof startTestPipeline>>;

  beforeAll(async () => {
    pipeline = await startTestPipeline();
  });

  afterAll(async () => {
    await pipeline?.dispose();
  });

  const drop = (key: string, text: string) => pipeline.store.put(pipeline.uploadBucket, key, text);
  const reportOf = async (key: string): Promise<Report> =>
    expectValidReport(
      (await pipeline.store.getJson<Report>(pipeline.resultsBucket, reportKey(articleIdFromKey(key))))?.value,
    );

  it('marks a later copy under another key as a duplicate of the first, with the same text hash', async () => {
    await drop('articles/site-one/strike.txt', STORY);
    await pipeline.bridge.idle();
    await drop('articles/site-two/port-strike-ends.txt', REFLOWED);
    await pipeline.bridge.idle();

    const first = await reportOf('articles/site-one/strike.txt');
    const copy = await reportOf('articles/site-two/port-strike-ends.txt');
    expect(first.article.duplicateOf).toBeUndefined();
    expect(copy.article.duplicateOf).toBe(first.article.id);
    expect(copy.article.textSha256).toBe(first.article.textSha256);
    expect(first.article.textSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the first article first when it is analysed again', async () => {
    await drop('articles/site-one/strike.txt', `${STORY}\n`);
    await pipeline.bridge.idle();

    expect((await reportOf('articles/site-one/strike.txt')).article.duplicateOf).toBeUndefined();
  });

  it('makes exactly one of two copies dropped at once the first', async () => {
    const keys = ['articles/a/twin.txt', 'articles/b/twin.txt'];
    const text = STORY.replace('Dock workers', 'Ferry crews');

    await Promise.all(keys.map((key) => drop(key, text)));
    await pipeline.bridge.idle();

    const reports = await Promise.all(keys.map(reportOf));
    const marked = reports.filter((report) => report.article.duplicateOf !== undefined);
    expect(marked).toHaveLength(1);
    expect(marked[0]?.article.duplicateOf).toBe(
      reports.find((report) => !report.article.duplicateOf)?.article.id,
    );
  });

  it('lets the next copy be the first once the first article is deleted', async () => {
    const text = STORY.replace('Dock workers', 'Bus drivers');
    await drop('articles/original/buses.txt', text);
    await pipeline.bridge.idle();

    await pipeline.store.delete(pipeline.uploadBucket, 'articles/original/buses.txt');
    await pipeline.bridge.idle();
    await drop('articles/later/buses.txt', text);
    await pipeline.bridge.idle();

    expect((await reportOf('articles/later/buses.txt')).article.duplicateOf).toBeUndefined();
  });

  it('does not mark different stories', async () => {
    await drop('articles/other/unrelated.txt', STORY.replace('returned on Monday', 'returned on Tuesday'));
    await pipeline.bridge.idle();

    expect((await reportOf('articles/other/unrelated.txt')).article.duplicateOf).toBeUndefined();
  });
});
