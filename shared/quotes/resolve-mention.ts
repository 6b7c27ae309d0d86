import type { Span } from '../types.ts';
import type { CapitalWords } from './capital-words.ts';
import { CONTRACTED_VERB } from './capital-words.ts';
import { type Cast, type Entity, MAX_LOOKBACK } from './cast.ts';
import { findNames } from './find-names.ts';
import {
  DEMONYMS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  type Gender,
  GROUP_AT,
  GROUP_NOUNS,
  HEAD_ENDS,
  INDEFINITE_ARTICLES,
  ORG_NOUNS,
  PERSON_NOUNS,
  PRONOUNS,
  ROLE_FAMILIES,
  TITLES,
} from './lexicon.ts';
import {
  cleanOrgName,
  isPersonName,
  lastWord,
  nameIn,
  PLURAL_ACRONYM,
  POSSESSIVE,
  roleFamily,
  shadowed,
  withoutTrailingAdverb,
} from './name-shape.ts';
import { type Token, tokenize } from './text-index.ts';

// Marks in these patterns are escapes (\u2019 ’): the Lambda bundle stays ASCII
// (test/infra/bundle.test.ts says why).

// Resolving a speaker mention ("he", "the Russian leader", "Mr Hogg", "a spokesman for the
// council", "analysts") to the entity of the article it means, or to none.

export type { Entity } from './cast.ts';

export interface Resolution {
  entity: Entity | null;
  /** How the mention was resolved, for the confidence. */
  how: 'name' | 'pronoun' | 'description' | 'group' | 'document' | 'unknown';
}

