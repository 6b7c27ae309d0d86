// A direction-of-change reading: "jobless claims fell", "rents went up", "margins shrank". A change
// is good or bad news by what changes: the fall of something bad is good, the rise of a cost is bad.
// The words "fell" and "rose" carry no tone of their own, and the thing's own word ("crime") would
// read the wrong way round, so both step aside and the change speaks as one feature (features.ts).
import { CLAIM_NOUNS, DETERMINERS, SAYING_VERBS } from './cues.ts';
import type { Reading } from './read-statement.ts';
import { BE_FORMS, DEGREE_WORDS, isClauseBoundary, isNumber } from './rules.ts';
import type { Tokens } from './tokenize.ts';
import { WORD_TABLE, type WordTable } from './word-table.ts';

/** One change in a statement: the word saying it, the word for what changes, and which way. */
export interface Change {
  /** Token index of the change word ("fell", "record high"). */
  at: number;
  /** Token index of what changes, or -1 when the clause does not say. */
  thing: number;
  /** Token index of a rated word describing the thing ("good" in "the good times"), or -1. */
  described: number;
  /** Token index of how it changed ("sharply", "steadily"), or -1: news of size, not of tone. */
  manner: number;
  /** 1 up, -1 down, after negation ("did not fall" is -(-1)). */
  direction: 1 | -1;
  /** How much the change counts: the share of its clause (less when conceded or questioned). */
  share: number;
}

/**
 * What one reported change means, -1..1: its direction times how good it is that its thing rises.
 *
 * @example
 * changeValue(readStatement('Unemployment fell'), change, WORD_TABLE) // > 0
 */
export function changeValue(reading: Reading, change: Change, table: WordTable): number {
  // A phrase ("interest rates") is the thing as a whole: its words, not its first word's rating.
  const phraseEnd = reading.phraseEnds.get(change.thing);
  const thing =
    phraseEnd !== undefined
      ? reading.tokens.lower.slice(change.thing, phraseEnd).join(' ')
      : change.thing >= 0
        ? reading.tokens.lower[change.thing]
        : undefined;
  // A one-word thing's row in the shipped table comes cached with its facts: no search of the table.
  const facts = change.thing >= 0 && phraseEnd === undefined ? reading.facts[change.thing] : undefined;
  const row =
    thing === undefined ? -1 : table === WORD_TABLE && facts !== undefined ? facts.row : table.rowOf(thing);
  const lexicon = facts?.main ?? 0;
  const polarity = row < 0 ? 0 : (table.polarity[row] ?? 0);
  const description = change.described >= 0 ? (reading.facts[change.described]?.main ?? 0) : 0;
  const good =
    lexicon === 0 && description !== 0
      ? risingIsGood(undefined, description, 0)
      : risingIsGood(thing, lexicon, polarity);
  const word = reading.tokens.lower[change.at] ?? '';
  // "The season ended" is no news; "the strike ended", "ended the war" are.
  if (ENDINGS.has(word) && good === GROWTH_IS_GOOD) return 0;
  // "The days are longer in summer" is no news either; "waiting lists are longer" is.
  if (SIZES.has(word) && good === GROWTH_IS_GOOD) return 0;
  // What is kept off is a danger unless rated otherwise: "saved the children from the building".
  if (WARDING.has(word) && good === GROWTH_IS_GOOD) return change.direction * -GROWTH_IS_GOOD * change.share;
  return change.direction * good * change.share;
}

// People's work: more of it is good news (RISING_IS_GOOD), and a fall of it ("cut 500 staff", "shed
// 800 jobs") is job loss, which news reports as harm, as it does "laid off".
const JOBS: readonly string[] = ['jobs', 'job', 'positions', 'posts', 'workers', 'staff'];
const WORKFORCE: ReadonlySet<string> = new Set([...JOBS, 'employees', 'workforce']);

/** The change is a loss of jobs: less of people's work, not denied. */
export function losesJobs(reading: Reading, change: Change): boolean {
  return change.direction < 0 && change.thing >= 0 && WORKFORCE.has(reading.tokens.lower[change.thing] ?? '');
}

/** Endings: the thing stops. Good news for a bad thing, bad for a good one, nothing otherwise. */
const ENDINGS: ReadonlySet<string> = new Set(['end', 'ended', 'ends', 'over', 'behind', 'off']);
/**
 * "The strike is over", "the worst is behind us": these end their subject (never an object after
 * them) only right after a form of "be", closing the clause ("behind" with the people it is behind).
 */
