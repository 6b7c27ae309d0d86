import type { Span, SpeakerType } from '../types.ts';
import { joined } from './cues.ts';
import {
  DEMONYMS,
  DETERMINERS,
  type Gender,
  GROUP_NOUNS,
  NON_NAME_CAPITALS,
  ORG_NAME_WORDS,
  ORG_NOUNS,
  PRONOUNS,
  ROLE_COMPOUNDS,
  ROLE_FAMILIES,
  TITLES,
} from './lexicon.ts';
import { sameSurname } from './name-variants.ts';
import { splitSentences, type Token, tokenize } from './text-index.ts';

// Who is who in one article: the people and organisations it names, how it describes them
// ("Kremlin Spokesman Dmitry Peskov", "Ronald Smith, an analyst at ..."), and where each is
// mentioned, so a pronoun, a description or a surname can be resolved to a canonical name.

export interface Entity {
  name: string;
  type: SpeakerType;
  gender: Gender | null;
  /** Role families this entity was introduced with (see ROLE_FAMILIES). */
  roles: Set<string>;
  /** Lowercased words of its descriptions ("kremlin", "russian"), to break ties. */
  modifiers: Set<string>;
  /** Known only as one bare word at a cue ("Gazprom said"): maybe not a person at all. */
  weak: boolean;
}

interface Occurrence {
  at: number;
  entity: Entity;
  possessive: boolean;
  /** Offset of the sentence the mention is in. */
  sentence: number;
}

export interface Resolution {
  entity: Entity | null;
  /** How the mention was resolved, for the confidence. */
  how: 'name' | 'pronoun' | 'description' | 'group' | 'unknown';
}

