import { S3Client } from '@aws-sdk/client-s3';
import { ObjectStore } from '../functions/lib/object-store.ts';
import {
  awsS3ClientConfig,
  embeddedS3ClientConfig,
  SdkS3Transport,
} from '../functions/lib/sdk-s3-transport.ts';
import { LOCAL_ADDRESS, LOCAL_S3_PORT, LOCAL_UPLOAD_BUCKET } from '../functions/local/pipeline.ts';
import { type ErrorContext, UsageError } from './cli-errors.ts';

// Where the upload-side commands (drop, remove, reanalyse) send their requests: the local
// pipeline by default, an AWS bucket with --bucket, another embedded server with --endpoint.

export const LOCAL_ENDPOINT = `http://${LOCAL_ADDRESS}:${LOCAL_S3_PORT}`;

export interface S3Target {
  store: ObjectStore;
  /** The SDK client under `store`, for the calls the store does not make (CopyObject). */
  client: S3Client;
  bucket: string;
  /** The embedded server's URL; undefined for AWS. */
  endpoint: string | undefined;
  /** For messages: http://…/bucket or s3://bucket. */
  where: string;
  context: ErrorContext;
}

// Long enough for a local server to answer, short enough that a missing one costs little.
const PROBE_TIMEOUT_MS = 2_000;

/** @example (await uploadTarget({})).where // 'http://127.0.0.1:4569/quote-tone-uploads' */
export function uploadTarget(flags: {
  bucket?: string | undefined;
  endpoint?: string | undefined;
}): Promise<S3Target> {
  return s3Target(flags, LOCAL_UPLOAD_BUCKET);
}

/** A bucket on AWS (`--bucket` alone) or on an embedded server (the local one unless `--endpoint`). */
export async function s3Target(
  flags: { bucket?: string | undefined; endpoint?: string | undefined },
  localBucket: string,
): Promise<S3Target> {
  const local = !flags.bucket || flags.endpoint !== undefined;
  const endpoint = local ? await checkedEndpoint(flags.endpoint ?? LOCAL_ENDPOINT) : undefined;
  const bucket = flags.bucket ?? localBucket;
  const client = new S3Client(endpoint ? embeddedS3ClientConfig(endpoint) : awsS3ClientConfig());
  return {
    store: new ObjectStore(new SdkS3Transport(client)),
    client,
    bucket,
    endpoint,
    where: endpoint ? `${endpoint}/${bucket}` : `s3://${bucket}`,
    context: endpoint ? { bucket, endpoint } : { bucket },
  };
}

/**
 * The flags a printed command needs to reach the pipeline at `endpoint`: none for the default
 * port, `--endpoint URL` otherwise, so every hint works as printed.
 *
 * @example endpointFlag('http://127.0.0.1:4769') // ' --endpoint http://127.0.0.1:4769'
 */
export function endpointFlag(endpoint: string): string {
  return endpoint === LOCAL_ENDPOINT ? '' : ` --endpoint ${endpoint}`;
}

/**
 * The --endpoint URL without trailing slashes, for every command that takes one. Anything but an
 * http or https URL is a usage error naming the flag, rather than an "Invalid URL" from inside the
 * S3 client; so is a server that answers, but not as S3 (the dashboard's address, which `start`
 * prints next to the S3 endpoint), rather than the S3 client's XML parse error. A server that
 * does not answer is left to the command, which says it could not reach it.
 *
 * @example await checkedEndpoint('http://127.0.0.1:4769/') // 'http://127.0.0.1:4769'
 */
export async function checkedEndpoint(value: string): Promise<string> {
  if (!isHttpUrl(value))
    throw new UsageError(`expected --endpoint as a URL like ${LOCAL_ENDPOINT}, got "${value}"`);
  const endpoint = value.replace(/\/+$/, '');
  const answer = await fetch(`${endpoint}/`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }).catch(
    () => undefined,
  );
  // S3 answers in XML (or with no body), never with a web page: a web page is another server.
  if (!answer || !/^text\/html\b/.test(answer.headers.get('content-type') ?? '')) return endpoint;
  const page = await answer.text().catch(() => '');
  const dashboard = /<title>quote-tone\b/.test(page) ? ' (it looks like the quote-tone dashboard)' : '';
  throw new UsageError(
    `${endpoint} does not answer as S3${dashboard}; pass --endpoint the S3 endpoint that ` +
      `"quote-tone start" prints ("S3 endpoint: ${LOCAL_ENDPOINT}" on the default port)`,
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