const OVER = 'over';
const BEHIND = 'behind';
const BE_ENDINGS: ReadonlySet<string> = new Set([OVER, BEHIND]);
const PAST_WHOM: ReadonlySet<string> = new Set(['us', 'me', 'them', 'you', 'him', 'her']);
const INTO = 'into';
/** Verbs of falling: before "into" they say what their subject came to ("fell into poverty"). */
const FALLING: ReadonlySet<string> = new Set([
  'fall',
  'falls',
  'fell',
  'fallen',
  'falling',
  'slid',
  'slide',
  'slides',
  'sliding',
  'slipped',
  'slip',
  'slips',
  'slipping',
  'sank',
  'sink',
  'sinks',
  'sinking',
  'sunk',
  'plunged',
  'plunge',
  'plunges',
  'plunging',
  'tumbled',
]);
/** "Rates have come down", "prices went up": after a verb of going, "up" and "down" are a change. */
const GOING: ReadonlySet<string> = new Set([
  'come',
  'comes',
  'came',
  'coming',
  'go',
  'goes',
  'went',
  'gone',
  'going',
]);
/** "It is up to you", "up against", "down with flu", "up and running": no change. */
const AFTER_PARTICLE_IDIOMS: ReadonlySet<string> = new Set(['to', 'against', 'with', 'and']);
/** "went up in smoke", "up in arms", "up in the air": idioms, not a rise ("went up in May" is one). */
const UP_IN_IDIOMS: ReadonlySet<string> = new Set(['smoke', 'flames', 'arms']);
const PARTICLES: ReadonlyMap<string, 1 | -1> = new Map([
  ['up', 1],
  ['down', -1],
]);
// "The strike was called off", "called off the wedding": cancelling ends what is called off.
const OFF = 'off';
const CALLING: ReadonlySet<string> = new Set(['call', 'calls', 'called', 'calling']);

// Verbs and nouns of movement; a word of either list that also takes an object ("cut costs") is
// in TAKES_OBJECT as well.
// Shedding and axing: a cut that names what goes ("shed 800 jobs"), in DOWN and TAKES_OBJECT both.
const SHEDDING = ['shed', 'sheds', 'shedding', 'axed', 'axes', 'axing'];
const CREATING: readonly string[] = ['create', 'creates', 'created', 'creating'];
// Started again and stopped: "flights resumed", "fighting resumed", "production was halted". Only
// what has resumed: "the trial will resume in March" is a date, no news.
const RESUMING: readonly string[] = ['resumed'];
const HALTING: readonly string[] = ['halt', 'halts', 'halted', 'halting'];
const UP: ReadonlySet<string> = new Set([
  'rise',
  'rises',
  'rose',
  'risen',
  'rising',
  'increase',
  'increases',
  'increased',
  'increasing',
  'grow',
  'grows',
  'grew',
  'grown',
  'growing',
  'climb',
  'climbs',
  'climbed',
  'climbing',
  'jump',
  'jumps',
  'jumped',
  'soar',
  'soars',
  'soared',
  'soaring',
  'surge',
  'surges',
  'surged',
  'surging',
  'doubled',
  'tripled',
  'expand',
  'expands',
  'expanded',
  'expanding',
  'spread',
  'spreads',
  'spreading',
  // Gaps and deficits: "the deficit widened to 5 percent".
  'widened',
  'widens',
  'widening',
  'rebound',
  'rebounded',
  'raise',
  'raises',
  'raised',
  'boost',
  'boosts',
  'boosted',
  'highest',
  // Durations at a record: "waiting lists are the longest on record".
  'longest',
  // Reaching or winning something: more of it ("reached a compromise", "secured funding").
  'reached',
  'secured',
  'gained',
  // Making something: more of it ("created thousands of jobs", "created chaos").
  ...CREATING,
  // Opening again: the thing is back ("the school reopened", "reopened the border").
  'reopen',
  'reopens',
  'reopened',
  'reopening',
  ...RESUMING,
]);
/**
 * Verbs of holding something down: what they take comes down ("tackle crime"). Not "curbs" or
 * "tackles": as nouns, kerbs and plays.
 */
