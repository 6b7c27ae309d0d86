import { parseArgs } from 'node:util';
import { CopyObjectCommand } from '@aws-sdk/client-s3';
import { LOCAL_UPLOAD_BUCKET } from '../../functions/local/pipeline.ts';
import { UPLOAD_PREFIX } from '../../shared/store/layout.ts';
import {
  isLaterTime,
  REANALYSED_META,
  REANALYSIS_REQUESTS_PREFIX,
  type ReanalysisRequest,
  ReanalysisRequestSchema,
  reanalysisRequestKey,
} from '../../shared/store/reanalysis.ts';
import { inContext, UsageError } from '../cli-errors.ts';
import { runBatch } from '../run-batch.ts';
import { LOCAL_ENDPOINT, type S3Target, uploadTarget } from '../s3-target.ts';
import { listUploads, resolveUploadKeys } from '../upload-keys.ts';

export const summary = 'analyse uploaded articles again (after an upgrade or a fix), in place';

export const help = `Usage: quote-tone reanalyse KEY...|--all [--endpoint URL] [--bucket NAME]

Triggers a fresh analysis of each named upload (or of every upload with --all) without
uploading it again: the object is copied onto itself with a new "${REANALYSED_META}" metadata
value. The copy is a new S3 event and, on AWS's versioned bucket, a new object version, so
the pipeline analyses it even when the same content was analysed before; its report, index
entry and quote lake rows are replaced. The article's content is not changed.

A run that is stopped before its last copy (Ctrl-C, a kill, a lost connection) leaves a record
of what it was asked under ${REANALYSIS_REQUESTS_PREFIX} in the bucket, and the next run picks it up: it
copies the uploads the stopped run had not reached, skips those it had, and says so. Locally,
"quote-tone start" also finishes the re-analyses a killed pipeline had not got to.

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
  const target = await uploadTarget(values);
  const stopped = await readStoppedRequests(target);
  const keys = values.all ? await listUploads(target) : await resolveUploadKeys(target, positionals);
  // Each upload's request time: a stopped run's for the uploads it was asked for, so the copies it
  // made count as done; now for the others.
  const requestedAt = new Date().toISOString();
  const askedAt = new Map<string, string>();
  for (const { value } of stopped)
    for (const key of value.keys) if (!askedAt.has(key)) askedAt.set(key, value.requestedAt);
  const fresh = keys.filter((key) => !askedAt.has(key));
  for (const key of fresh) askedAt.set(key, requestedAt);
  if (askedAt.size === 0) {
    console.log(`no articles under ${target.where}/${UPLOAD_PREFIX}; nothing to re-analyse`);
    return 0;
  }
  for (const { value } of stopped)
    console.log(
      `picking up the re-analysis asked at ${value.requestedAt}, which was stopped before it had ` +
        `copied every upload (${value.keys.length} asked for)`,
    );
  // Recorded before the first copy, so a run stopped at any point leaves the record behind.
  const record = reanalysisRequestKey(requestedAt);
  if (fresh.length > 0)
    await inContext(target.context, () =>
      target.store.putJson(target.bucket, record, { requestedAt, keys: fresh } satisfies ReanalysisRequest),
    );
  let copied = 0;
  const result = await runBatch(
    'reanalyse',
    'requesting',
    [...askedAt],
    ([key]) => key,
    async ([key, time]) => {
      if (await copyUnlessDone(target, key, time)) copied += 1;
    },
    target.context,
  );
  const finished = result.succeeded === askedAt.size;
  // Kept after a failed copy: the next run picks it up.
  if (finished)
    await inContext(target.context, async () => {
      for (const key of [...stopped.map((request) => request.key), ...(fresh.length > 0 ? [record] : [])])
        await target.store.delete(target.bucket, key);
    });
  const skipped = result.succeeded - copied;
  console.log(
    `requested re-analysis of ${copied} of ${askedAt.size} upload(s) in ${target.where}` +
      (skipped > 0 ? ` (${skipped} copied before the stop, or removed since, were skipped)` : '') +
      '; their reports are replaced as the pipeline gets to them',
  );
  return finished ? 0 : 1;
}

interface StoppedRequest {
  key: string;
  value: ReanalysisRequest;
}

// The records of runs stopped before their last copy, oldest first. A record that does not parse
// cannot be picked up: it is left alone (and named), and the uploads are still there to ask for.
async function readStoppedRequests(target: S3Target): Promise<StoppedRequest[]> {
  return inContext(target.context, async () => {
    const requests: StoppedRequest[] = [];
    for await (const key of target.store.list(target.bucket, REANALYSIS_REQUESTS_PREFIX)) {
      const value = ReanalysisRequestSchema.safeParse(
        (await target.store.getJson(target.bucket, key))?.value,
      );
      if (value.success) requests.push({ key, value: value.data });
      else
        console.error(`quote-tone reanalyse: ${target.where}/${key}: not a re-analysis record; left alone`);
    }
    return requests.sort((a, b) => a.value.requestedAt.localeCompare(b.value.requestedAt));
  });
}

/**
 * Copies the object onto itself, keeping its content type and metadata, with `askedAt` as its
 * re-analysis time; false (no copy) when an earlier copy already carries that time or a later one,
 * or when the upload is gone.
 */
async function copyUnlessDone(target: S3Target, key: string, askedAt: string): Promise<boolean> {
  const head = await target.store.head(target.bucket, key);
  const done = head?.metadata?.[REANALYSED_META];
  if (!head || done === askedAt || isLaterTime(done, askedAt)) return false;
  await target.client.send(
    new CopyObjectCommand({
      Bucket: target.bucket,
      Key: key,
      CopySource: `${target.bucket}/${copySourceKey(target, key)}`,
      MetadataDirective: 'REPLACE',
      Metadata: { ...head.metadata, [REANALYSED_META]: askedAt },
      ...(head.contentType ? { ContentType: head.contentType } : {}),
    }),
  );
  return true;
}

// S3 URL-decodes the copy source in full; the embedded server decodes it with decodeURI, which
// leaves reserved characters (":", "+", …) encoded, so it gets the matching encodeURI.
function copySourceKey(target: S3Target, key: string): string {
  if (target.endpoint) return encodeURI(key);
  return encodeURIComponent(key).replace(/%2F/g, '/');
}
