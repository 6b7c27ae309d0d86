// Synthetic benchmark input: news-style sentences and articles built from templates and word
// lists written for the benchmark (never from the evaluation set), plus the adversarial inputs of
// issue 6. Everything is seeded, so two runs measure the same text.

/** A seeded pseudo-random source (mulberry32): same seed, same sequence. */
export interface Random {
  /** 0 <= value < 1 */
  next(): number;
  pick<T>(items: readonly T[]): T;
}

/** @example createRandom(7).pick(['a', 'b']) // always the same letter for seed 7 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

// Invented people, roles and bodies: enough variety that no lookup cache sees the same sentence twice.
const FIRST_NAMES = ['Amara', 'Tomas', 'Lena', 'Rafael', 'Ines', 'Jonah', 'Priya', 'Mateo', 'Greta', 'Kofi'];
const LAST_NAMES = ['Okafor', 'Lindqvist', 'Moreau', 'Castellan', 'Brandt', 'Haddad', 'Novak', 'Serrano'];
const ROLES = [
  'the finance minister',
  'the union leader',
  'a senior diplomat',
  'the mayor',
  'the company spokesperson',
  'an opposition lawmaker',
  'the health commissioner',
  'a regional governor',
];
const BODIES = ['the ministry', 'the central bank', 'the city council', 'the port authority', 'the league'];
const TOPICS = [
  'the budget',
  'the ceasefire talks',
  'the new rail line',
  'the wage agreement',
  'the flood barrier',
  'the trade deal',
  'the hospital merger',
  'the election timetable',
];
const VERDICTS = [
  'a great success',
  'a serious mistake',
  'a fair compromise',
  'a disaster for families',
  'an important step forward',
  'deeply disappointing',
  'a reasonable start',
  'a dangerous gamble',
  'simply unacceptable',
  'good news for workers',
];
const OUTLOOKS = [
  'will not collapse',
  'could fail without more support',
  'is likely to improve next year',
  'has been delayed again',
  'will protect thousands of jobs',
  'may cost far more than planned',
  'remains on track',
  'was badly handled',
];
const CUES = ['said', 'told reporters', 'added', 'warned', 'insisted', 'said on Tuesday'];
const PLACES = ['Ostrava', 'Valmiera', 'Port Elric', 'Santa Ines', 'Kerrow', 'Bellmont'];

function person(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One statement someone might make about a topic: the text inside the quote marks. */
function statement(random: Random): string {
  const topic = random.pick(TOPICS);
  switch (Math.floor(random.next() * 4)) {
    case 0:
      return `${capitalise(topic)} is ${random.pick(VERDICTS)}`;
    case 1:
      return `We believe ${topic} ${random.pick(OUTLOOKS)}`;
    case 2:
      return `This is ${random.pick(VERDICTS)}, and ${topic} ${random.pick(OUTLOOKS)}`;
    default:
      return `Nobody should pretend that ${topic} ${random.pick(OUTLOOKS)}`;
  }
}

/**
 * Short news-style sentences for tone scoring, each one statement a speaker might make.
 *
 * @example
 * newsSentences(2, 1) // ['We believe the budget remains on track.', ...]
 */
export function newsSentences(count: number, seed: number): string[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => `${statement(random)}.`);
}

/** One paragraph of the article body, in one of the shapes news writing uses. */
function paragraph(random: Random): string {
  const speaker = person(random);
  const role = random.pick(ROLES);
  switch (Math.floor(random.next() * 6)) {
    case 0:
      return `"${statement(random)}," ${speaker}, ${role}, ${random.pick(CUES)}. ${capitalise(random.pick(BODIES))} did not respond to a request for comment.`;
    case 1:
      return `${speaker} ${random.pick(CUES)}: "${statement(random)}. ${statement(random)}."`;
    case 2:
      return `"${statement(random)}," ${capitalise(role)} said. "${statement(random)}."`;
    case 3:
      return `${capitalise(role)} said that ${random.pick(TOPICS)} ${random.pick(OUTLOOKS)}, and that ${random.pick(BODIES)} would publish its figures next week.`;
    case 4:
      return `According to ${random.pick(BODIES)}, ${random.pick(TOPICS)} ${random.pick(OUTLOOKS)}. Talks resumed in ${random.pick(PLACES)} after a two-day pause.`;
    default:
      return `Officials met in ${random.pick(PLACES)} on Monday to discuss ${random.pick(TOPICS)}. ${capitalise(random.pick(BODIES))} called the meeting ${random.pick(VERDICTS)}.`;
  }
}

