import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { embeddedS3ClientConfig, ObjectStore } from '../../functions/lib/object-store.ts';
import { LOCAL_ADDRESS, LOCAL_S3_PORT, LOCAL_UPLOAD_BUCKET } from '../../functions/local/pipeline.ts';
import { UPLOAD_PREFIX } from '../../shared/store/layout.ts';
import { articleFiles } from '../article-files.ts';
import { Progress } from '../progress.ts';

export const summary = 'upload articles to articles/ of the local pipeline or an S3 bucket';

export const help = `Usage: quote-tone drop FILE|DIR... [--endpoint URL] [--bucket NAME]

Uploads article files (.txt .md .html .json; folders are walked) to articles/ in the upload
bucket, where each upload triggers analysis.

Targets:
  (no flags)            the local pipeline started by "npm start" (${LOCAL_UPLOAD_BUCKET} at
                        http://${LOCAL_ADDRESS}:${LOCAL_S3_PORT}).
  --bucket NAME         an AWS bucket, e.g. the stack's UploadBucketName output; credentials
                        and region come from the standard AWS environment variables and profiles.
  --endpoint URL        another embedded S3 server (with --bucket, or the local bucket name).

Example:
  npx quote-tone drop examples/ my-articles/interview.txt`;

// Parallel uploads: enough to hide latency to S3 without flooding the embedded server.
const UPLOAD_CONCURRENCY = 8;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { endpoint: { type: 'string' }, bucket: { type: 'string' } },
  });
  if (positionals.length === 0)
    throw new Error('expected at least one FILE or DIR; see quote-tone drop --help');
  const local = !values.bucket || values.endpoint !== undefined;
  const endpoint = values.endpoint ?? `http://${LOCAL_ADDRESS}:${LOCAL_S3_PORT}`;
  const bucket = values.bucket ?? LOCAL_UPLOAD_BUCKET;
  const store = new ObjectStore(new S3Client(local ? embeddedS3ClientConfig(endpoint) : {}));

  const { files, skipped } = await articleFiles(positionals);
  for (const path of skipped) console.error(`quote-tone drop: skipped ${path} (not .txt .md .html or .json)`);
  if (files.length === 0) throw new Error('found no article files to upload');

  const progress = new Progress(files.length, 'uploading');
  const failures: string[] = [];
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      try {
        await store.put(bucket, `${UPLOAD_PREFIX}${file.name}`, await readFile(file.path));
      } catch (error) {
        const refused = local && String((error as { code?: unknown }).code) === 'ECONNREFUSED';
        const reason = refused ? `could not reach ${endpoint}; is "npm start" running?` : String(error);
        failures.push(`${file.path}: ${reason}`);
      }
      progress.tick(file.name);
    }
  };
  await Promise.all(Array.from({ length: UPLOAD_CONCURRENCY }, worker));
  for (const failure of failures) console.error(`quote-tone drop: ${failure}`);
  const where = local ? `${endpoint}/${bucket}` : `s3://${bucket}`;
  console.log(
    `uploaded ${files.length - failures.length} of ${files.length} file(s) to ${where}/${UPLOAD_PREFIX}`,
  );
  return failures.length ? 1 : 0;
}
