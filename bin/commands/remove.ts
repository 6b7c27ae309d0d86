import { parseArgs } from 'node:util';
import { LOCAL_UPLOAD_BUCKET } from '../../functions/local/pipeline.ts';
import { UsageError } from '../cli-errors.ts';
import { runBatch } from '../run-batch.ts';
import { LOCAL_ENDPOINT, uploadTarget } from '../s3-target.ts';
import { resolveUploadKeys } from '../upload-keys.ts';

export const summary = 'delete uploaded articles; the pipeline then removes their reports';

export const help = `Usage: quote-tone remove KEY... [--endpoint URL] [--bucket NAME]

Deletes each named article from articles/ in the upload bucket. The deletion is an S3 event like
an upload: the pipeline removes the article's report (or error record), its index entry and its
quote lake rows. On AWS the upload bucket is versioned, so the deletion adds a delete marker and
earlier versions stay recoverable.

KEY is the upload key (articles/talks.txt), the key without articles/ (talks.txt), or the
article id that "quote-tone report" lists (talks-1a2b3c4d). A KEY that matches no upload is an
error and nothing is deleted.

Options:
  (no flags)            the local pipeline started by "npm start" (${LOCAL_UPLOAD_BUCKET} at
                        ${LOCAL_ENDPOINT}).
  --bucket NAME         an AWS upload bucket (the stack's UploadBucketName output).
  --endpoint URL        another embedded S3 server, e.g. the one "quote-tone start --port N" printed.
  -h, --help            show this help.

Example:
  npx quote-tone remove harbour-talks.txt`;

export const options = {
  endpoint: { type: 'string' },
  bucket: { type: 'string' },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  if (positionals.length === 0) throw new UsageError('expected at least one KEY');
  const target = await uploadTarget(values);
  const keys = await resolveUploadKeys(target, positionals);

  const result = await runBatch(
    'remove',
    'removing',
    keys,
    (key) => key,
    (key) => target.store.delete(target.bucket, key),
    target.context,
  );
  console.log(
    `removed ${result.succeeded} of ${keys.length} upload(s) from ${target.where}; ` +
      'the pipeline removes their reports and index entries',
  );
  return result.succeeded === keys.length ? 0 : 1;
}
