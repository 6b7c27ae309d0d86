import { createHash } from 'node:crypto';

// A speaker's id names their file (index/speakers/<id>.json) and their rows everywhere else. It is
// derived in this one function, so when reports carry a canonical `speaker.key` (an identity that
// survives spelling variants), using it is a change here and nowhere else.

const MAX_SLUG_LENGTH = 40;
const HASH_HEX_DIGITS = 8;

/** What a report says about a quote's speaker; `key` is the canonical identity when reports have one. */
export interface SpeakerRef {
  name: string | null;
  key?: string | null;
}

/**
 * The speaker's id: a readable slug plus 8 hex digits of the SHA-256 of the identity, safe as an S3
 * key segment and a URL segment. Null for an unattributed quote.
 *
 * @example
 * speakerIdOf({ name: 'Anna Smith' }) // 'anna-smith-3f1c9a2b'
 */
export function speakerIdOf(speaker: SpeakerRef): string | null {
  if (speaker.name === null) return null;
  // The slug follows the identity too, so every name form of one speaker gets one id.
  const identity = speaker.key ?? speaker.name;
  const slug = identity
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, HASH_HEX_DIGITS);
  return slug ? `${slug}-${hash}` : hash;
}
