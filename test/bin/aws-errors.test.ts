import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from './cli-process.ts';
import { type FakeS3, startFakeS3 } from './fake-s3.ts';

// What a user sees when S3 or the AWS setup says no: one line naming the cause and the fix,
// a non-zero exit code, and never a stack trace.

const dir = mkdtempSync(join(tmpdir(), 'quote-tone-aws-errors-'));
const ARTICLE = join(dir, 'talks.txt');
// No profile, no region, no credentials, and no instance metadata to wait for.
const NO_AWS_SETUP = {
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_PROFILE: undefined,
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_CONFIG_FILE: join(dir, 'no-config'),
  AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
  AWS_EC2_METADATA_DISABLED: 'true',
  QUOTE_TONE_RESULTS_BUCKET: undefined,
};

let fake: FakeS3 | undefined;

beforeAll(() => {
  writeFileSync(ARTICLE, '"We are close to a deal," said Anna Smith.\n');
});

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function expectOneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0] ?? '';
}

describe('AWS errors', () => {
  it('names the missing region and how to set it', async () => {
    const { status, stderr } = await runCliAsync(['report', '--bucket', 'my-results'], { env: NO_AWS_SETUP });

    expect(status).toBe(1);
    expect(expectOneLine(stderr)).toMatch(/^quote-tone report: no AWS region is set; set AWS_REGION/);
  });

  it('names the missing credentials once, not once per file, and uploads nothing', async () => {
    const { status, stdout, stderr } = await runCliAsync(
      ['drop', ARTICLE, ARTICLE, '--bucket', 'my-uploads'],
      {
        env: { ...NO_AWS_SETUP, AWS_REGION: 'eu-west-1' },
      },
    );

    expect(status).toBe(1);
    const failures = stderr.split('\n').filter((line) => line.startsWith('quote-tone drop:'));
    expect(failures).toEqual([expect.stringMatching(/no AWS credentials found; run "aws configure"/)]);
    expect(stdout).toContain('uploaded 0 of 2 file(s) to s3://my-uploads/articles/');
  });

  it('says the bucket does not exist instead of reporting an empty store', async () => {
    fake = await startFakeS3(() => ({ status: 404, code: 'NoSuchBucket' }));

    const { status, stdout, stderr } = await runCliAsync([
      'report',
      '--bucket',
      'no-such-results',
      '--endpoint',
      fake.endpoint,
    ]);

    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(expectOneLine(stderr)).toMatch(
      /^quote-tone report: no bucket named "no-such-results" at http.*check the name/,
    );
  });

  it('says the upload bucket does not exist once, not once per file', async () => {
    fake = await startFakeS3(() => ({ status: 404, code: 'NoSuchBucket' }));

    const { status, stderr } = await runCliAsync([
      'drop',
      ARTICLE,
      ARTICLE,
      '--bucket',
      'no-such-uploads',
      '--endpoint',
      fake.endpoint,
    ]);

    expect(status).toBe(1);
    const failures = stderr.split('\n').filter((line) => line.startsWith('quote-tone drop:'));
    expect(failures).toEqual([
      expect.stringMatching(/^quote-tone drop: no bucket named "no-such-uploads" at http/),
    ]);
  });

  it('says access was denied to the bucket, with the credentials hint', async () => {
    fake = await startFakeS3(() => ({ status: 403, code: 'AccessDenied' }));

    const { status, stderr } = await runCliAsync([
      'report',
      '--quotes',
      '--bucket',
      'locked-results',
      '--endpoint',
      fake.endpoint,
    ]);

    expect(status).toBe(1);
    expect(expectOneLine(stderr)).toMatch(
      /^quote-tone report: access denied to "locked-results" \(AccessDenied\); check that your AWS credentials/,
    );
  });

  it('says the local pipeline is not reachable and how to point at it', async () => {
    // Nothing listens on port 9 (discard) on a test machine.
    const { status, stderr } = await runCliAsync(['remove', 'talks.txt', '--endpoint', 'http://127.0.0.1:9']);

    expect(status).toBe(1);
    expect(expectOneLine(stderr)).toMatch(
      /^quote-tone remove: could not reach http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\); is "npm start" running\?.*--endpoint/,
    );
  });
});
