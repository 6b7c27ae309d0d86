import { gunzipSync } from 'node:zlib';
import * as z from 'zod/mini';
import { PipelineError } from './pipeline-error.ts';
import type { HeadResult, ListedObject, PutOptions, S3Transport, StoredObject } from './s3-transport.ts';
import { WriteConflictError } from './s3-transport.ts';
import { SignedHttpS3, signedHttpS3FromEnv } from './signed-http-s3.ts';

export type {
  HeadResult,
  ListedObject,
  ListPage,
  PutOptions,
  S3Transport,
  StoredObject,
} from './s3-transport.ts';
export { WriteConflictError } from './s3-transport.ts';

type ZodMiniType = z.ZodMiniType;

// The one way the pipeline reads and writes S3, over a transport (the functions' signed HTTP client
// or the CLI's SDK client). Handlers and the CLI see plain objects and typed outcomes.

export interface ObjectStoreOptions {
  /**
   * The embedded S3 server ignores If-Match / If-None-Match, so locally the store enforces them
   * itself: a per-key lock around "check the ETag, then write". This is sound because every
   * local writer runs in this one process.
   */
  emulateConditionalWrites?: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export class ObjectStore {
  private readonly keyLocks = new Map<string, Promise<unknown>>();

  constructor(
    readonly transport: S3Transport,
    private readonly options: ObjectStoreOptions = {},
  ) {}

  /** The object, or null when it does not exist. */
  async get(bucket: string, key: string, versionId?: string): Promise<StoredObject | null> {
    // The embedded server rewrites objects in place, so a read overlapping a write could see half a
    // file (S3 never shows a partial object): locally, reads take the key's lock too.
    if (this.options.emulateConditionalWrites && versionId === undefined) {
      return this.withKeyLock(`${bucket}/${key}`, () => this.transport.get(bucket, key));
    }
    return this.transport.get(bucket, key, versionId);
  }

  /**
   * The object parsed as JSON, or null when it does not exist. With a schema the value is validated
   * and typed by it; a body that is not JSON, or not of the schema's shape, throws
   * MalformedObjectError (naming the key), so a caller can tell a damaged file from a missing one.
   *
   * @example
   * await store.getJson(bucket, reportKey(id), ReportSchema) // { value: Report, etag } | null
   */
  async getJson<S extends ZodMiniType>(
    bucket: string,
    key: string,
    schema: S,
  ): Promise<{ value: z.output<S>; etag: string | undefined } | null>;
  async getJson<T = unknown>(
    bucket: string,
    key: string,
  ): Promise<{ value: T; etag: string | undefined } | null>;
  async getJson(
    bucket: string,
    key: string,
    schema?: ZodMiniType,
  ): Promise<{ value: unknown; etag: string | undefined } | null> {
    const object = await this.get(bucket, key);
    if (!object) return null;
    return { value: parseJsonObject(bucket, key, object.body, schema), etag: object.etag };
  }

  head(bucket: string, key: string): Promise<HeadResult | null> {
    return this.transport.head(bucket, key);
  }

  /** Writes the object; throws WriteConflictError when a condition in `options` fails. */
  async put(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options: PutOptions = {},
  ): Promise<string> {
    const conditional = options.ifMatch !== undefined || options.ifNoneMatch !== undefined;
    if (this.options.emulateConditionalWrites) {
      // Every local write takes the key's lock, so no read or check can overlap it.
      return this.withKeyLock(`${bucket}/${key}`, async () => {
        if (conditional) {
          const current = await this.head(bucket, key);
          const stale = options.ifNoneMatch ? current !== null : current?.etag !== options.ifMatch;
          if (stale) throw new WriteConflictError(bucket, key);
        }
        return this.send(bucket, key, body, {
          contentType: options.contentType,
          contentEncoding: options.contentEncoding,
        });
      });
    }
    return this.send(bucket, key, body, options);
  }

  putJson(bucket: string, key: string, value: unknown, options: PutOptions = {}): Promise<string> {
    return this.put(bucket, key, `${JSON.stringify(value, null, 2)}\n`, {
      contentType: JSON_TYPE,
      ...options,
    });
  }

  /**
   * Deletes the object. With `ifMatch`, only while it still has that ETag (throws
   * WriteConflictError otherwise), so a delete never removes a write it has not seen.
   */
  async delete(bucket: string, key: string, options: { ifMatch?: string } = {}): Promise<void> {
    if (options.ifMatch !== undefined && this.options.emulateConditionalWrites) {
      await this.withKeyLock(`${bucket}/${key}`, async () => {
        const current = await this.head(bucket, key);
        if (current?.etag !== options.ifMatch) throw new WriteConflictError(bucket, key);
        await this.transport.delete(bucket, key);
      });
      return;
    }
    await this.transport.delete(bucket, key, options.ifMatch);
  }

  /** Every key under a prefix, across pages. */
  async *list(bucket: string, prefix: string): AsyncGenerator<string> {
    for await (const object of this.listObjects(bucket, prefix)) yield object.key;
  }

  /** Every object under a prefix with its ETag and size, across pages. */
  async *listObjects(bucket: string, prefix: string): AsyncGenerator<ListedObject> {
    let token: string | undefined;
    do {
      const page = await this.transport.listPage(bucket, prefix, token);
      yield* page.objects;
      token = page.continuationToken;
    } while (token);
  }

  private send(bucket: string, key: string, body: string | Uint8Array, options: PutOptions): Promise<string> {
    return this.transport.put(
      bucket,
      key,
      typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
      options,
    );
  }

  // Chains writers of one key so the emulated check-then-write cannot interleave.
  private async withKeyLock<T>(lockKey: string, work: () => Promise<T>): Promise<T> {
    const previous = this.keyLocks.get(lockKey) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.keyLocks.set(lockKey, next);
    try {
      return await next;
    } finally {
      if (this.keyLocks.get(lockKey) === next) this.keyLocks.delete(lockKey);
    }
  }
}

/** A stored object that is not the JSON its key promises: truncated, hand-edited or another version. */
export class MalformedObjectError extends PipelineError {
  override readonly code = 'MALFORMED_OBJECT';

