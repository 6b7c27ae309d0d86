import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeText, detectBom, TextChunkDecoder } from '../../shared/decode-text.ts';
import { InvalidTextError } from '../../shared/errors.ts';

// Seeded and bounded: the same cases every run, quick enough for every test run.
const RUNS = { seed: 20_261_207, numRuns: 300 } as const;

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

describe('detectBom', () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x61], { encoding: 'utf-8', length: 3 }],
    [[0xff, 0xfe, 0x61, 0x00], { encoding: 'utf-16le', length: 2 }],
    [[0xfe, 0xff, 0x00, 0x61], { encoding: 'utf-16be', length: 2 }],
    [[0x61, 0x62, 0x63], undefined],
    [[0xff], undefined],
  ])('reads %j as %j', (bytes, expected) => {
    expect(detectBom(new Uint8Array(bytes))).toEqual(expected);
  });
});

describe('TextChunkDecoder', () => {
  // Any text without NUL: ASCII, accents, and characters beyond the BMP (4 UTF-8 bytes, a pair).
  const text = fc.string({ unit: 'binary', maxLength: 60 }).map((value) => value.replaceAll('\0', ''));
  const cuts = fc.array(fc.nat({ max: 300 }), { maxLength: 8 });

  it.each(['utf-8', 'utf-16le', 'utf-16be'] as const)(
    'gives back %s text with a byte-order mark whole, however it is cut into chunks',
    (encoding) => {
      fc.assert(
        fc.property(text, cuts, (original, at) => {
          const decoder = new TextChunkDecoder();

          const chunks = cutInto(encode(encoding, `\ufeff${original}`), at);
          const decoded = chunks.map((chunk) => decoder.decode(chunk)).join('') + decoder.end();

          expect(decoded).toBe(original);
        }),
        RUNS,
      );
    },
  );

  it('reads text without a byte-order mark as UTF-8, however it is cut', () => {
    fc.assert(
      fc.property(text, cuts, (original, at) => {
        const decoder = new TextChunkDecoder();

        const chunks = cutInto(new TextEncoder().encode(original), at);
        const decoded = chunks.map((chunk) => decoder.decode(chunk)).join('') + decoder.end();

        expect(decoded).toBe(original);
      }),
      RUNS,
    );
  });

  it('refuses random bytes only with an InvalidTextError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), cuts, (bytes, at) => {
        const decoder = new TextChunkDecoder();

        const decodeAll = () => {
          for (const chunk of cutInto(bytes, at)) decoder.decode(chunk);
          decoder.end();
        };

        try {
          decodeAll();
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidTextError);
        }
      }),
      RUNS,
    );
  });

  it('reads a Windows-1252 file as decodeText reads it whole, however it is cut, and says so', () => {
    // ASCII words, each followed by a byte beyond ASCII and a space, as in "café au lait": never
    // a UTF-8 character, since no UTF-8 lead or continuation byte is followed by a space.
    const windows1252 = fc
      .array(fc.tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0x80, max: 0xff })), { minLength: 1 })
      .map((words) =>
        Uint8Array.from(
          words.flatMap(([ascii, high]) => [
            ...Buffer.from(ascii.replaceAll('\0', ' '), 'latin1'),
            high,
            0x20,
          ]),
        ),
      );
    fc.assert(
      fc.property(windows1252, cuts, (bytes, at) => {
        const decoder = new TextChunkDecoder();

        const decoded =
          cutInto(bytes, at)
            .map((chunk) => decoder.decode(chunk))
            .join('') + decoder.end();

        expect(decoded).toBe(decodeText(bytes));
        expect(decoder.fellBack).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps reading UTF-8 when the first byte beyond ASCII is a UTF-8 character', () => {
    const decoder = new TextChunkDecoder();

    const decoded = decoder.decode(new TextEncoder().encode('Café\n')) + decoder.end();

    expect(decoded).toBe('Café\n');
    expect(decoder.fellBack).toBe(false);
  });

  it('hands back the text of the chunk before a byte that is no UTF-8, after UTF-8 accents', () => {
    const decoder = new TextChunkDecoder();
    decoder.decode(new TextEncoder().encode('Naïve\nTw'));

    const second = () => decoder.decode(new Uint8Array([0x6f, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a])); // o\ncaf\xe9\n

    expect(second).toThrow(expect.objectContaining({ name: 'InvalidTextError', textBefore: 'o\ncaf' }));
  });

  it('refuses input that ends inside a character', () => {
    const decoder = new TextChunkDecoder();
    decoder.decode(new TextEncoder().encode('é'));
    decoder.decode(new Uint8Array([0x63, 0x61, 0x66, 0xc3])); // "caf" and the first byte of "é"

    expect(() => decoder.end()).toThrow(InvalidTextError);
  });
});

function encode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', text: string): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const littleEndian = Buffer.from(text, 'utf16le');
  return encoding === 'utf-16le' ? littleEndian : littleEndian.swap16();
}

// The bytes cut at the given offsets (each taken modulo the length), as reads of a pipe may be.
function cutInto(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const at = [...new Set(offsets.map((offset) => offset % (bytes.length + 1)))].sort((a, b) => a - b);
  const edges = [0, ...at, bytes.length];
  return edges.slice(1).map((end, index) => bytes.subarray(edges[index], end));
}