const SUPPRESSING: readonly string[] = [
  'tackle',
  'tackled',
  'tackling',
  'curb',
  'curbed',
  'curbing',
  'prevent',
  'prevents',
  'prevented',
  'preventing',
  'eliminate',
  'eliminates',
  'eliminated',
  'eliminating',
  'eradicate',
  'eradicates',
  'eradicated',
  'eradicating',
];
/**
 * Verbs of keeping something off: what comes after their "from" or "against" is held down
 * ("protect workers from unfair dismissal", "a vaccine that guards against flu"). Without one they
 * say nothing of the kind ("saved money", "defended the decision").
 */
const WARDING: ReadonlySet<string> = new Set([
  'protect',
  'protects',
  'protected',
  'protecting',
  'shield',
  'shields',
  'shielded',
  'shielding',
  'safeguard',
  'safeguards',
  'safeguarded',
  'safeguarding',
  'guard',
  'guards',
  'guarded',
  'guarding',
  'defend',
  'defends',
  'defended',
  'defending',
  'save',
  'saves',
  'saved',
  'saving',
  'spare',
  'spares',
  'spared',
  'sparing',
  'insulate',
  'insulates',
  'insulated',
  'insulating',
]);
const WARDED_OFF: ReadonlySet<string> = new Set(['from', 'against']);
/** Verbs of taking away: what comes after their "of" comes down ("stripped workers of their rights"). */
const DEPRIVING: ReadonlySet<string> = new Set([
  'strip',
  'strips',
  'stripped',
  'stripping',
  'deprive',
  'deprives',
  'deprived',
  'depriving',
  'rob',
  'robs',
  'robbed',
  'robbing',
]);
const TAKEN: ReadonlySet<string> = new Set(['of']);
const DOWN: ReadonlySet<string> = new Set([
  // Every verb of falling is a fall, also when it does not go "into" something.
  ...FALLING,
  'drop',
  'drops',
  'dropped',
  'dropping',
  'decline',
  'declines',
  'declined',
  'declining',
  'decrease',
  'decreases',
  'decreased',
  'shrink',
  'shrinks',
  'shrank',
  'shrunk',
  'plunge',
  'plunges',
  'plunged',
  'plummet',
  'plummeted',
  'slump',
  'slumped',
  'tumble',
  'tumbled',
  'sank',
  'dip',
  'dipped',
  'slowed',
  'slows',
  'slowing',
  'narrowed',
  'narrows',
  'halved',
  'slid',
  'cut',
  'cuts',
  'reduce',
  'reduces',
  'reduced',
  'lower',
  'lowered',
  'slashed',
  'lowest',
  'shortest',
  ...SHEDDING,
  // Putting an end to something: less of it ("resolved the dispute", "eased tensions").
  'resolved',
  'settled',
  'solved',
  'eased',
  'eases',
  'easing',
  'lifted',
  'overcame',
  'overcome',
  'ended',
  'ends',
  // "put an end to the violence", "the end of the strike".
  'end',
  // Holding something down: "tackle crime", "curb inflation", "prevent abuse", "eradicate malaria".
  ...SUPPRESSING,
  // A closure is the end of what closes: "the closure of the plant", "a shutdown of services".
  'closure',
  'closures',
  'shutdown',
  'shutdowns',
  ...HALTING,
]);
/** Change verbs that usually name what they change after them ("reduced waiting times"). */
const TAKES_OBJECT: ReadonlySet<string> = new Set([
  ...CREATING,
  'increase',
  'increases',
  'increased',
  'raise',
  'raises',
  'raised',
  'boost',
  'boosts',
  'boosted',
  'doubled',
  'tripled',
  'expanded',
  'cut',
  'cuts',
  'reduce',
  'reduces',
  'reduced',
  'lower',
  'lowered',
  'slashed',
  'halved',
  ...SHEDDING,
  'reached',
  'secured',
  'gained',
  'resolved',
  'settled',
  'solved',
  'eased',
  'eases',
  'easing',
  'lifted',
  ...SUPPRESSING,
  'overcame',
  'overcome',
  'reopen',
  'reopens',
  'reopened',
]);
/**
 * "Prices are higher than last year", "exports have never been higher": after "be", a comparative
 * of level is where the subject now stands.
 */
