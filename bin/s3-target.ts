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

/** @example uploadTarget({}).where // 'http://127.0.0.1:4569/quote-tone-uploads' */
export function uploadTarget(flags: {
  bucket?: string | undefined;
  endpoint?: string | undefined;
}): S3Target {
  return s3Target(flags, LOCAL_UPLOAD_BUCKET);
}

/** A bucket on AWS (`--bucket` alone) or on an embedded server (the local one unless `--endpoint`). */
export function s3Target(
  flags: { bucket?: string | undefined; endpoint?: string | undefined },
  localBucket: string,
): S3Target {
  const local = !flags.bucket || flags.endpoint !== undefined;
  const endpoint = local ? checkedEndpoint(flags.endpoint ?? LOCAL_ENDPOINT) : undefined;
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
 * The --endpoint URL without trailing slashes. Anything but an http or https URL is a usage error
 * naming the flag, rather than an "Invalid URL" from inside the S3 client.
 *
 * @example checkedEndpoint('http://127.0.0.1:4769/') // 'http://127.0.0.1:4769'
 */
export function checkedEndpoint(value: string): string {
  if (!isHttpUrl(value))
    throw new UsageError(`expected --endpoint as a URL like ${LOCAL_ENDPOINT}, got "${value}"`);
  return value.replace(/\/+$/, '');
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
