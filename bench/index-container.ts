import { S3Client } from '@aws-sdk/client-s3';
import {
  embeddedSignedTransport,
  type ListPage,
  ObjectStore,
  type PutOptions,
  type S3Transport,
  type StoredObject,
  WriteConflictError,
} from '../functions/lib/object-store.ts';
import type { S3EventRecord } from '../functions/lib/s3-event.ts';
import { awsS3ClientConfig, SdkS3Transport } from '../functions/lib/sdk-s3-transport.ts';
import { updateIndexBatch } from '../functions/update-index/update-index.ts';
import type { ContainerMessage, ParentMessage } from './capped-drop.ts';
import { frontClientConfig } from './s3-http-front.ts';

// One simulated update-index container for the capped drop (bench/capped-drop.ts): a process of
// its own, which the parent puts in a CPU cgroup sized like a Lambda's share of a vCPU. It runs
// the batches the parent sends through the real batch update, against the parent's in-memory S3
// over IPC or through the SDK; its CPU time (the update and its side of each request) is what the
// cap limits.

const send = (message: ContainerMessage) => process.send?.(message);
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
let nextCall = 0;

function call<T>(op: 'get' | 'head' | 'put' | 'delete' | 'list', args: unknown[]): Promise<T> {
  const id = nextCall++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    send({ type: 'call', id, op, args });
  });
}

// The parent's store over IPC: each call crosses to the parent, which answers from its in-memory S3.
class ParentTransport implements S3Transport {
  async get(bucket: string, key: string): Promise<StoredObject | null> {
    return call('get', [bucket, key]);
  }
  head(bucket: string, key: string): Promise<{ etag: string | undefined; size: number } | null> {
    return call('head', [bucket, key]);
  }
  put(bucket: string, key: string, body: Uint8Array, options: PutOptions): Promise<string> {
    return call('put', [bucket, key, body, options]);
  }
  delete(bucket: string, key: string, ifMatch?: string): Promise<void> {
    return call('delete', [bucket, key, ifMatch]);
  }
  listPage(bucket: string, prefix: string): Promise<ListPage> {
    return call('list', [bucket, prefix]);
  }
  async bucketExists(): Promise<boolean> {
    return true;
  }
  destroy(): void {}
}

// Over HTTP when the parent serves S3's API (S3_HTTP_ENDPOINT): through the functions' own client
// as deployed, or through the SDK's (S3_HTTP_CLIENT=sdk, the client before it); otherwise over IPC.
const endpoint = process.env.S3_HTTP_ENDPOINT;
const store = endpoint
  ? new ObjectStore(
      process.env.S3_HTTP_CLIENT === 'sdk'
        ? new SdkS3Transport(new S3Client({ ...awsS3ClientConfig(), ...frontClientConfig(endpoint) }))
        : embeddedSignedTransport(endpoint),
    )
  : new ObjectStore(new ParentTransport());
process.on('message', (message: ParentMessage) => {
  if (message.type === 'reply') {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.conflict)
      waiter?.reject(new WriteConflictError(message.conflict.bucket, message.conflict.key));
    else if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.value);
    return;
  }
  const before = process.cpuUsage();
  updateIndexBatch(store, { resultsBucket: message.bucket }, message.records as S3EventRecord[]).then(
    (results) => {
      const cpu = process.cpuUsage(before);
      send({
        type: 'done',
        failedKeys: results.flatMap((result) => ('error' in result ? [result.key] : [])),
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
    },
    (error: unknown) => send({ type: 'done', error: String(error), failedKeys: [], cpuMs: 0 }),
  );
});
send({ type: 'ready' });
