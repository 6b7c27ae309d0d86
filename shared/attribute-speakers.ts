import { People, type Resolution } from './quotes/resolve-mention.ts';
import type { AttributedQuote, CleanArticle, QuoteCandidate, Span, Speaker } from './types.ts';

// How sure each way of naming a speaker is: a name at the cue is near certain, a pronoun or a
// description depends on resolution, an inherited speaker on the quote really continuing.
const CONFIDENCE = {
  name: 0.95,
  description: 0.75,
  pronoun: 0.7,
  group: 0.6,
  document: 0.5,
  inherited: 0.6,
  narrated: 0.5,
  unknown: 0.2,
  none: 0,
} as const;
const MASK = '_';
// What maskDirect hides: all but spaces and sentence punctuation, a run (a word) at a time.
const MASKED_RUN = /[^\s.!?,]+/g;
const maskRun = (run: string): string => MASK.repeat(run.length);

/**
 * Names the speaker of each quote: the mention resolved to the canonical name introduced in the
 * article (pronouns to the last compatible person, descriptions to the person introduced with
 * that role, surnames to full names), or, for a quote with no cue, the current speaker.
 *
 * @example
 * attributeSpeakers(article, quotes)[0].speaker.name // 'Dmitry Peskov'
 */
export function attributeSpeakers(article: CleanArticle, quotes: QuoteCandidate[]): AttributedQuote[] {
  const masked = maskDirect(article.text, quotes);
  const mentions = quotes.flatMap((quote) => (quote.mention ? [quote.mention] : []));
  const people = new People(article.text, masked, article.paragraphs, mentions);
  let current: Speaker | null = null;
  const spoken = new Set<string>();
  const attributed: AttributedQuote[] = [];
  for (const quote of quotes) {
    const speaker = firstSpeaker({ text: article.text, people, quote, current, spoken });
    if (quote.kind === 'direct' || quote.mention) current = speaker;
    if (speaker.name) spoken.add(speaker.name);
    attributed.push({ ...quote, speaker });
  }
  return attributed;
}

/** What the speaker rules read: the quote, the article's people and the speaker so far. */
interface SpeakerSite {
  /** Everyone who has spoken so far in the article. */
  spoken: ReadonlySet<string>;
  text: string;
  people: People;
  quote: QuoteCandidate;
  current: Speaker | null;
}

/** A named way of choosing a quote's speaker; tried in declared order. */
interface SpeakerRule {
  name: string;
  choose(site: SpeakerSite): Speaker | null;
}

/**
 * The speaker rules, in the order they are tried; the first that names a speaker wins, and its
 * name (with how a mention was resolved: "mention-pronoun", "mention-description", ...) is the
 * speaker's `rule`.
 */
export const SPEAKER_RULES: readonly SpeakerRule[] = [
  // The words at the cue: a name, pronoun, description or group, resolved in the article.
  {
    name: 'mention',
    choose: ({ text, people, quote, current, spoken }) =>
      quote.mention && named(text, people, quote.mention, current, spoken),
  },
  // A floating quote right after a sentence about someone else is that person's.
  { name: 'narrated-subject', choose: ({ people, quote, current }) => narrated(people, quote, current) },
  // Otherwise the quote continues the current speaker (or nobody).
  { name: 'inherited', choose: ({ current }) => inherited(current) },
];

function firstSpeaker(site: SpeakerSite): Speaker {
  for (const rule of SPEAKER_RULES) {
    const speaker = rule.choose(site);
    if (speaker) return { ...speaker, rule: speaker.rule ?? rule.name };
  }
  return { name: null, mention: null, confidence: CONFIDENCE.none, rule: 'none' };
}

function named(
  text: string,
  people: People,
  mention: Span,
  current: Speaker | null,
  spoken: ReadonlySet<string>,
): Speaker {
  const written = text.slice(mention.start, mention.end);
  const resolution: Resolution = people.resolve(written, mention.start);
  const entity = resolution.entity;
  const rule = `mention-${resolution.how}`;
  // "... from coma patient Tom Bell. "It is wrong," he said.": a pronoun after a quote keeps
  // the current speaker when the person nearer to it was only the object of the narration.
  if (
    resolution.how === 'pronoun' &&
    entity &&
    current?.name &&
    current.type === 'person' &&
    entity.name !== current.name &&
    !spoken.has(entity.name) &&
    !people.namedAsSubject(entity, mention.start)
  ) {
    return {
      ...current,
      mention: written,
      confidence: CONFIDENCE.pronoun,
      rule: 'mention-pronoun-continuing',
    };
  }
  if (resolution.how === 'document' && current) {
    // "the statement said": the statement is the current speaker's.
    return {
      ...current,
      mention: written,
      confidence: Math.min(current.confidence, CONFIDENCE.inherited),
      rule,
    };
  }
  if (!entity) {
    return {
      name: null,
      mention: written,
      confidence: resolution.how === 'group' ? CONFIDENCE.group : CONFIDENCE.unknown,
      type: resolution.how === 'group' ? 'group' : 'person',
      rule,
    };
  }
  return {
    name: entity.name,
    mention: written,
    confidence: CONFIDENCE[resolution.how],
    // One bare word only ever seen at a cue ("Nova said") is likelier a firm than a person.
    type: entity.weak ? 'organisation' : entity.type,
    ...(entity.description?.role ? { role: entity.description.role } : {}),
    ...(entity.description?.organisation ? { organisation: entity.description.organisation } : {}),
    rule,
  };
}

/**
 * A quote with no cue right after a sentence about someone else ("Jones, however, disagreed.
 * "It will never work."") is that person's.
 */
function narrated(people: People, quote: QuoteCandidate, current: Speaker | null): Speaker | null {
  const first = quote.pieces[0];
  if (quote.kind !== 'direct' || !first) return null;
  const subject = people.sentenceSubject(first.start - 1);
  if (!subject || subject.name === current?.name) return null;
  return {
    name: subject.name,
    mention: null,
    confidence: CONFIDENCE.narrated,
    type: subject.type,
    ...(subject.description?.role ? { role: subject.description.role } : {}),
    ...(subject.description?.organisation ? { organisation: subject.description.organisation } : {}),
  };
}

function inherited(current: Speaker | null): Speaker {
  if (!current) return { name: null, mention: null, confidence: CONFIDENCE.none, rule: 'inherited' };
  return {
    ...current,
    mention: null,
    confidence: Math.min(current.confidence, CONFIDENCE.inherited),
    rule: 'inherited',
  };
}

function maskDirect(text: string, quotes: readonly QuoteCandidate[]): string {
  const parts: string[] = [];
  let at = 0;
  const pieces = quotes
    .filter((quote) => quote.kind === 'direct')
    .flatMap((quote) => quote.pieces)
    .sort((a, b) => a.start - b.start);
  for (const piece of pieces) {
    if (piece.start < at) continue;
    parts.push(text.slice(at, piece.start), text.slice(piece.start, piece.end).replace(MASKED_RUN, maskRun));
    at = piece.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
