import type { SpeakerType } from '../types.ts';
import { type Gender, LEAD_BREAKERS } from './lexicon.ts';
import { lastWord } from './name-shape.ts';
import { sameSurname } from './name-variants.ts';
import type { Description } from './roles.ts';
import { tokenize } from './text-index.ts';

// Marks in these patterns are escapes (\u00AB «, \u00BB », \u201C “, \u201D ”, \u201E „): the
// Lambda bundle stays ASCII (test/infra/bundle.test.ts says why).

// Who is who in one article: the people and organisations it names and where each is
// mentioned, so a surname, a role or a pronoun can be looked up to one canonical entity.

export interface Entity {
  name: string;
  type: SpeakerType;
  gender: Gender | null;
  /** Role families this entity was introduced with (see ROLE_FAMILIES). */
  roles: Set<string>;
  /** Lowercased words of its descriptions ("kremlin", "russian"), to break ties. */
  modifiers: Set<string>;
  /** Known only as one bare word at a cue ("Novacorp said"): maybe not a person at all. */
  weak: boolean;
  /** The first role the article gives ("Kremlin spokesman") and its organisation ("Kremlin"). */
  description?: Description;
  /** What an appositive calls the person when it names no role ("a local shopkeeper"). */
  calling?: string;
}

export interface Occurrence {
  at: number;
  entity: Entity;
  possessive: boolean;
  /** Offset of the sentence the mention is in. */
  sentence: number;
}

// How many sentences back a pronoun or description looks for its person.
const MAX_SENTENCES_BACK = 8;
// How many earlier mentions a description or surname looks through: far more than any article's
// cast, and a bound that keeps resolution linear on hostile input.
export const MAX_LOOKBACK = 400;
// Surname spelling variants are compared with this many of the most recent people.
const MAX_FUZZY_CANDIDATES = 64;
// "Last week harbour master": the words a subject's description may take before its name.
const MAX_SUBJECT_LEAD = 6;

/** The article's entities and their mentions in text order. */
export class Cast {
  readonly entities: Entity[] = [];
  /** Persons by lowercased surname (organisations by "org:" and name), for exact lookups. */
  readonly bySurname = new Map<string, Entity>();
  readonly occurrences: Occurrence[] = [];
  readonly sentenceStarts: number[] = [];

  constructor(private readonly text: string) {}

  /** `shortForm`: the name is one word, which may be the first of a family-name-first full name. */
  findPerson(surname: string, shortForm = false): Entity | undefined {
    const exact = this.bySurname.get(surname.toLowerCase());
    if (exact) return exact;
    // Spelling variants: compare with the most recent people only, to stay linear.
    for (let k = this.entities.length - 1; k >= 0 && this.entities.length - k <= MAX_FUZZY_CANDIDATES; k--) {
      const entity = this.entities[k];
      if (entity?.type === 'person' && sameSurname(lastWord(entity.name), surname)) return entity;
    }
    // "Mr Kim" after "Kim Yungmin": where the family name comes first, the short form is the
    // first word of the full name. Only one full name may match.
    if (!shortForm) return undefined;
    const lowered = surname.toLowerCase();
    let firstWord: Entity | undefined;
    for (let k = this.entities.length - 1; k >= 0 && this.entities.length - k <= MAX_FUZZY_CANDIDATES; k--) {
      const entity = this.entities[k];
      if (entity?.type !== 'person' || !entity.name.includes(' ')) continue;
      if (entity.name.slice(0, entity.name.indexOf(' ')).toLowerCase() !== lowered) continue;
      if (firstWord && firstWord !== entity) return undefined;
      firstWord = entity;
    }
    return firstWord;
  }

  sentenceOf(at: number): number {
    return this.sentenceStarts[lastIndexAtOrBefore(this.sentenceStarts, at, (start) => start)] ?? 0;
  }

  /** The organisation called `name`; mentioned at `at` when given, so "the bank" can find it later. */
  orgNamed(name: string, at?: number): Entity {
    const key = `org:${name.toLowerCase()}`;
    const known = this.bySurname.get(key);
    if (known) {
      if (at !== undefined) this.noteOccurrence(known, at);
      return known;
    }
    const entity: Entity = {
      name,
      type: 'organisation',
      gender: null,
      roles: new Set(),
      modifiers: new Set(),
      weak: false,
    };
    this.entities.push(entity);
    this.bySurname.set(key, entity);
    if (at !== undefined) this.noteOccurrence(entity, at);
    return entity;
  }

  /** Records a mention found while resolving, keeping occurrences in text order. */
  noteOccurrence(entity: Entity, at: number): void {
    const index = lastIndexAtOrBefore(this.occurrences, at, (occurrence) => occurrence.at) + 1;
    if (this.occurrences[index - 1]?.at === at) return;
    const occurrence = { at, entity, possessive: false, sentence: this.sentenceOf(at) };
    this.occurrences.splice(index, 0, occurrence);
  }

  byName(name: string[], at: number): Entity {
    const last = name.at(-1) ?? '';
    const known = this.findPerson(last, name.length === 1);
    if (known) {
      // Two people with one surname: the one mentioned most recently.
      const lowered = last.toLowerCase();
      const latest = this.latestBefore(at);
      for (let k = latest; k >= 0 && latest - k < MAX_LOOKBACK; k--) {
        const occurrence = this.occurrences[k];
        if (!occurrence) break;
        const entity = occurrence.entity;
        if (entity.type === 'person' && lastWord(entity.name).toLowerCase() === lowered) return entity;
      }
      return known;
    }
    if (name.length === 1) return this.orgNamed(last, at);
    const entity: Entity = {
      name: name.join(' '),
      type: 'person',
      gender: null,
      roles: new Set(),
      modifiers: new Set(),
      weak: false,
    };
    this.entities.push(entity);
    this.bySurname.set(last.toLowerCase(), entity);
    return entity;
  }

