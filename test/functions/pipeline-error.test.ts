import { describe, expect, it } from 'vitest';
import {
  InvalidConfigError,
  intFromEnv,
  MissingConfigError,
  requireEnv,
} from '../../functions/lib/config.ts';
import {
  MalformedObjectError,
  parseJsonObject,
  WriteConflictError,
} from '../../functions/lib/object-store.ts';
import { PipelineError } from '../../functions/lib/pipeline-error.ts';
import { InvalidEventError, parseS3Event } from '../../functions/lib/s3-event.ts';
import { InvalidSqsEventError, s3RecordsOfSqsEvent } from '../../functions/lib/sqs-event.ts';
import { IndexContentionError } from '../../functions/update-index/retry-on-conflict.ts';
import {
  articleIdFromResultKey,
  UnexpectedResultKeyError,
} from '../../functions/update-index/update-index.ts';

// The functions' own failures share one base class and carry a stable code.
describe('errors raised by the functions', () => {
  function thrown(run: () => unknown): unknown {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected an error');
  }

  it.each([
    ['a missing variable', () => requireEnv('QUOTE_TONE_SURELY_UNSET'), MissingConfigError, 'MISSING_CONFIG'],
    [
      'a malformed number',
      () => withEnv('QUOTE_TONE_TEST_NUMBER', 'many', () => intFromEnv('QUOTE_TONE_TEST_NUMBER', 1)),
      InvalidConfigError,
      'INVALID_CONFIG',
    ],
    ['an event that is not from S3', () => parseS3Event({ detail: {} }), InvalidEventError, 'INVALID_EVENT'],
    [
      'an event that is not from SQS',
      () => s3RecordsOfSqsEvent({}),
      InvalidSqsEventError,
      'INVALID_SQS_EVENT',
    ],
    [
      'a results key outside reports/ and errors/',
      () => articleIdFromResultKey('index/manifest.json'),
      UnexpectedResultKeyError,
      'UNEXPECTED_RESULT_KEY',
    ],
    [
      'a truncated stored file',
      () => parseJsonObject('results', 'index/manifest.json', new TextEncoder().encode('{"rev":')),
      MalformedObjectError,
      'MALFORMED_OBJECT',
    ],
  ])('report %s as a PipelineError with a code', (_case, run, type, code) => {
    const error = thrown(run);

    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe(code);
  });

  it('reports a lost conditional write as a PipelineError', () => {
    const error = new WriteConflictError('results', 'reports/a.json');

    expect(error).toBeInstanceOf(PipelineError);
    expect(error.code).toBe('WRITE_CONFLICT');
  });

  it('reports an index file that kept changing under update-index as a PipelineError', () => {
    const error = new IndexContentionError(20);

    expect(error).toBeInstanceOf(PipelineError);
    expect(error.code).toBe('INDEX_CONTENTION');
  });
});

function withEnv<T>(name: string, value: string, run: () => T): T {
  process.env[name] = value;
  try {
    return run();
  } finally {
    delete process.env[name];
  }
}