const COMPARED_LEVELS: ReadonlyMap<string, 1 | -1> = new Map([
  ['higher', 1],
  ['lower', -1],
  // Sizes and durations: "waiting lists are longer than ever", "the queues are getting longer".
  ['longer', 1],
  ['shorter', -1],
  ['bigger', 1],
  ['smaller', -1],
  ['larger', 1],
]);
/** The compared levels that measure size or length: a rise of an unrated thing is no news. */
const SIZES: ReadonlySet<string> = new Set(['longer', 'shorter', 'bigger', 'smaller', 'larger']);
/** Verbs that, like "be", say where a subject now stands: "the queues are getting longer". */
const BECOMING: ReadonlySet<string> = new Set([
  ...BE_FORMS,
  'getting',
  'get',
  'gets',
  'got',
  'becoming',
  'become',
  'becomes',
  'became',
]);
/** The token before any degree words that end at token k. */
function skipDegree(tokens: Tokens, k: number): number {
  let at = k;
  while (DEGREE_WORDS.has(tokens.lower[at] ?? '')) at -= 1;
  return at;
}

/** "high" and "low" say a direction only as a level reached: "a record high", "a new low". */
const LEVELS: ReadonlyMap<string, 1 | -1> = new Map([
  ['high', 1],
  ['low', -1],
  ['peak', 1],
]);
const LEVEL_BEFORE: ReadonlySet<string> = new Set(['record', 'all-time', 'new', 'historic', 'decade']);
/** "The highest in Europe", "the shortest in years": a level its subject reached, not "a rise in". */
const SUPERLATIVES: ReadonlySet<string> = new Set(['highest', 'lowest', 'longest', 'shortest']);
/** Words before a change word that make it a noun ("a rise", "the fall"). */
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the', 'this', 'any', 'further', 'sharp', 'steep']);
/** Nouns of movement name what moves after a preposition: "a rise in rents", "cuts to services". */
const THING_AFTER: ReadonlySet<string> = new Set(['in', 'of', 'to', 'on']);
const NEARNESS: ReadonlySet<string> = new Set(['sight', 'view', 'prospect']);
// Words that are not what changes: articles, possessives, auxiliaries, time words, and measure
// words whose "of" names the real thing ("the number of complaints", "the cost of living" keeps cost).
/** Prepositions but "of", which names the real thing after a measure word ("the number of"). */
const PREPOSITIONS: ReadonlySet<string> = new Set([
  'in',
  'to',
  'on',
  'by',
  'at',
  'for',
  'with',
  'from',
  'against',
  'into',
  'about',
  'between',
  'among',
  'without',
  'under',
  'during',
  'within',
  'after',
  'before',
  'until',
  'despite',
  'amid',
  'through',
]);
const NOT_A_THING: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'its',
  'their',
  'his',
  'her',
  'our',
  'my',
  'your',
  'this',
  'that',
  'these',
  'those',
  'some',
  'all',
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'can',
  'did',
  'does',
  'do',
  'not',
  'never',
  'also',
  'again',
  'still',
  'last',
  'next',
  'year',
  'month',
  'week',
  'years',
  'months',
  'weeks',
  'decades',
  'quarter',
  'today',
  'yesterday',
  'finally',
  'sharply',
  'steadily',
  'slightly',
  'strongly',
  'it',
  'they',
  'we',
  'he',
  'she',
  'number',
  'level',
  'levels',
  'rate',
  'rates',
  'amount',
  'total',
  'share',
  'of',
  // Prepositions open what follows; they never name a thing ("the settled lawsuit against him").
  ...PREPOSITIONS,
  'and',
  'so',
  'very',
  'much',
  'more',
  'less',
  'record',
  'new',
  'reach',
  'hit',
  'hits',
  'up',
  'down',
]);
// Conjunctions that start another clause, whose change (or harm) is its own.
export const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'and',
  'but',
  'while',
  'whereas',
  'because',
  'as',
  'when',
  'after',
  'since',
  'although',
  'though',
  'than',
]);
/**
 * Things whose rise is bad news though no lexicon rates them: what people pay, what harms them,
 * and the counts of misfortune. Anything else that grows (output, sales, turnout) is mildly good news.
 */
