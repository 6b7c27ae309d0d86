// The words that change how other words count, or that signal a tone of voice. Language
// knowledge is data: the rules in `rules.ts` only read these tables.

/** Words that open a noun phrase: articles, demonstratives and possessives. */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'my',
  'your',
  'his',
  'her',
  'its',
  'our',
  'their',
]);

/**
 * Negators that are amounts: "little progress", "few benefits" mean almost none, but only of their
 * own noun phrase, and not after a determiner ("a little progress" is some, "his little house").
 */
export const AMOUNT_NEGATORS: ReadonlySet<string> = new Set(['little', 'few']);

/**
 * Degrees that point the other way: "the least popular" is the most unpopular, "less than happy"
 * is unhappy, "less harmful" is good news. They turn the word after them (or after "than").
 */
export const REVERSING_DEGREES: ReadonlySet<string> = new Set(['less', 'least']);

/** "I doubt the reforms will help": a doubt held denies the clause after it (read-statement.ts). */
export const DOUBTING: ReadonlySet<string> = new Set(['doubt', 'doubts']);

/** "The benefits outweigh the costs": the side that weighs more decides (read-statement.ts). */
export const OUTWEIGHING: ReadonlySet<string> = new Set([
  'outweigh',
  'outweighs',
  'outweighed',
  'outweighing',
]);

/** Words that flip the polarity of what follows them in the same clause. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'no',
  'not',
  'never',
  'without',
  'nothing',
  'none',
  'nobody',
  'neither',
  'nor',
  'hardly',
  'barely',
  'scarcely',
  'lack',
  'lacks',
  'lacking',
  'devoid',
  ...AMOUNT_NEGATORS,
  ...REVERSING_DEGREES,
  'cannot',
  'cant',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'wont',
  'wouldnt',
  'couldnt',
  'shouldnt',
  'havent',
  'hasnt',
  'hadnt',
]);

/**
 * Nouns for grounds to believe something. Negated and followed by the claim ("no evidence that
 * ...", "no reason to believe ..."), the negation denies the claim itself: "There is no sign that
 * the virus is spreading" is reassurance, "no evidence that the policy works" doubt.
 */
export const CLAIM_NOUNS: ReadonlySet<string> = new Set([
  'evidence',
  'sign',
  'signs',
  'indication',
  'indications',
  'suggestion',
  'proof',
  'reason',
  'reasons',
  'grounds',
]);
/**
 * Judgements that a claim is not so. Of a worry ("the fears proved unfounded") they deny the bad
 * news and are none of their own; they are no verdict on what the subject did ("the cuts are
 * unjustified" is not one of them). Of an accusation ("the claims are false") they are a rebuttal,
 * which keeps its edge.
 */
export const DEBUNKING: ReadonlySet<string> = new Set([
  'unfounded',
  'baseless',
  'groundless',
  'overblown',
  'overstated',
  'exaggerated',
  'misplaced',
  'untrue',
  'false',
]);
/** Verbs of coming about: denied of something bad ("the strike never happened"), they deny it. */
export const OCCURRENCE_VERBS: ReadonlySet<string> = new Set([
  'happen',
  'happened',
  'occur',
  'occurred',
  'materialise',
  'materialised',
  'materialize',
  'materialized',
]);
/**
 * Verbs of looking into something. What they look into is a topic, not a verdict: "Police are
 * investigating the attack" reports no attack of its own, "the panel will review the cuts" no cut.
 */
export const ATTENTION_VERBS: ReadonlySet<string> = new Set(
  [
    'investigate investigates investigated investigating',
    'examine examines examined examining',
    'study studies studied studying',
    'discuss discusses discussed discussing',
    'review reviews reviewed reviewing',
    'assess assesses assessed assessing',
    'monitor monitors monitored monitoring',
    'explore explores explored exploring',
    'analyse analyses analysed analysing analyze analyzes analyzed analyzing',
    'debate debates debated debating',
  ]
    .join(' ')
    .split(' '),
);
/** Nouns of looking into something, whose topic follows TOPIC_PREPOSITIONS: "a report on poverty". */
export const TOPIC_NOUNS: ReadonlySet<string> = new Set(
  [
    'inquiry investigation probe study report review survey analysis research hearing',
    'debate discussion conference talks lecture seminar course exhibition book film documentary',
    'questions',
  ]
    .join(' ')
    .split(' '),
);
export const TOPIC_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'about', 'into', 'of']);
/** Words that end a topic: the verb of its clause, or a clause of its own. */
export const TOPIC_STOPS: ReadonlySet<string> = new Set(
  [
    'is are was were be been being has have had will would can could should must may might',
    'that which who whose but',
  ]
    .join(' ')
    .split(' '),
);

/** Worries a debunking judgement can lay to rest: "concerns about safety are overblown". */
export const WORRIES: ReadonlySet<string> = new Set([
  'fear',
  'fears',
  'concern',
  'concerns',
  'worry',
  'worries',
  'anxiety',
  'anxieties',
  'rumour',
  'rumours',
  'rumor',
  'rumors',
  'speculation',
  'warnings',
  'predictions',
]);
/** The verbs after "no reason to": "no reason to believe ...", "no grounds to suspect ...". */
export const BELIEF_VERBS: ReadonlySet<string> = new Set([
  'believe',
  'think',
  'suspect',
  'suggest',
  'fear',
  'assume',
  'show',
  'say',
]);

