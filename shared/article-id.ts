import { createHash } from 'node:crypto';

// Long enough to read in a URL, short enough to keep S3 keys and dashboard links tidy.
const MAX_SLUG_LENGTH = 60;
// 8 hex digits = 32 bits: collisions between keys that slug alike are vanishingly rare per store.
const HASH_HEX_DIGITS = 8;
const UPLOAD_PREFIX = 'articles/';

/**
 * A stable id for an article, safe as an S3 key segment and a URL segment.
 * The slug keeps it readable; the hash of the full key keeps "a b.txt" and "a-b.txt" apart.
 *
 * @example
 * articleIdFromKey('articles/Putin Biden é.txt') // 'putin-biden-e-1a2b3c4d'
 */
export function articleIdFromKey(key: string): string {
  const withoutPrefix = key.startsWith(UPLOAD_PREFIX) ? key.slice(UPLOAD_PREFIX.length) : key;
  const withoutExtension = withoutPrefix.replace(/\.[A-Za-z0-9]{1,8}$/, '');
  return slugWithHash(withoutExtension, key, MAX_SLUG_LENGTH);
}

/**
 * A readable slug of `text` (at most `maxSlug` characters) plus 8 hex digits of the SHA-256 of
 * `identity`: ids for articles and speakers alike.
 *
 * @example slugWithHash('Anna Smith', 'smith', 40) // 'anna-smith-<8 hex digits>'
 */
export function slugWithHash(text: string, identity: string, maxSlug: number): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxSlug)
    .replace(/-+$/, '');
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, HASH_HEX_DIGITS);
  return slug ? `${slug}-${hash}` : hash;
}
