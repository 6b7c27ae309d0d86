import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { readAllEntries } from '../functions/lib/index-reader.ts';
import {
  type ListedObject,
  type ListPage,
  type ObjectStore,
  WriteConflictError,
} from '../functions/lib/object-store.ts';
import type { S3EventRecord } from '../functions/lib/s3-event.ts';
import { INDEX_MAX_CONCURRENCY } from '../shared/store/delivery.ts';
import { reportKey } from '../shared/store/layout.ts';
import { LAMBDA_MB_PER_VCPU } from './cost.ts';
import { BUCKET, createdRecord, drainThrough, seedDropReports } from './index-store.ts';
import { MemoryS3 } from './memory-s3.ts';
import { serveS3Http } from './s3-http-front.ts';

// The bulk drop with each update-index container in a process of its own, its CPU capped by a
// cgroup to what Lambda gives a function of `memoryMb` (a 1,769th of a vCPU per MB): the drop of
// bench/index-store.ts runs its five invocations in one process, which gives them a whole core
// between them, more than five 256 MB functions get (0.72 of a vCPU). The in-memory S3 stays in
// this process, uncapped, as S3 is. Each request crosses IPC, cheap for the container; with
// `through: 'deployed'` it goes through the functions' own S3 client (signed HTTP) to an HTTP front
// of the same store (s3-http-front.ts) instead, as a function on AWS pays for it, and with
// `through: 'sdk'` through @aws-sdk/client-s3, the client the functions used before.

/** How a container's requests reach the store: IPC, the functions' client over HTTP, or the SDK's. */
export type CappedThrough = 'ipc' | 'deployed' | 'sdk';

/** What a container sends: a store call, readiness, or a finished batch. */
export type ContainerMessage =
  | { type: 'ready' }
  | { type: 'call'; id: number; op: 'get' | 'head' | 'put' | 'delete' | 'list'; args: unknown[] }
  | { type: 'done'; failedKeys: string[]; cpuMs: number; error?: string };

/** What the parent sends: a batch of queue messages' records, or a store call's reply. */
export type ParentMessage =
  | { type: 'batch'; bucket: string; records: unknown[] }
  | {
      type: 'reply';
      id: number;
      value?: unknown;
      conflict?: { bucket: string; key: string };
      error?: string;
    };

export interface CappedDropResult {
  memoryMb: number;
  /** The share of one CPU each container may use. */
  cpuShare: number;
  ms: number;
  /** CPU the containers used, summed. */
  containerCpuMs: number;
  invocations: number;
  deadLettered: number;
  lost: number;
  duplicated: number;
  requests: number;
  conflicts: number;
}

const CGROUP_V1 = '/sys/fs/cgroup/cpu';
const CGROUP_V2 = '/sys/fs/cgroup';
const PERIOD_US = 100_000;

/**
 * A bulk drop of `count` reports through containers capped to `memoryMb`'s CPU, or `skipped`
 * with the reason when this machine cannot cap a process (it needs a writable cpu cgroup: root).
 */
export async function cappedDrop(
  containerScript: string,
  count: number,
  latencyMs: number,
  memoryMb: number,
  through: CappedThrough = 'ipc',
): Promise<CappedDropResult | { skipped: string }> {
  const cpuShare = Math.min(1, memoryMb / LAMBDA_MB_PER_VCPU);
  const cgroups = Array.from({ length: INDEX_MAX_CONCURRENCY }, (_, lane) =>
    cpuCgroup(`quote-tone-bench-${lane}`),
  );
  if (cgroups.some((group) => group === null)) {
    return { skipped: 'needs a writable cpu cgroup (run as root on Linux)' };
  }
  const store = new MemoryS3(latencyMs);
  const ids = seedDropReports(store, count);
  const fronts: Awaited<ReturnType<typeof serveS3Http>>[] = [];
  const containers = await Promise.all(
    cgroups.map(async (group) => {
      // Each container keeps one client (the SDK's 50 sockets), as a warm Lambda container does.
      const connection = store.connection(50);
      const front = through === 'ipc' ? undefined : await serveS3Http(connection);
      if (front) fronts.push(front);
      return startContainer(
        containerScript,
        connection,
        (pid) => group?.limit(pid, cpuShare),
        front ? { endpoint: front.endpoint, client: through } : undefined,
      );
    }),
  );
  let containerCpuMs = 0;
  let run: Awaited<ReturnType<typeof drainThrough>>;
  try {
    run = await drainThrough(
      containers.map((container) => async (records) => {
        const done = await container.run(records);
        containerCpuMs += done.cpuMs;
        if (done.error) throw new Error(done.error);
        return done.failedKeys;
      }),
      ids.map((id) => createdRecord(reportKey(id))),
      Number.POSITIVE_INFINITY,
    );
  } finally {
    await Promise.all(containers.map((container) => stopContainer(container.child)));
    await Promise.all(fronts.map((front) => front.close()));
    for (const group of cgroups) group?.remove();
  }
  const indexed = (await readAllEntries(store.direct, BUCKET)).map((entry) => entry.id);
  const unique = new Set(indexed);
  const total = store.total();
  return {
    memoryMb,
    cpuShare,
    ms: run.ms,
    containerCpuMs,
    invocations: run.invocations,
    deadLettered: run.deadLettered,
    lost: ids.filter((id) => !unique.has(id)).length,
    duplicated: indexed.length - unique.size,
    requests: total.requests,
    conflicts: total.conflicts,
  };
}

