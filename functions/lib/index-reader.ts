import { type ArticleEntry, newestFirst } from '../../shared/store/article-entry.ts';
import { ArticlePageSchema } from '../../shared/store/article-pages.ts';
import { articlePageKey, MANIFEST_KEY, SPEAKER_LIST_KEY, speakerKey } from '../../shared/store/layout.ts';
import { type Manifest, ManifestSchema } from '../../shared/store/manifest.ts';
import {
  type SpeakerHead,
  SpeakerHeadSchema,
  type SpeakerList,
  SpeakerListSchema,
} from '../../shared/store/speaker-files.ts';
import { unpackTally } from '../../shared/store/tally.ts';
import { getCheckedJson } from './compiled-check.ts';
import type { ObjectStore } from './object-store.ts';

// Reading the index as a whole, for the CLI (`quote-tone report`) and tests: the manifest, then
// the pages it lists. Readers that need only a part (the dashboard) read only that part.

/** The manifest, or null when nothing has been indexed yet. */
export async function readManifestFile(store: ObjectStore, bucket: string): Promise<Manifest | null> {
  return (await getCheckedJson(store, bucket, MANIFEST_KEY, ManifestSchema))?.value ?? null;
}

/**
 * Every entry of the index, newest first, read page by page. `since` (an ISO day or time) skips
 * partitions whose day is before it.
 *
 * @example (await readAllEntries(store, 'quote-tone-results')).length // 1200
 */
export async function readAllEntries(
  store: ObjectStore,
  bucket: string,
  options: { since?: string } = {},
): Promise<ArticleEntry[]> {
  const manifest = await readManifestFile(store, bucket);
  if (!manifest) return [];
  const since = options.since?.slice(0, 10);
  const entries: ArticleEntry[] = [];
  for (const partition of manifest.partitions) {
    if (since && partition.day < since && !partition.undated) continue;
    for (const row of partition.pages) {
      if (unpackTally(row.tally).articles === 0) continue;
      const page = await getCheckedJson(
        store,
        bucket,
        articlePageKey(partition.id, row.page),
        ArticlePageSchema,
      );
      if (page) entries.push(...page.value.articles);
    }
  }
  return entries.sort(newestFirst);
}

/** The speaker list, or null before the first speaker. */
export async function readSpeakerListFile(store: ObjectStore, bucket: string): Promise<SpeakerList | null> {
  return (await getCheckedJson(store, bucket, SPEAKER_LIST_KEY, SpeakerListSchema))?.value ?? null;
}

/** One speaker's head file, or null. */
export async function readSpeakerHeadFile(
  store: ObjectStore,
  bucket: string,
  speakerId: string,
): Promise<SpeakerHead | null> {
  return (await getCheckedJson(store, bucket, speakerKey(speakerId), SpeakerHeadSchema))?.value ?? null;
}