  byRole(family: string, modifiers: Set<string>, at: number): Entity | null {
    let best: Entity | null = null;
    let bestScore = -1;
    // Most recent first; a later candidate must match more description words to win.
    const latest = this.latestBefore(at);
    for (let k = latest; k >= 0 && latest - k < MAX_LOOKBACK; k--) {
      const occurrence = this.occurrences[k];
      if (!occurrence) break;
      const entity = occurrence.entity;
      if (!entity.roles.has(family)) continue;
      let score = 0;
      for (const word of modifiers) if (entity.modifiers.has(word)) score++;
      if (score > bestScore) {
        best = entity;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * The index of the latest occurrence before `at` (-1 when none). Look-backs walk down from it
   * by index, at most MAX_LOOKBACK steps: a generator would allocate a result object per step.
   */
  latestBefore(at: number): number {
    return lastIndexAtOrBefore(this.occurrences, at - 1, (occurrence) => occurrence.at);
  }

  /**
   * The person a pronoun or bare description most likely means: going back sentence by
   * sentence, the first person named in each (the subject), skipping possessives and people of
   * the other gender.
   */
  salientPerson(at: number, gender: Gender | null): Entity | null {
    let sentence = -1;
    let sentencesSeen = 0;
    let list: Occurrence[] = [];
    const pick = (): Entity | null => {
      // A bare word seen only at a cue ("Amnesty said") may be an organisation: in each sentence a
      // surely-personal name goes first. Occurrences were collected backwards, so reverse them.
      // Gender is known only from titles and gendered nouns ("Mr", "spokeswoman"): a pronoun
      // after a name is too often about someone else to tell it. A person known to match goes first.
      const fits = list.reverse().filter((o) => !gender || !o.entity.gender || o.entity.gender === gender);
      const matching = fits.filter((o) => gender !== null && o.entity.gender === gender);
      const sure = fits.filter((o) => !o.entity.weak);
      const pool = matching.length > 0 ? matching : sure.length > 0 ? sure : fits;
      return (pool.find((o) => !o.possessive) ?? pool[0])?.entity ?? null;
    };
    const latest = this.latestBefore(at);
    for (let k = latest; k >= 0 && latest - k < MAX_LOOKBACK; k--) {
      const occurrence = this.occurrences[k];
      if (!occurrence) break;
      if (occurrence.entity.type !== 'person') continue;
      if (occurrence.sentence !== sentence) {
        const found = pick();
        if (found) return found;
        if (++sentencesSeen > MAX_SENTENCES_BACK) return null;
        sentence = occurrence.sentence;
        list = [];
      }
      list.push(occurrence);
    }
    return pick();
  }

  /** Where `entity` was last mentioned before `at`, or -1. */
  lastMentionOf(entity: Entity, at: number): number {
    const latest = this.latestBefore(at);
    for (let k = latest; k >= 0 && latest - k < MAX_LOOKBACK; k--) {
      const occurrence = this.occurrences[k];
      if (occurrence?.entity === entity) return occurrence.at;
    }
    return -1;
  }

  /**
   * The person a narration sentence right before `at` is about: named at its very start
   * ("Jones, however, disagreed."), or null. A quote with no cue that follows such a sentence
   * is that person's, not the previous speaker's.
   */
  sentenceSubject(at: number): Entity | null {
    const here = lastIndexAtOrBefore(this.sentenceStarts, at, (start) => start);
    const previousStart = this.sentenceStarts[here - 1];
    const currentStart = this.sentenceStarts[here];
    if (previousStart === undefined || currentStart === undefined) return null;
    const latest = this.latestBefore(currentStart);
    for (let k = latest; k >= 0 && latest - k < MAX_LOOKBACK; k--) {
      const occurrence = this.occurrences[k];
      if (!occurrence) break;
      if (occurrence.sentence < previousStart) break;
      if (occurrence.sentence !== previousStart) continue;
      const lead = this.text.slice(previousStart, occurrence.at).trim();
      // The name opens the sentence, or follows one opening word ("But Jones ...").
      if (
        occurrence.entity.type === 'person' &&
        !occurrence.possessive &&
        /^(?:\p{L}+\s*)?$/u.test(lead) &&
        !/[\u201C\u201D"\u00AB\u00BB\u201E]/.test(this.text.slice(previousStart, currentStart))
      ) {
        return occurrence.entity;
      }
    }
    return null;
  }

  /**
   * True when the latest mention of `entity` before `at` reads as its sentence's subject: among
   * the opening words, with no preposition before it ("Ana Ruiz opened ...", "Mayor Ana Ruiz
   * said"), not the object at its end ("... withdrew support from ferry captain Tom Bell").
   */
  namedAsSubject(entity: Entity, at: number): boolean {
    const latest = this.latestBefore(at);
    for (let k = latest; k >= 0 && latest - k < MAX_LOOKBACK; k--) {
      const occurrence = this.occurrences[k];
      if (!occurrence) break;
      if (occurrence.entity !== entity) continue;
      const lead = tokenize(this.text, occurrence.sentence, occurrence.at);
      return lead.length <= MAX_SUBJECT_LEAD && !lead.some((word) => LEAD_BREAKERS.has(word.lower));
    }
    return false;
  }
}

/** Index of the last item whose key is <= `value` in a list sorted by key, or -1. */
export function lastIndexAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = items[mid];
    if (item !== undefined && key(item) <= value) low = mid + 1;
    else high = mid - 1;
  }
  return high;
}
