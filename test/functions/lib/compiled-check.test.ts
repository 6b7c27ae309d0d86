import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  COMPILE_AFTER_BYTES,
  compiledCheck,
  parseCheckedJson,
} from '../../../functions/lib/compiled-check.ts';
import { MalformedObjectError, parseJsonObject } from '../../../functions/lib/object-store.ts';
import { ReportSchema } from '../../../shared/report-schema.ts';
import { ArticlePageSchema } from '../../../shared/store/article-pages.ts';
import { LocatorSchema } from '../../../shared/store/locator.ts';
import { ManifestSchema } from '../../../shared/store/manifest.ts';
import {
  SpeakerDaySchema,
  SpeakerHeadSchema,
  SpeakerListSchema,
} from '../../../shared/store/speaker-files.ts';
import { storeFileExamples } from '../../shared/store/store-file-examples.ts';

// update-index checks the files it reads with the zod schemas compiled by ajv (fast, no copy). A
// damaged or foreign file must be refused exactly when zod refuses it: otherwise a bad file would be
// passed on as sound, or a sound one "repaired".

const { report, page, day, head, list, manifest, locator } = storeFileExamples();
const entry = page.articles.find((article) => article.status === 'analysed');

const FILES: [string, z.ZodMiniType, unknown][] = [
  ['report', ReportSchema, report],
  ['page', ArticlePageSchema, page],
  ['speaker day', SpeakerDaySchema, day],
  ['speaker head', SpeakerHeadSchema, head],
  ['speaker list', SpeakerListSchema, list],
  ['manifest', ManifestSchema, manifest],
  ['locator', LocatorSchema, locator],
];

/** Every way of damaging one place in `value`: a wrong type, a bad string, a missing key, out of range. */
function* mutants(value: unknown): Generator<unknown> {
  const clone = () => structuredClone(value);
  function* at(path: (string | number)[], node: unknown): Generator<unknown> {
    const replaced = (replacement: unknown) => {
      const copy = clone() as Record<string | number, unknown>;
      let parent = copy;
      for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
      const last = path.at(-1);
      if (last === undefined) return replacement;
      if (replacement === DELETE) delete parent[last];
      else parent[last] = replacement;
      return copy;
    };
    if (path.length > 0) {
      yield replaced(DELETE);
      yield replaced(null);
      yield replaced(typeof node === 'string' ? 7 : 'x');
      if (typeof node === 'number') yield replaced(node + 2.5);
      if (typeof node === 'number') yield replaced(1e9);
      if (typeof node === 'number') yield replaced(-node - 1.5);
      if (typeof node === 'string') yield replaced(`${node}!`);
    }
    if (Array.isArray(node)) for (const [index, item] of node.entries()) yield* at([...path, index], item);
    else if (node && typeof node === 'object')
      for (const [key, item] of Object.entries(node)) yield* at([...path, key], item);
  }
  yield* at([], value);
}
const DELETE = Symbol('delete');

describe('compiledCheck', () => {
  it.each(FILES)('accepts a sound %s', (_, schema, value) => {
    expect(z.safeParse(schema, value).success).toBe(true);
    expect(compiledCheck(schema)(value)).toBe(true);
  });

  it.each(FILES)('refuses a damaged %s exactly when zod does', (_, schema, value) => {
    let refused = 0;
    let checked = 0;
    for (const mutant of mutants(value)) {
      const zod = z.safeParse(schema, mutant).success;
      expect({ mutant, passes: compiledCheck(schema)(mutant) }).toEqual({ mutant, passes: zod });
      checked += 1;
      if (!zod) refused += 1;
    }
    // The mutations must actually damage the file, or this test proves nothing.
    expect(refused).toBeGreaterThan(checked / 3);
  });
});

describe('parseCheckedJson', () => {
  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const key = 'index/articles/p/1.json';
  const damaged = bytes({ ...page, articles: [{ ...entry, quotes: 'three' }] });
  const zodMessage = () => {
    try {
      parseJsonObject('b', key, damaged, ArticlePageSchema);
    } catch (error) {
      return (error as Error).message;
    }
  };

  // The first reads of a schema are checked by zod, later ones by the compiled check: both ways
  // must give the same values and the same errors.
  it.each(['checked by zod', 'checked by the compiled check'])(
    'reads sound pages as parseJsonObject does, and refuses a damaged one with its message (%s)',
    (way) => {
      const sound = bytes(page);
      const reads = way === 'checked by zod' ? 1 : Math.ceil(COMPILE_AFTER_BYTES / sound.length) + 1;
      for (let read = 0; read < reads; read++)
        expect(parseCheckedJson('b', key, sound, ArticlePageSchema)).toEqual(
          parseJsonObject('b', key, sound, ArticlePageSchema),
        );
      expect(zodMessage()).toMatch(/s3:\/\/b\/index\/articles\/p\/1\.json/);
      const read = () => parseCheckedJson('b', key, damaged, ArticlePageSchema);
      expect(read).toThrow(MalformedObjectError);
      expect(read).toThrow(zodMessage());
    },
  );

  it('names a truncated file', () => {
    const body = bytes(page).slice(0, 40);
    expect(() => parseCheckedJson('b', 'index/manifest.json', body, ManifestSchema)).toThrow(
      /does not parse/,
    );
  });
});