/** Words that strengthen the next sentiment word ("very serious"). */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.5],
  ['really', 1.4],
  ['extremely', 1.8],
  ['highly', 1.5],
  ['deeply', 1.6],
  ['truly', 1.4],
  ['so', 1.3],
  ['too', 1.3],
  ['most', 1.4],
  ['more', 1.2],
  ['absolutely', 1.6],
  ['completely', 1.5],
  ['totally', 1.5],
  ['utterly', 1.7],
  ['entirely', 1.4],
  ['particularly', 1.4],
  ['especially', 1.4],
  ['incredibly', 1.7],
  ['enormously', 1.7],
  ['hugely', 1.6],
  ['greatly', 1.5],
  ['seriously', 1.4],
  ['exceptionally', 1.6],
  ['remarkably', 1.5],
  ['increasingly', 1.3],
]);

/** Words that soften the next sentiment word ("somewhat difficult"). */
export const DIMINISHERS: ReadonlyMap<string, number> = new Map([
  ['somewhat', 0.6],
  ['slightly', 0.5],
  ['fairly', 0.7],
  ['rather', 0.7],
  ['relatively', 0.7],
  ['partly', 0.6],
  ['partially', 0.6],
  ['mildly', 0.5],
  ['marginally', 0.5],
  ['moderately', 0.7],
  ['barely', 0.4],
  ['almost', 0.8],
  ['pretty', 0.8],
  ['less', 0.6],
]);

/** "X but Y": the clause after the marker carries the speaker's point. */
export const CONTRAST_AFTER: ReadonlySet<string> = new Set([
  'but',
  'however',
  'nevertheless',
  'nonetheless',
  'whereas',
]);

/** "Although X, Y": the clause the marker opens is conceded, the rest is the point. */
export const CONCESSIVE: ReadonlySet<string> = new Set(['although', 'though', 'despite', 'albeit']);

/** Single-word hedges and modal verbs: the speaker is not committing. */
export const HEDGES: ReadonlySet<string> = new Set([
  'may',
  'might',
  'perhaps',
  'maybe',
  'possibly',
  'probably',
  'could',
  'seems',
  'seem',
  'seemed',
  'appears',
  'apparently',
  'unclear',
  'uncertain',
  'suppose',
  'guess',
  'hopefully',
  'presumably',
  'somehow',
  'allegedly',
  'reportedly',
  'premature',
  'possible',
]);

/**
 * Hedges of doubt, single words and cues of HEDGES, PHRASES and OPEN_QUESTION: the speaker says it
 * may not be so. Not opinion markers ("I think"), behind which people state views they hold, nor
 * "may" and "seems", which editorials use for views they hold too.
 */
export const DOUBTS: ReadonlySet<string> = new Set([
  'perhaps',
  'maybe',
  'possibly',
  'might',
  'could',
  'hopefully',
  'unclear',
  'uncertain',
  'whether',
  'too early',
  'too soon',
  'hard to say',
  'difficult to say',
  'remains to be seen',
  'not sure',
  'not clear',
  'open question',
  'it is possible',
  "can't say",
  'cannot say',
  'we will see',
  "we'll see",
  // "may" alone is how editorials state views; "may turn out" and "may prove" wait for the outcome.
  'may turn out',
  'may prove',
]);

/** Single-word markers of certainty. */
export const CONFIDENT: ReadonlySet<string> = new Set([
  'definitely',
  'certainly',
  'surely',
  'undoubtedly',
  'clearly',
  'absolutely',
  'obviously',
  'confident',
  'convinced',
  'determined',
  'always',
  'indeed',
  'must',
  'guarantee',
  'guaranteed',
  'sure',
  'certain',
]);

/** Words that make a statement sound grave or alarmed. */
export const GRAVE: ReadonlySet<string> = new Set([
  'serious',
  'seriously',
  'grave',
  'gravely',
  'alarming',
  'dangerous',
  'danger',
  'crisis',
  'catastrophe',
  'catastrophic',
  'disaster',
  'tragic',
  'tragedy',
  'urgent',
  'emergency',
  'threat',
  'threats',
  'deadly',
  'devastating',
  'war',
  'killed',
  'deaths',
  'critical',
  'severe',
  'worrying',
  'concerned',
  'alarmed',
  'fear',
  'fears',
  'risk',
  'escalation',
]);

/** Words of a speaker reaching out. */
export const CONCILIATORY: ReadonlySet<string> = new Set([
  'respect',
  'respects',
  'dialogue',
  'cooperation',
  'cooperate',
  'compromise',
  'constructive',
  'together',
  'partnership',
  'partners',
  'mutual',
  'understanding',
  'agreement',
  'agreed',
  'thank',
  'thanks',
  'grateful',
  'welcome',
  'friendly',
  'reconciliation',
  'peace',
  'peaceful',
  'ceasefire',
  'productive',
  'fruitful',
  'cordial',
  'goodwill',
  'unity',
  'common',
]);

/** Words of a speaker attacking or accusing. */
export const ADVERSARIAL: ReadonlySet<string> = new Set([
  'hoax',
  'lies',
  'lie',
  'liar',
  'liars',
  'fake',
  'enemy',
  'enemies',
  'attack',
  'attacks',
  'aggression',
  'aggressive',
  'condemn',
  'condemns',
  'condemned',
  'accuse',
  'accused',
  'blame',
  'blamed',
  'provocation',
  'provocative',
  'unacceptable',
  'betrayal',
  'betrayed',
  'hostile',
  'sanctions',
  'retaliate',
  'retaliation',
  'punish',
  'invasion',
  'disgrace',
  'disgraceful',
  'shameful',
  'ridiculous',
  'absurd',
  'propaganda',
  'interference',
  'meddling',
  'corrupt',
  'traitor',
]);