function headline(random: Random): string {
  return `${capitalise(random.pick(TOPICS))} ${random.pick(OUTLOOKS)}, officials say`;
}

// Paragraphs until their text plus `markupBytes` each (separators, tags) reaches `bytes`.
function bodyParagraphs(bytes: number, random: Random, markupBytes: number): string[] {
  const paragraphs: string[] = [`${random.pick(PLACES).toUpperCase()} — ${paragraph(random)}`];
  // ASCII apart from the dateline's dash, so characters are bytes.
  let length = paragraphs[0]?.length ?? 0;
  while (length < bytes) {
    const next = paragraph(random);
    paragraphs.push(next);
    length += next.length + markupBytes;
  }
  return paragraphs;
}

/**
 * A plain-text article of about `bytes` bytes (at least that many): headline, byline, then
 * paragraphs with direct quotes, attributions and reported speech, separated by blank lines.
 *
 * @example
 * articleText(10_000, 1).length >= 10_000 // true
 */
export function articleText(bytes: number, seed: number): string {
  const random = createRandom(seed);
  const top = `${headline(random)}\n\nBy ${person(random)}\n\n`;
  return `${top}${bodyParagraphs(bytes - top.length, random, '\n\n'.length).join('\n\n')}\n`;
}

// Page furniture around the story, as a news site serves it: what the HTML cleaner must drop.
const PAGE_HEAD =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TITLE</title>' +
  '<style>body{font-family:serif}nav a{color:#333}.ad{display:none}</style>' +
  '<script>window.analytics={track(){}};</script></head><body>' +
  '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>' +
  '<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>' +
  '<main><article><h1>TITLE</h1><p class="byline">By AUTHOR</p>';
const PAGE_TAIL =
  '</article><aside><h2>Most read</h2><ul><li><a href="/a">Rail strike ends</a></li>' +
  '<li><a href="/b">Markets close higher</a></li></ul><div class="ad">Advertisement</div></aside></main>' +
  '<footer><p>© Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>\n';

/**
 * An HTML page of about `bytes` bytes: the article's paragraphs in `<p>` inside `<article>`,
 * wrapped in a head with style and script, a nav, an aside and a footer.
 *
 * @example
 * articleHtml(10_000, 1).includes('<nav>') // true
 */
export function articleHtml(bytes: number, seed: number): string {
  const random = createRandom(seed);
  const title = headline(random);
  const head = PAGE_HEAD.replaceAll('TITLE', title).replace('AUTHOR', person(random));
  const body = bodyParagraphs(bytes - head.length - PAGE_TAIL.length, random, '<p></p>\n'.length)
    .map((text) => `<p>${text.replaceAll('&', '&amp;')}</p>`)
    .join('\n');
  return `${head}${body}${PAGE_TAIL}`;
}

/** A hostile input shape: text the analyser must get through in time linear in its size. */
export interface AdversarialCase {
  name: string;
  /** Text of at least `bytes` bytes (these are ASCII apart from the curly quotes). */
  make(bytes: number): string;
}

function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length));
}

// Lines of ordinary width, so only the case's own shape is hostile, not the line length.
function wrapped(unit: string, bytes: number): string {
  const line = repeatTo(unit, 100).slice(0, 100);
  return repeatTo(`${line}\n`, bytes);
}

/** Issue 6's hostile shapes: runs of quote marks and brackets, unbalanced quotes, one huge line. */
export const ADVERSARIAL_CASES: readonly AdversarialCase[] = [
  { name: 'straight quote marks', make: (bytes) => wrapped('"', bytes) },
  { name: 'curly and mixed quotes', make: (bytes) => wrapped('“„«”»"‘’ ', bytes) },
  { name: 'nested brackets', make: (bytes) => wrapped('([{<', bytes) },
  {
    name: 'unbalanced quotes, said',
    make: (bytes) => repeatTo('He said "this never closes and she said "nor does this\n\n', bytes),
  },
  {
    name: 'one line, no breaks',
    make: (bytes) => repeatTo('"We will not," the minister said, according to officials. ', bytes),
  },
  { name: 'whitespace and dots', make: (bytes) => repeatTo(' .\t . \u00a0', bytes) },
];
