import * as z from 'zod/mini';
import { ArticleEntrySchema } from './article-entry.ts';
import { INDEX_SCHEMA_VERSION } from './article-pages.ts';

// index/by-article/<id>.json: what update-index last indexed for one article (its entry, page and
// lake file), written last in a batch and conditionally (If-Match), so it is the article's commit
// point. The next change subtracts exactly this entry's contributions, and two updates of one
// article racing each other are told apart here. `entry` null: the article was removed.

export const LocatorSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  articleId: z.string(),
  entry: z.nullable(ArticleEntrySchema),
  page: z.nullable(z.int().check(z.minimum(1))),
  lake: z.nullable(z.string()),
});

export type Locator = z.infer<typeof LocatorSchema>;
