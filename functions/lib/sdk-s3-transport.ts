import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { HeadResult, ListPage, PutOptions, S3Transport, StoredObject } from './s3-transport.ts';
import { WriteConflictError } from './s3-transport.ts';

/**
 * S3 through @aws-sdk/client-s3: what the CLI uses, for the SDK's credential chain (profiles, SSO,
 * instance roles) and region lookup. The functions send the same calls through signed-http-s3.ts.
 */
export class SdkS3Transport implements S3Transport {
  constructor(readonly client: S3Client) {}

  async get(bucket: string, key: string, versionId?: string): Promise<StoredObject | null> {
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }),
      );
      const body = response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
      return { body, etag: response.ETag, versionId: response.VersionId };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async head(bucket: string, key: string): Promise<HeadResult | null> {
    try {
      const response = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return {
        etag: response.ETag,
        size: response.ContentLength ?? 0,
        ...(response.ContentType ? { contentType: response.ContentType } : {}),
        metadata: response.Metadata ?? {},
      };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async put(bucket: string, key: string, body: Uint8Array, options: PutOptions): Promise<string> {
    try {
      const response = await this.client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          // Buffers, not strings or streams: the embedded S3 server needs a known length.
          Body: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
          ContentType: options.contentType,
          ContentEncoding: options.contentEncoding,
          IfMatch: options.ifMatch,
          IfNoneMatch: options.ifNoneMatch,
        }),
      );
      return response.ETag ?? '';
    } catch (error) {
      if (isConflict(error)) throw new WriteConflictError(bucket, key, { cause: error });
      throw error;
    }
  }

  async delete(bucket: string, key: string, ifMatch?: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, IfMatch: ifMatch }));
    } catch (error) {
      if (ifMatch !== undefined && (isConflict(error) || isMissing(error)))
        throw new WriteConflictError(bucket, key, { cause: error });
      throw error;
    }
  }

  async listPage(bucket: string, prefix: string, continuationToken?: string): Promise<ListPage> {
    const page = await this.client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: continuationToken }),
    );
    return {
      objects: (page.Contents ?? []).flatMap((item) =>
        item.Key ? [{ key: item.Key, etag: item.ETag ?? '', size: item.Size ?? 0 }] : [],
      ),
      continuationToken: page.IsTruncated ? page.NextContinuationToken : undefined,
    };
  }

  async bucketExists(bucket: string): Promise<boolean> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: bucket }));
      return true;
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return false;
      throw error;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
  );
}

// 412: If-Match failed; 409: a concurrent conditional write won the race.
function isConflict(error: unknown): boolean {
  const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
  return status === 412 || status === 409;
}

/**
 * Client settings for AWS. Every client here sends the same few commands many times and never
 * changes its middleware after construction, so the SDK may build each command's middleware stack
 * once: in most runs of `npm run bench -- --only s3-requests` 5 to 20% less of its CPU per request
 * than the defaults (the rest is endpoint resolution, serialisation and signing).
 */
export function awsS3ClientConfig(): S3ClientConfig {
  return { cacheMiddleware: true };
}

/** Client settings for the embedded S3 server (path-style, fixed credentials, no streaming checksums). */
export function embeddedS3ClientConfig(endpoint: string): S3ClientConfig {
  return {
    ...awsS3ClientConfig(),
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

/** An SDK transport for the embedded S3 server at `endpoint` (tests and the CLI's local mode). */
export function embeddedSdkTransport(endpoint: string): SdkS3Transport {
  return new SdkS3Transport(new S3Client(embeddedS3ClientConfig(endpoint)));
}
