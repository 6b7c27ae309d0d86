// Language knowledge for quote extraction and attribution, kept as data (see STYLE.md).
// All entries are lowercase; lookups lowercase the word first.
// English word lists live in ./lang/en/*.json (one list per file, no duplicates); this module
// turns them into lookup sets and maps once, at load.
import abbreviationsWords from './lang/en/abbreviations.json' with { type: 'json' };
import cueFillersWords from './lang/en/cue-fillers.json' with { type: 'json' };
import demonymsWords from './lang/en/demonyms.json' with { type: 'json' };
import determinersWords from './lang/en/determiners.json' with { type: 'json' };
import groupNounsWords from './lang/en/group-nouns.json' with { type: 'json' };
import namingVerbsWords from './lang/en/naming-verbs.json' with { type: 'json' };
import nonClauseStartsWords from './lang/en/non-clause-starts.json' with { type: 'json' };
import objectVerbsWords from './lang/en/object-verbs.json' with { type: 'json' };
import orgNameWordsWords from './lang/en/org-name-words.json' with { type: 'json' };
import orgNounsWords from './lang/en/org-nouns.json' with { type: 'json' };
import personNounsWords from './lang/en/person-nouns.json' with { type: 'json' };
import roleCompoundsWords from './lang/en/role-compounds.json' with { type: 'json' };
import roleFamiliesWords from './lang/en/role-families.json' with { type: 'json' };
import speechNounsWords from './lang/en/speech-nouns.json' with { type: 'json' };
import speechVerbsWords from './lang/en/speech-verbs.json' with { type: 'json' };

// Irregular past forms of the reporting verbs above; the regular ones are derived.
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ['said'],
  tell: ['told'],
  write: ['wrote', 'written'],
  see: ['saw', 'seen'],
  forecast: ['forecast'],
};

/**
 * Reporting verbs in every form news uses. A verb here can introduce a direct quote
 * ("...," she warned) and a reported clause ("She warned that ...").
 */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(inflect(speechVerbsWords));

/** Multi-word reporting phrases: the last word is matched first, then the words before it. */
export const SPEECH_PHRASES: readonly (readonly string[])[] = [
  ['weighed', 'in'],
  ['weighs', 'in'],
  ['went', 'on'],
  ['goes', 'on'],
  ['pointed', 'out'],
  ['points', 'out'],
  ['quoted', 'as', 'saying'],
  ['chimed', 'in'],
  ['summed', 'up'],
];

/**
 * Verbs that introduce a quoted characterisation rather than a clause ("described it as
 * "a disgrace"", "views as "a right""). They attribute a direct quote but never a reported clause.
 */
export const NAMING_VERBS: ReadonlySet<string> = new Set(inflect(namingVerbsWords));

/** Verbs that take a listener before the clause ("told reporters that ..."). */
export const OBJECT_VERBS: ReadonlySet<string> = new Set(inflect(objectVerbsWords));

/** Nouns that report speech when followed by "that" ("his words that ..."). */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set(speechNounsWords);

/** Auxiliaries and adverbs that may sit between a speaker and the cue ("has also said"). */
export const CUE_FILLERS: ReadonlySet<string> = new Set(cueFillersWords);

/** Words after a cue that show it governs no clause: directives, topics, adjuncts. */
export const NON_CLAUSE_STARTS: ReadonlySet<string> = new Set(nonClauseStartsWords);

// Day names, lower-cased: both time words and words that start sentences without naming anyone.
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Prepositions that open an adjunct after a cue ("said in a statement that ..."). */
export const ADJUNCT_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in',
  'on',
  'at',
  'during',
  'after',
  'before',
  'via',
  'through',
  'to',
  'from',
  'while',
  'when',
  'with',
  'outside',
  'inside',
  'last',
  'this',
  'yesterday',
  'today',
  'tonight',
  'earlier',
  'later',
  ...WEEKDAYS,
  'afterwards',
  'afterward',
  'recently',
  'told',
  'according',
  'in',
]);

export type Gender = 'male' | 'female';