interface Container {
  child: ChildProcess;
  run(records: S3EventRecord[]): Promise<Extract<ContainerMessage, { type: 'done' }>>;
}

// Starts a container process, caps it, and serves its store calls from `connection`: over IPC, or
// through an S3 client when `http` names an HTTP front of the same connection.
async function startContainer(
  script: string,
  connection: ObjectStore,
  cap: (pid: number) => void,
  http?: { endpoint: string; client: CappedThrough },
): Promise<Container> {
  // Its output is dropped (the SDK's Node version notice, once per process); a container that
  // dies fails the run with its exit code.
  const child = fork(script, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    env: http
      ? { ...process.env, S3_HTTP_ENDPOINT: http.endpoint, S3_HTTP_CLIENT: http.client }
      : process.env,
  });
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  cap(child.pid);
  let finish: ((done: Extract<ContainerMessage, { type: 'done' }>) => void) | undefined;
  let fail: ((error: Error) => void) | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    fail = reject;
    child.once('exit', (code, signal) => fail?.(new Error(`${script} exited (${code ?? signal})`)));
    child.on('message', (message: ContainerMessage) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'done') finish?.(message);
      else serve(message);
    });
  });
  const reply = (message: ParentMessage) => child.send(message);
  const serve = async ({ id, op, args }: Extract<ContainerMessage, { type: 'call' }>) => {
    const [bucket, key] = args as [string, string];
    try {
      let value: unknown;
      if (op === 'list') {
        const objects: ListedObject[] = [];
        for await (const listed of connection.listObjects(bucket, key)) objects.push(listed);
        value = { objects, continuationToken: undefined } satisfies ListPage;
      } else if (op === 'get') {
        const object = await connection.get(bucket, key);
        value = object ? { body: object.body, etag: object.etag, versionId: undefined } : null;
      } else if (op === 'head') value = await connection.head(bucket, key);
      else if (op === 'put')
        value = await connection.put(bucket, key, args[2] as Uint8Array, args[3] as object);
      else {
        const ifMatch = args[2] as string | undefined;
        value = await connection.delete(bucket, key, ifMatch === undefined ? {} : { ifMatch });
      }
      reply({ type: 'reply', id, value });
    } catch (error) {
      if (error instanceof WriteConflictError) reply({ type: 'reply', id, conflict: { bucket, key } });
      else reply({ type: 'reply', id, error: String(error) });
    }
  };
  await ready;
  return {
    child,
    run: (records) =>
      new Promise((resolve, reject) => {
        finish = resolve;
        fail = reject;
        reply({ type: 'batch', bucket: BUCKET, records });
      }),
  };
}

// A cgroup can only be removed once its processes have exited.
function stopContainer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Closing the channel lets it exit on its own (and write a --cpu-prof profile); kill if not.
    const timer = setTimeout(() => child.kill(), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.disconnect();
  });
}

interface CpuCgroup {
  limit(pid: number, share: number): void;
  remove(): void;
}

// A cpu cgroup of its own (v1 or v2), or null when this process may not make one.
function cpuCgroup(name: string): CpuCgroup | null {
  try {
    if (existsSync(`${CGROUP_V1}/cpu.cfs_quota_us`)) {
      const dir = `${CGROUP_V1}/${name}`;
      if (!existsSync(dir)) mkdirSync(dir);
      return {
        limit(pid, share) {
          writeFileSync(`${dir}/cpu.cfs_period_us`, String(PERIOD_US));
          writeFileSync(`${dir}/cpu.cfs_quota_us`, String(Math.round(share * PERIOD_US)));
          writeFileSync(`${dir}/cgroup.procs`, String(pid));
        },
        remove: () => rmdirSync(dir),
      };
    }
    if (existsSync(`${CGROUP_V2}/cgroup.controllers`)) {
      const dir = `${CGROUP_V2}/${name}`;
      if (!existsSync(dir)) mkdirSync(dir);
      return {
        limit(pid, share) {
          writeFileSync(`${dir}/cpu.max`, `${Math.round(share * PERIOD_US)} ${PERIOD_US}`);
          writeFileSync(`${dir}/cgroup.procs`, String(pid));
        },
        remove: () => rmdirSync(dir),
      };
    }
  } catch {
    return null;
  }
  return null;
}
