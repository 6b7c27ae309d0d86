// Language knowledge for quote extraction and attribution, kept as data (see STYLE.md).
// All entries are lowercase; lookups lowercase the word first.
// English word lists live in ./lang/en/*.json (one list per file, no duplicates); this module
// turns them into lookup sets and maps once, at load.
import abbreviationsWords from './lang/en/abbreviations.json' with { type: 'json' };
import adjunctPrepositions from './lang/en/adjunct-prepositions.json' with { type: 'json' };
import articlesWords from './lang/en/articles.json' with { type: 'json' };
import clauseSubjectsWords from './lang/en/clause-subjects.json' with { type: 'json' };
import courtesyWords from './lang/en/courtesy.json' with { type: 'json' };
import cueFillersWords from './lang/en/cue-fillers.json' with { type: 'json' };
import demonymsWords from './lang/en/demonyms.json' with { type: 'json' };
import denialCuesWords from './lang/en/denial-cues.json' with { type: 'json' };
import determinersWords from './lang/en/determiners.json' with { type: 'json' };
import directiveWordsWords from './lang/en/directive-words.json' with { type: 'json' };
import documentNounsWords from './lang/en/document-nouns.json' with { type: 'json' };
import femaleRoleNouns from './lang/en/female-role-nouns.json' with { type: 'json' };
import finiteAuxiliariesWords from './lang/en/finite-auxiliaries.json' with { type: 'json' };
import gerundNounsWords from './lang/en/gerund-nouns.json' with { type: 'json' };
import givenNameWordsWords from './lang/en/given-name-words.json' with { type: 'json' };
import groupAtWords from './lang/en/group-at.json' with { type: 'json' };
import groupHeadsWords from './lang/en/group-heads.json' with { type: 'json' };
import groupNounsWords from './lang/en/group-nouns.json' with { type: 'json' };
import headEndsWords from './lang/en/head-ends.json' with { type: 'json' };
import indefiniteArticles from './lang/en/indefinite-articles.json' with { type: 'json' };
import irregularPastVerbs from './lang/en/irregular-past-verbs.json' with { type: 'json' };
import irregularPasts from './lang/en/irregular-pasts.json' with { type: 'json' };
import leadBreakersWords from './lang/en/lead-breakers.json' with { type: 'json' };
import nameParticlesWords from './lang/en/name-particles.json' with { type: 'json' };
import namingVerbsWords from './lang/en/naming-verbs.json' with { type: 'json' };
import newSubjectOpenersWords from './lang/en/new-subject-openers.json' with { type: 'json' };
import newSubjectVerbsWords from './lang/en/new-subject-verbs.json' with { type: 'json' };
import nextReportWordsWords from './lang/en/next-report-words.json' with { type: 'json' };
import nonClauseStartsWords from './lang/en/non-clause-starts.json' with { type: 'json' };
import nonNameCapitals from './lang/en/non-name-capitals.json' with { type: 'json' };
import notInMentionWords from './lang/en/not-in-mention.json' with { type: 'json' };
import nounDeterminersWords from './lang/en/noun-determiners.json' with { type: 'json' };
import nounLikeWords from './lang/en/noun-like.json' with { type: 'json' };
import nounObjectVerbs from './lang/en/noun-object-verbs.json' with { type: 'json' };
import objectVerbsWords from './lang/en/object-verbs.json' with { type: 'json' };
import orgNameWordsWords from './lang/en/org-name-words.json' with { type: 'json' };
import orgNounsWords from './lang/en/org-nouns.json' with { type: 'json' };
import orgPrepositions from './lang/en/org-prepositions.json' with { type: 'json' };
import orgStopWords from './lang/en/org-stop.json' with { type: 'json' };
import personNounsWords from './lang/en/person-nouns.json' with { type: 'json' };
import placePrepositions from './lang/en/place-prepositions.json' with { type: 'json' };
import pluralSubjectWords from './lang/en/plural-subject.json' with { type: 'json' };
import postNominalsWords from './lang/en/post-nominals.json' with { type: 'json' };
import pronouns from './lang/en/pronouns.json' with { type: 'json' };
import questionOpenersWords from './lang/en/question-openers.json' with { type: 'json' };
import questionWordsWords from './lang/en/question-words.json' with { type: 'json' };
import roleCompoundsWords from './lang/en/role-compounds.json' with { type: 'json' };
import roleFamiliesWords from './lang/en/role-families.json' with { type: 'json' };
import roleModifiersWords from './lang/en/role-modifiers.json' with { type: 'json' };
import roleOfWords from './lang/en/role-of.json' with { type: 'json' };
import roleStopWords from './lang/en/role-stop.json' with { type: 'json' };
import speechNounsWords from './lang/en/speech-nouns.json' with { type: 'json' };
import speechPhrases from './lang/en/speech-phrases.json' with { type: 'json' };
import speechVerbsWords from './lang/en/speech-verbs.json' with { type: 'json' };
import subjectPrepositionsWords from './lang/en/subject-prepositions.json' with { type: 'json' };
import subordinatorsWords from './lang/en/subordinators.json' with { type: 'json' };
import titleSmallWordsWords from './lang/en/title-small-words.json' with { type: 'json' };
import titles from './lang/en/titles.json' with { type: 'json' };
import weekdays from './lang/en/weekdays.json' with { type: 'json' };