/** Personal pronouns that can name a speaker, with the gender they require. */
export const PRONOUNS: ReadonlyMap<string, Gender | 'plural' | 'first'> = new Map([
  ['he', 'male'],
  ['she', 'female'],
  ['they', 'plural'],
  ['we', 'plural'],
  ['i', 'first'],
]);

/** Titles before a name; the gender a title implies, when it implies one. */
export const TITLES: ReadonlyMap<string, Gender | null> = new Map([
  ['mr', 'male'],
  ['mr.', 'male'],
  ['mrs', 'female'],
  ['mrs.', 'female'],
  ['ms', 'female'],
  ['ms.', 'female'],
  ['miss', 'female'],
  ['sir', 'male'],
  ['lady', 'female'],
  ['lord', 'male'],
  ['dame', 'female'],
  ['dr', null],
  ['dr.', null],
  ['prof', null],
  ['prof.', null],
  ['professor', null],
  ['president', null],
  ['sen.', null],
  ['sen', null],
  ['senator', null],
  ['rep.', null],
  ['gov.', null],
  ['governor', null],
  ['gen.', null],
  ['general', null],
  ['col.', null],
  ['lt.', null],
  ['capt.', null],
  ['captain', null],
  ['sgt.', null],
  ['ambassador', null],
  ['judge', null],
  ['justice', null],
  ['rev.', null],
  ['father', 'male'],
  ['king', 'male'],
  ['queen', 'female'],
  ['prince', 'male'],
  ['princess', 'female'],
  ['pope', 'male'],
  ['chancellor', null],
  ['minister', null],
  ['secretary', null],
  ['mayor', null],
  ['premier', null],
  ['speaker', null],
  ['chairman', 'male'],
  ['chairwoman', 'female'],
  ['ceo', null],
  ['coach', null],
  ['manager', null],
  ['spokesman', 'male'],
  ['spokeswoman', 'female'],
  ['spokesperson', null],
  ['officer', null],
  ['detective', null],
  ['inspector', null],
  ['superintendent', null],
  ['commissioner', null],
  ['director', null],
  ['chief', null],
  ['founder', null],
  ['co-founder', null],
  ['leader', null],
  ['prime', null],
  ['deputy', null],
  ['vice', null],
  ['former', null],
  ['executive', null],
  ['adviser', null],
  ['advisor', null],
  ['official', null],
  ['envoy', null],
  ['analyst', null],
  ['counterpart', null],
  ['president-elect', null],
  ['attorney', null],
  ['lawyer', null],
  ['economist', null],
  ['actor', 'male'],
  ['actress', 'female'],
  ['star', null],
  ['boss', null],
  ['head', null],
  ['shadow', null],
  ['special', null],
  ['host', null],
  ['editor', null],
  ['correspondent', null],
  ['professor', null],
  ['researcher', null],
  ['scientist', null],
  ['singer', null],
  ['player', null],
  ['striker', null],
  ['champion', null],
  ['winner', null],
  ['councillor', null],
  ['councilor', null],
  ['alderman', null],
  ['sheriff', null],
  ['constable', null],
  ['commander', null],
  ['admiral', null],
  ['marshal', null],
  ['bishop', null],
  ['archbishop', null],
  ['cardinal', null],
  ['rabbi', null],
  ['imam', null],
  ['mp', null],
  ['mep', null],
  ['congressman', null],
  ['congresswoman', null],
  ['assemblyman', null],
  ['lieutenant', null],
  ['sergeant', null],
  ['corporal', null],
  ['dean', null],
  ['chancellor-elect', null],
]);

/**
 * Role nouns that may head a description of a person ("the press secretary", "the Russian
 * leader"); each maps to a family so synonyms resolve to the same introduced person.
 */
export const ROLE_FAMILIES: ReadonlyMap<string, string> = new Map(Object.entries(roleFamiliesWords));

/** Two-word roles whose family differs from their head's ("prime minister" leads a government). */
export const ROLE_COMPOUNDS: ReadonlyMap<string, string> = new Map(Object.entries(roleCompoundsWords));