/** The kinds of multi-word cue `rules.ts` recognises. */
export type PhraseRole =
  | 'filler'
  | 'hedge'
  | 'confident'
  | 'emphasis'
  | 'diminisher'
  | 'negator'
  // Released from something: what follows is no longer there, so a bad thing there is good news.
  | 'release'
  | 'neutral'
  | 'concessive'
  | 'contrast'
  | 'harm'
  // Accountability (ACCOUNTABILITY): harm that a negation does not turn.
  | 'blame'
  | 'relief';

/** Verbs of getting something out of an effort; with "nothing" after them the effort failed. */
const NOTHING_GAINED_VERBS: readonly string[] = [
  ...['achieve', 'achieves', 'achieved', 'achieving', 'accomplish', 'accomplished'],
  ...['gain', 'gains', 'gained', 'get', 'gets', 'got', 'getting', 'win', 'wins', 'won'],
  ...['deliver', 'delivers', 'delivered', 'yielded', 'produced', 'solved', 'solves', 'solve'],
];

/** Multi-word cues, matched on lower-cased word tokens (curly apostrophes read as straight ones). */
export const PHRASES: ReadonlyArray<readonly [string, PhraseRole]> = [
  // Fillers: "like" and "well" here carry no sentiment.
  ['something like that', 'filler'],
  ['anything like that', 'filler'],
  ['things like that', 'filler'],
  ['stuff like that', 'filler'],
  ['or something', 'filler'],
  ['you know', 'filler'],
  ['i mean', 'filler'],
  ['as well', 'filler'],
  ['as well as', 'filler'],
  ['yes indeed', 'filler'],
  ['just like', 'neutral'],
  ['looks like', 'neutral'],
  ['feel like', 'neutral'],
  ['would like to', 'neutral'],
  ['in terms of', 'neutral'],
  // A cause or a schedule, no tone of its own: "delayed due to the storm", "is due to meet".
  ['due to', 'neutral'],
  // In progress, no more: "trials are still under way".
  ['under way', 'neutral'],
  // "disappointing at best": the bound says how bad, it praises nothing.
  ['at best', 'neutral'],
  // Declining to comment: "I have nothing further to add", "I do not want to speculate".
  ['nothing further to add', 'neutral'],
  ['nothing more to add', 'neutral'],
  ['nothing to add', 'neutral'],
  ['to speculate', 'neutral'],
  // "He declined to comment", "did not respond to a request for comment", "not for me to say":
  // no comment is no tone, and its "not" denies nothing said.
  ...['declined', 'declines', 'declining', 'refused', 'refuses', 'refusing'].map(
    (verb) => [`${verb} to comment`, 'neutral'] as const,
  ),
  ...['cannot', "can't", 'could not', "couldn't", 'would not', "wouldn't", 'will not', "won't"].map(
    (modal) => [`${modal} comment`, 'neutral'] as const,
  ),
  ...['did not', "didn't", 'has not', "hasn't", 'have not', "haven't"].flatMap((auxiliary) => [
    [`${auxiliary} respond`, 'neutral'] as const,
    [`${auxiliary} responded`, 'neutral'] as const,
    [`${auxiliary} immediately respond`, 'neutral'] as const,
    [`${auxiliary} reply`, 'neutral'] as const,
    [`${auxiliary} replied`, 'neutral'] as const,
  ]),
  ['request for comment', 'neutral'],
  ['requests for comment', 'neutral'],
  ['no comment', 'neutral'],
  ['not for me to say', 'neutral'],
  ['not for us to say', 'neutral'],
  ['not for me to comment', 'neutral'],
  // "closed for good" is for ever, no praise.
  ['for good', 'neutral'],
  ['at worst', 'neutral'],
  // "so" that is no degree: "so far the results ...", "so that children are safe".
  ['so far', 'neutral'],
  ['so that', 'neutral'],
  ['so long as', 'neutral'],
  ['so as to', 'neutral'],
  // "got nothing but praise" is all praise; without "but", "achieved nothing" is harm (HARM_PHRASES).
  ...NOTHING_GAINED_VERBS.map((verb) => [`${verb} nothing but`, 'neutral'] as const),
  ['head of state', 'neutral'],
  // Set phrases of news whose words AFINN scores in another sense.
  ['health care', 'neutral'],
  ['child care', 'neutral'],
  ['interest rate', 'neutral'],
  ['interest rates', 'neutral'],
  // Eagerness, not a negation: what follows "can't wait to" is looked forward to.
  ["can't wait to", 'neutral'],
  ['cant wait to', 'neutral'],
  ['cannot wait to', 'neutral'],
  ["couldn't wait to", 'neutral'],
  ['couldnt wait to', 'neutral'],
  ['of course not', 'negator'],
  // Hedges.
  ['too early', 'hedge'],
  ['too soon', 'hedge'],
  ['not yet', 'hedge'],
  // Praise past words, no hedge: "I can't say enough good things about them".
  ["can't say enough", 'emphasis'],
  ['cannot say enough', 'emphasis'],
  ['may turn out', 'hedge'],
  ['may prove', 'hedge'],
  ["can't say", 'hedge'],
  ['cant say', 'hedge'],
  ['cannot say', 'hedge'],
  ['hard to say', 'hedge'],
  ['difficult to say', 'hedge'],
  ['remains to be seen', 'hedge'],
  ['open question', 'hedge'],
  ['we will see', 'hedge'],
  ["we'll see", 'hedge'],
  ['it is possible', 'hedge'],
  ['sort of', 'hedge'],
  ['kind of', 'hedge'],
  ['i think', 'hedge'],
  ['i believe', 'hedge'],
  ['we hope', 'hedge'],
  ['i hope', 'hedge'],
  ['not sure', 'hedge'],
  ['not clear', 'hedge'],
  ['more or less', 'hedge'],
  // Certainty.
  ['of course', 'confident'],
  ['no wonder', 'confident'],
  ['no question', 'confident'],
  ['no doubt', 'confident'],
  ['no doubts', 'confident'],
  ['little doubt', 'confident'],
  ['without doubt', 'confident'],
  ['without a doubt', 'confident'],
  ['i am sure', 'confident'],
  ["i'm sure", 'confident'],
  ['we are sure', 'confident'],
  ['i am confident', 'confident'],
  ['there is no question', 'confident'],
  // Discourse emphasis: the clause that follows is the point.
  ['most importantly', 'emphasis'],
  ['above all', 'emphasis'],
  ['first and foremost', 'emphasis'],
  ['more importantly', 'emphasis'],
  ['most of all', 'emphasis'],
  // A floor that is the whole of it: "nothing less than a triumph" is a triumph, said strongly.
  ['nothing less than', 'emphasis'],
  ['no less than', 'emphasis'],
  ['nothing short of', 'emphasis'],
  // "could not have asked for a better partner": the best there is, no negation.
  ['could not have asked for', 'emphasis'],
  ["couldn't have asked for", 'emphasis'],
  ['could not ask for', 'emphasis'],
  ["couldn't ask for", 'emphasis'],
  ['could not have wished for', 'emphasis'],
  ["couldn't have wished for", 'emphasis'],
  // Softeners.
  ['a bit', 'diminisher'],
  ['a little', 'diminisher'],
  ['to some extent', 'diminisher'],
  ['to a degree', 'diminisher'],
  // Negation spelled in more than one word.
  ['no one', 'negator'],
  ['not at all', 'negator'],
  ['by no means', 'negator'],
  // Out of custody: what follows is what is no longer there, but freedom from prison reads well or
  // badly by who is freed, so it is only negated.
  ['freed from', 'negator'],
  ['released from', 'negator'],
  ['rescued from', 'negator'],
  ['escaped from', 'negator'],
  // Released from something: what follows is no longer there ("cleared of wrongdoing").
  ['cleared of', 'release'],
  ['acquitted of', 'release'],
  ['rid of', 'release'],
  ['free of', 'release'],
  ['free from', 'release'],
  ['recovered from', 'release'],
  ['recovering from', 'release'],
  ['recovers from', 'release'],
  ['recover from', 'release'],
  // Coming back from a blow: "the town has bounced back from the floods".
  ['bounced back from', 'release'],
  ['bounce back from', 'release'],
  ['bounces back from', 'release'],
  ['bouncing back from', 'release'],
  ['rebounded from', 'release'],
  ['rebound from', 'release'],
  ['rebounds from', 'release'],
  ['rebounding from', 'release'],
  ['cured of', 'release'],

  ['not guilty of', 'release'],
  // Distance from a quality is its absence: "far from satisfactory", "nowhere near good enough".
  ['far from', 'negator'],
  // Too big to overstate: "it is hard to overstate the achievement" stresses it.
  ...['hard', 'difficult', 'impossible'].map(
    (difficulty) => [`${difficulty} to overstate`, 'emphasis'] as const,
  ),
  // Not yet done: "the talks have yet to produce results", "the money has yet to arrive".
  ['yet to', 'negator'],
  // Still ahead, no denial: "the best is yet to come".
  ['yet to come', 'neutral'],
  ['nowhere near', 'negator'],
  // Concession spelled in more than one word.
  ['even though', 'concessive'],
  ['in spite of', 'concessive'],
  ['even if', 'concessive'],
  ['no matter', 'concessive'],
  ['regardless of', 'concessive'],
  // Contrast spelled in more than one word: what came before is conceded, as before "but".
  ['even so', 'contrast'],
  ['that said', 'contrast'],
  ['having said that', 'contrast'],
  ['all the same', 'contrast'],
  // "anything but adequate" is inadequate; "not without merit" has merit (the two negations cancel).
  ['anything but', 'negator'],
  ['not without', 'neutral'],
];