  constructor(
    readonly bucket: string,
    readonly key: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(`Expected s3://${bucket}/${key} to hold valid JSON of its kind, but ${detail}.`, options);
    this.name = 'MalformedObjectError';
  }
}

/** A body's text, decoded from a view of its bytes: Buffer.from(body) would copy them first. */
export function utf8Text(body: Uint8Array): string {
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

/**
 * True for a gzip stream (its magic bytes). JSON text never starts with byte 0x1f, so a stored JSON
 * file is told from its gzipped form by its first two bytes, whatever a transport did with the
 * Content-Encoding header.
 */
export function isGzipped(body: Uint8Array): boolean {
  return body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;
}

/** A JSON file's text: its bytes as UTF-8, gunzipped first when stored gzipped (isGzipped). */
export function jsonText(body: Uint8Array): string {
  return utf8Text(isGzipped(body) ? gunzipSync(body) : body);
}

/** @example parseJsonObject('b', 'index/manifest.json', body, ManifestSchema) */
export function parseJsonObject(
  bucket: string,
  key: string,
  body: Uint8Array,
  schema?: ZodMiniType,
): unknown {
  let text: string;
  try {
    text = jsonText(body);
  } catch (error) {
    throw new MalformedObjectError(bucket, key, `it does not decompress (${String(error)})`, {
      cause: error,
    });
  }
  return parseJsonString(bucket, key, text, schema);
}

/** parseJsonObject of a body already decoded (jsonText). */
export function parseJsonString(bucket: string, key: string, text: string, schema?: ZodMiniType): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MalformedObjectError(bucket, key, `it does not parse (${String(error)})`, { cause: error });
  }
  if (!schema) return value;
  const result = z.safeParse(schema, value);
  if (!result.success) {
    throw new MalformedObjectError(
      bucket,
      key,
      z.prettifyError(result.error).split('\n')[0] ?? 'it does not match',
      {
        cause: result.error,
      },
    );
  }
  return result.data;
}

/**
 * The store for this process, over the functions' signed HTTP client: the embedded server when
 * S3_ENDPOINT is set (local pipeline, tests), otherwise AWS with the Lambda role's credentials.
 */
export function objectStoreFromEnv(): ObjectStore {
  const endpoint = process.env.S3_ENDPOINT;
  if (endpoint) {
    return new ObjectStore(embeddedSignedTransport(endpoint), { emulateConditionalWrites: true });
  }
  return new ObjectStore(signedHttpS3FromEnv());
}

/** The functions' transport to the embedded S3 server, which checks signatures with its fixed key. */
export function embeddedSignedTransport(endpoint: string): SignedHttpS3 {
  return new SignedHttpS3({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}
