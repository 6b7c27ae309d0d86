import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { ObjectStore } from '../functions/lib/object-store.ts';
import {
  awsS3ClientConfig,
  embeddedSdkTransport,
  SdkS3Transport,
} from '../functions/lib/sdk-s3-transport.ts';
import { claimStoreDirectory } from '../functions/local/interrupted-writes.ts';
import { LOCAL_ADDRESS, LOCAL_RESULTS_BUCKET, LOCAL_S3_PORT } from '../functions/local/pipeline.ts';
import { DescribedCliError, type ErrorContext, inContext, UsageError } from './cli-errors.ts';
import { checkedEndpoint } from './s3-target.ts';

// The results store the reading commands use: the running local pipeline, else the local store on
// disk, else an AWS bucket (--bucket or QUOTE_TONE_RESULTS_BUCKET), or --endpoint.

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_STORE_DIR = join(REPO_ROOT, '.local', 's3');
export const RESULTS_BUCKET_ENV = 'QUOTE_TONE_RESULTS_BUCKET';
// Long enough for a local server to accept, short enough that a missing one costs nothing.
const PROBE_TIMEOUT_MS = 300;

export interface ResultsTarget {
  bucket: string | undefined;
  endpoint: string | undefined;
  dir: string | undefined;
}

/**
 * Runs `read` against the results store the flags name; S3 errors come out as one described line.
 * Without flags: the local pipeline if it is running, otherwise its directory on disk, read through a
 * temporary embedded server (its on-disk layout is s3rver's business, so it is not parsed here).
 *
 * @example const index = await withResultsStore(target, (store, bucket) => store.getJson(bucket, key))
 */
export async function withResultsStore<T>(
  target: ResultsTarget,
  read: (store: ObjectStore, bucket: string) => Promise<T>,
  { writes = false }: { writes?: boolean } = {},
): Promise<T> {
  // A command that writes (reindex) needs the conditional writes the embedded server ignores.
  const local = (endpoint: string) =>
    new ObjectStore(embeddedSdkTransport(endpoint), { emulateConditionalWrites: writes });
  // --endpoint reads a running server, --dir the files one keeps: which was meant is unknown.
  if (target.endpoint !== undefined && target.dir !== undefined)
    throw new UsageError('expected --endpoint URL or --dir DIR, not both');
  if (target.endpoint !== undefined || (target.bucket && !target.dir)) {
    const endpoint = target.endpoint === undefined ? undefined : await checkedEndpoint(target.endpoint);
    const store = endpoint
      ? local(endpoint)
      : new ObjectStore(new SdkS3Transport(new S3Client(awsS3ClientConfig())));
    const bucket = target.bucket ?? LOCAL_RESULTS_BUCKET;
    const context: ErrorContext = endpoint ? { bucket, endpoint } : { bucket };
    return inContext(context, () => read(store, bucket));
  }
  if (!target.dir && (await canConnect(LOCAL_ADDRESS, LOCAL_S3_PORT))) {
    const endpoint = `http://${LOCAL_ADDRESS}:${LOCAL_S3_PORT}`;
    const store = local(endpoint);
    return inContext({ bucket: LOCAL_RESULTS_BUCKET, endpoint }, () => read(store, LOCAL_RESULTS_BUCKET));
  }
  const directory = target.dir ?? DEFAULT_STORE_DIR;
  if (!existsSync(join(directory, LOCAL_RESULTS_BUCKET))) {
    throw new DescribedCliError(
      `found no local store in ${directory}; run "npm start" first, or pass --bucket NAME`,
    );
  }
  // A run that was killed may have left files the server cannot read (interrupted-writes.ts):
  // repair them first. The index itself is left to the next `start` or to `reindex`.
  const claim = await claimStoreDirectory(directory, { forgetUncleanStops: false });
  const server = new S3rver({ address: LOCAL_ADDRESS, port: 0, directory, silent: true });
  const { port } = await server.run().catch(async (error: unknown) => {
    await claim.release();
    throw error;
  });
  try {
    const store = local(`http://${LOCAL_ADDRESS}:${port}`);
    return await inContext({ bucket: LOCAL_RESULTS_BUCKET }, () => read(store, LOCAL_RESULTS_BUCKET));
  } finally {
    await server.close();
    await claim.release();
  }
}

/**
 * A missing object reads as null, and so does every object of a missing bucket: when an expected
 * file is absent, this tells "no such bucket" apart from "nothing written yet".
 */
export async function requireBucket(store: ObjectStore, bucket: string): Promise<void> {
  if (!(await store.transport.bucketExists(bucket))) {
    // Thrown as S3 names it, so the caller's inContext describes it with the endpoint too.
    throw Object.assign(new Error(`no bucket ${bucket}`), { name: 'NoSuchBucket' });
  }
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: PROBE_TIMEOUT_MS });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}