/** Words a speaker uses to take the floor ("yes, ...", "well, ..."): no sentiment when followed by a comma. */
export const INTERJECTIONS: ReadonlySet<string> = new Set([
  'yes',
  'no',
  'well',
  'okay',
  'ok',
  'indeed',
  'sure',
  'right',
  'please',
  'like',
  'oh',
  'look',
  'listen',
  'now',
]);

/** Words before "like" that make it the verb ("I like", "would really like"), not the preposition. */
export const LIKE_AS_VERB_BEFORE: ReadonlySet<string> = new Set([
  'i',
  'we',
  'you',
  'they',
  'he',
  'she',
  'people',
  'would',
  "wouldn't",
  "i'd",
  "we'd",
  "you'd",
  "they'd",
  'to',
  'do',
  "don't",
  'did',
  "didn't",
  'does',
  "doesn't",
  'not',
  'will',
  "i'll",
  "we'll",
  "you'll",
  'really',
  'also',
  'still',
  'genuinely',
  'certainly',
  'definitely',
  'just',
  'actually',
  'truly',
  'who',
  'voters',
  'americans',
]);

/** Adverbs skipped when looking back from "like" for its subject. */
export const LIKE_LOOKBACK_SKIP: ReadonlySet<string> = new Set([
  'really',
  'also',
  'still',
  'just',
  'actually',
]);

