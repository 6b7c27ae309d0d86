import * as z from 'zod/mini';
import { type ArticleEntry, ArticleEntrySchema, newestFirst } from './article-entry.ts';
import { addTally, emptyTally, type Tally, TallySchema, tallyOfEntry } from './tally.ts';

// index/articles/<partition>/<page>.json: the entries of one day, a page at a time. A day holds
// about PAGE_SIZE articles per page; a busy day gets more pages instead of a bigger file, so the
// dashboard's first view and every update read a bounded amount.

export const INDEX_SCHEMA_VERSION = 2;
// About 100 KB of entries: a page is what the dashboard shows first, and what a batch of new
// articles rewrites, so it stays small; a busy day gets more pages.
export const PAGE_SIZE = 100;

export const ArticlePageSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  partition: z.string(),
  day: z.string(),
  undated: z.boolean(),
  page: z.int().check(z.minimum(1)),
  // Goes up by one with every write: the manifest keeps the rev it summarised, so an older
  // summary arriving late cannot overwrite a newer one.
  rev: z.int().check(z.minimum(0)),
  tally: TallySchema,
  // Newest first.
  articles: z.array(ArticleEntrySchema),
});

export type ArticlePage = z.infer<typeof ArticlePageSchema>;

export interface PageRef {
  partition: string;
  day: string;
  undated: boolean;
  page: number;
}

/** @example emptyPage({ partition: '2026-11-28', day: '2026-11-28', undated: false, page: 1 }).articles // [] */
export function emptyPage(ref: PageRef): ArticlePage {
  return {
    schemaVersion: INDEX_SCHEMA_VERSION,
    ...ref,
    rev: 0,
    tally: emptyTally(),
    articles: [],
  };
}

/**
 * The page with the articles `remove` taken out and `add` put in (replacing any entry of the same
 * id); its tally adjusted by exactly the entries that left and arrived. Idempotent: applying the
 * same change twice gives the same page (apart from rev).
 *
 * @example withPageChanges(page, new Set(['a-1']), [entryB]).articles.map((a) => a.id) // ['b-2', ...]
 */
export function withPageChanges(
  page: ArticlePage,
  remove: ReadonlySet<string>,
  add: readonly ArticleEntry[],
): ArticlePage {
  const leaving = new Set([...remove, ...add.map((entry) => entry.id)]);
  let tally: Tally = page.tally;
  const kept: ArticleEntry[] = [];
  for (const entry of page.articles) {
    if (leaving.has(entry.id)) tally = addTally(tally, tallyOfEntry(entry), -1);
    else kept.push(entry);
  }
  for (const entry of add) tally = addTally(tally, tallyOfEntry(entry));
  return {
    ...page,
    rev: page.rev + 1,
    tally,
    articles: [...kept, ...add].sort(newestFirst),
  };
}