// What people live on: more of it is plainly good news ("800 jobs shed", "wages rose"), where the
// words alone lean only mildly.
const RISING_IS_GOOD: ReadonlySet<string> = new Set([
  ...JOBS,
  'employment',
  'wages',
  'pay',
  'salaries',
  'incomes',
  'pensions',
  'benefits',
  'savings',
  'funding',
  'investment',
  'exports',
  'output',
  'profits',
  'revenue',
  'sales',
]);
const RISING_IS_BAD: ReadonlySet<string> = new Set([
  'cost',
  'costs',
  'price',
  'prices',
  'inflation',
  'emissions',
  'pollution',
  'tax',
  'taxes',
  'fees',
  'fares',
  'rent',
  'rents',
  'bills',
  'premiums',
  'tariffs',
  'borrowing',
  // The price of borrowing: "interest rates rose" is read as a cost, as news reports it.
  'interest rate',
  'interest rates',
  'debt',
  'deficit',
  'deficits',
  'layoffs',
  'unemployment',
  'joblessness',
  'casualties',
  'deaths',
  'fatalities',
  'infections',
  'cases',
  'delays',
  'waits',
  // Queues and durations: "waiting lists", "travel times", "the backlog of cases".
  'waiting',
  'times',
  'backlog',
  'backlogs',
  'queues',
  'shortage',
  'shortages',
  'poverty',
  'hunger',
  'crime',
  'homelessness',
  'complaints',
  'accidents',
  'overdoses',
  'evictions',
  'bankruptcies',
  'losses',
  'temperatures',
  'tensions',
  'risk',
  'risks',
  // Gaps and divides: "the gap between rich and poor narrowed".
  'gap',
  'gaps',
  'divide',
  'inequality',
]);
/** How much a thing no lexicon rates, and that is not a cost, is worth more of: growth is mildly good. */
const GROWTH_IS_GOOD = 0.5;
/** A word-table polarity this far from 0 says which way the thing leans; nearer, it says nothing. */
const TABLE_LEANS = 0.1;

/**
 * How good it is that the thing rises, -1..1, from its main-lexicon weight (AFINN units) and its
 * word-table polarity.
 *
 * @example
 * risingIsGood('costs', 0, -0.06) // -1
 */
export function risingIsGood(thing: string | undefined, lexicon: number, table: number): number {
  if (thing !== undefined && RISING_IS_BAD.has(thing)) return -1;
  if (thing !== undefined && RISING_IS_GOOD.has(thing)) return 1;
  if (lexicon !== 0) return Math.sign(lexicon) * Math.min(1, Math.abs(lexicon) / 2);
  if (Math.abs(table) >= TABLE_LEANS) return Math.sign(table) * 0.5;
  return GROWTH_IS_GOOD;
}

/** How far after an object-taking verb its object may sit ("cut the cost of", "reduced its fees"). */
const OBJECT_REACH = 4;

// Verbs of saying that are nouns as often: "Insurance claims rose" names what rose.
const SAYING_NOUNS: ReadonlySet<string> = new Set(['claims']);

/**
 * The changes a statement reports, one per clause, in text order. `facts` are the reading's word
 * facts, whose kinds carry the CLAUSE_WORD and CHANGE_CUE_WORD bits (a word without them is looked
 * up here).
 *
 * @example
 * findChanges(tokenize('Rents went down'), ...) // no: "went down" is not listed; 'Rents fell' gives one
 */
export function findChanges(
  tokens: Tokens,
  counted: Uint8Array,
  negated: Uint8Array,
  facts: readonly ({ kinds: number; main: number } | undefined)[],
): Change[] {
  const changes: Change[] = [];
  const count = tokens.lower.length;
  let clauseStart = 0;
  let found = false;
  for (let i = 0; i < count; i += 1) {
    const word = tokens.lower[i] ?? '';
    const kinds = facts[i]?.kinds ?? (tokens.isWord[i] ? changeKinds(word) : 0);
    // "The charity warned that more families would ...": what is said is a clause of its own.
    // So is a claim weighed: "no sign that the virus is spreading".
    // "The report says crime has fallen": without "that" too, after a verb of saying that follows
    // its subject (not "Claims rose").
    const reported =
      (word === 'that' &&
        (SAYING_VERBS.has(tokens.lower[i - 1] ?? '') || CLAIM_NOUNS.has(tokens.lower[i - 1] ?? ''))) ||
      (i > clauseStart && SAYING_VERBS.has(word) && !SAYING_NOUNS.has(word));
    if (!tokens.isWord[i] || kinds & CLAUSE_WORD || reported) {
      if (tokens.isWord[i] || isClauseBoundary(word)) {
        clauseStart = i + 1;
        found = false;
      }
      continue;
    }
    if (found || counted[i] !== 1) continue;
    const direction = kinds & CHANGE_CUE_WORD ? directionAt(tokens, i) : 0;
    if (direction === 0) continue;
    // "Families fell into poverty", "the economy slid into recession": more of what they fell into.
    const fallsInto = FALLING.has(word) && tokens.lower[i + 1] === INTO;
    const thing = fallsInto
      ? thingAfter(tokens, counted, i + 2, count)
      : thingOfChange(tokens, counted, i, clauseStart, count);
    const moves = fallsInto ? 1 : direction;
    found = true;
    changes.push({
      at: i,
      thing,
      described: !fallsInto && thing > 0 ? describedBy(tokens, counted, facts, thing) : -1,
      manner: mannerNear(tokens, counted, i),
      direction: negated[i] === 1 ? (-moves as 1 | -1) : moves,
      share: 1,
    });
  }
  return changes;
}