/** Verbs that link a subject to a judgement of it ("X is a failure"): the judgement decides the tone. */
export const COPULAS: ReadonlySet<string> = new Set([
  'is',
  'was',
  'are',
  'were',
  'been',
  'remains',
  'remained',
  'remain',
  'became',
  'becomes',
  'become',
  'proved',
  'proves',
  'looks',
  'looked',
  'sounds',
  'sounded',
  'felt',
  'feels',
]);

/**
 * Reports of harm, loss and breakdown. News reports them flatly, and training text rated for the
 * tone towards a named target often calls them neutral, but a reader hears them as bad news.
 */
export const HARM_WORDS: ReadonlySet<string> = new Set([
  'killed',
  'kill',
  'kills',
  'killing',
  'killings',
  'murdered',
  'slaughtered',
  'massacred',
  'die',
  'died',
  'dies',
  'dead',
  'deaths',
  'injured',
  'injuring',
  'injuries',
  'injury',
  'damage',
  'wounded',
  'maimed',
  'hurt',
  'harmed',
  'destroy',
  'destroys',
  'destroyed',
  'destroying',
  'devastated',
  'demolished',
  'wrecked',
  'ruined',
  'damaged',
  'bombed',
  'shelled',
  'looted',
  'burned',
  'flooded',
  'drowned',
  'starved',
  'starving',
  'famine',
  'displaced',
  'evicted',
  'fled',
  'flee',
  'fleeing',
  'homeless',
  'bankrupt',
  'collapsed',
  'collapse',
  'failed',
  'fails',
  'failing',
  'stalled',
  'sank',
  'crashed',
  'lose',
  'loses',
  'lost',
  'losing',
  'fired',
  'sacked',
  'jobless',
  'unpaid',
  'shortages',
  'shortage',
  'casualties',
  'victims',
  'hostages',
  'jailed',
  'imprisoned',
  'kidnapped',
  'abducted',
  'trapped',
  'stabbed',
  'assaulted',
  'attacked',
  'evacuated',
  'hospitalised',
  'hospitalized',
  'razed',
  'ransacked',
  'torched',
  'robbed',
  'stolen',
  'stole',
  'burgled',
  'hacked',
  'mugged',
  'vandalised',
  'vandalized',
  'defrauded',
  'scammed',
  'poisoned',
]);

/**
 * How people came through a danger, or were brought out of it: a harm word earlier in the clause
 * ("were released unharmed") or later in it ("rescued strangers trapped under rubble") is the
 * danger, not the news.
 */
export const SAFE_OUTCOMES: ReadonlySet<string> = new Set([
  'unharmed',
  'unhurt',
  'uninjured',
  'unscathed',
  'alive',
  'safely',
  'freed',
  'rescue',
  'rescues',
  'rescuing',
  'rescued',
  'survived',
]);

/**
 * Numbers written as words are numbers too: "forty pages" must read like "40 pages", not pick up
 * whatever tone the word table learned for "forty". "One" is left out: it is also a pronoun.
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  [
    'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen',
    'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety',
    'hundred hundreds thousand thousands million millions billion billions trillion trillions',
    'dozen dozens',
  ]
    .join(' ')
    .split(' '),
);

/** Amounts without a number, where a cue allows one ("claimed many lives"). */
export const QUANTITY_WORDS: ReadonlySet<string> = new Set(['many', 'several', 'countless', 'numerous']);

/**
 * Accountability: blame asked for ("those responsible must be held to account") and, negated,
 * blame withheld ("nobody was held responsible"), so a negation does not turn it as it turns the
 * harm phrases; matched like PHRASES.
 */
export const ACCOUNTABILITY: ReadonlySet<string> = new Set([
  'held to account',
  'held accountable',
  'held responsible',
]);

// What markets expected of results: "profits missed forecasts", "sales beat expectations".
const FORECAST_NOUNS = ['expectations', 'forecasts', 'estimates'];
const againstForecasts = (verbs: readonly string[]) =>
  verbs.flatMap((verb) => FORECAST_NOUNS.map((noun) => `${verb} ${noun}`));
// An account's colour after a verb of being ("the firm is in the red"), not a chair's.
const BEING_IN = ['is', 'are', 'was', 'were', 'been', 'remains', 'stays'];

