import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readAllEntries,
  readSpeakerHeadFile,
  readSpeakerListFile,
} from '../../functions/lib/index-reader.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import type { Report } from '../../shared/report-schema.ts';
import type { AnalysedArticleEntry } from '../../shared/store/article-entry.ts';
import { reportKey } from '../../shared/store/layout.ts';
import { speakerIdOf } from '../../shared/store/speaker-id.ts';
import { startTestPipeline } from '../helpers/local-pipeline.ts';
import { expectValidReport } from '../helpers/report-validator.ts';

// Removing copies of a republished story: whichever copies are removed, the story still counts
// exactly once, through the oldest copy that remains, in the reports, the index and the speaker
// figures, with no step by hand.

// A story written for this test; each test names its own speakers, so tests share no speaker.
function story(town: string, councillor: string, librarian: string): string {
  return [
    `${town} library reopens after flood repairs`, // title line
    '',
    `The library in ${town} opened its doors again on Saturday, eight months after the river rose.`,
    '',
    // a named speaker after "said"
    `"Every shelf here was under water in March, and today children are reading on the floor again," said ${councillor}, who chairs the council's culture committee.`,
    '',
    // a second named speaker with a role, before the cue
    `Head librarian ${librarian} said: "We lost four thousand books, but the town gave us back more than that."`,
  ].join('\n');
}

describe('removing copies of a republished story', () => {
  let pipeline: Awaited<ReturnType<typeof startTestPipeline>>;

  beforeAll(async () => {
    pipeline = await startTestPipeline();
  });

  afterAll(async () => {
    await pipeline?.dispose();
  });

  // Each copy settles before the next, so the drop order is the order the copies are first seen.
  async function dropCopies(keys: readonly string[], text: string): Promise<string[]> {
    for (const key of keys) {
      await pipeline.store.put(pipeline.uploadBucket, key, text);
      await pipeline.bridge.idle();
    }
    return keys.map(articleIdFromKey);
  }

  async function remove(...keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => pipeline.store.delete(pipeline.uploadBucket, key)));
    await pipeline.bridge.idle();
  }

  const reportOf = async (id: string): Promise<Report | undefined> => {
    const stored = await pipeline.store.getJson<Report>(pipeline.resultsBucket, reportKey(id));
    return stored ? expectValidReport(stored.value) : undefined;
  };

  async function entriesOf(ids: readonly string[]): Promise<Map<string, AnalysedArticleEntry>> {
    const entries = await readAllEntries(pipeline.store, pipeline.resultsBucket);
    return new Map(
      entries.flatMap((entry) =>
        entry.status === 'analysed' && ids.includes(entry.id) ? [[entry.id, entry]] : [],
      ),
    );
  }

  // What a user sees of each speaker the story quotes: quotes counted on the speaker's page and in
  // the speakers table. Ids as the index derives them, from a copy's report.
  async function figuresOf(copy: Report | undefined) {
    const list = await readSpeakerListFile(pipeline.store, pipeline.resultsBucket);
    const ids = [...new Set((copy?.quotes ?? []).map((quote) => speakerIdOf(quote.speaker) ?? ''))];
    return Promise.all(
      ids.map(async (id) => {
        const head = await readSpeakerHeadFile(pipeline.store, pipeline.resultsBucket, id);
        const row = list?.rows.find((candidate) => candidate.id === id);
        return { id, quotes: head?.tally.quotes ?? 0, listed: row?.tally.quotes ?? 0 };
      }),
    );
  }

  it('counts the story once, through the oldest remaining copy, when the first copy is removed', async () => {
    const keys = [
      'articles/valley-post/library.txt',
      'articles/river-news/library.txt',
      'articles/wire/library.txt',
    ];
    const [first, second, third] = await dropCopies(
      keys,
      story('Marlow Bridge', 'Ingrid Holloway', 'Pavel Maresh'),
    );
    const original = await reportOf(first ?? '');
    const counted = await figuresOf(original);

    await remove(keys[0] ?? '');

    expect(await reportOf(first ?? '')).toBeUndefined();
    expect((await reportOf(second ?? ''))?.article.duplicateOf).toBeUndefined();
    expect((await reportOf(third ?? ''))?.article.duplicateOf).toBe(second);
    const entries = await entriesOf([first, second, third].map(String));
    expect([...entries.keys()].sort()).toEqual([second, third].map(String).sort());
    expect(entries.get(second ?? '')?.duplicateOf).toBeUndefined();
    expect(entries.get(third ?? '')?.duplicateOf).toBe(second);
    expect(await figuresOf(original)).toEqual(counted);
    // Two speakers, one statement each, counted once on their page and in the table.
    expect(counted.map(({ quotes, listed }) => [quotes, listed])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('counts the story once through the last copy when two copies are removed at once', async () => {
    const keys = ['articles/one/reopening.txt', 'articles/two/reopening.txt', 'articles/three/reopening.txt'];
    const [first, second, third] = await dropCopies(
      keys,
      story('Eastcombe', 'Rosalind Achebe', 'Tomasz Wierzbicki'),
    );
    const original = await reportOf(first ?? '');
    const counted = await figuresOf(original);

    await remove(keys[0] ?? '', keys[1] ?? '');

    expect(await reportOf(first ?? '')).toBeUndefined();
    expect(await reportOf(second ?? '')).toBeUndefined();
    expect((await reportOf(third ?? ''))?.article.duplicateOf).toBeUndefined();
    const entries = await entriesOf([first, second, third].map(String));
    expect([...entries.keys()]).toEqual([third]);
    expect(entries.get(third ?? '')?.duplicateOf).toBeUndefined();
    expect(await figuresOf(original)).toEqual(counted);
    expect(counted.map(({ quotes }) => quotes)).toEqual([1, 1]);
  });

  it('counts the story once when a copy arrives while the first copy is being removed', async () => {
    const text = story('Hollin Vale', 'Odile Ferrante', 'Kwame Asante-Brooks');
    const keys = ['articles/early/vale.txt', 'articles/middle/vale.txt', 'articles/late/vale.txt'];
    const [first, second] = await dropCopies(keys.slice(0, 2), text);
    const original = await reportOf(first ?? '');
    const counted = await figuresOf(original);

    await Promise.all([
      pipeline.store.delete(pipeline.uploadBucket, keys[0] ?? ''),
      pipeline.store.put(pipeline.uploadBucket, keys[2] ?? '', text),
    ]);
    await pipeline.bridge.idle();

    const third = articleIdFromKey(keys[2] ?? '');
    expect(await reportOf(first ?? '')).toBeUndefined();
    const remaining = [await reportOf(second ?? ''), await reportOf(third)];
    const counting = remaining.filter((report) => report && !report.article.duplicateOf);
    expect(counting).toHaveLength(1);
    const countingId = counting[0]?.article.id;
    expect(remaining.map((report) => report?.article.duplicateOf ?? report?.article.id)).toEqual([
      countingId,
      countingId,
    ]);
    const entries = await entriesOf([first, second, third].map(String));
    expect([...entries.values()].filter((entry) => !entry.duplicateOf).map((entry) => entry.id)).toEqual([
      countingId,
    ]);
    expect(await figuresOf(original)).toEqual(counted);
    expect(counted.map(({ quotes }) => quotes)).toEqual([1, 1]);
  });
});