/** What the change word at token i is about: its object, its subject or what follows it, or -1. */
function thingOfChange(
  tokens: Tokens,
  counted: Uint8Array,
  i: number,
  clauseStart: number,
  count: number,
): number {
  const word = tokens.lower[i] ?? '';
  let thing = -1;
  // "is over", "is behind us" end their subject; "ended the war" ends its object.
  // "a rise in rents", "the cuts to services": a noun of change names its thing after a preposition,
  // and takes no object ("the cuts will hit the most vulnerable": not a cut of the vulnerable).
  const noun = ARTICLES.has(tokens.lower[i - 1] ?? '') && !SUPERLATIVES.has(word);
  // "an end in sight to the crisis": how near the change is stands between it and its thing.
  const determined = noun || tokens.lower[i - 1] === 'no';
  if (determined && tokens.lower[i + 1] === 'in' && NEARNESS.has(tokens.lower[i + 2] ?? ''))
    return THING_AFTER.has(tokens.lower[i + 3] ?? '') ? thingAfter(tokens, counted, i + 4, count) : -1;
  const taken = takenFrom(word);
  if (taken) return thingAfter(tokens, counted, prepositionAfter(tokens, i, taken) + 1, count);
  if (ENDINGS.has(word) && !BE_ENDINGS.has(word)) thing = directObject(tokens, counted, i + 1, count);
  else if (TAKES_OBJECT.has(word) && !noun) thing = thingAfter(tokens, counted, i + 1, count);
  if (thing < 0 && noun && THING_AFTER.has(tokens.lower[i + 1] ?? ''))
    thing = thingAfter(tokens, counted, i + 2, count);
  if (thing < 0) thing = thingFrom(tokens, counted, clauseStart, i);
  // Behind a preposition an ending says how it ended ("they ended in chaos"), never what ended.
  if (thing < 0 && !ENDINGS.has(word) && THING_AFTER.has(tokens.lower[i + 1] ?? ''))
    thing = thingAfter(tokens, counted, i + 2, count);
  // "rising rents", "a sharp fall": the thing may follow a change word used as an adjective or noun.
  if (thing < 0 && !ENDINGS.has(word) && !noun) thing = thingAfter(tokens, counted, i + 1, count);
  return thing;
}

/** Bits of `WordFacts.kinds` (word-facts.ts) that the lists here decide: looked up once per word. */
export const CLAUSE_WORD = 1 << 16;
/** Listed as a rise, a fall or a level ("high"): directionAt may find a change at it. */
export const CHANGE_CUE_WORD = 1 << 17;

/** The CLAUSE_WORD and CHANGE_CUE_WORD bits of a lower-cased word. */
export function changeKinds(word: string): number {
  return (
    (CLAUSE_WORDS.has(word) ? CLAUSE_WORD : 0) |
    (UP.has(word) ||
    DOWN.has(word) ||
    LEVELS.has(word) ||
    COMPARED_LEVELS.has(word) ||
    PARTICLES.has(word) ||
    word === OFF ||
    BE_ENDINGS.has(word) ||
    takenFrom(word) !== undefined
      ? CHANGE_CUE_WORD
      : 0)
  );
}

