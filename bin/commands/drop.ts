import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { LOCAL_UPLOAD_BUCKET } from '../../functions/local/pipeline.ts';
import { UPLOAD_PREFIX } from '../../shared/store/layout.ts';
import { type ArticleFile, articleFiles, findNameClash } from '../article-files.ts';
import { UsageError } from '../cli-errors.ts';
import { runBatch } from '../run-batch.ts';
import { LOCAL_ENDPOINT, uploadTarget } from '../s3-target.ts';

export const summary = 'upload articles to articles/ of the local pipeline or an S3 bucket';

export const help = `Usage: quote-tone drop FILE|DIR... [--endpoint URL] [--bucket NAME]

Uploads article files (.txt .md .html .json; folders are walked) to articles/ in the upload
bucket, where each upload triggers analysis. A file goes to articles/<its name>, or, found in a
folder given, articles/<its path inside that folder>; two inputs bound for one key (d1/a.txt and
d2/a.txt in "drop d1 d2") are refused before anything is uploaded. A file that fails is named
on stderr with its reason, the others still go; the exit code is then 1.

Options:
  (no flags)            the local pipeline started by "npm start" (${LOCAL_UPLOAD_BUCKET} at
                        ${LOCAL_ENDPOINT}).
  --bucket NAME         an AWS bucket, e.g. the stack's UploadBucketName output; credentials
                        and region come from the standard AWS environment variables and profiles.
  --endpoint URL        another embedded S3 server, e.g. the one "quote-tone start --port N"
                        printed (with --bucket, or the local bucket name).
  -h, --help            show this help.

Example:
  npx quote-tone drop examples/ my-articles/interview.txt`;

export const options = {
  endpoint: { type: 'string' },
  bucket: { type: 'string' },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  if (positionals.length === 0) throw new UsageError('expected at least one FILE or DIR');
  const { files, skipped, missing } = await articleFiles(positionals);
  refuseKeyClash(files);
  for (const path of skipped) console.error(`quote-tone drop: skipped ${path} (not .txt .md .html or .json)`);
  for (const path of missing) console.error(`quote-tone drop: ${path}: no such file or folder`);
  if (files.length === 0) {
    // A missing path was named on its line already: one line per failure, not a second for it.
    if (missing.length === 0) console.error('quote-tone drop: found no article files to upload');
    return 1;
  }

  // After the checks on the files, so a drop refused for them asks nothing of the endpoint.
  const target = await uploadTarget(values);
  const result = await runBatch(
    'drop',
    'uploading',
    files,
    (file) => file.path,
    async (file) => {
      await target.store.put(target.bucket, `${UPLOAD_PREFIX}${file.name}`, await readFile(file.path));
    },
    target.context,
  );
  const notTried = result.notTried ? `; ${result.notTried} not tried` : '';
  console.log(
    `uploaded ${result.succeeded} of ${files.length} file(s) to ${target.where}/${UPLOAD_PREFIX}` +
      (result.failed ? ` (${result.failed} failed${notTried})` : ''),
  );
  return result.succeeded === files.length && missing.length === 0 ? 0 : 1;
}

// Two files bound for one key: the second upload would replace the first, and one article would
// be lost while the count said both went up. Refused before anything is uploaded.
function refuseKeyClash(files: ArticleFile[]): void {
  const clash = findNameClash(files, (file) => `${UPLOAD_PREFIX}${file.name}`);
  if (clash)
    throw new UsageError(
      `${clash.first} and ${clash.second} would both be uploaded to ${clash.destination}; nothing was uploaded (rename one, or drop the folder holding both so each keeps its subfolder)`,
    );
}
