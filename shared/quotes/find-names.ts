import type { Span } from '../types.ts';
import { CapitalWords } from './capital-words.ts';
import { Cast, type Entity } from './cast.ts';
import { joined } from './cues.ts';
import {
  DETERMINERS,
  FEMALE_ROLE_NOUNS,
  INDEFINITE_ARTICLES,
  ORG_NAME_WORDS,
  ORG_STOP,
  ROLE_FAMILIES,
  ROLE_MODIFIERS,
  ROLE_STOP,
  TITLES,
} from './lexicon.ts';
import {
  ACRONYM,
  endsOrgName,
  extendRun,
  hasAppositiveRole,
  hasRoleBefore,
  isModifier,
  type NameParts,
  nameOf,
  ORG_ACRONYM,
  PLURAL_ACRONYM,
  POSSESSIVE,
  ROLE_WINDOW,
  roleFamily,
  shadowed,
} from './name-shape.ts';
import { type Description, roleAfter, roleBefore } from './roles.ts';
import { splitSentences, type Token, tokenize } from './text-index.ts';

// Finding the people and organisations an article names, with the roles it gives them
// ("Kremlin Spokesman Dmitry Peskov", "Ola Lunde, an analyst at ..."), in one pass per sentence.

// Speaker mentions that can contain one name ("Lars Berg, spokesman for ..."): a handful.
const MAX_NESTED_MENTIONS = 4;
// "a spokesman for the Medical Foundation for the Care of ...": how far an organisation's name runs.
const ORG_NAME_CHARS = 80;
const SPOKES_FOR = /\b(?:spokes(?:man|woman|person)|representative)\s+(?:for|of)\s+(?:the\s+)?/gi;

/**
 * Reads every name in the article once: the cast of entities and mentions, and what its capitals mean.
 * `speakerMentions` are the spans cue rules read as speakers: a name inside one is surely a name.
 */
export function findNames(
  text: string,
  masked: string,
  paragraphs: readonly Span[],
  speakerMentions: readonly Span[],
): { cast: Cast; words: CapitalWords } {
  const cast = new Cast(text);
  const words = new CapitalWords(text);
  // Sentences are tokenised again for the second pass rather than kept: holding a token per
  // word of the whole article at once is most of the peak memory on a long article.
  const sentences: Span[] = [];
  for (const paragraph of paragraphs) {
    for (const span of splitSentences(masked, paragraph.start, paragraph.end)) {
      sentences.push(span);
      cast.sentenceStarts.push(span.start);
      words.readSentence(masked, tokenize(masked, span.start, span.end));
    }
  }
  const finder = new NameFinder(text, cast, words, speakerMentions);
  for (const span of sentences) finder.readSentence(masked, span, tokenize(masked, span.start, span.end));
  finder.readSpokesFor(masked);
  cast.occurrences.sort((a, b) => a.at - b.at);
  return { cast, words };
}

class NameFinder {
  private readonly speakerMentions: readonly Span[];

  constructor(
    private readonly text: string,
    private readonly cast: Cast,
    private readonly words: CapitalWords,
    speakerMentions: readonly Span[],
  ) {
    this.speakerMentions = [...speakerMentions].sort((a, b) => a.start - b.start);
  }