function directionAt(tokens: Tokens, i: number): 1 | -1 | 0 {
  const word = tokens.lower[i] ?? '';
  if (UP.has(word)) return 1;
  if (DOWN.has(word)) return declinesToAct(tokens, i) || endsNothing(tokens, i) ? 0 : -1;
  if (word === OFF) return CALLING.has(tokens.lower[i - 1] ?? '') ? -1 : 0;
  const taken = takenFrom(word);
  if (taken) return prepositionAfter(tokens, i, taken) > 0 ? -1 : 0;
  const particle = PARTICLES.get(word);
  if (particle !== undefined) {
    if (upInIdiom(tokens, i)) return 0;
    const before = tokens.lower[i - 1] ?? '';
    // "Profits are up", "sales were down 4%": after "be" too, unless an idiom follows ("up to you").
    const afterBe = BE_FORMS.has(before) && !AFTER_PARTICLE_IDIOMS.has(tokens.lower[i + 1] ?? '');
    return GOING.has(before) || afterBe ? particle : 0;
  }
  if (word === OVER) return endsBeing(tokens, i, i + 1) ? -1 : 0;
  if (word === BEHIND)
    return PAST_WHOM.has(tokens.lower[i + 1] ?? '') && endsBeing(tokens, i, i + 2) ? -1 : 0;
  const compared = COMPARED_LEVELS.get(word);
  if (compared !== undefined)
    return BECOMING.has(tokens.lower[skipDegree(tokens, i - 1)] ?? '') ? compared : 0;
  const level = LEVELS.get(word);
  if (level !== undefined && LEVEL_BEFORE.has(tokens.lower[i - 1] ?? '')) return level;
  return 0;
}

function upInIdiom(tokens: Tokens, i: number): boolean {
  if (tokens.lower[i + 1] !== 'in') return false;
  const next = tokens.lower[i + 2] ?? '';
  return UP_IN_IDIOMS.has(next) || (next === 'the' && tokens.lower[i + 3] === 'air');
}

// "The minister declined to comment": a refusal to act, not a fall ("sales declined to $5m" is).
function declinesToAct(tokens: Tokens, i: number): boolean {
  if (!DECLINING.has(tokens.lower[i] ?? '') || tokens.lower[i + 1] !== 'to') return false;
  const next = tokens.lower[i + 2] ?? '';
  return tokens.isWord[i + 2] === true && !isNumber(next) && !DETERMINERS.has(next);
}
const DECLINING: ReadonlySet<string> = new Set(['declined', 'declines', 'decline', 'declining']);

// Warding and depriving verbs take their thing after these prepositions; undefined for other words.
function takenFrom(word: string): ReadonlySet<string> | undefined {
  return WARDING.has(word) ? WARDED_OFF : DEPRIVING.has(word) ? TAKEN : undefined;
}

// One of `prepositions` after the verb at i and its object, in the same clause, or -1.
function prepositionAfter(tokens: Tokens, i: number, prepositions: ReadonlySet<string>): number {
  const to = Math.min(tokens.lower.length, i + OBJECT_REACH + 2);
  for (let k = i + 1; k < to; k += 1) {
    const word = tokens.lower[k] ?? '';
    if (prepositions.has(word)) return k;
    if (!tokens.isWord[k] || CLAUSE_WORDS.has(word)) return -1;
  }
  return -1;
}

// "They ended up in court" says where they came to, and "at the end of the day", "by the end of
// the year" say when: no ending of anything.
function endsNothing(tokens: Tokens, i: number): boolean {
  const word = tokens.lower[i] ?? '';
  if (tokens.lower[i + 1] === 'up' && ENDING_FORMS.has(word)) return true;
  return (
    word === 'end' && ARTICLES.has(tokens.lower[i - 1] ?? '') && PREPOSITIONS.has(tokens.lower[i - 2] ?? '')
  );
}
const ENDING_FORMS: ReadonlySet<string> = new Set(['end', 'ends', 'ended']);

/**
 * Token i follows a form of "be" (perhaps past an adverb: "is finally over") and the clause closes
 * at token `closesAt` (or after a "now" there): "is over." or "is over now, and", not "is over the
 * limit", where "over" is a preposition.
 */
function endsBeing(tokens: Tokens, i: number, closesAt: number): boolean {
  let after = closesAt;
  const before = isAdverb(tokens.lower[i - 1] ?? '') ? i - 2 : i - 1;
  if (!BE_FORMS.has(tokens.lower[before] ?? '')) return false;
  if (tokens.lower[after] === 'now') after += 1;
  return after >= tokens.lower.length || !tokens.isWord[after] || CLAUSE_WORDS.has(tokens.lower[after] ?? '');
}

/** The first thing named in [from, to), past articles and measure words ("the number of ..."). */
function thingFrom(tokens: Tokens, counted: Uint8Array, from: number, to: number): number {
  for (let k = from; k < to; k += 1) {
    if (!tokens.isWord[k]) return -1;
    if (canBeThing(tokens, counted, k)) return headFrom(tokens, counted, k, to);
  }
  return -1;
}