// Irregular past forms of the reporting verbs above; the regular ones are derived.
const IRREGULAR: Readonly<Record<string, readonly string[]>> = irregularPasts;

/**
 * Reporting verbs in every form news uses. A verb here can introduce a direct quote
 * ("...," she warned) and a reported clause ("She warned that ...").
 */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(inflect(speechVerbsWords));

/** Multi-word reporting phrases: the last word is matched first, then the words before it. */
export const SPEECH_PHRASES: readonly (readonly string[])[] = speechPhrases.map((phrase) =>
  phrase.split(' '),
);

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
const WEEKDAYS: readonly string[] = weekdays;

/** Prepositions that open an adjunct after a cue ("said in a statement that ..."). */
export const ADJUNCT_PREPOSITIONS: ReadonlySet<string> = new Set([...adjunctPrepositions, ...WEEKDAYS]);

export type Gender = 'male' | 'female';

/** Personal pronouns that can name a speaker, with the gender they require. */
export const PRONOUNS: ReadonlyMap<string, Gender | 'plural' | 'first'> = new Map(
  Object.entries(pronouns) as [string, Gender | 'plural' | 'first'][],
);

/** Titles before a name; the gender a title implies, when it implies one. */
export const TITLES: ReadonlyMap<string, Gender | null> = new Map(
  Object.entries(titles) as [string, Gender | null][],
);

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
export const NON_NAME_CAPITALS: ReadonlySet<string> = new Set([...nonNameCapitals, ...WEEKDAYS]);

/** Nationality nouns that describe a person already named ("the American", "the Briton"). */
export const DEMONYMS: ReadonlySet<string> = new Set(demonymsWords);

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(abbreviationsWords);

// Words that end the description in front of a name.
export const ROLE_STOP: ReadonlySet<string> = new Set(roleStopWords);

// Lowercase words inside a role description ("Tory shadow home secretary", "reviews editor").
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set(roleModifiersWords);

// Nouns for texts that "say" things on someone's behalf: the current speaker keeps the floor.
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(documentNounsWords);

// Capitalised function words that are also given names ("Will", "May", "June").
export const GIVEN_NAME_WORDS: ReadonlySet<string> = new Set(givenNameWordsWords);

// Letters after a name that are not part of it ("Frank Field MP", "John Smith QC").
export const POST_NOMINALS: ReadonlySet<string> = new Set(postNominalsWords);

// Lowercase particles inside names ("Jurgen den Hartog", "Ludwig van Beethoven").
export const NAME_PARTICLES: ReadonlySet<string> = new Set(nameParticlesWords);

// "staff at", "workers from": the preposition that ties a group to its organisation.
export const GROUP_AT: ReadonlySet<string> = new Set(groupAtWords);

// Words that make a later name an object or part of another phrase ("by" names an agent: a subject).
export const LEAD_BREAKERS: ReadonlySet<string> = new Set(leadBreakersWords);

// Prepositions that end the head of a speaker's noun phrase; "of" and "for" stay, as they name
// organisations ("Bank of England", "spokesman for the council").
export const HEAD_ENDS: ReadonlySet<string> = new Set(headEndsWords);

// Words that end an organisation's name after "spokesman for" ("the council in Leeds said").
export const ORG_STOP: ReadonlySet<string> = new Set(orgStopWords);

// Base forms that are usually nouns ("the report", "asylum claims"): a cue only after a plural
// subject, a pronoun or "to" ("analysts say", "to say").
export const NOUN_LIKE: ReadonlySet<string> = new Set(nounLikeWords);

