import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFromKey } from '../../shared/article-id.ts';
import type { Report } from '../../shared/report-schema.ts';
import type { ErrorRecord } from '../../shared/store/error-record.ts';
import { errorKey, reportKey } from '../../shared/store/layout.ts';
import { startTestPipeline } from '../helpers/local-pipeline.ts';
import { expectValidReport } from '../helpers/report-validator.ts';

// A small limit keeps the "too large" upload small; the handler reads it at import.
const TEST_LIMIT_BYTES = 64 * 1024;
const GOOD_ARTICLE = '"We will keep working on this," said Anna Smith.';

// Each bad input is followed by a good article: a refusal must never block the next one.
describe('bad input through the embedded S3 pipeline', () => {
  let pipeline: Awaited<ReturnType<typeof startTestPipeline>>;

  beforeAll(async () => {
    process.env.MAX_ARTICLE_BYTES = String(TEST_LIMIT_BYTES);
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

  async function errorRecordOf(id: string): Promise<ErrorRecord | undefined> {
    return (await pipeline.store.getJson<ErrorRecord>(pipeline.resultsBucket, errorKey(id)))?.value;
  }

  async function reportOf(id: string): Promise<Report | undefined> {
    return (await pipeline.store.getJson<Report>(pipeline.resultsBucket, reportKey(id)))?.value;
  }

  async function expectNextGoodArticleAnalysed(after: string): Promise<void> {
    const id = await drop(`good-after-${after}.txt`, GOOD_ARTICLE);
    expect((await reportOf(id))?.quotes[0]?.speaker.name).toBe('Anna Smith');
  }

  const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(200, 7)]);
  const PNG = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(200, 0),
  ]);
  const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);

  it.each([
    ['too large', 'huge.txt', 'x'.repeat(TEST_LIMIT_BYTES + 1), 'ARTICLE_TOO_LARGE', /at most 65536 bytes/],
    ['empty', 'empty.txt', '', 'EMPTY_ARTICLE', /no text|empty/i],
    ['whitespace only', 'blank.md', ' \n\n\t \n', 'EMPTY_ARTICLE', /no text|empty|whitespace/i],
    ['a PDF named .txt', 'scan.txt', PDF, 'BINARY_CONTENT', /PDF/],
    ['a PNG named .html', 'photo.html', PNG, 'BINARY_CONTENT', /PNG/],
    ['a zip named .json', 'bundle.json', ZIP, 'BINARY_CONTENT', /zip/i],
    ['a JSON article without a body', 'nobody.json', '{"title": "Only a title"}', undefined, /body/],
  ])('refuses %s with an error record and a clear reason', async (_case, name, body, code, reason) => {
    const id = await drop(name, body);

    const record = await errorRecordOf(id);
    expect(record).toMatchObject({ status: 'failed', source: { key: `articles/${name}` } });
    if (code) expect(record?.code).toBe(code);
    expect(record?.reason).toMatch(reason);
    expect(record?.source.etag).toBeTruthy();
    expect(await reportOf(id)).toBeUndefined();
    await expectNextGoodArticleAnalysed(name);
  });

  it('reads Windows-1252 text as written instead of producing mojibake', async () => {
    const latin = Buffer.from('\x93The caf\xe9 stays open,\x94 said Anna Smith.', 'latin1');

    const report = expectValidReport(await reportOf(await drop('legacy.txt', latin)));

    expect(report.article.text).toContain('café');
    expect(report.quotes[0]?.text).toContain('The café stays open');
  });

  it('analyses HTML with scripts and styles without keeping any of them', async () => {
    const html = `<html><head><style>p{color:red}</style><script>alert("pwned")</script></head>
      <body><article><p>"We welcome the decision today," said Anna Smith.</p>
      <script>document.write("injected")</script></article></body></html>`;

    const report = expectValidReport(await reportOf(await drop('scripted.html', html)));

    expect(report.article.text).not.toMatch(/alert|injected|color:red/);
    expect(report.quotes[0]?.speaker.name).toBe('Anna Smith');
  });

  it('survives extremely long lines and unbalanced quotes, and still finds the real quote', async () => {
    const article = [
      `${'word '.repeat(10_000)}`, // one 50 KB line, under the test's size limit
      '"'.repeat(5_000),
      'He said "this never closes and goes on',
      '"We will keep working on this," said Anna Smith.',
    ].join('\n\n');

    const report = expectValidReport(await reportOf(await drop('hostile.txt', article)));

    expect(report.quotes.some((quote) => quote.speaker.name === 'Anna Smith')).toBe(true);
    await expectNextGoodArticleAnalysed('hostile');
  });
});
