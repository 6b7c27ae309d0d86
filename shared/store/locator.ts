import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { type ArticleEntry, ArticleEntrySchema, DaySchema } from './article-entry.ts';
import { INDEX_SCHEMA_VERSION } from './article-pages.ts';

// index/by-article/<id>.json: what update-index last indexed for one article (where its entry went,
// whose speaker files it touched, its lake file), written last in a batch and conditionally
// (If-Match), so it is the article's commit point. The next change takes out exactly these
// contributions, and two updates of one article racing each other are told apart here. The entry
// itself lives in its page only: the locator keeps a footprint and a digest of it, a tenth of the
// bytes every batch writes per article. `footprint` null: the article was removed.

/** What an indexed entry occupies: its partition, its speakers' files, and a digest of the entry. */
export const EntryFootprintSchema = z.object({
  status: z.enum(['analysed', 'failed']),
  day: DaySchema,
  undated: z.boolean(),
  analyzedAt: z.string(),
  speakers: z.array(z.object({ id: z.string(), name: z.string() })),
  // Equal digests: the entry the store's results give now is the one indexed, nothing to do.
  digest: z.string(),
});

export type EntryFootprint = z.infer<typeof EntryFootprintSchema>;

export const LocatorSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  articleId: z.string(),
  footprint: z.nullable(EntryFootprintSchema),
  page: z.nullable(z.int().check(z.minimum(1))),
  lake: z.nullable(z.string()),
});

// Locators written before footprints held the whole entry: still read, as their footprint.
const EntryLocatorSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  articleId: z.string(),
  entry: z.nullable(ArticleEntrySchema),
  page: z.nullable(z.int().check(z.minimum(1))),
  lake: z.nullable(z.string()),
});

/** Either locator shape: read with this, then take `currentLocator` of it. */
export const StoredLocatorSchema = z.union([LocatorSchema, EntryLocatorSchema]);

export type Locator = z.infer<typeof LocatorSchema>;
export type StoredLocator = z.infer<typeof StoredLocatorSchema>;

/** A stored locator of either shape, as the current shape. */
export function currentLocator(stored: StoredLocator): Locator {
  if ('footprint' in stored) return stored;
  const { entry, ...rest } = stored;
  return { ...rest, footprint: entry ? footprintOf(entry) : null };
}

/**
 * @example entryDigest(entry) // '3f1c9a2b0d4e…' (same entry, same digest)
 */
export function entryDigest(entry: ArticleEntry): string {
  return createHash('sha256').update(JSON.stringify(entry)).digest('base64url').slice(0, 22);
}

/** @example footprintOf(entry).speakers // [{ id: 'anna-smith-3f1c9a2b', name: 'Anna Smith' }] */
export function footprintOf(entry: ArticleEntry, digest = entryDigest(entry)): EntryFootprint {
  return {
    status: entry.status,
    day: entry.day,
    undated: entry.undated,
    analyzedAt: entry.analyzedAt,
    speakers:
      entry.status === 'analysed'
        ? entry.speakers.map((speaker) => ({ id: speaker.id, name: speaker.name }))
        : [],
    digest,
  };
}