/** Harm spelled in more than one word; matched like PHRASES ("#": an amount, given or not). */
export const HARM_PHRASES: readonly string[] = [
  'laid off',
  'lay off',
  'lays off',
  'ran out of',
  'run out of',
  'running out of',
  // Running short is running out on the way.
  'ran short of',
  'run short of',
  'running short of',
  'ran low on',
  'running low on',
  'running low',
  // Abandoned: "patients were left behind", "no child left behind" (denied, good news).
  'left behind',
  'more harm than good',
  // A hospital's word for grave: "remains in a critical condition".
  'critical condition',
  'serious condition',
  // Trouble: "the company is in hot water over its accounts".
  'in hot water',
  // Losing money, and troubles that meet or warn: "the firm is in the red", "a perfect storm of
  // rising costs", "this should be a wake-up call".
  // Said of an account, not a colour ("asleep in the red chair").
  ...[...BEING_IN, 'deep', 'deeper'].map((before) => `${before} in the red`),
  'into the red',
  'perfect storm',
  // Sympathy for a loss: "our hearts go out to the families", "we send our deepest condolences".
  'hearts go out',
  'heart goes out',
  ...['our', 'my', 'deepest', 'sincere', 'sincerest', 'heartfelt'].map((before) => `${before} condolences`),
  'wake-up call',
  // Struck by a disaster, a blow or an attack: "the coast was hit by a storm".
  'hit by',
  'hit hard',
  // Results under what markets expected: "profits missed forecasts".
  ...againstForecasts(['missed', 'miss', 'misses']),
  // Shot at, not on film: "shot dead", "gunned down".
  'shot dead',
  'gunned down',
  // Worry voiced: "parents have raised concerns about the curriculum".
  ...['raised', 'raise', 'raises', 'raising', 'voiced', 'voice', 'expressed', 'express'].flatMap((verb) => [
    `${verb} concerns`,
    `${verb} concern`,
    `${verb} fears`,
  ]),
  // Turned away at the door: "patients were turned away".
  'turned away',
  // A cost borne: "families will pay the price".
  'pay the price',
  'pays the price',
  'paid the price',
  'paying the price',
  'went missing',
  'gone missing',
  'still missing',
  'wiped out',
  'swept away',
  'job losses',
  'job cuts',
  // Deaths as news counts them; "#" is an amount the text may give ("claimed 300 lives").
  'claimed # lives',
  'cost # lives',
  'costing # lives',
  'cost # jobs',
  'costs # jobs',
  'costing # jobs',
  // Help that came after the harm: "the measures came too late to save the business".
  'too late to save',
  'left # dead',
  'left # people dead',
  'left # homeless',
  'left # people homeless',
  'broke down',
  'break down',
  'shut down',
  'went bankrupt',
  // Shut for ever: "the town's only bank closed for good".
  'closed for good',
  'close for good',
  'closing for good',
  // Businesses failing: "the club will go under".
  'go under',
  'goes under',
  'went under',
  'gone under',
  'going under',
  'lost their jobs',
  'lost his job',
  'lost her job',
  'put out of work',
  'out of work',
  // Isolated: "the village was cut off by the snow".
  'cut off',
  'fell apart',
  'went up in smoke',
  'gone up in smoke',
  'go up in smoke',
  'went up in flames',
  'gone up in flames',
  'go up in flames',
  'came to nothing',
  'fell short',
  'falls short',
  'fall short',
  'falling short',
  'came up short',
  'comes up short',
  // Left broken: "the peace process is in tatters".
  'in tatters',
  'in ruins',
  'in disarray',
  'in shambles',
  // A project that overruns, and people shut out.
  'over budget',
  'behind schedule',
  'on the wrong track',
  'kick in the teeth',
  'hit a brick wall',
  // Left without what people live on: "thousands will be without heating".
  'without power',
  'without electricity',
  'without heating',
  'without water',
  'without food',
  'without shelter',
  'without medicine',
  'without pay',
  'kept in the dark',
  'left in the dark',
  'heads in the sand',
  'head in the sand',
  // Without a place: "the refugees have nowhere to go".
  'nowhere to go',
  'nowhere to live',
  'nowhere to turn',
  'priced out',
  // Patience at its end: "our patience has run out".
  'patience has run out',
  'patience is running out',
  'patience ran out',
  // Talks or efforts that lead nowhere.
  'going nowhere',
  'got nowhere',
  'getting nowhere',
  'left out of',
  'shut out of',
  // Job cuts as news reports them: "400 jobs will go", "jobs to go at the plant".
  'jobs will go',
  'jobs to go',
  'jobs could go',
  'jobs are to go',
  // Leaving people to their fate ("~": a possessive, "their", "its" ...).
  ...['turn', 'turns', 'turned', 'turning'].flatMap((verb) => [`${verb} ~ back on`, `${verb} ~ backs on`]),
  ...['wash', 'washes', 'washed', 'washing'].map((verb) => `${verb} ~ hands of`),
  // Promises broken: "they broke their promise to the voters".
  ...['break', 'breaks', 'broke', 'broken', 'breaking'].flatMap((verb) => [
    `${verb} ~ promise`,
    `${verb} ~ promises`,
    `${verb} ~ word`,
  ]),
  'went back on ~ word',
  'gone back on ~ word',
  // Effort with nothing to show: "the talks achieved nothing".
  ...NOTHING_GAINED_VERBS.map((verb) => `${verb} nothing`),
  'nothing to show for',
  // Stasis as a complaint: "we were promised change, but nothing has changed".
  'nothing has changed',
  'nothing changed',
  'nothing will change',
  'nothing ever changes',
  'nothing is changing',
  'out of control',
  'out of hand',
  // Beaten and outplayed: "we were second best all afternoon".
  'second best',
  // Decline and the end: "a shadow of its former self", "the final nail in the coffin".
  'shadow of its former self',
  'shadow of his former self',
  'shadow of her former self',
  'shadow of their former selves',
  'nail in the coffin',
  'two steps back',
  // Beyond people's means: "house prices are out of reach for most young people".
  'out of reach',
  // Businesses shut: "thousands of shops have closed their doors".
  ...['close', 'closes', 'closed', 'closing'].map((verb) => `${verb} ~ doors`),
  // Exasperation: "enough is enough".
  'enough is enough',
  // Unwanted above all: "this is the last thing we needed".
  ...['we', 'they', 'anyone', 'you', 'i', 'people'].flatMap((who) => [
    `last thing ${who} need`,
    `last thing ${who} needs`,
    `last thing ${who} needed`,
  ]),
  // Sides that cannot agree: "the two sides remain far apart".
  'far apart',
  'poles apart',
  'worlds apart',
  // Too little, and left stranded: "a drop in the ocean", "left high and dry".
  'drop in the ocean',
  'drop in the bucket',
  'high and dry',
  // Calls for someone to pay: "heads must roll".
  'heads must roll',
  'heads will roll',
  'heads should roll',
  'came away with nothing',
  'left with nothing',
  // Hard times named as such: "these are dark days for farming".
  'dark days',
  'dark day',
  'dark times',
  'darkest day',
  'darkest hour',
  'black day',
  // Exasperation: "our members have had enough", "people are fed up".
  'have had enough',
  'has had enough',
  'had had enough',
  'had enough of',
  'fed up',
  // Progress undone or stopped: "we are back to square one", "talks have ground to a halt".
  'back to square one',
  'back to the drawing board',
  'at a standstill',
  ...['ground', 'grind', 'grinds', 'grinding', 'come', 'came'].map((verb) => `${verb} to a halt`),
  'in limbo',
  'on the back foot',
  'uphill battle',
  'uphill struggle',
  // Decline and collapse: "the economy is in free fall", "the marriage is on the rocks".
  'in free fall',
  'in freefall',
  'going downhill',
  'gone downhill',
  'down the drain',
  'on the rocks',
  'hanging by a thread',
  'brink of collapse',
  'brink of war',
  // Not listened to: "our warnings fell on deaf ears", "they only pay lip service to it".
  'on deaf ears',
  'lip service',
  'the last straw',
  'bitter pill',
  'up in arms',
  // Violence and disaster in set phrases: "a gunman opened fire", "the river burst its banks".
  ...['open', 'opens', 'opened', 'opening'].map((verb) => `${verb} fire`),
  ...['burst', 'bursts', 'bursting'].flatMap((verb) => [`${verb} its banks`, `${verb} their banks`]),
];

