import { parseArgs } from 'node:util';
import { LOCAL_ADDRESS, LOCAL_RESULTS_BUCKET, LOCAL_S3_PORT } from '../../functions/local/pipeline.ts';
import { type ReindexProgress, type ReindexSummary, reindex } from '../../functions/update-index/reindex.ts';
import { RESULTS_BUCKET_ENV as BUCKET_ENV, withResultsStore } from '../results-store.ts';

export const summary = 'rebuild the index, speaker files and quote lake from reports/ and errors/';

export const help = `Usage: quote-tone reindex [--bucket NAME] [--endpoint URL] [--dir DIR]

Rebuilds every derived file of the results store (index/manifest.json, the article pages, the
speaker files and list, the per-article locators, the quote lake) from reports/ and errors/,
then prints what it fixed: damaged files, articles missing from the index or indexed with an old
result, and entries of articles that are gone. Copies of a republished story still counted under
an article that is gone (a store from before claims listed their copies) are pointed at the
oldest remaining copy first, which then counts the story. Progress goes to stderr.

Run it when the index looks wrong or after restoring results by hand. The index is cleared first
and rebuilt batch by batch, so readers see it fill up; run it while no articles are being
analysed (stop "quote-tone start", or let the queue drain on AWS), or a concurrent update may
have to wait for its next event to show.

Store (default: the local one):
  (no flags)       the local pipeline of "npm start" at http://${LOCAL_ADDRESS}:${LOCAL_S3_PORT} if it is running,
                   otherwise the local store on disk (.local/s3) through a temporary embedded server.
  --dir DIR        the local store kept in DIR (as "quote-tone start --dir DIR"); not with
                   --endpoint, which names a running server instead.
  --bucket NAME    an AWS results bucket (the stack's ResultsBucketName output), or set ${BUCKET_ENV}.
  --endpoint URL   another embedded S3 server (bucket ${LOCAL_RESULTS_BUCKET} unless --bucket).
  -h, --help       show this help.

Example:
  npx quote-tone reindex --bucket quotetone-resultsbucket-1a2b3c`;

export const options = {
  bucket: { type: 'string' },
  endpoint: { type: 'string' },
  dir: { type: 'string' },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options });
  const bucket = values.bucket ?? process.env[BUCKET_ENV];
  const result = await withResultsStore(
    { bucket, endpoint: values.endpoint, dir: values.dir },
    (store, name) => reindex(store, name, printProgress),
    { writes: true },
  );
  process.stderr.write('\n');
  console.log(formatSummary(result));
  return result.failures.length > 0 ? 1 : 0;
}

function printProgress(progress: ReindexProgress): void {
  process.stderr.write(`\r${progress.phase} ${progress.done}/${progress.total}   `);
}

/** The summary a person reads: what was rebuilt and what was wrong before. */
export function formatSummary(summary: ReindexSummary): string {
  const lines = [
    `Rebuilt the index of ${summary.articles} article${summary.articles === 1 ? '' : 's'} (${summary.analysed} analysed, ${summary.failed} failed) and ${summary.speakers} speaker${summary.speakers === 1 ? '' : 's'}; replaced ${summary.derivedFilesRemoved} derived files.`,
  ];
  const listed = (label: string, ids: string[], count = ids.length) => {
    if (count === 0) return;
    const shown = ids.slice(0, 10).join(', ');
    lines.push(`Fixed ${count} ${label}: ${shown}${count > 10 ? ', …' : ''}`);
  };
  listed('damaged files', summary.damaged, summary.damagedCount);
  listed('articles missing from the index', summary.missing);
  listed('articles indexed with an old result', summary.outdated);
  listed('entries of removed articles', summary.stale);
  listed('entries without their commit record (left by a crash) or listed twice', summary.unrecorded);
  listed('republished copies counted under an article that is gone', summary.republished);
  if (lines.length === 1) lines.push('Nothing was wrong: the rebuilt index matches the old one.');
  for (const failure of summary.failures) lines.push(`Could not index ${failure.key}: ${failure.reason}`);
  return lines.join('\n');
}
