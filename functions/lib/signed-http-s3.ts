import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import aws4 from 'aws4';
import { PipelineError } from './pipeline-error.ts';
import type { HeadResult, ListPage, PutOptions, S3Transport, StoredObject } from './s3-transport.ts';
import { WriteConflictError } from './s3-transport.ts';

// The functions' S3 client: the handful of REST calls they make, signed with SigV4 by `aws4` and
// sent over Node's http(s) with kept-alive sockets. The full SDK client costs a function about
// 0.6 ms of CPU per request and most of its cold start in its middleware, endpoint rules and XML
// serde (`npm run bench -- --only s3-requests,bundles`); update-index sends thousands of small
// requests per batch on a fraction of a vCPU, so that overhead decided its run time. aws4 rather
// than the SDK's own signer (@smithy/signature-v4, which the tests check every request against):
// 14% less CPU per request (it caches the signing key without hashing the credentials each time)
// and 9 KB instead of 140 KB in each bundle.

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignedHttpS3Options {
  region: string;
  /** The credentials, or a function the signer asks for them on each request. */
  credentials: S3Credentials | (() => Promise<S3Credentials>);
  /**
   * A server to address path-style (the embedded S3 server, a test double). Without it requests go
   * to the bucket's virtual-hosted endpoint on AWS, `https://<bucket>.s3.<region>.amazonaws.com`.
   */
  endpoint?: string;
  /** Tries per request, as the SDK's standard retry mode: 3. */
  maxAttempts?: number;
  /** Milliseconds a socket may stay silent mid-request before the attempt fails and is retried. */
  socketTimeoutMs?: number;
}

export interface RequestTarget {
  protocol: 'http:' | 'https:';
  hostname: string;
  port: number | undefined;
  /** The URL path, already escaped as S3 signs it (each key segment once, slashes kept). */
  path: string;
}

/** An S3 answer other than the success, missing-object or failed-condition the caller expects. */
export class S3RequestError extends PipelineError {
  override readonly code: string = 'S3_REQUEST_FAILED';

  constructor(
    readonly method: string,
    readonly bucket: string,
    readonly key: string,
    readonly status: number,
    readonly s3Code: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(
      `${method} s3://${bucket}/${key} failed: ${status} ${s3Code}${detail ? ` (${detail})` : ''}.`,
      options,
    );
    this.name = 'S3RequestError';
  }
}

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface Call {
  method: 'GET' | 'HEAD' | 'PUT' | 'DELETE';
  bucket: string;
  key: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Uint8Array;
}

// S3's throttling (503 SlowDown) and server-side failures: worth another try after a pause. Of
// the 4xx answers only a 400 RequestTimeout (the upload stalled) is.
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
const BASE_DELAY_MS = 100;
const MAX_DELAY_MS = 20_000;

