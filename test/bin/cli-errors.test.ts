import { S3ServiceException } from '@aws-sdk/client-s3';
import { SQSServiceException } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../bin/cli-errors.ts';

// describeError no longer imports the S3 client (it slowed every command's start); it must still
// tell an S3 refusal by its HTTP status as the SDK's own class check did.
function s3Error(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status } });
}

describe('describeError on SDK exceptions', () => {
  it('reads an S3 error with an unlisted name but HTTP 403 as access denied to the bucket', () => {
    const described = describeError(s3Error('AllAccessDisabled', 403), { bucket: 'my-results' });
    expect(described).toEqual({
      message:
        'access denied to "my-results" (AllAccessDisabled); check that your AWS credentials (AWS_PROFILE) may use it',
      fatal: true,
    });
  });

  it('keeps the message of an S3 error of another status', () => {
    const error = s3Error('SlowDown', 503);
    error.message = 'Please reduce your request rate.';
    expect(describeError(error)).toEqual({ message: 'Please reduce your request rate.', fatal: false });
  });

  it('does not read a 403 from another service as a bucket refusal', () => {
    const error = new SQSServiceException({
      name: 'KmsThrottled',
      $fault: 'client',
      $metadata: { httpStatusCode: 403 },
    });
    error.message = 'throttled';
    expect(describeError(error)).toEqual({ message: 'throttled', fatal: false });
  });
});
