// Every failure the CLI reports is one line on stderr: what went wrong, and what to do about it.
// Usage mistakes exit 2 (as in POSIX utilities), everything else 1.

export const USAGE_EXIT_CODE = 2;

/** A mistake on the command line: an unknown flag, a bad value, a missing argument. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What the CLI was talking to when an error arose, for the hint. */
export interface ErrorContext {
  bucket?: string;
  /** An embedded S3 server's URL; absent for AWS. */
  endpoint?: string;
}

export interface DescribedError {
  message: string;
  /** The same error would recur for every other object: stop instead of repeating it per file. */
  fatal: boolean;
}

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'Forbidden',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
]);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ETIMEDOUT']);
const UNKNOWN_HOST = new Set(['ENOTFOUND', 'EAI_AGAIN']);

/**
 * Node's parseArgs errors are usage errors; their messages run to two sentences, the first says it.
 *
 * @example isArgsError(error) // true for "Unknown option '--foo'"
 */
export function isUsageError(error: unknown): error is Error {
  if (error instanceof UsageError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** @example usageMessage(parseArgsError) // "unknown option '--foo'" */
export function usageMessage(error: Error): string {
  if (error instanceof UsageError) return error.message;
  const first = error.message.split(/\.\s/)[0] ?? error.message;
  return first.charAt(0).toLowerCase() + first.slice(1).replace(/\.$/, '');
}

/**
 * One line for an error from S3 or the AWS SDK, with a hint; other errors keep their own message.
 *
 * @example
 * describeError(regionMissing).message // 'no AWS region is set; set AWS_REGION (…) or …'
 */
export function describeError(error: unknown, context: ErrorContext = {}): DescribedError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  const status = s3Status(error);
  const code = networkCode(error);
  const bucket = context.bucket ? `"${context.bucket}"` : 'the bucket';

  if (/region is missing/i.test(message))
    return fatal(
      'no AWS region is set; set AWS_REGION (e.g. export AWS_REGION=eu-west-1) or a region in your AWS profile',
    );
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message))
    return fatal(
      'no AWS credentials found; run "aws configure" (or "aws sso login"), or set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
  if (name === 'NoSuchBucket')
    return fatal(
      `no bucket named ${bucket}${context.endpoint ? ` at ${context.endpoint}` : ''}; check the name (the stack outputs UploadBucketName and ResultsBucketName)`,
    );
  if (/NonExistentQueue|QueueDoesNotExist/.test(name))
    return fatal('no such queue; check the URL (the stack output FailureQueueUrl) and AWS_REGION');
  if (ACCESS_DENIED.has(name) || status === 403)
    return fatal(
      `access denied to ${bucket} (${name || 'HTTP 403'}); check that your AWS credentials (AWS_PROFILE) may use it`,
    );
  if (code && UNREACHABLE.has(code)) {
    const where = context.endpoint ?? 'S3';
    const hint = context.endpoint
      ? 'is "npm start" running? If it runs on another port, pass the --endpoint it printed'
      : 'check your network';
    return fatal(`could not reach ${where} (${code}); ${hint}`);
  }
  if (code && UNKNOWN_HOST.has(code))
    return fatal(`could not resolve the S3 host (${code}); check your network or --endpoint`);
  return { message: message.split('\n')[0] ?? message, fatal: false };
}

// The HTTP status of an error the S3 client threw. Duck-typed on the SDK's exception class name and
// its $metadata instead of `instanceof S3ServiceException`: importing @aws-sdk/client-s3 here cost
// every command, `score` included, about 360 ms of CPU at start.
function s3Status(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata;
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  for (let proto = Object.getPrototypeOf(error); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if ((proto as { constructor?: { name?: string } }).constructor?.name === 'S3ServiceException') {
      const status = metadata.httpStatusCode;
      return typeof status === 'number' ? status : undefined;
    }
  }
  return undefined;
}

function fatal(message: string): DescribedError {
  return { message, fatal: true };
}

// The SDK passes Node's socket errors through, sometimes wrapped in an AggregateError (one per address).
function networkCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const inner = (error as { errors?: unknown[] } | null)?.errors?.[0];
  const innerCode = (inner as { code?: unknown } | undefined)?.code;
  return typeof innerCode === 'string' ? innerCode : undefined;
}

/** An error already put into its one line; the CLI prints it as it is. */
export class DescribedCliError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DescribedCliError';
  }
}

/**
 * Runs S3 work and turns its failure into one described line that names the bucket or endpoint.
 *
 * @example await inContext({ bucket: 'my-results' }, () => store.getJson('my-results', key))
 */
export async function inContext<T>(context: ErrorContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DescribedCliError || isUsageError(error)) throw error;
    throw new DescribedCliError(describeError(error, context).message, { cause: error });
  }
}
