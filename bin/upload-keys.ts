import { ARTICLE_SUFFIXES } from '../shared/article-format.ts';
import { articleIdFromKey } from '../shared/article-id.ts';
import { UPLOAD_PREFIX } from '../shared/store/layout.ts';
import { DescribedCliError, inContext } from './cli-errors.ts';
import type { S3Target } from './s3-target.ts';

/** Every article upload in the bucket (keys under articles/ with an article suffix). */
export async function listUploads(target: S3Target): Promise<string[]> {
  return inContext(target.context, async () => {
    const keys: string[] = [];
    for await (const key of target.store.list(target.bucket, UPLOAD_PREFIX))
      if (ARTICLE_SUFFIXES.some((suffix) => key.toLowerCase().endsWith(suffix))) keys.push(key);
    return keys.sort();
  });
}

/**
 * The upload keys the user named. Each may be the key (`articles/talks.txt`), the key without
 * `articles/` (`talks.txt`, as `drop` names it), or the article id reports show (`talks-1a2b3c4d`).
 * A name that matches no upload is an error naming it, so nothing is silently left alone.
 *
 * @example await resolveUploadKeys(target, ['talks-1a2b3c4d']) // ['articles/talks.txt']
 */
export async function resolveUploadKeys(target: S3Target, names: string[]): Promise<string[]> {
  const keys: string[] = [];
  let uploads: string[] | undefined;
  const unknown: string[] = [];
  for (const name of names) {
    const key = name.startsWith(UPLOAD_PREFIX) ? name : `${UPLOAD_PREFIX}${name}`;
    const found = await inContext(target.context, () => target.store.head(target.bucket, key));
    if (found) {
      keys.push(key);
      continue;
    }
    uploads ??= await listUploads(target);
    const byId = uploads.find((upload) => articleIdFromKey(upload) === name);
    if (byId) keys.push(byId);
    else unknown.push(name);
  }
  if (unknown.length)
    throw new DescribedCliError(
      `found no upload ${unknown.map((name) => `"${name}"`).join(', ')} in ${target.where}/${UPLOAD_PREFIX} ` +
        '(give the key, e.g. articles/talks.txt, or the article id "quote-tone report" lists)',
    );
  return [...new Set(keys)];
}