// How many sentences back a pronoun or description looks for its person.
const MAX_SENTENCES_BACK = 8;
// Words after a name within which a pronoun tells the person's gender ("Irons ... said he").
const GENDER_WINDOW = 12;
// Words around a name searched for a role noun ("his US counterpart Joe Biden").
const ROLE_WINDOW = 4;
const POSSESSIVE = /['’]s?$/;
const SPOKES_FOR = /\b(?:spokes(?:man|woman|person)|representative)\s+(?:for|of)\s+(?:the\s+)?/gi;
const MALE = new Set(['he', 'his', 'him', 'himself']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);

/**
 * Reads the article's names once; `resolve` then names the speaker behind any mention.
 *
 * @example
 * new People(text, masked, []).resolve('the press secretary', 900).entity?.name // 'Dmitry Peskov'
 */
export class People {
  private readonly entities: Entity[] = [];
  private readonly occurrences: Occurrence[] = [];
  private readonly sentenceStarts: number[] = [];

  constructor(
    private readonly text: string,
    masked: string,
    paragraphs: readonly Span[],
    speakerMentions: readonly Span[],
  ) {
    for (const paragraph of paragraphs) {
      for (const sentence of splitSentences(masked, paragraph.start, paragraph.end)) {
        this.sentenceStarts.push(sentence.start);
        this.readSentence(masked, sentence, speakerMentions);
      }
    }
    this.readSpokesFor(masked);
    this.occurrences.sort((a, b) => a.at - b.at);
  }

  /** Resolves the mention written at `at` ("he", "the Russian leader", "Mr Hogg", "analysts"). */
  resolve(mention: string, at: number): Resolution {
    const words = tokenize(mention, 0, mention.length);
    const first = words[0];
    if (!first) return { entity: null, how: 'unknown' };
    const pronoun = PRONOUNS.get(first.lower);
    if (words.length === 1 && pronoun) {
      if (pronoun === 'plural' || pronoun === 'first') return { entity: null, how: 'group' };
      return { entity: this.salientPerson(at, pronoun), how: 'pronoun' };
    }
    const org = SPOKES_FOR_ONE.exec(mention);
    if (org?.[1] && !words.some((word, i) => i > 0 && word.capital && isPersonName(words, i))) {
      return { entity: this.orgNamed(cleanOrgName(org[1])), how: 'name' };
    }
    const head = words.at(-1);
    if (!head) return { entity: null, how: 'unknown' };
    const headWord = head.lower.replace(POSSESSIVE, '');
    const described =
      !head.capital && (ROLE_FAMILIES.has(headWord) || ORG_NOUNS.has(headWord) || GROUP_NOUNS.has(headWord));
    const name = described ? null : nameIn(mention, words);
    if (name) return { entity: this.byName(name, at), how: 'name' };
    const family = roleFamily(words.at(-2)?.lower, headWord);
    if (family) {
      const modifiers = new Set(words.map((word) => word.lower));
      return {
        entity: this.byRole(family, modifiers, at) ?? this.salientPerson(at, genderOfRole(headWord)),
        how: 'description',
      };
    }
    if (ORG_NOUNS.has(headWord)) return { entity: this.lastOrg(at, headWord, words), how: 'description' };
    if (GROUP_NOUNS.has(headWord) || (headWord.endsWith('s') && !head.capital))
      return { entity: null, how: 'group' };
    // "the American", "the Briton": a nationality with a determiner describes a person.
    if (head.capital && words.length > 1 && DETERMINERS.has(first.lower)) {
      return { entity: this.salientPerson(at, null), how: 'description' };
    }
    // A capitalised single word that is not a known person: an organisation ("Gazprom").
    if (head.capital) return { entity: this.orgNamed(mention.replace(/^the\s+/i, '')), how: 'name' };
    return { entity: this.salientPerson(at, null), how: 'description' };
  }

  private readSentence(masked: string, sentence: Span, speakerMentions: readonly Span[]): void {
    const tokens = tokenize(masked, sentence.start, sentence.end);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token?.capital) continue;
      let end = i + 1;
      while (end < tokens.length && tokens[end]?.capital && joined(masked, tokens, end - 1, end)) end++;
      const run = tokens.slice(i, end);
      i = end - 1;
      const name = nameOf(run);
      if (!name || isModifier(this.text, tokens, end, run, name)) continue;
      const isSpeaker = speakerMentions.some(
        (span) => span.start <= name.tokens[0]!.start && name.tokens.at(-1)!.end <= span.end,
      );
      this.addName(masked, tokens, run, name, sentence.start, isSpeaker);
    }
  }

  private addName(
    masked: string,
    tokens: readonly Token[],
    run: readonly Token[],
    name: NameParts,
    sentence: number,
    isSpeaker: boolean,
  ): void {
    const words = name.tokens.map((token) => this.text.slice(token.start, token.end).replace(POSSESSIVE, ''));
    const last = words.at(-1) ?? '';
    const possessive = POSSESSIVE.test(this.text.slice(name.tokens.at(-1)!.start, name.tokens.at(-1)!.end));
    let entity = this.entities.find(
      (known) => known.type === 'person' && sameSurname(lastWord(known.name), last),
    );
    const titled = name.titles.length > 0;
    if (!entity) {
      if (ORG_NAME_WORDS.has(last.toLowerCase())) return;
      const confirmed =
        titled ||
        isSpeaker ||
        (words.length >= 2 &&
          (this.usedAlone(last, masked) || hasAppositiveRole(masked, tokens, name.tokens)));
      if (!confirmed || (words.length === 1 && !titled && !isSpeaker)) return;
      entity = {
        name: words.join(' '),
        type: 'person',
        gender: null,
        roles: new Set(),
        modifiers: new Set(),
        weak: words.length === 1 && !titled,
      };
      this.entities.push(entity);
    } else if (words.length > entity.name.split(' ').length) {
      entity.name = words.join(' ');
    }
    if (words.length > 1 || titled) entity.weak = false;
    for (const title of name.titles) {
      const gender = TITLES.get(title);
      if (gender) entity.gender = gender;
      const family = ROLE_FAMILIES.get(title);
      if (family) entity.roles.add(family);
    }
    for (const token of run) entity.modifiers.add(token.lower);
    this.readRoles(masked, tokens, name.tokens, entity);
    this.readGender(tokens, name.tokens.at(-1)!, entity);
    this.occurrences.push({ at: name.tokens[0]!.start, entity, possessive, sentence });
  }

  private readRoles(
    masked: string,
    tokens: readonly Token[],
    nameTokens: readonly Token[],
    entity: Entity,
  ): void {
    const from = tokens.indexOf(nameTokens[0]!);
    const to = tokens.indexOf(nameTokens.at(-1)!);
    // Before: "his US counterpart Joe Biden", "the festival's executive director, Craig Prater".
    for (let k = from - 1; k >= 0 && from - k <= ROLE_WINDOW; k--) {
      const word = tokens[k]!;
      if (/[.;:!?"“”]/.test(masked.slice(word.end, tokens[k + 1]!.start))) break;
      this.addRole(word.lower, entity, tokens[k - 1]?.lower);
    }
    // After: "Ronald Smith, an analyst at ...", "Christine Rush, director of ...".
    const next = tokens[to + 1];
    if (next && masked.slice(nameTokens.at(-1)!.end, next.start).trim() === ',') {
      for (let k = to + 1; k < tokens.length && k - to <= ROLE_WINDOW; k++) {
        const word = tokens[k]!;
        this.addRole(word.lower, entity, tokens[k - 1]?.lower);
        if (ROLE_FAMILIES.has(word.lower)) break;
      }
    }
  }

  private addRole(word: string, entity: Entity, previous?: string): void {
    const family = roleFamily(previous, word);
    if (family) entity.roles.add(family);
    if (word === 'spokeswoman' || word === 'actress') entity.gender = 'female';
    if (!DETERMINERS.has(word)) entity.modifiers.add(word);
  }

  private readGender(tokens: readonly Token[], nameEnd: Token, entity: Entity): void {
    if (entity.gender) return;
    const from = tokens.indexOf(nameEnd);
    for (let k = from + 1; k < tokens.length && k - from <= GENDER_WINDOW; k++) {
      const word = tokens[k]!;
      if (word.capital && !PRONOUNS.has(word.lower)) return;
      if (MALE.has(word.lower)) entity.gender = 'male';
      if (FEMALE.has(word.lower)) entity.gender = 'female';
      if (entity.gender) return;
    }
  }

  private readSpokesFor(masked: string): void {
    for (const match of masked.matchAll(SPOKES_FOR)) {
      const at = (match.index ?? 0) + match[0].length;
      const before = masked.slice(Math.max(0, (match.index ?? 0) - 3), match.index ?? 0);
      // "Andrew Hogg, spokesman for ...": the role belongs to the named person.
      if (before.includes(',')) continue;
      const words = tokenize(masked, at, Math.min(masked.length, at + 80));
      let end = 0;
      while (
        end < words.length &&
        !ORG_STOP.has(words[end]!.lower) &&
        (end === 0 || joined(masked, words, end - 1, end))
      )
        end++;
      if (end === 0) continue;
      const entity = this.orgNamed(masked.slice(words[0]!.start, words[end - 1]!.end));
      entity.roles.add('spokes');
      this.occurrences.push({
        at: match.index ?? 0,
        entity,
        possessive: false,
        sentence: this.sentenceOf(match.index ?? 0),
      });
    }
  }

  private sentenceOf(at: number): number {
    let found = 0;
    for (const start of this.sentenceStarts) if (start <= at) found = start;
    return found;
  }

  private usedAlone(surname: string, masked: string): boolean {
    let from = 0;
    for (;;) {
      const at = masked.indexOf(surname, from);
      if (at < 0) return false;
      from = at + surname.length;
      const before = masked.slice(Math.max(0, at - 2), at);
      const previousWord = /([\p{L}.]+)\s$/u.exec(masked.slice(Math.max(0, at - 16), at))?.[1] ?? '';
      // A capitalised word just before (not ending a sentence) makes this part of a longer name.
      const capitalBefore =
        /\p{Lu}/u.test(previousWord[0] ?? '') &&
        !previousWord.endsWith('.') &&
        !TITLES.has(previousWord.toLowerCase());
      if (!/[\p{L}]$/u.test(before) && !capitalBefore && !/^[\p{L}]/u.test(masked.slice(from, from + 1)))
        return true;
    }
  }

  private orgNamed(name: string): Entity {
    const known = this.entities.find(
      (entity) => entity.type === 'organisation' && entity.name.toLowerCase() === name.toLowerCase(),
    );
    if (known) return known;
    const entity: Entity = {
      name,
      type: 'organisation',
      gender: null,
      roles: new Set(),
      modifiers: new Set(),
      weak: false,
    };
    this.entities.push(entity);
    return entity;
  }

  private byName(name: string[], at: number): Entity {
    const last = name.at(-1) ?? '';
    const known = this.entities.filter(
      (entity) => entity.type === 'person' && sameSurname(lastWord(entity.name), last),
    );
    if (known.length > 0) {
      // Two people with one surname: the one mentioned most recently.
      const recent = [...this.occurrences].reverse().find((o) => o.at <= at && known.includes(o.entity));
      return recent?.entity ?? known[0]!;
    }
    if (name.length === 1 && ORG_NAME_WORDS.has(last.toLowerCase())) return this.orgNamed(last);
    const entity: Entity = {
      name: name.join(' '),
      type: name.length === 1 ? 'organisation' : 'person',
      gender: null,
      roles: new Set(),
      modifiers: new Set(),
      weak: name.length === 1,
    };
    this.entities.push(entity);
    return entity;
  }

  private byRole(family: string, modifiers: Set<string>, at: number): Entity | null {
    let best: Entity | null = null;
    let bestScore = -1;
    for (const occurrence of this.occurrences) {
      if (occurrence.at >= at) break;
      const entity = occurrence.entity;
      if (!entity.roles.has(family)) continue;
      let score = 0;
      for (const word of modifiers) if (entity.modifiers.has(word)) score++;
      if (score >= bestScore) {
        best = entity;
        bestScore = score;
      }
    }
    return best;
  }

  private lastOrg(at: number, head: string, words: readonly Token[]): Entity | null {
    for (let k = this.occurrences.length - 1; k >= 0; k--) {
      const occurrence = this.occurrences[k]!;
      if (occurrence.at < at && occurrence.entity.type === 'organisation') return occurrence.entity;
    }
    const description = words.map((word) => word.lower).filter((word) => !DETERMINERS.has(word));
    return description.length > 0 ? this.orgNamed(description.join(' ').replace(head, head)) : null;
  }

  /**
   * The person a pronoun or bare description most likely means: going back sentence by
   * sentence, the first person named in each (the subject), skipping possessives and people of
   * the other gender.
   */
  private salientPerson(at: number, gender: Gender | null): Entity | null {
    const candidates = this.occurrences.filter((o) => o.at < at && o.entity.type === 'person');
    const bySentence = new Map<number, Occurrence[]>();
    for (const occurrence of candidates) {
      const list = bySentence.get(occurrence.sentence) ?? [];
      list.push(occurrence);
      bySentence.set(occurrence.sentence, list);
    }
    const sentences = [...bySentence.keys()].sort((a, b) => b - a).slice(0, MAX_SENTENCES_BACK);
    for (const sentence of sentences) {
      const list = bySentence.get(sentence) ?? [];
      // A bare word seen only at a cue ("Amnesty said") may be an organisation: in each sentence a
      // surely-personal name goes first.
      const fits = list.filter((o) => !gender || !o.entity.gender || o.entity.gender === gender);
      const sure = fits.filter((o) => !o.entity.weak || o.entity.gender !== null);
      const pool = sure.length > 0 ? sure : fits;
      const subject = pool.find((o) => !o.possessive) ?? pool[0];
      if (subject) return subject.entity;
    }
    return null;
  }
}

const SPOKES_FOR_ONE = /\bspokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?(.+)$/i;
const ORG_STOP = new Set([
  'in',
  'at',
  'on',
  'said',
  'says',
  'told',
  'who',
  'which',
  'and',
  'to',
  'has',
  'had',
  'was',
  'is',
]);

function cleanOrgName(name: string): string {
  const words = tokenize(name, 0, name.length);
  let end = 0;
  while (end < words.length && !ORG_STOP.has(words[end]!.lower)) end++;
  return end > 0 ? name.slice(words[0]!.start, words[end - 1]!.end) : name;
}

interface NameParts {
  titles: string[];
  tokens: Token[];
}

/** Splits a capitalised run into leading titles/roles and the name proper. */
function nameOf(run: readonly Token[]): NameParts | null {
  let k = 0;
  const titles: string[] = [];
  while (
    k < run.length &&
    (TITLES.has(run[k]!.lower) || ROLE_FAMILIES.has(run[k]!.lower) || NON_NAME_CAPITALS.has(run[k]!.lower))
  ) {
    if (!NON_NAME_CAPITALS.has(run[k]!.lower)) titles.push(run[k]!.lower);
    k++;
  }
  // "Kremlin Spokesman Dmitry Peskov": the name starts after the last title or role.
  for (let j = run.length - 1; j > k; j--) {
    if (TITLES.has(run[j]!.lower) || ROLE_FAMILIES.has(run[j]!.lower)) {
      titles.push(run[j]!.lower);
      k = j + 1;
      break;
    }
  }
  const tokens = run.slice(k);
  if (tokens.length === 0 || tokens.some((token) => ORG_NAME_WORDS.has(token.lower))) return null;
  return { titles, tokens: tokens.length > 3 ? tokens.slice(-2) : tokens };
}

/**
 * "the Kremlin spokesman", "the Russian leader", "TASS reported": a single capitalised word that
 * describes someone else, or an acronym, is not a person's name.
 */
function isModifier(
  text: string,
  tokens: readonly Token[],
  end: number,
  run: readonly Token[],
  name: NameParts,
): boolean {
  if (name.tokens.length !== 1 || name.titles.length > 0) return false;
  const word = run.at(-1);
  if (!word) return false;
  if (ACRONYM.test(text.slice(word.start, word.end))) return true;
  const next = tokens[end];
  // "Empire magazine's editor": a capitalised word before a descriptive noun names a thing.
  const nextWord = next?.lower.replace(POSSESSIVE, '') ?? '';
  if (
    next &&
    !next.capital &&
    (ROLE_FAMILIES.has(nextWord) || ORG_NOUNS.has(nextWord) || GROUP_NOUNS.has(nextWord))
  ) {
    return true;
  }
  const before = run[0] ? tokens[tokens.indexOf(run[0]) - 1] : undefined;
  return DEMONYMS.has(word.lower) && before?.lower === 'the';
}

/** "Christine Rush, director of ...": a name followed by a role after a comma is a person. */
function hasAppositiveRole(masked: string, tokens: readonly Token[], nameTokens: readonly Token[]): boolean {
  const last = nameTokens.at(-1);
  const to = last ? tokens.indexOf(last) : -1;
  const next = tokens[to + 1];
  if (!last || !next || masked.slice(last.end, next.start).trim() !== ',') return false;
  for (let k = to + 1; k < tokens.length && k - to <= ROLE_WINDOW; k++) {
    if (ROLE_FAMILIES.has(tokens[k]?.lower ?? '')) return true;
  }
  return false;
}

// "TASS", "BBC": organisations written in capitals.
const ACRONYM = /^[A-Z]{2,6}$/;

function isPersonName(words: readonly Token[], i: number): boolean {
  const word = words[i];
  return !!word && word.capital && !ORG_NAME_WORDS.has(word.lower) && !TITLES.has(word.lower);
}

/** The name words of a mention, preferring the longest capitalised run ("Tory leader Michael Howard"). */
function nameIn(mention: string, words: readonly Token[]): string[] | null {
  let best: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!words[i]?.capital) continue;
    let end = i + 1;
    while (end < words.length && words[end]?.capital && joined(mention, words, end - 1, end)) end++;
    const parts = nameOf(words.slice(i, end));
    const previous = words[i - 1]?.lower ?? '';
    i = end - 1;
    if (!parts || previous === 'of' || previous === 'for' || previous === 'at') continue;
    // Ties go to the later run: descriptions come first ("The Liberal Democrat chairman Ann Lee").
    if (parts.tokens.length >= best.length) best = parts.tokens;
  }
  if (best.length === 0) return null;
  const names = best.map((token) => mention.slice(token.start, token.end).replace(POSSESSIVE, ''));
  // A nationality or description alone ("the American", "the Russian leader") is not a name.
  if (
    names.length === 1 &&
    DEMONYMS.has(names[0]?.toLowerCase() ?? '') &&
    words.length > 1 &&
    DETERMINERS.has(words[0]?.lower ?? '')
  ) {
    return null;
  }
  return names;
}

function lastWord(name: string): string {
  return name.split(' ').at(-1) ?? name;
}

/** The role family of a head noun, reading two-word roles first ("prime minister", "press secretary"). */
function roleFamily(previous: string | undefined, head: string): string | undefined {
  return (previous ? ROLE_COMPOUNDS.get(`${previous} ${head}`) : undefined) ?? ROLE_FAMILIES.get(head);
}

function genderOfRole(word: string): Gender | null {
  const gender = TITLES.get(word);
  return gender ?? null;
}