function thingAfter(tokens: Tokens, counted: Uint8Array, from: number, count: number): number {
  const to = Math.min(count, from + OBJECT_REACH);
  for (let k = from; k < to; k += 1) {
    const word = tokens.lower[k] ?? '';
    // "Rents have doubled in five years": what a preposition opens is when, where or how, never the
    // thing changed ("of" is no such preposition: "cut the number of complaints").
    if (!tokens.isWord[k] || CLAUSE_WORDS.has(word) || PREPOSITIONS.has(word)) return -1;
    if (canBeThing(tokens, counted, k)) return headFrom(tokens, counted, k, count);
  }
  return -1;
}

/** An object right after the verb ("ended the war"), not one behind a preposition ("ended in tears"). */
function directObject(tokens: Tokens, counted: Uint8Array, from: number, count: number): number {
  let k = from;
  while (k < count && DETERMINERS.has(tokens.lower[k] ?? '')) k += 1;
  // "ended ten years of fighting": how long it went on is no thing of its own; what went on is.
  if (isNumber(tokens.lower[k] ?? '')) k += 1;
  if (SPANS.has(tokens.lower[k] ?? '') && tokens.lower[k + 1] === 'of') k += 2;
  return k < count && tokens.isWord[k] && canBeThing(tokens, counted, k)
    ? headFrom(tokens, counted, k, count)
    : -1;
}

const NEGATING_DETERMINERS: ReadonlySet<string> = new Set(['no', 'not', 'never', 'none']);

// Spans of time before "of" and what went on for that long.
const SPANS: ReadonlySet<string> = new Set(['days', 'weeks', 'months', 'years', 'decades', 'centuries']);

function canBeThing(tokens: Tokens, counted: Uint8Array, k: number): boolean {
  const word = tokens.lower[k] ?? '';
  return (
    counted[k] === 1 &&
    !NOT_A_THING.has(word) &&
    !isNumber(word) &&
    directionAt(tokens, k) === 0 &&
    !isAdverb(word)
  );
}

// Nouns that end like adverbs.
const LY_NOUNS: ReadonlySet<string> = new Set(['supply', 'family', 'assembly', 'monopoly', 'rally', 'ally']);

/** "quickly", "sharply": an adverb says how a thing changed, never what. */
function isAdverb(word: string): boolean {
  return word.length > 4 && word.endsWith('ly') && !LY_NOUNS.has(word);
}

/**
 * "heating bills", "company earnings": a thing may take two words, the second its head; a word
 * known to be a cost wins ("rising rents hurt": rents).
 */
function headFrom(tokens: Tokens, counted: Uint8Array, k: number, to: number): number {
  if (RISING_IS_BAD.has(tokens.lower[k] ?? '')) return k;
  const next = k + 1;
  const word = tokens.lower[next] ?? '';
  const joins = next < to && tokens.isWord[next] && canBeThing(tokens, counted, next);
  return joins && !CLAUSE_WORDS.has(word) ? next : k;
}

/**
 * "The good times are over", "violent crime fell": a rated word just before the thing describes it
 * (-1 when there is none). It steps aside with the thing, and says whether the thing is good when
 * the thing's own word has no rating ("times" alone grow as waiting times do).
 */
function describedBy(
  tokens: Tokens,
  counted: Uint8Array,
  facts: readonly ({ main: number } | undefined)[],
  thing: number,
): number {
  const before = thing - 1;
  if (!tokens.isWord[before] || !canBeThing(tokens, counted, before)) return -1;
  // "No jobs were cut": a negator before the thing denies the change, it does not describe the thing.
  if (NEGATING_DETERMINERS.has(tokens.lower[before] ?? '')) return -1;
  return (facts[before]?.main ?? 0) !== 0 ? before : -1;
}

/** An adverb of manner beside the change word ("fell sharply", "steadily rose"). */
function mannerNear(tokens: Tokens, counted: Uint8Array, i: number): number {
  for (const k of [i + 1, i - 1]) {
    const word = tokens.lower[k] ?? '';
    if (tokens.isWord[k] && counted[k] === 1 && (isAdverb(word) || (k > i && SPEEDS.has(word)))) return k;
  }
  return -1;
}
/** How fast a change goes ("spreading faster than expected"): its size, not a judgement. */
const SPEEDS: ReadonlySet<string> = new Set(['fast', 'faster', 'slower', 'quicker']);
