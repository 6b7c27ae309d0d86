import * as z from 'zod/mini';
import { compareText } from '../compare-text.ts';
import { INDEX_SCHEMA_VERSION, PAGE_SIZE, type PageRef } from './article-pages.ts';
import { partitionId } from './layout.ts';
import { addTally, emptyTally, PackedTallySchema, packTally, type Tally, unpackTally } from './tally.ts';

// index/manifest.json: what the dashboard loads first and update-index reads on every batch. It
// lists every partition (one per day) with its pages' tallies and revs, and the store's totals.
// It grows with the number of days and pages, not with articles: about 60 bytes per page, its
// tallies packed as arrays (packTally) because the dashboard downloads it first.

export const PageRowSchema = z.object({
  page: z.int().check(z.minimum(1)),
  // The page file's rev when this row was written; a row only ever moves to a higher rev.
  rev: z.int().check(z.minimum(0)),
  tally: PackedTallySchema,
});

export const PartitionRowSchema = z.object({
  // Also the folder of its pages: index/articles/<id>/<page>.json.
  id: z.string(),
  day: z.string(),
  undated: z.boolean(),
  tally: PackedTallySchema,
  pages: z.array(PageRowSchema),
});

export const ManifestSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  rev: z.int().check(z.minimum(0)),
  updatedAt: z.iso.datetime(),
  pageSize: z.int(),
  totals: PackedTallySchema,
  // Newest day first; on one day, the dated partition before the undated one.
  partitions: z.array(PartitionRowSchema),
});

export type PageRow = z.infer<typeof PageRowSchema>;
export type PartitionRow = z.infer<typeof PartitionRowSchema>;
export type Manifest = z.infer<typeof ManifestSchema>;

/** A page's new tally, as the page write that produced it left it. */
export interface PageTally extends PageRef {
  rev: number;
  tally: Tally;
}

/** @example emptyManifest('2026-11-28T10:00:00.000Z').partitions // [] */
export function emptyManifest(now: string): Manifest {
  return {
    schemaVersion: INDEX_SCHEMA_VERSION,
    rev: 0,
    updatedAt: now,
    pageSize: PAGE_SIZE,
    totals: packTally(emptyTally()),
    partitions: [],
  };
}

/**
 * The manifest with these page tallies in place: each replaces its page's row when its rev is
 * newer, and the partition's and the store's totals move by the difference. Returns null when no
 * row changed (nothing to write).
 *
 * @example withPageTallies(manifest, [{ partition: '2026-11-28', day: '2026-11-28', undated: false, page: 1, rev: 4, tally }], now)
 */
export function withPageTallies(
  manifest: Manifest,
  updates: readonly PageTally[],
  now: string,
): Manifest | null {
  const partitions = new Map(manifest.partitions.map((row) => [row.id, { ...row, pages: [...row.pages] }]));
  let totals = unpackTally(manifest.totals);
  let changed = false;
  for (const update of updates) {
    const partition = partitions.get(update.partition) ?? {
      id: update.partition,
      day: update.day,
      undated: update.undated,
      tally: packTally(emptyTally()),
      pages: [],
    };
    const index = partition.pages.findIndex((row) => row.page === update.page);
    const previous = index >= 0 ? partition.pages[index] : undefined;
    if (previous && previous.rev >= update.rev) continue;
    const before = previous ? unpackTally(previous.tally) : emptyTally();
    const row: PageRow = { page: update.page, rev: update.rev, tally: packTally(update.tally) };
    if (index >= 0) partition.pages[index] = row;
    else partition.pages.push(row);
    partition.pages.sort((a, b) => a.page - b.page);
    partition.tally = packTally(addTally(addTally(unpackTally(partition.tally), before, -1), update.tally));
    totals = addTally(addTally(totals, before, -1), update.tally);
    partitions.set(partition.id, partition);
    changed = true;
  }
  if (!changed) return null;
  return {
    ...manifest,
    rev: manifest.rev + 1,
    updatedAt: now,
    totals: packTally(totals),
    partitions: [...partitions.values()].sort(newestPartitionFirst),
  };
}

/**
 * Where a newly placed article goes in its partition: the last page while it has room (counting
 * `placing` articles this batch already put there), else a new page.
 *
 * @example pageFor(manifest, '2026-11-28', 0) // 1
 */
export function pageFor(manifest: Manifest, partition: string, placing: number): number {
  const row = manifest.partitions.find((candidate) => candidate.id === partition);
  const last = row?.pages.at(-1);
  if (!last) return 1 + Math.floor(placing / manifest.pageSize);
  const room = manifest.pageSize - unpackTally(last.tally).articles;
  if (placing < room) return last.page;
  return last.page + 1 + Math.floor((placing - Math.max(room, 0)) / manifest.pageSize);
}

/** The page reference of a partition id and page number. */
export function pageRef(day: string, undated: boolean, page: number): PageRef {
  return { partition: partitionId(day, undated), day, undated, page };
}

function newestPartitionFirst(a: PartitionRow, b: PartitionRow): number {
  if (a.day !== b.day) return a.day < b.day ? 1 : -1;
  if (a.undated !== b.undated) return a.undated ? 1 : -1;
  return compareText(a.id, b.id);
}