/** Releases: good news when what is released is a captive ("the hostages were released"). */
export const RELEASES: ReadonlySet<string> = new Set(['released', 'release', 'releases', 'releasing']);

/**
 * Good news as news reports it flatly: people brought out of danger, things brought back, people
 * taken on. The lexicons rate these words mildly or not at all; they weigh like a good word.
 */
export const GOOD_NEWS_WORDS: ReadonlySet<string> = new Set([
  'rescued',
  'freed',
  'survived',
  'recovered',
  'cured',
  'acquitted',
  'reunited',
  'restored',
  'rebuilt',
  'reopened',
  'hired',
  // Mended: "the bridge has been repaired", "the old station was renovated".
  'repaired',
  'renovated',
  'refurbished',
  'modernised',
  'modernized',
  // Progress: "the talks made real headway".
  'headway',
  // Out of danger: "the patient's condition has stabilised".
  'stabilised',
  'stabilized',
]);

/** Good news spelled in more than one word, the counterpart of HARM_PHRASES; matched like PHRASES. */
export const RELIEF_PHRASES: readonly string[] = [
  'ahead of schedule',
  'on schedule',
  'on time',
  'under budget',
  'back on track',
  'back on its feet',
  'back on their feet',
  'back on our feet',
  'back to work',
  'out of danger',
  // Brought out of danger: "the children were brought to safety", "found alive".
  'to safety',
  'found alive',
  'found safe',
  'found safe and well',
  'discharged from hospital',
  'out of hospital',
  'on the right track',
  // Recovering: "the town has bounced back".
  'bounced back',
  'bounce back',
  'bounces back',
  'bouncing back',
  'game changer',
  'back in business',
  'on the mend',
  'the envy of',
  // Promises kept: "we have kept our word".
  ...['keep', 'keeps', 'kept', 'keeping'].flatMap((verb) => [
    `${verb} ~ word`,
    `${verb} ~ promise`,
    `${verb} ~ promises`,
  ]),
  'light at the end of the tunnel',
  // Efforts that succeed: "the reforms are starting to bear fruit".
  'bear fruit',
  'bore fruit',
  'borne fruit',
  'bearing fruit',
  'turned the corner',
  'turning the corner',
  'turned a corner',
  'turning a corner',
  'exceeded expectations',
  // Results over what markets expected: "sales beat expectations".
  ...againstForecasts(['beat', 'beats', 'surpassed']),
  // Done without a hitch: "the launch went smoothly".
  'went smoothly',
  'gone smoothly',
  'going smoothly',
  'ran smoothly',
  'running smoothly',
  'exceeded all expectations',
  'exceeded our expectations',
  'weight off our shoulders',
  'weight off my shoulders',
  'weight off our minds',
  'weight off my mind',
  'like clockwork',
  'according to plan',
  'went to plan',
  'gone to plan',
  'going to plan',
  'in record time',
  // A danger held or left behind: "the outbreak has been contained", "back from the brink".
  'been contained',
  'was contained',
  'were contained',
  'back from the brink',
  // Approval given or won with ease: "the plan got the green light", "the bill sailed through".
  'green light',
  'sailed through',
  'sail through',
  'sails through',
  'in the bag',
  // The best of a performance: "she stole the show".
  'stole the show',
  'steal the show',
  'steals the show',
  // Back in the black: "the airline returned to profit", "the firm is back in profit".
  'returned to profit',
  'return to profit',
  'returns to profit',
  'back in profit',
  'back to profit',
  'back in the black',
  ...BEING_IN.map((before) => `${before} in the black`),
  'into the black',
  // Going well: "the economy is moving in the right direction", "firing on all cylinders", "a red
  // letter day for the town".
  'right direction',
  'on all cylinders',
  'red letter day',
  'red-letter day',
  // Records broken: "she broke the world record".
  ...['broke', 'broken', 'breaks', 'set'].flatMap((verb) => [
    `${verb} the record`,
    `${verb} the world record`,
    `${verb} a record`,
    `${verb} a new record`,
    `${verb} a world record`,
  ]),
  // Things in hand: "the situation is under control", "costs have been kept in check".
  'under control',
  'in check',
  'new lease of life',
  'new lease on life',
  'done and dusted',
  'turned things around',
  // Credit given: "credit where it is due", "the council got this right".
  'credit where credit is due',
  'credit where it is due',
  'got it right',
  'got this right',
  'got that right',
  // Praise in set phrases: "a pat on the back", "the icing on the cake", "above and beyond".
  'pat on the back',
  'icing on the cake',
  'above and beyond',
  // Recovering: "the economy is on the road to recovery", "things are looking up".
  'road to recovery',
  'things are looking up',
  'things were looking up',
  'turn things around',
  'turning things around',
  // Agreement found: "we found common ground on most issues" ("no common ground" is negated).
  'common ground',
  'over the moon',
  // Spared: "the village was spared the worst of the storm".
  'spared the worst',
  // Going well: "we are ahead of the game", "a shot in the arm for the high street".
  'ahead of the game',
  'shot in the arm',
  'plain sailing',
  'win-win',
  // Revival: "the festival brought the old town back to life", "breathed new life into the docks".
  'back to life',
  ...['breathe', 'breathes', 'breathed', 'breathing'].map((verb) => `${verb} new life into`),
  // An effort that succeeded: "the ban on fishing has paid off".
  'paid off',
  'pays off',
  'paying off',
  // Setting a wrong right: "tonight we finally put that right".
  'put that right',
  'put things right',
  'found safe',
  'found alive',
  'safe and well',
  'safe and sound',
  // Praise in set phrases: "it is a credit to everyone involved", "the club is back where it belongs".
  'a credit to',
  'second to none',
  'hats off to',
  'back where it belongs',
  'back where they belong',
  'back where we belong',
  'well thought out',
  'well thought-out',
];

