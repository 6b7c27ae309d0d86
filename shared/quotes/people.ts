import type { Span, SpeakerType } from '../types.ts';
import { joined } from './cues.ts';
import {
  CUE_FILLERS,
  DEMONYMS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  FEMALE_ROLE_NOUNS,
  type Gender,
  GIVEN_NAME_WORDS,
  GROUP_AT,
  GROUP_NOUNS,
  HEAD_ENDS,
  INDEFINITE_ARTICLES,
  LEAD_BREAKERS,
  NAME_PARTICLES,
  NAMING_VERBS,
  NON_NAME_CAPITALS,
  ORG_NAME_WORDS,
  ORG_NOUNS,
  ORG_PREPOSITIONS,
  ORG_STOP,
  PERSON_NOUNS,
  POST_NOMINALS,
  PRONOUNS,
  ROLE_COMPOUNDS,
  ROLE_FAMILIES,
  ROLE_MODIFIERS,
  ROLE_STOP,
  SPEECH_VERBS,
  TITLES,
} from './lexicon.ts';
import { sameSurname } from './name-variants.ts';
import { type Description, roleAfter, roleBefore } from './roles.ts';
import { forEachLowercaseWord, splitSentences, type Token, tokenize } from './text-index.ts';

// Who is who in one article: the people and organisations it names, how it describes them
// ("Kremlin Spokesman Dmitry Peskov", "Ola Lunde, an analyst at ..."), and where each is
// mentioned, so a pronoun, a description or a surname can be resolved to a canonical name.

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
  how: 'name' | 'pronoun' | 'description' | 'group' | 'document' | 'unknown';
}