export const PLURAL_SUBJECT: ReadonlySet<string> = new Set(pluralSubjectWords);

export const ARTICLES: ReadonlySet<string> = new Set(articlesWords);

// Prepositions that attach a phrase to the subject ("a spokesman for the embassy in Rome said").
// Pronouns and quantifiers that head a group described by a phrase ("those with", "many of").
export const GROUP_HEADS: ReadonlySet<string> = new Set(groupHeadsWords);

export const SUBJECT_PREPOSITIONS: ReadonlySet<string> = new Set(subjectPrepositionsWords);

// Words a speaker description is made of: names, determiners, titles, role and group nouns,
// and other lowercase words (adjectives such as "executive"); verbs end it in practice
// because the caller bounds the length and stops at punctuation.
export const NOT_IN_MENTION: ReadonlySet<string> = new Set(notInMentionWords);

// Auxiliaries, modals and copulas: any one of them makes a clause finite ("it is too early").
export const FINITE_AUXILIARIES: ReadonlySet<string> = new Set(finiteAuxiliariesWords);

// Nouns and verbs that put a question to someone ("asked whether", "a question whether").
export const QUESTION_WORDS: ReadonlySet<string> = new Set(questionWordsWords);

// What opens the question itself.
export const QUESTION_OPENERS: ReadonlySet<string> = new Set(questionOpenersWords);

// Words that open a subordinate clause: after one, a comma leads into the main clause, which
// still belongs to the report ("that if it rains, the match is off").
export const SUBORDINATORS: ReadonlySet<string> = new Set(subordinatorsWords);

// Determiners that open a new subject after a comma ("..., the film was shown on ...").
export const NEW_SUBJECT_OPENERS: ReadonlySet<string> = new Set(newSubjectOpenersWords);

// Finite verbs that follow a new subject ("the footage was shown", "the meeting has ended").
export const NEW_SUBJECT_VERBS: ReadonlySet<string> = new Set(newSubjectVerbsWords);

// A clause ends before a new speaker's report or a non-restrictive relative: ", but Ruiz has said".
export const NEXT_REPORT_WORDS: ReadonlySet<string> = new Set(nextReportWordsWords);

export const GERUND_NOUNS: ReadonlySet<string> = new Set(gerundNounsWords);

// Determiners that make the next word a noun or adjective: "a newly revealed call".
export const NOUN_DETERMINERS: ReadonlySet<string> = new Set(nounDeterminersWords);

export const DIRECTIVE_WORDS: ReadonlySet<string> = new Set(directiveWordsWords);

export const CLAUSE_SUBJECTS: ReadonlySet<string> = new Set(clauseSubjectsWords);

// Courtesy titles say nothing about a role ("Mr", "Dr"): a description of only these is none.
export const COURTESY: ReadonlySet<string> = new Set(courtesyWords);

// "analyst at Nova Bank", "spokesman for the council": what ties a role to its organisation.
export const ROLE_OF: ReadonlySet<string> = new Set(roleOfWords);

// Verbs that report a denial or rebuttal: the clause after them is what the speaker rejects.
export const DENIAL_CUES: ReadonlySet<string> = new Set(denialCuesWords);

// Short words titles leave lowercase.
export const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set(titleSmallWordsWords);

/** Role nouns that tell a person is a woman ("the spokeswoman", "the actress"). */
export const FEMALE_ROLE_NOUNS: ReadonlySet<string> = new Set(femaleRoleNouns);

/** "a spokesman", "an official": an indefinite description introduces someone new. */
export const INDEFINITE_ARTICLES: ReadonlySet<string> = new Set(indefiniteArticles);

/** Prepositions after which a capitalised run names an organisation ("Bank of England", "analyst at Nova"). */
export const ORG_PREPOSITIONS: ReadonlySet<string> = new Set(orgPrepositions);

/** Reporting verbs (base forms) that as often take a noun phrase ("revealed the plan", "denied the charge"). */
export const NOUN_OBJECT_VERB_BASES: readonly string[] = nounObjectVerbs;

/** Prepositions before a place that may run straight into a name ("envoy to Ukraine Ann Lee"). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(placePrepositions);

/** Past tenses with no -ed ("won", "felt", "rose"): finite verbs the -ed/-s shape misses. */
export const IRREGULAR_PAST_VERBS: ReadonlySet<string> = new Set(irregularPastVerbs);

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
  return [base, third, ing, ...past];
}
