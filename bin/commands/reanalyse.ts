import { parseArgs } from 'node:util';
import { CopyObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { LOCAL_UPLOAD_BUCKET } from '../../functions/local/pipeline.ts';
import { UPLOAD_PREFIX } from '../../shared/store/layout.ts';
import { UsageError } from '../cli-errors.ts';
import { runBatch } from '../run-batch.ts';
import { LOCAL_ENDPOINT, type S3Target, uploadTarget } from '../s3-target.ts';
import { listUploads, resolveUploadKeys } from '../upload-keys.ts';

// User metadata that changes on every re-analysis, so S3 accepts copying an object onto itself.
const REANALYSED_META = 'quote-tone-reanalysed-at';

export const summary = 'analyse uploaded articles again (after an upgrade or a fix), in place';

export const help = `Usage: quote-tone reanalyse KEY...|--all [--endpoint URL] [--bucket NAME]

Triggers a fresh analysis of each named upload (or of every upload with --all) without
uploading it again: the object is copied onto itself with a new "${REANALYSED_META}" metadata
value. The copy is a new S3 event and, on AWS's versioned bucket, a new object version, so
the pipeline analyses it even when the same content was analysed before; its report, index
entry and quote lake rows are replaced. The article's content is not changed.

KEY is the upload key (articles/talks.txt), the key without articles/ (talks.txt), or the
article id that "quote-tone report" lists (talks-1a2b3c4d).

Options:
  --all                 every article under articles/.
  (no flags)            the local pipeline started by "npm start" (${LOCAL_UPLOAD_BUCKET} at
                        ${LOCAL_ENDPOINT}).
  --bucket NAME         an AWS upload bucket (the stack's UploadBucketName output).
  --endpoint URL        another embedded S3 server, e.g. the one "quote-tone start --port N" printed.
  -h, --help            show this help.

Examples:
  npx quote-tone reanalyse harbour-talks.txt
  npx quote-tone reanalyse --all --bucket <UploadBucketName output>`;

export const options = {
  all: { type: 'boolean', default: false },
  endpoint: { type: 'string' },
  bucket: { type: 'string' },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  if (values.all === positionals.length > 0) throw new UsageError('expected KEY... or --all (one of them)');
  const target = uploadTarget(values);
  const keys = values.all ? await listUploads(target) : await resolveUploadKeys(target, positionals);
  if (keys.length === 0) {
    console.log(`no articles under ${target.where}/${UPLOAD_PREFIX}; nothing to re-analyse`);
    return 0;
  }
  const requestedAt = new Date().toISOString();
  const result = await runBatch(
    'reanalyse',
    'requesting',
    keys,
    (key) => key,
    (key) => copyOntoItself(target, key, requestedAt),
    target.context,
  );
  console.log(
    `requested re-analysis of ${result.succeeded} of ${keys.length} upload(s) in ${target.where}; ` +
      'their reports are replaced as the pipeline gets to them',
  );
  return result.succeeded === keys.length ? 0 : 1;
}

/** Copies the object onto itself, keeping its content type and metadata, with a new marker value. */
async function copyOntoItself(target: S3Target, key: string, requestedAt: string): Promise<void> {
  const { client } = target;
  const head = await client.send(new HeadObjectCommand({ Bucket: target.bucket, Key: key }));
  await client.send(
    new CopyObjectCommand({
      Bucket: target.bucket,
      Key: key,
      CopySource: `${target.bucket}/${copySourceKey(target, key)}`,
      MetadataDirective: 'REPLACE',
      Metadata: { ...head.Metadata, [REANALYSED_META]: requestedAt },
      ...(head.ContentType ? { ContentType: head.ContentType } : {}),
    }),
  );
}

// S3 URL-decodes the copy source in full; the embedded server decodes it with decodeURI, which
// leaves reserved characters (":", "+", …) encoded, so it gets the matching encodeURI.
function copySourceKey(target: S3Target, key: string): string {
  if (target.endpoint) return encodeURI(key);
  return encodeURIComponent(key).replace(/%2F/g, '/');
}
