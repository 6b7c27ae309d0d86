import { describe, expect, it } from 'vitest';
import {
  decodeEventKey,
  encodeEventKey,
  InvalidEventError,
  isLaterSequencer,
  parseS3Event,
} from '../../functions/lib/s3-event.ts';
import objectCreated from '../fixtures/events/object-created.json' with { type: 'json' };

describe('S3 event parsing', () => {
  it('decodes keys as AWS sends them: URL-encoded with + for space', () => {
    const event = parseS3Event(structuredClone(objectCreated));
    expect(decodeEventKey(event.Records[0]?.s3.object.key ?? '')).toBe('articles/Harbour talks été.txt');
  });

  it('keeps a literal plus sign that AWS encodes as %2B', () => {
    expect(decodeEventKey('articles/C%2B%2B+news.txt')).toBe('articles/C++ news.txt');
  });

  it('encodes local keys the way AWS does, so the handler sees one shape everywhere', () => {
    const key = 'articles/Переговоры в Риме/a+b & c.txt';
    expect(encodeEventKey(key)).toBe(
      'articles/%D0%9F%D0%B5%D1%80%D0%B5%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%D1%8B+%D0%B2+%D0%A0%D0%B8%D0%BC%D0%B5/a%2Bb+%26+c.txt',
    );
    expect(decodeEventKey(encodeEventKey(key))).toBe(key);
  });

  it('refuses an event without records, naming what is wrong', () => {
    expect(() => parseS3Event({ Records: [] })).toThrow(InvalidEventError);
    expect(() => parseS3Event({ detail: 'not s3' })).toThrow(/Records/);
  });

  it('orders sequencers of different lengths by right-padding the shorter', () => {
    expect(isLaterSequencer('0061A2B3C4D5E6F709', '0061A2B3C4D5E6F708')).toBe(true);
    expect(isLaterSequencer('0061A2B3C4D5E6F7', '0061A2B3C4D5E6F708')).toBe(false);
    expect(isLaterSequencer('0061A2B3C4D5E6F801', '0061A2B3C4D5E6F7FFFF')).toBe(true);
  });
});