/** Heads of descriptions that name an organisation rather than a person ("the net firm"). */
export const ORG_NOUNS: ReadonlySet<string> = new Set(orgNounsWords);

/**
 * Heads of descriptions that mean one person without a role to match ("the suspect", "the
 * British royal"): they refer to the person most in view, unlike other nouns ("the past").
 */
export const PERSON_NOUNS: ReadonlySet<string> = new Set(personNounsWords);

/** Capitalised words that end an organisation or place name, never a person's name. */
export const ORG_NAME_WORDS: ReadonlySet<string> = new Set(orgNameWordsWords);

/** Plural nouns that name an anonymous group of speakers ("analysts said"). */
export const GROUP_NOUNS: ReadonlySet<string> = new Set(groupNounsWords);

/** Words that can open a speaker description ("the", "his", "a spokesman ..."). */
export const DETERMINERS: ReadonlySet<string> = new Set(determinersWords);

/** Capitalised words that start sentences or clauses but never begin a name. */
export const NON_NAME_CAPITALS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'but',
  'and',
  'or',
  'so',
  'if',
  'when',
  'while',
  'after',
  'before',
  'as',
  'for',
  'with',
  'from',
  'by',
  'to',
  'of',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'this',
  'that',
  'these',
  'those',
  'there',
  'here',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'yet',
  'however',
  'meanwhile',
  'last',
  'next',
  'since',
  'under',
  'over',
  'according',
  'among',
  'despite',
  'although',
  'though',
  'because',
  'now',
  'then',
  'also',
  'still',
  'even',
  'only',
  'just',
  'what',
  'which',
  'who',
  'whom',
  'whose',
  'where',
  'why',
  'how',
  'no',
  'not',
  'yes',
  'one',
  'two',
  'all',
  'both',
  'each',
  'every',
  'some',
  'many',
  'most',
  ...WEEKDAYS,
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'another',
  'former',
  'during',
  'until',
  'unlike',
  'like',
  'apart',
  'responding',
  'asked',
  'speaking',
  'writing',
  'given',
  'having',
  'afterward',
  'afterwards',
  'earlier',
  'later',
  'today',
  'yesterday',
  'tomorrow',
  'well',
  'indeed',
  'instead',
  'besides',
  'nevertheless',
  'nonetheless',
  'furthermore',
  'moreover',
  'typically',
  'early',
  'further',
  'overall',
  'elsewhere',
  'perhaps',
  'rather',
  'being',
  'over',
  'should',
  'would',
  'could',
  'will',
  'can',
  'must',
  'might',
  'shall',
  'do',
  'does',
  'did',
  'see',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'let',
  'please',
  'asked',
  'told',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'twenty',
  'hundreds',
  'thousands',
  'dozens',
  'several',
  'few',
]);

/** Nationality nouns that describe a person already named ("the American", "the Briton"). */
export const DEMONYMS: ReadonlySet<string> = new Set(demonymsWords);

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(abbreviationsWords);

function inflect(bases: readonly string[]): string[] {
  const forms: string[] = [];
  for (const base of bases) forms.push(...formsOf(base));
  return forms;
}

function formsOf(base: string): string[] {
  const third = /(s|sh|ch|x|z)$/.test(base)
    ? `${base}es`
    : /[^aeiou]y$/.test(base)
      ? `${base.slice(0, -1)}ies`
      : `${base}s`;
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const ing = `${stem}ing`;
  const past = IRREGULAR[base] ?? [
    base.endsWith('e')
      ? `${base}d`
      : /[^aeiou]y$/.test(base)
        ? `${base.slice(0, -1)}ied`
        : /^(?:[^aeiou]*[aeiou][^aeiouwxy])$/.test(base)
          ? `${base}${base.at(-1)}ed`
          : `${base}ed`,
  ];
  const extra = base === 'quip' ? ['quipped'] : base === 'admit' ? ['admitted'] : [];
  return [base, third, ing, ...past, ...extra];
}