// How many sentences back a pronoun or description looks for its person.
const MAX_SENTENCES_BACK = 8;
// Words around a name searched for a role noun ("his US counterpart Joe Biden").
const ROLE_WINDOW = 4;
// How many earlier mentions a description or surname looks through: far more than any article's
// cast, and a bound that keeps resolution linear on hostile input.
const MAX_LOOKBACK = 400;
// Surname spelling variants are compared with this many of the most recent people.
const MAX_FUZZY_CANDIDATES = 64;
// Speaker mentions that can contain one name ("Lars Berg, spokesman for ..."): a handful.
const MAX_NESTED_MENTIONS = 4;
// "a spokesman for the Medical Foundation for the Care of ...": how far an organisation's name runs.
const ORG_NAME_CHARS = 80;
const POSSESSIVE = /['’]s?$/;
const PLURAL_ACRONYM = /^[A-Z]{2,}s$/;
// "the 64-year-old": an age describes a person.
const AGE = /^\d+-year-old$/;
// Where a sentence opens: after its end, a paragraph break or an opening quote mark.
const SENTENCE_OPENING = /(?:[.!?]["'”’]?\s+|\n|["“‘])$/;
// The lowercase word right after a mention ("Images of", "Rates of").
const NEXT_WORD = /^\s+(\p{Ll}[\p{L}'’-]*)/u;
const NEXT_WORD_CHARS = 40;
// "They’ll", "we’re", "I’d": a pronoun fused with a verb.
const CONTRACTED_VERB = /['’](?:ll|re|ve|d|m)$/;
// ".IXIC", ".DJI": a market index or ticker written after a full stop with no space.
const TICKER_BEFORE = /(?:^|\s)\.$/;
// "Critically", "Similarly", "Frankly": sentence adverbs; surnames rarely end this way.
const SENTENCE_ADVERB =
  /(?:ically|ously|ently|antly|ively|ately|edly|ingly|fully|lessly|ibly|ably|larly|ankly)$/;
const SPOKES_FOR = /\b(?:spokes(?:man|woman|person)|representative)\s+(?:for|of)\s+(?:the\s+)?/gi;

/**
 * Reads the article's names once; `resolve` then names the speaker behind any mention.
 *
 * @example
 * new People(text, masked, []).resolve('the press secretary', 900).entity?.name // 'Dmitry Peskov'
 */
export class People {
  private readonly entities: Entity[] = [];
  /** Persons by lowercased surname, for exact lookups before the fuzzy ones. */
  private readonly bySurname = new Map<string, Entity>();
  private readonly occurrences: Occurrence[] = [];
  private readonly sentenceStarts: number[] = [];
  /** Capitalised words that occur on their own somewhere ("Dale" beside "Jon Dale"). */
  private readonly standalone = new Set<string>();
  /** Words the article writes in lowercase: a capital on one of them is only a sentence start. */
  private readonly lowercase = new Set<string>();
  /** Capitalised words seen after a lowercase word mid-sentence, where a capital means a name. */
  private readonly midCapitals = new Set<string>();
  private readonly speakerMentions: readonly Span[];

  constructor(
    private readonly text: string,
    masked: string,
    paragraphs: readonly Span[],
    speakerMentions: readonly Span[],
  ) {
    this.speakerMentions = [...speakerMentions].sort((a, b) => a.start - b.start);
    // Sentences are tokenised again for the second pass rather than kept: holding a token per
    // word of the whole article at once is most of the peak memory on a long article.
    const sentences: Span[] = [];
    for (const paragraph of paragraphs) {
      for (const span of splitSentences(masked, paragraph.start, paragraph.end)) {
        const tokens = tokenize(masked, span.start, span.end);
        sentences.push(span);
        this.sentenceStarts.push(span.start);
        this.readStandalone(masked, tokens);
        // Only after a lowercase word: inside a run ("Summary Studies") a capital may be a label's.
        tokens.forEach((token, k) => {
          if (k > 0 && token.capital && !tokens[k - 1]?.capital) this.midCapitals.add(token.lower);
        });
      }
    }
    forEachLowercaseWord(text, (word) => this.lowercase.add(word));
    for (const span of sentences) this.readSentence(masked, span, tokenize(masked, span.start, span.end));
    this.readSpokesFor(masked);
    this.occurrences.sort((a, b) => a.at - b.at);
  }

  /** Resolves the mention written at `at` ("he", "the Russian leader", "Mr Hogg", "analysts"). */
  resolve(mention: string, at: number): Resolution {
    const words = withoutTrailingAdverb(tokenize(mention, 0, mention.length));
    const first = words[0];
    const head = words.at(-1);
    if (!first || !head) return { entity: null, how: 'unknown' };
    // "They’ll", "We’re": a pronoun with a contracted verb is still that pronoun.
    const pronoun = PRONOUNS.get(first.lower.replace(CONTRACTED_VERB, ''));
    if (words.length === 1 && pronoun) {
      if (pronoun === 'plural' || pronoun === 'first') return { entity: null, how: 'group' };
      return { entity: this.salientPerson(at, pronoun), how: 'pronoun' };
    }
    const org = SPOKES_FOR_ONE.exec(mention);
    // "Ann Lee, spokesman for the council" is Ann Lee: a name before the role is the speaker.
    if (org?.[1] && !words.some((word, i) => i > 0 && word.start < org.index && isPersonName(words, i))) {
      return { entity: this.orgNamed(cleanOrgName(org[1]), at), how: 'name' };
    }
    // "Ann Lee, meeting with Tom Bell": the head of a phrase comes before its preposition.
    // "Ann Lee opening the talks": a participle after a name opens a phrase about her.
    const cut = words.findIndex(
      (word, i) =>
        i > 0 &&
        (HEAD_ENDS.has(word.lower) ||
          (PARTICIPLE.test(word.lower) && !!words[i - 1]?.capital && !word.capital)),
    );
    if (cut > 0) {
      const head = this.resolve(mention.slice(0, words[cut - 1]?.end ?? mention.length), at);
      // "Pilots at Nova Air said": a group speaks for the organisation it is at.
      const rest = words[cut + 1];
      if (head.how === 'group' && GROUP_AT.has(words[cut]?.lower ?? '') && rest) {
        const place = this.resolve(mention.slice(rest.start), at);
        if (place.entity?.type === 'organisation') return place;
      }
      return head;
    }
    const headWord = head.lower.replace(POSSESSIVE, '');
    // "MPs", "CEOs": a plural acronym is a group.
    if (words.length === 1 && PLURAL_ACRONYM.test(head.lower === headWord ? mention : '')) {
      return { entity: null, how: 'group' };
    }
    if (words.length === 1 && head.capital) {
      // "says Early": the surname of someone already introduced, even if it is also a word.
      const known = this.bySurname.get(headWord);
      const common = this.isCommonWord(mention, at) || this.opensNounPhrase(mention, at);
      if (known?.type === 'person' && (!known.weak || !common)) {
        return { entity: this.byName([mention.replace(POSSESSIVE, '')], at), how: 'name' };
      }
      if (common) return { entity: null, how: headWord.endsWith('s') ? 'group' : 'unknown' };
    }
    // "the statement said", "the report says": a document speaks for whoever is being quoted.
    if (!head.capital && DOCUMENT_NOUNS.has(headWord) && DETERMINERS.has(first.lower)) {
      return { entity: null, how: 'document' };
    }
    const plural = !head.capital && headWord.length > 3 && headWord.endsWith('s') && !headWord.endsWith('ss');
    const described =
      !head.capital &&
      (ROLE_FAMILIES.has(headWord) || ORG_NOUNS.has(headWord) || GROUP_NOUNS.has(headWord) || plural);
    // "Rules introduced in 2002", "Figures released today": a capital that opens the sentence
    // and runs into a participle starts a noun phrase, not a name.
    const second = words[1];
    if (
      words.length > 1 &&
      first.capital &&
      second &&
      !second.capital &&
      PARTICIPLE_FORM.test(second.lower) &&
      !this.findPerson(first.lower.replace(POSSESSIVE, '')) &&
      this.opensSentenceWithCommonWord(mention, at, first)
    ) {
      return { entity: null, how: first.lower.endsWith('s') ? 'group' : 'unknown' };
    }
    const name = described ? null : nameIn(mention, words);
    if (name) return { entity: this.byName(name, at), how: 'name' };
    const family = shadowed(
      words.some((word) => word.lower === 'shadow'),
      roleFamily(words.at(-2)?.lower, headWord),
    );
    if (family === 'spokes') {
      const spokes = this.spokesperson(mention, words, at);
      if (spokes) return { entity: spokes, how: 'description' };
    }
    if (family) {
      const modifiers = new Set(words.map((word) => word.lower));
      return {
        entity: this.byRole(family, modifiers, at) ?? this.salientPerson(at, TITLES.get(headWord) ?? null),
        how: 'description',
      };
    }
    if (ORG_NOUNS.has(headWord) && !head.capital)
      return { entity: this.lastOrg(at, mention, words), how: 'description' };
    if (GROUP_NOUNS.has(headWord) || (headWord.endsWith('s') && !head.capital)) {
      return { entity: null, how: 'group' };
    }
    // "the American", "the Briton": a nationality with a determiner describes a person.
    if (head.capital && words.length > 1 && DETERMINERS.has(first.lower) && DEMONYMS.has(headWord)) {
      return { entity: this.salientPerson(at, null), how: 'description' };
    }
    // A capitalised single word that is not a known person: an organisation ("Novacorp").
    // Its name starts at its first capital ("the official Xinhua News Agency").
    const opening = words.find((word) => word.capital && !DETERMINERS.has(word.lower)) ?? first;
    if (head.capital)
      return { entity: this.orgNamed(mention.slice(opening.start, head.end), at), how: 'name' };
    // "the suspect", "the 64-year-old": a noun for one person means the person most in view.
    if (PERSON_NOUNS.has(headWord) || AGE.test(headWord)) {
      return { entity: this.salientPerson(at, TITLES.get(headWord) ?? null), how: 'description' };
    }
    // "the past", "the game": any other noun tells nothing about who spoke; the last person
    // named is too often someone else.
    return { entity: null, how: 'unknown' };
  }

  /**
   * A single capitalised word that names nobody: a word the article also writes in lowercase, or
   * a function word or adverb, seen capitalised only where a sentence starts ("Further", "High",
   * "Critically", "Having"); a contraction ("They’ll"); a ticker symbol (".IXIC", "XAU=").
   */
  /**
   * "Images of ...", "High profile cases ...", "Spot gold ...": a capital opening a sentence and
   * running on into lowercase words other than a reporting verb starts a longer noun phrase.
   */
  private opensNounPhrase(written: string, at: number): boolean {
    const before = this.text.slice(Math.max(0, at - 3), at);
    if (at > 0 && !SENTENCE_OPENING.test(before)) return false;
    const next = NEXT_WORD.exec(this.text.slice(at + written.length, at + written.length + NEXT_WORD_CHARS));
    const word = next?.[1]?.toLowerCase();
    if (!word || POSSESSIVE.test(written)) return false;
    return !SPEECH_VERBS.has(word) && !NAMING_VERBS.has(word) && !CUE_FILLERS.has(word);
  }

  /** True when `word` opens the mention at a sentence start and is a common word there. */
  private opensSentenceWithCommonWord(mention: string, at: number, word: Token): boolean {
    if (word.start !== 0) return false;
    if (at > 0 && !SENTENCE_OPENING.test(this.text.slice(Math.max(0, at - 3), at))) return false;
    return this.isCommonWord(mention.slice(word.start, word.end), at);
  }

  private isCommonWord(written: string, at: number): boolean {
    const lower = written.toLowerCase().replace(POSSESSIVE, '');
    if (CONTRACTED_VERB.test(lower)) return true;
    if (TICKER_BEFORE.test(this.text.slice(Math.max(0, at - 2), at))) return true;
    if (this.text.charAt(at + written.length) === '=') return true;
    if (NON_NAME_CAPITALS.has(lower) || SENTENCE_ADVERB.test(lower)) return true;
    // "Ministers insist", "Analysts say": a role or group in the plural.
    if (GROUP_NOUNS.has(lower) || (lower.endsWith('s') && ROLE_FAMILIES.has(lower.slice(0, -1)))) return true;
    return !this.midCapitals.has(lower) && this.lowercase.has(lower);
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
        !/[“”"«»„]/.test(this.text.slice(previousStart, currentStart))
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

  private readStandalone(masked: string, tokens: readonly Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token?.capital) continue;
      const before = i > 0 && tokens[i - 1]?.capital && joined(masked, tokens, i - 1, i);
      const after = tokens[i + 1]?.capital && joined(masked, tokens, i, i + 1);
      // A title before still leaves the surname alone ("Mr Hogg").
      const titled = i > 0 && TITLES.has(tokens[i - 1]?.lower ?? '');
      if ((!before || titled) && !after) this.standalone.add(token.lower.replace(POSSESSIVE, ''));
    }
  }

  private readSentence(masked: string, sentence: Span, tokens: readonly Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens[i]?.capital) continue;
      const end = extendRun(masked, tokens, i + 1);
      const runStart = i;
      i = end - 1;
      const name = nameOf(tokens.slice(runStart, end));
      // "the DTI has dismissed ...": an acronym with an article is an organisation, so "a
      // spokesman" in the next sentence can speak for it.
      const only = tokens[runStart];
      if (
        end - runStart === 1 &&
        only &&
        tokens[runStart - 1]?.lower === 'the' &&
        ORG_ACRONYM.test(this.text.slice(only.start, only.end))
      ) {
        this.orgNamed(this.text.slice(only.start, only.end), only.start);
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
    const titled = name.titles.length > 0;
    let entity = this.findPerson(last, words.length === 1);
    if (!entity) {
      if (ORG_NAME_WORDS.has(last.toLowerCase()) || PLURAL_ACRONYM.test(last)) return;
      // "NEW DELHI": a dateline or heading in capitals, not a person.
      if (words.length > 1 && words.every((word) => word === word.toUpperCase())) return;
      // "Summary BED": a name does not end in an acronym after ordinary capitals.
      if (words.length > 1 && ACRONYM.test(last) && !ACRONYM.test(words[0] ?? '')) return;
      const at = firstToken.start;
      if (words.length === 1 && !titled && (this.isCommonWord(last, at) || this.opensNounPhrase(last, at)))
        return;
      // "Bolivia's public defender's office said": the owner in a speaker's description is no speaker.
      const isSpeaker = !possessive && this.isSpeakerMention(firstToken.start, lastToken.end);
      const confirmed =
        titled ||
        isSpeaker ||
        (words.length >= 2 &&
          // A surname also written in lowercase ("studies") stands alone only as a common word.
          ((this.standalone.has(last.toLowerCase()) && !this.lowercase.has(last.toLowerCase())) ||
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
      this.entities.push(entity);
      this.bySurname.set(last.toLowerCase(), entity);
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
    this.occurrences.push({ at: firstToken.start, entity, possessive, sentence });
  }

  /** `shortForm`: the name is one word, which may be the first of a family-name-first full name. */
  private findPerson(surname: string, shortForm = false): Entity | undefined {
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
      for (let k = end; k < tokens.length && k - end < ROLE_WINDOW; k++) {
        const word = tokens[k]?.lower ?? '';
        this.addRole(word, entity, tokens[k - 1]?.lower);
        if (ROLE_FAMILIES.has(word)) break;
      }
    }
  }

  private addRole(word: string, entity: Entity, previous?: string, shadow = false): void {
    const family = shadowed(shadow, roleFamily(previous, word));
    if (family) entity.roles.add(family);
    if (FEMALE_ROLE_NOUNS.has(word)) entity.gender = 'female';
    if (!DETERMINERS.has(word)) entity.modifiers.add(word);
  }

  private readSpokesFor(masked: string): void {
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
      const entity = this.orgNamed(masked.slice(first.start, last.end));
      entity.roles.add('spokes');
      this.occurrences.push({ at: matchAt, entity, possessive: false, sentence: this.sentenceOf(matchAt) });
    }
  }

  private sentenceOf(at: number): number {
    return this.sentenceStarts[lastIndexAtOrBefore(this.sentenceStarts, at, (start) => start)] ?? 0;
  }

  /** The organisation called `name`; mentioned at `at` when given, so "the bank" can find it later. */
  private orgNamed(name: string, at?: number): Entity {
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
  private noteOccurrence(entity: Entity, at: number): void {
    const index = lastIndexAtOrBefore(this.occurrences, at, (occurrence) => occurrence.at) + 1;
    if (this.occurrences[index - 1]?.at === at) return;
    const occurrence = { at, entity, possessive: false, sentence: this.sentenceOf(at) };
    this.occurrences.splice(index, 0, occurrence);
  }

  private byName(name: string[], at: number): Entity {
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

  private byRole(family: string, modifiers: Set<string>, at: number): Entity | null {
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
   * An unnamed spokesperson speaks for an organisation: "a Downing Street spokesman" and
   * "Microsoft's spokeswoman" name it; "the spokesman" is whoever was introduced with the role;
   * a bare "a spokesman" speaks for the organisation last mentioned.
   */
  private spokesperson(mention: string, words: readonly Token[], at: number): Entity | null {
    const capitals = words.filter(
      (word) =>
        word.capital &&
        !TITLES.has(word.lower) &&
        !ROLE_FAMILIES.has(word.lower) &&
        !DETERMINERS.has(word.lower),
    );
    const first = capitals[0];
    const last = capitals.at(-1);
    const indefinite = INDEFINITE_ARTICLES.has(words[0]?.lower ?? '');
    if (first && last) {
      const named = mention.slice(first.start, last.end).replace(POSSESSIVE, '');
      const known = this.findPerson(lastWord(named));
      // "the Kremlin spokesman" is Dmitry Peskov when he was introduced with that role.
      if (!indefinite) {
        const introduced = this.byRole('spokes', new Set(words.map((word) => word.lower)), at);
        if (introduced && [...introduced.modifiers].some((word) => word === first.lower)) return introduced;
      }
      return known && POSSESSIVE.test(mention.slice(last.start, last.end)) ? known : this.orgNamed(named, at);
    }
    if (indefinite) return this.lastOrg(at, '', []);
    return null;
  }

  private lastOrg(at: number, mention: string, words: readonly Token[]): Entity | null {
    // "the Reporters Without Borders group": a description carrying a name of several capitals
    // names its organisation itself.
    const capitals = words.filter((word) => word.capital && !DETERMINERS.has(word.lower));
    const owned = capitals.some((word) => POSSESSIVE.test(word.lower));
    const own = capitals[0];
    if (capitals.length >= 2 && !owned && own && !this.opensSentenceWithCommonWord(mention, at, own)) {
      // "the Reporters Without Borders group" is Reporters Without Borders: the noun describes it.
      return this.orgNamed(mention.slice(own.start, capitals.at(-1)?.end ?? own.end), at);
    }
    // A bare word only ever seen at a cue ("Halifax said") is likelier the firm than a person.
    const latest = this.latestBefore(at);
    for (let k = latest; k >= 0 && latest - k < MAX_LOOKBACK; k--) {
      const occurrence = this.occurrences[k];
      if (!occurrence) break;
      if (occurrence.entity.type === 'organisation' || occurrence.entity.weak) return occurrence.entity;
    }
    // Otherwise the description itself from its first capital ("Xinhua News Agency", "Bolivia's
    // public defender's office"); one with no capital ("the club") or opening on a common word
    // ("Creditors of the firm") names no organisation.
    // A common word before another capital ("Public Ombudsman ...") is dropped instead.
    const common = (word: Token) => this.opensSentenceWithCommonWord(mention, at, word);
    let from = words.findIndex((word) => word.capital && !DETERMINERS.has(word.lower));
    for (let word = words[from]; word && words[from + 1]?.capital && common(word); word = words[from]) from++;
    const first = words[from];
    const last = words.at(-1);
    if (!first || !last || common(first)) return null;
    return this.orgNamed(mention.slice(first.start, last.end));
  }

  /**
   * The index of the latest occurrence before `at` (-1 when none). Look-backs walk down from it
   * by index, at most MAX_LOOKBACK steps: a generator would allocate a result object per step.
   */
  private latestBefore(at: number): number {
    return lastIndexAtOrBefore(this.occurrences, at - 1, (occurrence) => occurrence.at);
  }

  /**
   * The person a pronoun or bare description most likely means: going back sentence by
   * sentence, the first person named in each (the subject), skipping possessives and people of
   * the other gender.
   */
  private salientPerson(at: number, gender: Gender | null): Entity | null {
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
}

/** The end of the capitalised run starting before `end`, reading through name particles. */
function extendRun(text: string, tokens: readonly Token[], end: number): number {
  let next = end;
  for (;;) {
    const token = tokens[next];
    if (!token || !joined(text, tokens, next - 1, next)) return next;
    if (token.capital) {
      next++;
      continue;
    }
    const after = tokens[next + 1];
    if (NAME_PARTICLES.has(token.lower) && after?.capital && joined(text, tokens, next, next + 1)) {
      next += 2;
      continue;
    }
    return next;
  }
}

/** Index of the last item whose key is <= `value` in a list sorted by key, or -1. */
function lastIndexAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
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

// "Last week harbour master": the words a subject's description may take before its name.
const MAX_SUBJECT_LEAD = 6;
const PARTICIPLE_FORM = /^[a-z]{3,}(?:ed|ing)$/;
const PARTICIPLE = /^[a-z]{3,}ing$/;
const SPOKES_FOR_ONE = /\bspokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?(.+)$/i;

function cleanOrgName(name: string): string {
  const words = tokenize(name, 0, name.length);
  let end = 0;
  while (end < words.length && !ORG_STOP.has(words[end]?.lower ?? '')) end++;
  const first = words[0];
  const last = words[end - 1];
  return first && last ? name.slice(first.start, last.end) : name;
}

interface NameParts {
  titles: string[];
  tokens: Token[];
  /** Where the name proper ends inside the run (post-nominals such as "MP" come after). */
  end: number;
}

/** Splits a capitalised run into leading titles/roles and the name proper. */
function nameOf(fullRun: readonly Token[]): NameParts | null {
  let length = fullRun.length;
  while (length > 1 && POST_NOMINALS.has(fullRun[length - 1]?.lower ?? '')) length--;
  const run = fullRun.slice(0, length);
  const words = run.map((token) => token.lower);
  const isTitle = (word: string) => TITLES.has(word) || ROLE_FAMILIES.has(word);
  let k = 0;
  const titles: string[] = [];
  for (; k < words.length; k++) {
    const word = words[k] ?? '';
    // "Will Moy", "June Carter": words that are also given names stay before another name.
    if (GIVEN_NAME_WORDS.has(word) && k + 1 < words.length) break;
    if (!isTitle(word) && !NON_NAME_CAPITALS.has(word)) break;
    if (!NON_NAME_CAPITALS.has(word)) titles.push(word);
  }
  // "Kremlin Spokesman Dmitry Peskov": the name starts after the last title or role.
  for (let j = words.length - 1; j > k; j--) {
    const word = words[j] ?? '';
    if (isTitle(word)) {
      titles.push(word);
      k = j + 1;
      break;
    }
  }
  const tokens = run.slice(k);
  if (tokens.length === 0 || tokens.some((token) => ORG_NAME_WORDS.has(token.lower))) return null;
  // A long run is a description and a name ("Norway Ola Lunde"): the last two words name.
  return { titles, tokens: tokens.length > 3 ? tokens.slice(-2) : tokens, end: length };
}

/**
 * "the Kremlin spokesman", "the Russian leader", "TASS reported": a single capitalised word that
 * describes someone else, or an acronym, is not a person's name.
 */
function isModifier(
  text: string,
  tokens: readonly Token[],
  runStart: number,
  end: number,
  name: NameParts,
): boolean {
  if (name.tokens.length !== 1 || name.titles.length > 0) return false;
  const word = tokens[end - 1];
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
  return DEMONYMS.has(word.lower) && tokens[runStart - 1]?.lower === 'the';
}

/** "the Bank of England": capitals after "of" and a capitalised word end a longer name. */
function endsOrgName(masked: string, tokens: readonly Token[], runStart: number): boolean {
  const of = tokens[runStart - 1];
  const owner = tokens[runStart - 2];
  return (
    of?.lower === 'of' &&
    !!owner?.capital &&
    joined(masked, tokens, runStart - 2, runStart - 1) &&
    joined(masked, tokens, runStart - 1, runStart)
  );
}

/** "Eva Lind, director of ...": a name followed by a role after a comma is a person. */
function hasAppositiveRole(masked: string, tokens: readonly Token[], end: number): boolean {
  const last = tokens[end - 1];
  const next = tokens[end];
  if (!last || !next || masked.slice(last.end, next.start).trim() !== ',') return false;
  for (let k = end; k < tokens.length && k - end < ROLE_WINDOW; k++) {
    if (ROLE_FAMILIES.has(tokens[k]?.lower ?? '')) return true;
  }
  return false;
}

/** "union leader Sofia Berg", "founder Pavel Novak": a role noun right before a name. */
function hasRoleBefore(masked: string, tokens: readonly Token[], runStart: number): boolean {
  const before = tokens[runStart - 1];
  if (!before || before.capital || !joined(masked, tokens, runStart - 1, runStart)) return false;
  return ROLE_FAMILIES.has(before.lower) || TITLES.has(before.lower);
}

// "TASS", "BBC": organisations written in capitals.
const ACRONYM = /^[A-Z]{2,6}$/;
// "the DTI", "the IAAF": three letters or more; two-letter ones are mostly places ("the UK").
const ORG_ACRONYM = /^[A-Z]{3,6}$/;

function isPersonName(words: readonly Token[], i: number): boolean {
  const word = words[i];
  return !!word && word.capital && !ORG_NAME_WORDS.has(word.lower) && !TITLES.has(word.lower);
}

/** The name words of a mention, preferring the longest capitalised run ("Tory leader Michael Howard"). */
function nameIn(mention: string, words: readonly Token[]): string[] | null {
  let best: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!words[i]?.capital) continue;
    const end = extendRun(mention, words, i + 1);
    const parts = nameOf(words.slice(i, end));
    const previous = words[i - 1]?.lower ?? '';
    i = end - 1;
    // "the Bank of England", "an analyst at Nova Bank": a run after these names an organisation.
    if (!parts || ORG_PREPOSITIONS.has(previous)) continue;
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

/** "the British royal blankly denied": an adverb after the head noun is not part of the mention. */
function withoutTrailingAdverb(words: Token[]): Token[] {
  const last = words.at(-1);
  const previous = words.at(-2);
  if (!last || !previous || last.capital || !last.lower.endsWith('ly')) return words;
  const head = previous.lower;
  const isNoun =
    ROLE_FAMILIES.has(head) || PERSON_NOUNS.has(head) || ORG_NOUNS.has(head) || GROUP_NOUNS.has(head);
  return isNoun || previous.capital ? words.slice(0, -1) : words;
}

function lastWord(name: string): string {
  // A slice, not split: it runs for each candidate of every surname lookup.
  return name.slice(name.lastIndexOf(' ') + 1);
}

/** The role family of a head noun, reading two-word roles first ("prime minister", "press secretary"). */
function roleFamily(previous: string | undefined, head: string): string | undefined {
  return (previous ? ROLE_COMPOUNDS.get(`${previous} ${head}`) : undefined) ?? ROLE_FAMILIES.get(head);
}

/** "shadow chancellor" is the opposition's: never the same role as "the chancellor". */
function shadowed(shadow: boolean, family: string | undefined): string | undefined {
  return shadow && family ? `shadow ${family}` : family;
}
