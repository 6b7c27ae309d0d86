import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { MalformedObjectError, parseJsonObject } from '../../../functions/lib/object-store.ts';

// Validated reads: a damaged stored file is named as such, never passed on as if it were sound.

const Counter = z.object({ count: z.int() });
const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseJsonObject', () => {
  it('returns the value typed by the schema', () => {
    expect(parseJsonObject('b', 'index/manifest.json', bytes('{"count":3}'), Counter)).toEqual({ count: 3 });
  });

  it('names the key of a truncated file', () => {
    const read = () => parseJsonObject('b', 'index/manifest.json', bytes('{"count":'), Counter);
    expect(read).toThrow(MalformedObjectError);
    expect(read).toThrow(/s3:\/\/b\/index\/manifest\.json.*does not parse/);
  });

  it('refuses JSON of another shape', () => {
    expect(() => parseJsonObject('b', 'k.json', bytes('{"count":"three"}'), Counter)).toThrow(
      /s3:\/\/b\/k\.json/,
    );
  });

  it('reads a file stored gzipped as the JSON it holds', () => {
    const gzipped = gzipSync('{"count":7}\n');
    expect(parseJsonObject('b', 'index/manifest.json', gzipped, Counter)).toEqual({ count: 7 });
  });

  it('names a gzipped file cut short as damaged, not as missing', () => {
    const gzipped = gzipSync(`{"count":7,"pad":"${'x'.repeat(500)}"}`);
    const read = () => parseJsonObject('b', 'index/manifest.json', gzipped.subarray(0, 20), Counter);
    expect(read).toThrow(MalformedObjectError);
    expect(read).toThrow(/s3:\/\/b\/index\/manifest\.json.*does not decompress/);
  });
});
