import { slugWithHash } from '../article-id.ts';

// A speaker's id names their file (index/speakers/<id>.json) and their rows everywhere else. It is
// derived in this one function, so when reports carry a canonical `speaker.key` (an identity that
// survives spelling variants), using it is a change here and nowhere else.

const MAX_SLUG_LENGTH = 40;
// Ids already derived: an index batch derives one per quote, for the same few hundred speakers, and
// each costs a normalisation and a SHA-256. Bounded so a long-lived process does not grow with it.
const derived = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

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
  let id = derived.get(identity);
  if (id === undefined) {
    id = slugWithHash(identity, identity, MAX_SLUG_LENGTH);
    if (derived.size >= MAX_REMEMBERED) derived.clear();
    derived.set(identity, id);
  }
  return id;
}
