import {
  type ListPage,
  ObjectStore,
  type PutOptions,
  type S3Transport,
  type StoredObject,
  WriteConflictError,
} from '../functions/lib/object-store.ts';

// An in-memory S3 for the index bench: conditional writes answer 412 as S3 does (If-Match on a
// changed ETag, If-None-Match '*' on an existing key), every request waits a simulated round trip
// (so concurrent writers interleave as they do against S3), and every byte read and written is
// counted by kind of key. It is a transport under the functions' ObjectStore, so the real handlers
// run against it unchanged, each simulated Lambda through its own connection (connection()), which
// keeps as many requests in flight as a client's sockets allow.

export interface Traffic {
  requests: number;
  bytesRead: number;
  bytesWritten: number;
  conflicts: number;
}

/** Counts per key kind: `index/<kind>` (manifest.json, articles, speakers, ...), `lake`, `reports`, `errors`. */
export type TrafficByKind = Record<string, Traffic>;

export class MemoryS3 implements S3Transport {
  readonly objects = new Map<string, { body: Uint8Array; etag: string }>();
  traffic: TrafficByKind = {};
  private version = 0;

  /** An ObjectStore straight on this memory, no socket limit: for the bench's own reads and seeding. */
  readonly direct: ObjectStore = new ObjectStore(this);

  constructor(private readonly latencyMs = 0) {}

  resetTraffic(): void {
    this.traffic = {};
  }

  /** Total bytes read and written under the given kinds (default: all). */
  total(kinds?: readonly string[]): Traffic {
    const sum: Traffic = { requests: 0, bytesRead: 0, bytesWritten: 0, conflicts: 0 };
    for (const [kind, traffic] of Object.entries(this.traffic)) {
      if (kinds && !kinds.some((wanted) => kind === wanted || kind.startsWith(`${wanted}/`))) continue;
      sum.requests += traffic.requests;
      sum.bytesRead += traffic.bytesRead;
      sum.bytesWritten += traffic.bytesWritten;
      sum.conflicts += traffic.conflicts;
    }
    return sum;
  }

  async get(bucket: string, key: string): Promise<StoredObject | null> {
    await this.wait();
    const object = this.objects.get(`${bucket}/${key}`);
    const traffic = this.count(key);
    traffic.bytesRead += object?.body.length ?? 0;
    return object ? { body: object.body, etag: object.etag, versionId: undefined } : null;
  }

  async head(bucket: string, key: string): Promise<{ etag: string | undefined; size: number } | null> {
    await this.wait();
    this.count(key);
    const object = this.objects.get(`${bucket}/${key}`);
    return object ? { etag: object.etag, size: object.body.length } : null;
  }

  async put(bucket: string, key: string, bytes: Uint8Array, options: PutOptions): Promise<string> {
    await this.wait();
    const traffic = this.count(key);
    // Checked and written in one synchronous step: S3 applies conditional writes atomically.
    const current = this.objects.get(`${bucket}/${key}`);
    const refused =
      (options.ifNoneMatch === '*' && current !== undefined) ||
      (options.ifMatch !== undefined && current?.etag !== options.ifMatch);
    // A refused write was sent all the same: its body counts.
    traffic.bytesWritten += bytes.length;
    if (refused) {
      traffic.conflicts += 1;
      throw new WriteConflictError(bucket, key);
    }
    this.version += 1;
    // Unique per write, as S3's is. S3 hashes the body on its own servers, so the bench does not
    // spend the measured process's CPU on it.
    const etag = `"v${this.version}"`;
    this.objects.set(`${bucket}/${key}`, { body: bytes, etag });
    return etag;
  }

  async delete(bucket: string, key: string, ifMatch?: string): Promise<void> {
    await this.wait();
    const traffic = this.count(key);
    if (ifMatch !== undefined && this.objects.get(`${bucket}/${key}`)?.etag !== ifMatch) {
      traffic.conflicts += 1;
      throw new WriteConflictError(bucket, key);
    }
    this.objects.delete(`${bucket}/${key}`);
  }

  // Every key in one page, uncounted (a list is not an index file's traffic).
  async listPage(bucket: string, prefix: string): Promise<ListPage> {
    await this.wait();
    const objects = [...this.objects.entries()]
      .filter(([key]) => key.startsWith(`${bucket}/${prefix}`))
      .map(([key, object]) => ({
        key: key.slice(bucket.length + 1),
        etag: object.etag,
        size: object.body.length,
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { objects, continuationToken: undefined };
  }

  async bucketExists(): Promise<boolean> {
    return true;
  }

  destroy(): void {}

  /**
   * One Lambda's S3 client on this store: at most `sockets` requests in flight, the rest queued
   * for a free socket, as the SDK's HTTP agent does (50 by default). The objects are the store's.
   */
  connection(sockets: number): ObjectStore {
    return new ObjectStore(new PooledTransport(this, sockets));
  }

  /** Stores an object without counting it (seeding). */
  seed(bucket: string, key: string, body: string): void {
    this.version += 1;
    this.objects.set(`${bucket}/${key}`, { body: Buffer.from(body, 'utf8'), etag: `"seed-${this.version}"` });
  }

  private count(key: string): Traffic {
    const parts = key.split('/');
    // index/ is split by kind of file (index/manifest.json, index/articles, index/speakers heads and
    // days, ...), so a bench can say where the bytes go; totals add the kinds up.
    const [first = '', second = ''] = parts;
    const speakerPart = parts.length > 3 ? '/days' : '/heads';
    const kind = first === 'index' ? `index/${second}${second === 'speakers' ? speakerPart : ''}` : first;
    this.traffic[kind] ??= { requests: 0, bytesRead: 0, bytesWritten: 0, conflicts: 0 };
    const traffic = this.traffic[kind];
    traffic.requests += 1;
    return traffic;
  }

  private wait(): Promise<void> {
    if (this.latencyMs <= 0) return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }
}

class PooledTransport implements S3Transport {
  private inFlight = 0;
  private readonly queued: (() => void)[] = [];

  constructor(
    private readonly s3: MemoryS3,
    private readonly sockets: number,
  ) {}

  get(bucket: string, key: string): Promise<StoredObject | null> {
    return this.onSocket(() => this.s3.get(bucket, key));
  }

  head(bucket: string, key: string): Promise<{ etag: string | undefined; size: number } | null> {
    return this.onSocket(() => this.s3.head(bucket, key));
  }

  put(bucket: string, key: string, body: Uint8Array, options: PutOptions): Promise<string> {
    return this.onSocket(() => this.s3.put(bucket, key, body, options));
  }

  delete(bucket: string, key: string, ifMatch?: string): Promise<void> {
    return this.onSocket(() => this.s3.delete(bucket, key, ifMatch));
  }

  listPage(bucket: string, prefix: string): Promise<ListPage> {
    return this.s3.listPage(bucket, prefix);
  }

  bucketExists(): Promise<boolean> {
    return this.s3.bucketExists();
  }

  destroy(): void {}

  private async onSocket<T>(request: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.sockets) await new Promise<void>((resolve) => this.queued.push(resolve));
    this.inFlight += 1;
    try {
      return await request();
    } finally {
      this.inFlight -= 1;
      this.queued.shift()?.();
    }
  }
}