// "the 64-year-old": an age describes a person.
const AGE = /^\d+-year-old$/;
const PARTICIPLE_FORM = /^[a-z]{3,}(?:ed|ing)$/;
const PARTICIPLE = /^[a-z]{3,}ing$/;
// "one legal expert": the head noun comes within this many words of an indefinite determiner.
const MAX_INDEFINITE_WORDS = 3;
// A name and a comma: what comes next describes that name.
const APPOSITIVE_LEAD = /^[\p{Lu}][\p{L}\p{M}.'\u2019 -]*,\s*$/u;
const SPOKES_FOR_ONE = /\bspokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?(.+)$/i;

/**
 * Reads the article's names once; `resolve` then names the speaker behind any mention.
 *
 * @example
 * new People(text, masked, paragraphs, []).resolve('the press secretary', 900).entity?.name // 'Dmitry Peskov'
 */
export class People {
  private readonly cast: Cast;
  private readonly words: CapitalWords;

  constructor(
    private readonly text: string,
    masked: string,
    paragraphs: readonly Span[],
    speakerMentions: readonly Span[],
  ) {
    ({ cast: this.cast, words: this.words } = findNames(text, masked, paragraphs, speakerMentions));
  }

  /**
   * "..., said one legal expert. "...," the expert warned.": between the last mention of the person
   * a description would fall back to and the description, an indefinite phrase with the same head
   * noun brought in someone unnamed, whom "the expert" means.
   */
  private unnamedSince(entity: Entity | null, head: string, at: number): boolean {
    if (!entity) return false;
    const since = this.cast.lastMentionOf(entity, at);
    if (since < 0) return false;
    const words = tokenize(this.text, since, at);
    for (const [i, word] of words.entries()) {
      if (!INDEFINITE_ARTICLES.has(word.lower)) continue;
      // "Ann Lee, a transport expert, ...": an appositive describes the person just named.
      if (APPOSITIVE_LEAD.test(this.text.slice(since, word.start))) continue;
      const phrase = words.slice(i + 1, i + 1 + MAX_INDEFINITE_WORDS);
      const end = phrase.findIndex((next) => next.capital || next.lower === head);
      if (end >= 0 && phrase[end]?.lower === head && !phrase[end]?.capital) return true;
    }
    return false;
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
      return { entity: this.cast.salientPerson(at, pronoun), how: 'pronoun' };
    }
    const org = SPOKES_FOR_ONE.exec(mention);
    // "Ann Lee, spokesman for the council" is Ann Lee: a name before the role is the speaker.
    if (org?.[1] && !words.some((word, i) => i > 0 && word.start < org.index && isPersonName(words, i))) {
      return { entity: this.cast.orgNamed(cleanOrgName(org[1]), at), how: 'name' };
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
      const known = this.cast.bySurname.get(headWord);
      const common = this.words.isCommonWord(mention, at) || this.words.opensNounPhrase(mention, at);
      if (known?.type === 'person' && (!known.weak || !common)) {
        return { entity: this.cast.byName([mention.replace(POSSESSIVE, '')], at), how: 'name' };
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
      !this.cast.findPerson(first.lower.replace(POSSESSIVE, '')) &&
      this.words.opensSentenceWithCommonWord(mention, at, first)
    ) {
      return { entity: null, how: first.lower.endsWith('s') ? 'group' : 'unknown' };
    }
    const name = described ? null : nameIn(mention, words);
    if (name) return { entity: this.cast.byName(name, at), how: 'name' };
    const family = shadowed(
      words.some((word) => word.lower === 'shadow'),
      roleFamily(words.at(-2)?.lower, headWord),
    );
    if (family === 'spokes') {
      const spokes = this.spokesperson(mention, words, at);
      if (spokes) return { entity: spokes, how: 'description' };
    }
    // "said a senior official", "one legal expert warned": an indefinite description brings in
    // someone the article does not name, never a person named before.
    const indefinite = INDEFINITE_ARTICLES.has(first.lower) && !head.capital;
    if (family) {
      if (indefinite) return { entity: null, how: 'description' };
      const modifiers = new Set(words.map((word) => word.lower));
      const entity =
        this.cast.byRole(family, modifiers, at) ?? this.roleless(at, TITLES.get(headWord) ?? null);
      return { entity: this.unnamedSince(entity, headWord, at) ? null : entity, how: 'description' };
    }
    if (ORG_NOUNS.has(headWord) && !head.capital)
      return { entity: this.lastOrg(at, mention, words), how: 'description' };
    if (GROUP_NOUNS.has(headWord) || (headWord.endsWith('s') && !head.capital)) {
      return { entity: null, how: 'group' };
    }
    // "the American", "the Briton": a nationality with a determiner describes a person.
    if (head.capital && words.length > 1 && DETERMINERS.has(first.lower) && DEMONYMS.has(headWord)) {
      return { entity: this.cast.salientPerson(at, null), how: 'description' };
    }
    // A capitalised single word that is not a known person: an organisation ("Novacorp").
    // Its name starts at its first capital ("the official Xinhua News Agency").
    const opening = words.find((word) => word.capital && !DETERMINERS.has(word.lower)) ?? first;
    if (head.capital)
      return { entity: this.cast.orgNamed(mention.slice(opening.start, head.end), at), how: 'name' };
    // "the suspect", "the 64-year-old": a noun for one person means the person most in view.
    if (PERSON_NOUNS.has(headWord) || AGE.test(headWord)) {
      if (indefinite) return { entity: null, how: 'description' };
      const entity = this.cast.salientPerson(at, TITLES.get(headWord) ?? null);
      return { entity: this.unnamedSince(entity, headWord, at) ? null : entity, how: 'description' };
    }
    // "the past", "the game": any other noun tells nothing about who spoke; the last person
    // named is too often someone else.
    return { entity: null, how: 'unknown' };
  }

  /**
   * The person a role nobody was given ("the finance minister") most likely means: the person in
   * view, unless the article called them something else ("Anna Smith, a local shopkeeper").
   */
  private roleless(at: number, gender: Gender | null): Entity | null {
    const person = this.cast.salientPerson(at, gender);
    return person?.calling === undefined ? person : null;
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
      const known = this.cast.findPerson(lastWord(named));
      // "the Kremlin spokesman" is Dmitry Peskov when he was introduced with that role.
      if (!indefinite) {
        const introduced = this.cast.byRole('spokes', new Set(words.map((word) => word.lower)), at);
        if (introduced && [...introduced.modifiers].some((word) => word === first.lower)) return introduced;
      }
      return known && POSSESSIVE.test(mention.slice(last.start, last.end))
        ? known
        : this.cast.orgNamed(named, at);
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
    if (capitals.length >= 2 && !owned && own && !this.words.opensSentenceWithCommonWord(mention, at, own)) {
      // "the Reporters Without Borders group" is Reporters Without Borders: the noun describes it.
      return this.cast.orgNamed(mention.slice(own.start, capitals.at(-1)?.end ?? own.end), at);
    }
    // A bare word only ever seen at a cue ("Halifax said") is likelier the firm than a person.
    const latest = this.cast.latestBefore(at);
    for (let k = latest; k >= 0 && latest - k < MAX_LOOKBACK; k--) {
      const occurrence = this.cast.occurrences[k];
      if (!occurrence) break;
      if (occurrence.entity.type === 'organisation' || occurrence.entity.weak) return occurrence.entity;
    }
    // Otherwise the description itself from its first capital ("Xinhua News Agency", "Bolivia's
    // public defender's office"); one with no capital ("the club") or opening on a common word
    // ("Creditors of the firm") names no organisation.
    // A common word before another capital ("Public Ombudsman ...") is dropped instead.
    const common = (word: Token) => this.words.opensSentenceWithCommonWord(mention, at, word);
    let from = words.findIndex((word) => word.capital && !DETERMINERS.has(word.lower));
    for (let word = words[from]; word && words[from + 1]?.capital && common(word); word = words[from]) from++;
    const first = words[from];
    const last = words.at(-1);
    if (!first || !last || common(first)) return null;
    return this.cast.orgNamed(mention.slice(first.start, last.end));
  }

  /**
   * The person a narration sentence right before `at` is about: named at its very start
   * ("Jones, however, disagreed."), or null. A quote with no cue that follows such a sentence
   * is that person's, not the previous speaker's.
   */
  sentenceSubject(at: number): Entity | null {
    return this.cast.sentenceSubject(at);
  }

  /**
   * True when the latest mention of `entity` before `at` reads as its sentence's subject: among
   * the opening words, with no preposition before it ("Ana Ruiz opened ...", "Mayor Ana Ruiz
   * said"), not the object at its end ("... withdrew support from ferry captain Tom Bell").
   */
  namedAsSubject(entity: Entity, at: number): boolean {
    return this.cast.namedAsSubject(entity, at);
  }
}