/**
 * Verbs of putting up with something. Negated, they refuse their object, and refusing is never
 * praise: a bad object stays bad ("will not tolerate provocations"), a good one is denied as
 * under any negation ("did not accept the generous offer").
 */
export const ACCEPTANCE_VERBS: ReadonlySet<string> = new Set([
  'tolerate',
  'tolerated',
  'accept',
  'accepted',
  'allow',
  'allowed',
  'permit',
  'permitted',
  'condone',
  'condoned',
  'countenance',
  'excuse',
  'excused',
  // "Nothing justifies such a harsh sentence", "we cannot afford another decade of neglect".
  'justify',
  'justifies',
  'justified',
  'warrant',
  'warrants',
  'afford',
]);

/**
 * The verbs of ACCEPTANCE_VERBS whose refusal takes a stand ("will not tolerate", "cannot accept"),
 * not those a rule states flatly ("the law does not allow it").
 */
export const REFUSALS: ReadonlySet<string> = new Set([
  'tolerate',
  'tolerated',
  'accept',
  'accepted',
  'condone',
  'condoned',
  'countenance',
]);

/**
 * Words of contrition. Withheld ("showed no remorse", "never apologised", "not sorry") they blame
 * whoever withholds them. "Regret" is left out: "I have no regrets" is contentment.
 */
export const CONTRITION: ReadonlySet<string> = new Set([
  'remorse',
  'contrition',
  'apology',
  'apologise',
  'apologised',
  'apologize',
  'apologized',
  'sorry',
]);

/**
 * Words that spoil the good thing they stand before: "a missed opportunity", "broken promises",
 * "false hopes". The good word after one reads as negated.
 */
export const SPOILERS: ReadonlySet<string> = new Set([
  'missed',
  'wasted',
  'squandered',
  'broken',
  'failed',
  'lost',
  'botched',
  'false',
  'empty',
  'hollow',
  // Harm done to a good thing: "such steps undermine stability", "threatens our democracy".
  ...[
    'undermine',
    'threaten',
    'erode',
    'jeopardise',
    'jeopardize',
    'endanger',
    'imperil',
    'sabotage',
    'derail',
    'undercut',
  ].flatMap((verb) => [verb, `${verb}s`, verb.endsWith('e') ? `${verb}d` : `${verb}ed`]),
  'undermining',
  'threatening',
  'eroding',
  'jeopardising',
  'jeopardizing',
  'endangering',
  'imperilling',
  'sabotaging',
  'derailing',
  'undercutting',
]);

/** Words that open a question left open ("whether it will work"): what follows is not asserted. */
export const OPEN_QUESTION: ReadonlySet<string> = new Set(['whether', 'if', 'unless']);

/** Capitalised words that open sentences without naming anyone ("The", "Our"): never part of a name. */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'our',
  'my',
  'your',
  'his',
  'her',
  'their',
  'its',
  'we',
  'i',
  'you',
  'he',
  'she',
  'they',
  'it',
  'in',
  'on',
  'at',
  'for',
  'from',
  'to',
  'of',
  'by',
  'with',
  'if',
  'when',
  'while',
  'after',
  'before',
  'but',
  'and',
  'or',
  'so',
  'as',
  'there',
  'here',
  'what',
  'who',
  'why',
  'how',
  'where',
  'frankly',
  'despite',
  'although',
  'though',
  'yes',
  'no',
  'not',
  'all',
  'every',
  'some',
  'many',
  'most',
]);

/** Verbs of saying: a capitalised word opening a sentence right before one is a speaker's name. */
export const SAYING_VERBS: ReadonlySet<string> = new Set([
  'said',
  'says',
  'told',
  'tells',
  'added',
  'adds',
  'stated',
  'argued',
  'argues',
  'insisted',
  'claimed',
  'claims',
  'noted',
  'warned',
  'explained',
  'believes',
  'thinks',
  'wrote',
  'writes',
  'announced',
]);