  readSentence(masked: string, sentence: Span, tokens: readonly Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens[i]?.capital) continue;
      const end = extendRun(masked, tokens, i + 1);
      const runStart = i;
      i = end - 1;
      const previous = joined(masked, tokens, runStart - 1, runStart)
        ? tokens[runStart - 1]?.lower
        : undefined;
      const name = nameOf(tokens.slice(runStart, end), previous);
      // "the DTI has dismissed ...": an acronym with an article is an organisation, so "a
      // spokesman" in the next sentence can speak for it.
      const only = tokens[runStart];
      if (
        end - runStart === 1 &&
        only &&
        tokens[runStart - 1]?.lower === 'the' &&
        ORG_ACRONYM.test(this.text.slice(only.start, only.end))
      ) {
        this.cast.orgNamed(this.text.slice(only.start, only.end), only.start);
        continue;
      }
      if (
        !name ||
        isModifier(this.text, tokens, runStart, end, name) ||
        endsOrgName(masked, tokens, runStart)
      )
        continue;
      const nameEnd = runStart + name.end;
      this.addName(masked, tokens, runStart, nameEnd - name.tokens.length, nameEnd, name, sentence.start);
    }
  }

  /** Registers the name at tokens [nameStart, end) (titles from runStart) as a person. */
  private addName(
    masked: string,
    tokens: readonly Token[],
    runStart: number,
    nameStart: number,
    end: number,
    name: NameParts,
    sentence: number,
  ): void {
    const firstToken = tokens[nameStart];
    const lastToken = tokens[end - 1];
    if (!firstToken || !lastToken) return;
    const words = name.tokens.map((token) => this.text.slice(token.start, token.end).replace(POSSESSIVE, ''));
    const last = words.at(-1) ?? '';
    const possessive = POSSESSIVE.test(this.text.slice(lastToken.start, lastToken.end));
    const titled = name.titles.length > 0 || name.national;
    let entity = this.cast.findPerson(last, words.length === 1);
    if (!entity) {
      if (ORG_NAME_WORDS.has(last.toLowerCase()) || PLURAL_ACRONYM.test(last)) return;
      // "NEW DELHI": a dateline or heading in capitals, not a person.
      if (words.length > 1 && words.every((word) => word === word.toUpperCase())) return;
      // "Summary BED": a name does not end in an acronym after ordinary capitals.
      if (words.length > 1 && ACRONYM.test(last) && !ACRONYM.test(words[0] ?? '')) return;
      const at = firstToken.start;
      if (
        words.length === 1 &&
        !titled &&
        (this.words.isCommonWord(last, at) || this.words.opensNounPhrase(last, at))
      )
        return;
      // "Bolivia's public defender's office said": the owner in a speaker's description is no speaker.
      const isSpeaker = !possessive && this.isSpeakerMention(firstToken.start, lastToken.end);
      const confirmed =
        titled ||
        isSpeaker ||
        (words.length >= 2 &&
          // A surname also written in lowercase ("studies") stands alone only as a common word.
          ((this.words.standalone.has(last.toLowerCase()) && !this.words.lowercase.has(last.toLowerCase())) ||
            hasAppositiveRole(masked, tokens, end) ||
            hasRoleBefore(masked, tokens, runStart)));
      if (!confirmed) return;
      entity = {
        name: words.join(' '),
        type: 'person',
        gender: null,
        roles: new Set(),
        modifiers: new Set(),
        weak: words.length === 1 && !titled,
      };
      this.cast.entities.push(entity);
      this.cast.bySurname.set(last.toLowerCase(), entity);
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
    for (let k = runStart; k < end; k++) entity.modifiers.add(tokens[k]?.lower ?? '');
    this.readRoles(masked, tokens, runStart, end, entity);
    entity.description ??= this.describe(masked, tokens, runStart, nameStart, end);
    this.cast.occurrences.push({ at: firstToken.start, entity, possessive, sentence });
  }

  private isSpeakerMention(start: number, end: number): boolean {
    const mentions = this.speakerMentions;
    let low = 0;
    let high = mentions.length - 1;
    // The last mention starting at or before `start`, then the few before it (mentions rarely nest).
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((mentions[mid]?.start ?? 0) <= start) low = mid + 1;
      else high = mid - 1;
    }
    for (let k = high; k >= 0 && high - k < MAX_NESTED_MENTIONS; k--) {
      const span = mentions[k];
      if (span && span.start <= start && end <= span.end) return true;
    }
    return false;
  }

  /** The role before the name ("Kremlin Spokesman Dmitry Peskov") or in an appositive after it. */
  private describe(
    masked: string,
    tokens: readonly Token[],
    runStart: number,
    nameStart: number,
    end: number,
  ): Description | undefined {
    let from = runStart;
    while (from > 0 && runStart - from < ROLE_WINDOW) {
      const word = tokens[from - 1];
      if (!word || ROLE_STOP.has(word.lower) || !joined(masked, tokens, from - 1, from)) break;
      if (
        !word.capital &&
        !roleFamily(undefined, word.lower) &&
        !TITLES.has(word.lower) &&
        !ROLE_MODIFIERS.has(word.lower)
      )
        break;
      from--;
    }
    const before = roleBefore(this.text, tokens, from, nameStart);
    if (before) return before;
    const last = tokens[end - 1];
    const next = tokens[end];
    if (!last || !next || masked.slice(last.end, next.start).trim() !== ',') return undefined;
    return roleAfter(this.text, tokens, end) ?? undefined;
  }

  private readRoles(
    masked: string,
    tokens: readonly Token[],
    from: number,
    end: number,
    entity: Entity,
  ): void {
    // Before: "his US counterpart Joe Biden", "the festival's executive director, Jon Dale".
    // Only the words directly in front of the name describe it: a comma may separate them
    // only right before the name, and a conjunction or preposition ends them ("the prime
    // minister and Gordon Brown" gives Brown no role).
    let shadow = false;
    for (let k = from - 1; k >= 0 && from - k <= ROLE_WINDOW; k--) {
      const word = tokens[k];
      const next = tokens[k + 1];
      if (!word || !next || ROLE_STOP.has(word.lower)) break;
      const gap = masked.slice(word.end, next.start).trim();
      if (gap !== '' && !(gap === ',' && k === from - 1)) break;
      // A description is names, roles and role modifiers; any other word ("should sack") ends it.
      const describes =
        word.capital ||
        roleFamily(undefined, word.lower) ||
        TITLES.has(word.lower) ||
        ROLE_MODIFIERS.has(word.lower);
      if (!describes) break;
      shadow ||= tokens[k - 1]?.lower === 'shadow' || tokens[k - 2]?.lower === 'shadow';
      this.addRole(word.lower, entity, tokens[k - 1]?.lower, shadow);
    }
    // After: "Ola Lunde, an analyst at ...", "Eva Lind, director of ...".
    const last = tokens[end - 1];
    const next = tokens[end];
    if (last && next && masked.slice(last.end, next.start).trim() === ',') {
      let roled = false;
      for (let k = end; k < tokens.length && k - end < ROLE_WINDOW; k++) {
        const word = tokens[k]?.lower ?? '';
        this.addRole(word, entity, tokens[k - 1]?.lower);
        if (ROLE_FAMILIES.has(word)) {
          roled = true;
          break;
        }
      }
      if (!roled && INDEFINITE_ARTICLES.has(next.lower))
        entity.calling ??= appositiveHead(masked, tokens, end);
    }
  }

  private addRole(word: string, entity: Entity, previous?: string, shadow = false): void {
    const family = shadowed(shadow, roleFamily(previous, word));
    if (family) entity.roles.add(family);
    if (FEMALE_ROLE_NOUNS.has(word)) entity.gender = 'female';
    if (!DETERMINERS.has(word)) entity.modifiers.add(word);
  }

  readSpokesFor(masked: string): void {
    for (const match of masked.matchAll(SPOKES_FOR)) {
      const matchAt = match.index ?? 0;
      const at = matchAt + match[0].length;
      // "Lars Berg, spokesman for ...": the role belongs to the named person.
      if (masked.slice(Math.max(0, matchAt - 3), matchAt).includes(',')) continue;
      const words = tokenize(masked, at, Math.min(masked.length, at + ORG_NAME_CHARS));
      let end = 0;
      while (
        end < words.length &&
        !ORG_STOP.has(words[end]?.lower ?? '') &&
        (end === 0 || joined(masked, words, end - 1, end))
      ) {
        end++;
      }
      const first = words[0];
      const last = words[end - 1];
      if (!first || !last) continue;
      const entity = this.cast.orgNamed(masked.slice(first.start, last.end));
      entity.roles.add('spokes');
      this.cast.occurrences.push({
        at: matchAt,
        entity,
        possessive: false,
        sentence: this.cast.sentenceOf(matchAt),
      });
    }
  }
}

/**
 * "Anna Smith, a local shopkeeper, said": the last word of an indefinite appositive, up to the
 * first word that ends a description ("a mother of two": "mother"), a capital or punctuation.
 */
function appositiveHead(masked: string, tokens: readonly Token[], article: number): string | undefined {
  let head: string | undefined;
  for (let k = article + 1; k < tokens.length && k - article < ROLE_WINDOW; k++) {
    const word = tokens[k];
    if (!word || word.capital || ROLE_STOP.has(word.lower) || !joined(masked, tokens, k - 1, k)) break;
    head = word.lower;
  }
  return head;
}
