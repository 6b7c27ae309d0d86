import { PipelineError } from './pipeline-error.ts';

// What the ObjectStore needs from S3, as plain calls with typed outcomes, so the functions can send
// them without the SDK (signed-http-s3.ts) while the CLI keeps the SDK and its credential chain
// (sdk-s3-transport.ts). A missing object is null, a failed condition is WriteConflictError, and
// anything else throws.

export interface StoredObject {
  body: Uint8Array;
  etag: string | undefined;
  versionId: string | undefined;
}

export interface PutOptions {
  contentType?: string;
  /** Write only if the object still has this ETag (optimistic concurrency for shared files). */
  ifMatch?: string;
  /** '*' = write only if the object does not exist yet. */
  ifNoneMatch?: '*';
  /** 'gzip' for a gzipped body: S3 serves it with this header, so browsers decode it themselves. */
  contentEncoding?: 'gzip';
}

export interface HeadResult {
  etag: string | undefined;
  size: number;
  contentType?: string;
  /**
   * User metadata (x-amz-meta-*), names in lower case without the prefix, as S3 returns them.
   * Absent where a transport keeps none (the benchmarks' in-memory S3).
   */
  metadata?: Record<string, string>;
}

export interface ListedObject {
  key: string;
  etag: string;
  size: number;
}

export interface ListPage {
  objects: ListedObject[];
  /** Pass back to get the next page; undefined on the last one. */
  continuationToken: string | undefined;
}

export interface S3Transport {
  /** The object, or null when it does not exist. */
  get(bucket: string, key: string, versionId?: string): Promise<StoredObject | null>;
  head(bucket: string, key: string): Promise<HeadResult | null>;
  /** Resolves to the new ETag; throws WriteConflictError when a condition fails. */
  put(bucket: string, key: string, body: Uint8Array, options: PutOptions): Promise<string>;
  /** With `ifMatch`, throws WriteConflictError unless the object still has that ETag. */
  delete(bucket: string, key: string, ifMatch?: string): Promise<void>;
  listPage(bucket: string, prefix: string, continuationToken?: string): Promise<ListPage>;
  /** False when the bucket does not exist; throws when it cannot be reached or read. */
  bucketExists(bucket: string): Promise<boolean>;
  /** Closes idle connections so a process can exit. */
  destroy(): void;
}

/** Another writer changed the object since it was read: re-read and retry. */
export class WriteConflictError extends PipelineError {
  override readonly code: string = 'WRITE_CONFLICT';

  constructor(bucket: string, key: string, options?: ErrorOptions) {
    super(
      `Expected s3://${bucket}/${key} unchanged since it was read, but another writer changed it.`,
      options,
    );
    this.name = 'WriteConflictError';
  }
}
