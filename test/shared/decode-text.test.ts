import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeText } from '../../shared/decode-text.ts';

describe('decodeText', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('“Café”')]);

    expect(decodeBytes(bytes)).toEqual({ text: '“Café”', encoding: 'utf-8' });
  });

  it('reads a Windows-1252 file with curly quotes and accents instead of producing mojibake', () => {
    // “Café”, she said — as a legacy Windows editor saves it.
    const bytes = new Uint8Array([
      0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x2c, 0x20, 0x73, 0x68, 0x65, 0x20, 0x73, 0x61, 0x69, 0x64,
    ]);

    expect(decodeBytes(bytes)).toEqual({ text: '“Café”, she said', encoding: 'windows-1252' });
  });

  it('reads a Latin-1 file', () => {
    const bytes = new Uint8Array([0x53, 0xe3, 0x6f, 0x20, 0x50, 0x61, 0x75, 0x6c, 0x6f]); // São Paulo

    expect(decodeText(bytes)).toBe('São Paulo');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);

    expect(decodeBytes(bytes)).toEqual({ text: 'Hi', encoding: 'utf-16le' });
  });

  it('passes a string through without its byte-order mark', () => {
    expect(decodeText('\ufeffHello')).toBe('Hello');
  });
});