export class SignedHttpS3 implements S3Transport {
  // As the SDK's Node handler: kept-alive sockets, up to 50 per host.
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 50 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 50 }),
  };

  private readonly endpoint: URL | undefined;

  constructor(private readonly options: SignedHttpS3Options) {
    this.endpoint = options.endpoint === undefined ? undefined : new URL(options.endpoint);
  }

  private async credentials(): Promise<S3Credentials> {
    const { credentials } = this.options;
    return typeof credentials === 'function' ? credentials() : credentials;
  }

  async get(bucket: string, key: string, versionId?: string): Promise<StoredObject | null> {
    const query = versionId === undefined ? undefined : { versionId };
    const response = await this.send({ method: 'GET', bucket, key, query });
    if (response.status === 404) return null;
    this.expectSuccess('GET', bucket, key, response);
    return {
      body: response.body,
      etag: header(response, 'etag'),
      versionId: header(response, 'x-amz-version-id'),
    };
  }

  async head(bucket: string, key: string): Promise<HeadResult | null> {
    const response = await this.send({ method: 'HEAD', bucket, key });
    if (response.status === 404) return null;
    this.expectSuccess('HEAD', bucket, key, response);
    const contentType = header(response, 'content-type');
    return {
      etag: header(response, 'etag'),
      size: Number(header(response, 'content-length') ?? 0),
      ...(contentType ? { contentType } : {}),
      metadata: userMetadata(response),
    };
  }

  async put(bucket: string, key: string, body: Uint8Array, options: PutOptions): Promise<string> {
    const headers: Record<string, string> = {};
    if (options.contentType) headers['content-type'] = options.contentType;
    if (options.contentEncoding) headers['content-encoding'] = options.contentEncoding;
    if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
    if (options.ifNoneMatch !== undefined) headers['if-none-match'] = options.ifNoneMatch;
    const response = await this.send({ method: 'PUT', bucket, key, headers, body });
    // 412: the condition failed; 409: a concurrent conditional write won the race.
    if (response.status === 412 || response.status === 409) throw new WriteConflictError(bucket, key);
    this.expectSuccess('PUT', bucket, key, response);
    return header(response, 'etag') ?? '';
  }

  async delete(bucket: string, key: string, ifMatch?: string): Promise<void> {
    const headers = ifMatch === undefined ? undefined : { 'if-match': ifMatch };
    const response = await this.send({ method: 'DELETE', bucket, key, headers });
    if (ifMatch !== undefined && [404, 409, 412].includes(response.status))
      throw new WriteConflictError(bucket, key);
    this.expectSuccess('DELETE', bucket, key, response);
  }

  async listPage(bucket: string, prefix: string, continuationToken?: string): Promise<ListPage> {
    const query: Record<string, string> = { 'list-type': '2', prefix };
    if (continuationToken !== undefined) query['continuation-token'] = continuationToken;
    const response = await this.send({ method: 'GET', bucket, key: '', query });
    this.expectSuccess('GET', bucket, `?prefix=${prefix}`, response);
    return parseListPage(response.body.toString('utf8'));
  }

  async bucketExists(bucket: string): Promise<boolean> {
    const response = await this.send({ method: 'HEAD', bucket, key: '' });
    if (response.status === 404) return false;
    this.expectSuccess('HEAD', bucket, '', response);
    return true;
  }

  destroy(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }

  private async send(call: Call): Promise<Response> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await this.attempt(call);
        if (attempt >= maxAttempts || !isRetryable(response)) return response;
      } catch (error) {
        // A network failure is worth another try; our own (no credentials) would only fail again.
        if (attempt >= maxAttempts || error instanceof PipelineError) throw error;
      }
      // Full jitter, as the SDK's standard mode: spreads retries of many clients hitting one prefix.
      const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }

  private async attempt(call: Call): Promise<Response> {
    const target = s3Target(this.options, call.bucket, call.key, this.endpoint);
    const body = call.body ?? EMPTY;
    const search = queryString(call.query);
    const path = search ? `${target.path}?${search}` : target.path;
    const headers: Record<string, string> = {
      host: target.port === undefined ? target.hostname : `${target.hostname}:${target.port}`,
      ...call.headers,
      // S3 requires the payload's SHA-256 with every signed request.
      'x-amz-content-sha256':
        body.byteLength === 0 ? EMPTY_SHA256 : createHash('sha256').update(body).digest('hex'),
    };
    if (call.method === 'PUT') headers['content-length'] = String(body.byteLength);
    const credentials = await this.credentials();
    // The headers come back with x-amz-date, the session token and the signature added.
    const signed = aws4.sign(
      {
        service: 's3',
        region: this.options.region,
        method: call.method,
        host: target.hostname,
        path,
        headers,
      },
      credentials,
    );
    return new Promise<Response>((resolve, reject) => {
      const request = (target.protocol === 'https:' ? https : http).request(
        {
          method: call.method,
          hostname: target.hostname,
          port: target.port,
          path,
          headers: signed.headers,
          agent: this.agents[target.protocol],
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      request.setTimeout(this.options.socketTimeoutMs ?? 30_000, () =>
        request.destroy(new Error(`No answer from S3 for ${call.method} ${call.bucket}/${call.key}`)),
      );
      request.on('error', reject);
      request.end(call.method === 'PUT' ? body : undefined);
    });
  }

  private expectSuccess(method: string, bucket: string, key: string, response: Response): void {
    if (response.status >= 200 && response.status < 300) return;
    const text = response.body.toString('utf8');
    const code = xmlField(text, 'Code') ?? (response.status === 404 ? 'NotFound' : `HTTP ${response.status}`);
    throw new S3RequestError(method, bucket, key, response.status, code, xmlField(text, 'Message') ?? '');
  }
}

/**
 * Where a call goes: path-style on an explicit endpoint, virtual-hosted on AWS. Each key segment is
 * escaped as the SDK escapes it (encodeURIComponent plus !'()*), which is also how S3 signs it.
 *
 * @example s3Target({ region: 'eu-west-1', credentials }, 'b', 'a b/c.json').path // '/a%20b/c.json'
 */
export function s3Target(
  options: Pick<SignedHttpS3Options, 'region' | 'endpoint'>,
  bucket: string,
  key: string,
  // The endpoint already parsed, as a client keeps it: parsing it is a tenth of a request's CPU.
  endpoint: URL | undefined = options.endpoint === undefined ? undefined : new URL(options.endpoint),
): RequestTarget {
  const escapedKey = key.split('/').map(escapeSegment).join('/');
  if (!endpoint) {
    return {
      protocol: 'https:',
      hostname: `${bucket}.s3.${options.region}.amazonaws.com`,
      port: undefined,
      path: `/${escapedKey}`,
    };
  }
  const base = endpoint.pathname.replace(/\/$/, '');
  return {
    protocol: endpoint.protocol === 'https:' ? 'https:' : 'http:',
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    path: key === '' ? `${base}/${bucket}` : `${base}/${bucket}/${escapedKey}`,
  };
}

/**
 * The functions' transport from the Lambda environment: the execution role's credentials and region
 * are in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and AWS_REGION. They are read
 * at the first request, not here, so a module that builds its store at load time still loads where
 * they are unset (a bundle check, a test); the request then fails and says what is missing.
 */
export function signedHttpS3FromEnv(env: NodeJS.ProcessEnv = process.env): SignedHttpS3 {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? '';
  const credentials = async (): Promise<S3Credentials> => {
    const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = env;
    if (!AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY || !region) {
      throw new PipelineError(
        'Expected AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION in the environment (Lambda sets them), ' +
          'or S3_ENDPOINT for the embedded S3 server, but they are not set.',
      );
    }
    return {
      accessKeyId: AWS_ACCESS_KEY_ID,
      secretAccessKey: AWS_SECRET_ACCESS_KEY,
      sessionToken: AWS_SESSION_TOKEN || undefined,
    };
  };
  return new SignedHttpS3({ region, credentials });
}

/** One page of a ListObjectsV2 answer. Exported for tests. */
export function parseListPage(xml: string): ListPage {
  const objects = [];
  for (const match of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
    const entry = match[1] ?? '';
    const key = xmlField(entry, 'Key');
    if (key !== undefined)
      objects.push({ key, etag: xmlField(entry, 'ETag') ?? '', size: Number(xmlField(entry, 'Size') ?? 0) });
  }
  const truncated = xmlField(xml, 'IsTruncated') === 'true';
  return { objects, continuationToken: truncated ? xmlField(xml, 'NextContinuationToken') : undefined };
}

const EMPTY = new Uint8Array(0);
const EMPTY_SHA256 = createHash('sha256').update(EMPTY).digest('hex');

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// S3's XML answers are flat enough that the first element of a name is the one wanted.
function xmlField(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  if (!match) return undefined;
  return (match[1] ?? '').replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (entity, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return XML_ENTITIES[name] ?? entity;
  });
}

function escapeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function queryString(query: Record<string, string> | undefined): string {
  if (!query) return '';
  return Object.entries(query)
    .map(([name, value]) => `${escapeSegment(name)}=${escapeSegment(value)}`)
    .join('&');
}

// Node lower-cases header names, as S3 does user metadata names.
const USER_METADATA_PREFIX = 'x-amz-meta-';

function userMetadata(response: Response): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const name of Object.keys(response.headers)) {
    const value = header(response, name);
    if (name.startsWith(USER_METADATA_PREFIX) && value !== undefined)
      metadata[name.slice(USER_METADATA_PREFIX.length)] = value;
  }
  return metadata;
}

function header(response: Response, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

// The body is read only for a 400: the 404s of missing keys, common in update-index, are not parsed.
function isRetryable(response: Response): boolean {
  if (RETRYABLE_STATUS.has(response.status)) return true;
  return response.status === 400 && xmlField(response.body.toString('utf8'), 'Code') === 'RequestTimeout';
}
