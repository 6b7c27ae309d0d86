import type { Span } from '../types.ts';
import { commaSplice, hasFiniteVerb, questionZones } from './clause-shape.ts';
import { appositiveBefore, cueAt, joined, mentionAfter, mentionBefore, spanOf } from './cues.ts';
import {
  ADJUNCT_PREPOSITIONS,
  CLAUSE_SUBJECTS,
  DIRECTIVE_WORDS,
  GERUND_NOUNS,
  GROUP_NOUNS,
  NEXT_REPORT_WORDS,
  NON_CLAUSE_STARTS,
  NON_NAME_CAPITALS,
  NOUN_DETERMINERS,
  NOUN_OBJECT_VERB_BASES,
  OBJECT_VERBS,
  ORG_NOUNS,
  ROLE_FAMILIES,
  SPEECH_NOUNS,
  TITLES,
} from './lexicon.ts';
import { countLetterRuns, type Token, tokenize } from './text-index.ts';

// Marks in these patterns are escapes (\u00AB «, \u00BB », \u2013 –, \u2014 —, \u2018 ‘, \u2019 ’,
// \u201C “, \u201D ”, \u201E „): the Lambda bundle stays ASCII (test/infra/bundle.test.ts says
// why).

// Reported (indirect) speech: a reporting verb or noun with a finite clause, in the orders news
// uses: forward ("Peskov underscored that ..."), fronted ("..., Peskov said."), parenthetical
// ("But, he said, if ...") and speech nouns ("his words that ..."). Works on one sentence of
// the masked text, where quoted words are blanked so cues inside quotes are never read.

export interface Report {
  /** The clause, in one piece or two when a parenthetical attribution splits it. */
  pieces: Span[];
  cue: Span;
  mention: Span | null;
  /** Fronted and parenthetical reports own every quote in their sentence. */
  form: 'forward' | 'fronted' | 'parenthetical' | 'noun' | 'attribution-only';
  /** Naming verbs ("described as") only attribute quoted words; they report no clause. */
  naming: boolean;
}

// A reported clause has at least a subject, a verb and something more.
const MIN_CLAUSE_TOKENS = 3;
// "told a Labour Party gathering that": how far a listener may run before the clause.
const MAX_OBJECT_TOKENS = 5;
// "said in an interview with the BBC that": how far an adjunct may run before "that".
const MAX_ADJUNCT_TOKENS = 8;
// Words that open a sentence-initial lead-in rather than the clause itself ("But", "By contrast").
const MAX_LEAD_IN_TOKENS = 2;
// A reported clause is at most a few sentences' worth of words; longer spans are not one clause,
// and the bound keeps the work per cue constant.
const MAX_CLAUSE_CHARS = 1_200;
// How near the sentence end a closing attribution's cue sits: "said the festival's executive director,
// Jon Dale in an interview with the paper."
const CLOSING_CUE_TOKENS = 16;
// How many words a new report's speaker and fillers may take ("the Tory leader has also said").
const NEW_REPORT_TOKENS = 8;
const RELATIVE_AFTER_COMMA = /^,\s+(?:who|which|whose|whom)\b/;
// ", the singer who surprised ...": an appositive describing someone just named rides along.
const APPOSITIVE_AFTER_COMMA = /^,\s+(?:the|a|an)\s+\S+(?:\s+\S+){0,3}\s+(?:who|which|whose)\b/;
// Enough text after a comma to read either pattern above.
const APPOSITIVE_PEEK_CHARS = 80;
// How far past an attribution the sentence end is looked for ("Peskov said." / "said in Rome.").
const TAIL_PEEK_CHARS = 8;
// "According to an advance text released by officials, ": the longest lead-in read.
const ACCORDING_TO_CHARS = 80;
const ACCORDING_TO = /^\s*according to [^,]{1,60},\s*/i;
const QUOTE_MASK = '_';
// A quote that opens after a dash or colon at the end of a fronted stretch.
const QUOTE_AFTER_BREAK =
  /[\u2014\u2013:]\s*["\u201C\u2018][^"\u201C\u201D\u2018\u2019]*["\u201D\u2019]?[,\s]*$/;
const POSSESSIVE_WORD = /['\u2019]s?$/;
// "using", "saying": a gerund; these "-ing" words are nouns and pronouns.
const GERUND = /^[a-z]{2,}ing$/;
// Reporting verbs that as often take a noun phrase ("revealed the plan", "denied the charge").
const NOUN_OBJECT_VERBS: ReadonlySet<string> = new Set(
  NOUN_OBJECT_VERB_BASES.flatMap((verb) => [
    verb,
    `${verb}s`,
    verb.endsWith('e') ? `${verb}d` : `${verb}ed`,
    verb.endsWith('y') ? `${verb.slice(0, -1)}ied` : `${verb}ed`,
    verb.endsWith('e') ? `${verb.slice(0, -1)}ing` : `${verb}ing`,
  ]),
);
// How far into a clause read with no "that" its finite verb must come.
const MAX_VERB_AT = 12;
// How many words a clause's subject may take before its verb ("the new ferry timetable is").
const SUBJECT_WINDOW = 5;

/** One sentence being read for reports: its masked text and tokens, and a word counter for clauses. */
interface SentenceScan {
  text: string;
  /** The stretches that put a question to someone: nobody's statement. */
  questions: readonly Span[];
  masked: string;
  tokens: readonly Token[];
  sentence: Span;
  count: (span: Span) => number;
}

/**
 * Finds the reported-speech clauses of one sentence.
 *
 * @example
 * findReports(masked, tokenize(masked, s.start, s.end), s) // [{ form: 'forward', ... }]
 */
export function findReports(
  text: string,
  masked: string,
  tokens: readonly Token[],
  sentence: Span,
): Report[] {
  // "Asked whether ..., the minister said": a cue inside the question reports no statement.
  const questions = questionZones(masked, tokens);
  const inQuestion = (token: Token | undefined) => !!token && insideAny(questions, token.start);
  const scan: SentenceScan = {
    text,
    questions,
    masked,
    tokens,
    sentence,
    count: (span) => wordCount(text, masked, span),
  };
  const reports: Report[] = [];
  // The attribution that ends the sentence owns all of it ("..., are writing apps, Cook told X."),
  // so it is looked for first, before earlier cues claim the words.
  const closing = closingFronted(scan, inQuestion);
  if (closing) return [closing];
  let skipUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.start < skipUntil || inQuestion(token)) continue;
    // "his words that", "the claim that": a noun; "the council claims that": a verb (cueAt says which).
    if (SPEECH_NOUNS.has(token.lower) && tokens[i + 1]?.lower === 'that' && !cueAt(tokens, i)) {
      const report = nounReport(scan, i);
      if (report) {
        reports.push(report);
        skipUntil = sentence.end;
      }
      continue;
    }
    const cue = cueAt(tokens, i);
    if (!cue || modifiesNoun(tokens, i)) continue;
    const report = firstReport(scan, cue.first, cue.next);
    if (!report) continue;
    report.naming = cue.naming;
    if (cue.naming && report.form !== 'fronted') {
      // A naming verb attributes the quoted words that follow it but reports no clause.
      report.pieces = [];
    }
    reports.push(report);
    // A fronted report owns the whole sentence: reports nested in it belong to its speaker.
    if (report.form === 'fronted') return [report];
    skipUntil = report.pieces.at(-1)?.end ?? cue.next;
  }
  return reports;
}

/** A named way of reading a reported clause around a cue at tokens [first, next). */
interface ReportRule {
  name: Report['form'];
  read(scan: SentenceScan, first: number, next: number): Report | null;
}

/**
 * The report forms, in the order they are tried at each cue; the first that reads a clause
 * wins. Each report carries its rule's name as `form`.
 */
export const REPORT_RULES: readonly ReportRule[] = [
  // "The pier is safe, the mayor said." The clause before the comma, the speaker after it.
  { name: 'fronted', read: frontedReport },
  // "But, he said, if the rain stops ..." An attribution between commas splits the clause.
  { name: 'parenthetical', read: parentheticalReport },
  // "The mayor said (that) the pier is safe." The clause after the cue.
  { name: 'forward', read: forwardReport },
  // "Ruiz told the board, which ... "in good time"": a speaker for the sentence's quotes, no clause.
  { name: 'attribution-only', read: attributionOnly },
];

function firstReport(scan: SentenceScan, first: number, next: number): Report | null {
  for (const rule of REPORT_RULES) {
    const report = rule.read(scan, first, next);
    if (report) return report;
  }
  return null;
}

/** A fronted report whose cue is among the sentence's last words. */
function closingFronted(
  scan: SentenceScan,
  inQuestion: (token: Token | undefined) => boolean,
): Report | null {
  const { tokens } = scan;
  for (let i = tokens.length - 1; i >= 0 && tokens.length - i <= CLOSING_CUE_TOKENS; i--) {
    const cue = cueAt(tokens, i);
    if (!cue || cue.naming || inQuestion(tokens[i])) continue;
    return frontedReport(scan, cue.first, cue.next);
  }
  return null;
}

function frontedReport(scan: SentenceScan, first: number, next: number): Report | null {
  const { count, masked, tokens, sentence } = scan;
  let mention: [number, number] | null = null;
  let attributionStart: number;
  const before = mentionBefore(masked, tokens, first);
  if (before && commaBefore(masked, tokens, before[0], sentence)) {
    // "..., Kremlin Spokesman Dmitry Peskov said."
    mention = before;
    attributionStart = before[0];
    if (!tailIsAdjunct(masked, tokens, next, sentence)) return null;
  } else if (
    appositiveBefore(masked, tokens, first) &&
    (OBJECT_VERBS.has(tokens[first]?.lower ?? '') || !mentionAfter(masked, tokens, next))
  ) {
    // "..., Eva Lind, director at the firm, tells the paper.": the name before the appositive.
    mention = appositiveBefore(masked, tokens, first);
    if (!mention) return null;
    attributionStart = mention[0];
    if (!tailIsAdjunct(masked, tokens, next, sentence)) return null;
  } else if (
    commaBefore(masked, tokens, first, sentence) &&
    !tokens[first]?.lower.endsWith('ing') &&
    // ", told Newsweek": after a telling verb comes the listener, never an inverted speaker.
    !OBJECT_VERBS.has(tokens[first]?.lower ?? '')
  ) {
    // "..., said founder Pavel Novak." (a participle never inverts: ", saying the ...")
    mention = mentionAfter(masked, tokens, next);
    if (!mention || !speakerLike(tokens, mention)) return null;
    attributionStart = first;
    if (!tailIsAdjunct(masked, tokens, mention[1], sentence)) return null;
  } else {
    return null;
  }
  const clauseEnd = lastCommaBefore(masked, tokens[attributionStart]?.start ?? 0, sentence.start);
  if (clauseEnd < 0) return null;
  const clause = trimClause(masked, sentence.start, clauseEnd);
  if (!clause || count(clause) < MIN_CLAUSE_TOKENS) return null;
  if (insideAny(scan.questions, clause.start)) return null;
  // "He changed his story — “I now recall,” he said": the attribution is the quote's alone.
  if (QUOTE_AFTER_BREAK.test(masked.slice(clause.start, clauseEnd))) return null;
  // "The Evening News programme on Channel 4, the agency reported": a title, not a statement.
  const words = tokenize(scan.text, clause.start, clause.end);
  if (!hasFiniteVerb(words, 0, words.length)) return null;
  return reportAt(tokens, [clause], [first, next], mention, 'fronted');
}

function parentheticalReport(scan: SentenceScan, first: number, next: number): Report | null {
  const { count, masked, tokens, sentence } = scan;
  const before = mentionBefore(masked, tokens, first);
  const mention =
    before ?? (commaBefore(masked, tokens, first, sentence) ? mentionAfter(masked, tokens, next) : null);
  if (!mention) return null;
  const attributionStart = Math.min(mention[0], first);
  const attributionEnd = Math.max(mention[1], next);
  const lastToken = tokens[attributionEnd - 1];
  const following = tokens[attributionEnd];
  if (!lastToken || !following || !commaBefore(masked, tokens, attributionStart, sentence)) return null;
  const gap = masked.slice(lastToken.end, following.start);
  if (gap.trim() !== ',') return null;
  const startComma = lastCommaBefore(masked, tokens[attributionStart]?.start ?? 0, sentence.start);
  const tail = trimClause(masked, following.start, sentence.end);
  if (!tail || count(tail) < MIN_CLAUSE_TOKENS) return null;
  const head = trimClause(masked, sentence.start, startComma);
  // `"...," said Ola Lunde, an analyst at ...`: after a quote, the words past the comma
  // describe the speaker; a parenthetical needs narration of its own before it.
  // `"...," Jon Bell said, adding ...`: after a closing quote the attribution is the quote's.
  if (!head || count(head) === 0 || QUOTE_AFTER_BREAK.test(masked.slice(head.start, head.end + 2)))
    return null;
  const pieces = head && count(head) > MAX_LEAD_IN_TOKENS ? [head, tail] : [tail];
  return reportAt(tokens, pieces, [first, next], mention, 'parenthetical');
}

/** An inverted speaker ("said the spokesman", "said analysts", "said Ana Ruiz") names someone. */
function speakerLike(tokens: readonly Token[], mention: [number, number]): boolean {
  const words = tokens.slice(mention[0], mention[1]);
  const head = words.at(-1)?.lower.replace(/['\u2019]s?$/, '') ?? '';
  return (
    words.some((word) => word.capital) ||
    ROLE_FAMILIES.has(head) ||
    GROUP_NOUNS.has(head) ||
    ORG_NOUNS.has(head) ||
    TITLES.has(head)
  );
}

function forwardReport(scan: SentenceScan, first: number, next: number): Report | null {
  const { count, masked, tokens, sentence } = scan;
  let at = next;
  const cueWord = tokens[first]?.lower ?? '';
  const afterCue = tokens[at];
  if (!afterCue) return null;
  const gap = masked.slice(tokens[next - 1]?.end ?? 0, afterCue.start);
  // `said: "` or `said, "` introduces a direct quote, not a clause.
  if (gap.trim() !== '' && gap.trim() !== 'that') return null;
  // `"...," said Ola Lunde, an analyst`: a cue right after a quote names its speaker next.
  const before = masked.slice(tokens[first - 1]?.end ?? sentence.start, tokens[first]?.start ?? 0);
  if (/["\u201C\u201D\u00AB\u00BB\u201E_]/.test(before)) return null;
  if (afterCue.lower === 'that') {
    at++;
  } else if (OBJECT_VERBS.has(cueWord)) {
    at = skipObject(tokens, at);
    if (at < 0) return null;
  } else if (ADJUNCT_PREPOSITIONS.has(afterCue.lower) || NON_CLAUSE_STARTS.has(afterCue.lower)) {
    at = thatAfterAdjunct(tokens, at);
    if (at < 0) return null;
  }
  const clauseToken = tokens[at];
  if (!clauseToken || NON_CLAUSE_STARTS.has(clauseToken.lower)) return null;
  if (!joinedOrThat(masked, tokens, at)) return null;
  // "continued using the site": a verb of speech before a gerund reports nothing.
  if (at === next && GERUND.test(clauseToken.lower) && !GERUND_NOUNS.has(clauseToken.lower)) return null;
  // "revealed the extent of the problem": these verbs take a noun phrase as readily as a clause,
  // so without "that" the clause needs a subject pronoun or a verb within its first words.
  if (at === next && NOUN_OBJECT_VERBS.has(cueWord) && !startsClause(tokens, at)) return null;
  // "..., saying the policy ...": a participle reports only after a comma ("are writing apps" does not).
  if (
    cueWord.endsWith('ing') &&
    !/,\s*$/.test(masked.slice(tokens[first - 1]?.end ?? sentence.start, tokens[first]?.start ?? 0)) &&
    first > 0
  ) {
    return null;
  }
  const clause = trimClause(masked, clauseToken.start, clauseEnd(masked, tokens, at, sentence));
  if (!clause || count(clause) < MIN_CLAUSE_TOKENS) return null;
  // "gave them the power to request information from ...": with no "that", words with no finite
  // verb are the cue's object, not a reported statement. A quote inside the clause is masked:
  // its words are not read here.
  if (
    tokens[at - 1]?.lower !== 'that' &&
    !clauseHasVerb(masked, tokens, at, clause.end) &&
    !masked.slice(clause.start, clause.end).includes(QUOTE_MASK)
  )
    return null;
  const mention =
    mentionBefore(masked, tokens, first) ??
    appositiveBefore(masked, tokens, first) ??
    (cueWord.endsWith('ing') ? mainSubject(masked, tokens, first) : null) ??
    subjectOf(masked, tokens);
  return reportAt(tokens, [clause], [first, next], mention, 'forward');
}

/**
 * A cue with a speaker but no clause ("Ruiz told Bell, which meant ... "best ..."") still
 * attributes the quoted words of its sentence; it reports nothing itself (no pieces).
 */
function attributionOnly(scan: SentenceScan, first: number, next: number): Report | null {
  const { masked, tokens } = scan;
  const mention = mentionBefore(masked, tokens, first);
  if (!mention) return null;
  return reportAt(tokens, [], [first, next], mention, 'attribution-only', true);
}

function nounReport(scan: SentenceScan, i: number): Report | null {
  const { count, masked, tokens, sentence } = scan;
  const clauseToken = tokens[i + 2];
  if (!clauseToken) return null;
  const clause = trimClause(masked, clauseToken.start, clauseEnd(masked, tokens, i + 2, sentence));
  if (!clause || count(clause) < MIN_CLAUSE_TOKENS) return null;
  // The owner is the possessive before the noun: "his counterpart's words".
  const owner = tokens[i - 1];
  let mention: [number, number] | null = null;
  if (owner && /['\u2019]s$/.test(owner.lower)) {
    mention = mentionBefore(masked, tokens, i) ?? [i - 1, i];
  }
  return reportAt(tokens, [clause], [i, i + 1], mention, 'noun');
}

/**
 * After "told" and its listener, the clause starts at "that" or at a subject pronoun ("told
 * lawmakers it was ..."); "told X to ..." is a directive and "warned of ..." a topic: no clause.
 */
/**
 * Where a forward clause ends: at the sentence end, or earlier before a comma that opens a
 * non-restrictive relative (", who is now in jail") or a new speaker's report (", but X has said").
 */
function clauseEnd(masked: string, tokens: readonly Token[], from: number, sentence: Span): number {
  const limit = Math.min(sentence.end, (tokens[from]?.start ?? sentence.start) + MAX_CLAUSE_CHARS);
  const splice = commaSplice(masked, tokens, from, tokens.length);
  if (splice >= 0) return Math.min(limit, tokens[splice]?.end ?? limit);
  for (let k = from + 1; k < tokens.length; k++) {
    const token = tokens[k];
    const previous = tokens[k - 1];
    if (!token || !previous || token.start >= limit) break;
    const gap = masked.slice(previous.end, token.start);
    if (!gap.includes(',')) continue;
    const after = masked.slice(previous.end, previous.end + APPOSITIVE_PEEK_CHARS);
    if (RELATIVE_AFTER_COMMA.test(after) || APPOSITIVE_AFTER_COMMA.test(after)) return previous.end;
    if (NEXT_REPORT_WORDS.has(token.lower) && startsReport(masked, tokens, k + 1)) return previous.end;
  }
  return limit;
}

/** True when a speaker and a cue start at token `from` ("Ruiz has said", "he added"). */
function startsReport(masked: string, tokens: readonly Token[], from: number): boolean {
  for (let k = from + 1; k < tokens.length && k - from <= NEW_REPORT_TOKENS; k++) {
    if (!cueAt(tokens, k)) continue;
    const mention = mentionBefore(masked, tokens, k);
    return mention !== null && mention[0] === from;
  }
  return false;
}

function skipObject(tokens: readonly Token[], at: number): number {
  for (let k = at; k < at + MAX_OBJECT_TOKENS && k < tokens.length; k++) {
    const word = tokens[k]?.lower ?? '';
    if (word === 'that') return k + 1;
    if (DIRECTIVE_WORDS.has(word)) return -1;
    if (k > at && CLAUSE_SUBJECTS.has(word)) return k;
  }
  return -1;
}

function thatAfterAdjunct(tokens: readonly Token[], at: number): number {
  for (let k = at; k < at + MAX_ADJUNCT_TOKENS && k < tokens.length; k++) {
    const word = tokens[k]?.lower ?? '';
    if (SPEECH_NOUNS.has(word)) return -1;
    if (word === 'that') return k + 1;
  }
  return -1;
}

function joinedOrThat(masked: string, tokens: readonly Token[], at: number): boolean {
  const previous = tokens[at - 1];
  const token = tokens[at];
  if (!previous || !token) return false;
  const gap = masked.slice(previous.end, token.start);
  return !gap.includes(QUOTE_MASK) && !/[.;:!?]/.test(gap);
}

function tailIsAdjunct(masked: string, tokens: readonly Token[], from: number, sentence: Span): boolean {
  const token = tokens[from];
  if (!token) return true;
  const gap = masked.slice(tokens[from - 1]?.end ?? token.start, token.start);
  if (gap.includes(',')) return true;
  if (ADJUNCT_PREPOSITIONS.has(token.lower)) return true;
  // "Ruiz told Bell." / "Ruiz told her website, ...": a short listener, then the end.
  let k = from;
  while (k < tokens.length && k - from < MAX_OBJECT_TOKENS && joined(masked, tokens, k, k + 1)) k++;
  const end = tokens[k]?.end ?? sentence.end;
  const rest = masked.slice(end, Math.min(sentence.end, end + TAIL_PEEK_CHARS)).trim();
  const atEnd = rest === '' && sentence.end - end <= TAIL_PEEK_CHARS;
  return k - from < MAX_OBJECT_TOKENS && (atEnd || /^[.,;!?]/.test(rest));
}

function commaBefore(masked: string, tokens: readonly Token[], index: number, sentence: Span): boolean {
  const token = tokens[index];
  if (!token) return false;
  const from = tokens[index - 1]?.end ?? sentence.start;
  return masked.slice(from, token.start).includes(',');
}

function lastCommaBefore(masked: string, at: number, floor: number): number {
  // Bounded: a fronted clause longer than MAX_CLAUSE_CHARS is not read as one.
  const limit = Math.max(floor, at - MAX_CLAUSE_CHARS);
  for (let k = at - 1; k >= limit; k--) if (masked[k] === ',') return k;
  return -1;
}

// "home secretary", "spokesman": the words of a role between a description and a name.
const MAX_ROLE_WORDS = 2;

function isRoleWord(word: string): boolean {
  return ROLE_FAMILIES.has(word) || TITLES.has(word);
}

function subjectOf(masked: string, tokens: readonly Token[]): [number, number] | null {
  const owned = ownerAppositive(masked, tokens);
  if (owned) return owned;
  const first = tokens[0];
  if (!first?.capital || NON_NAME_CAPITALS.has(first.lower)) return null;
  let next = 1;
  // "Dockers' unions say": a possessive opens a noun phrase whose head comes next.
  if (POSSESSIVE_WORD.test(first.lower) && tokens[1] && !tokens[1].capital && joined(masked, tokens, 0, 1)) {
    return [0, 2];
  }
  while (next < tokens.length && tokens[next]?.capital && joined(masked, tokens, next - 1, next)) next++;
  // "Green Party spokesman Ola Lunde argued ...": a role and a name after the capitals.
  let role = next;
  while (role < tokens.length && role - next < MAX_ROLE_WORDS && isRoleWord(tokens[role]?.lower ?? ''))
    role++;
  const together = (k: number) => joined(masked, tokens, k, k + 1);
  if (
    role > next &&
    tokens[role]?.capital &&
    tokens.slice(next - 1, role).every((_token, k) => together(next - 1 + k))
  ) {
    next = role;
    while (next < tokens.length && tokens[next]?.capital && joined(masked, tokens, next - 1, next)) next++;
  }
  return [0, next];
}

function trimClause(masked: string, start: number, clauseEnd: number): Span | null {
  let from = start;
  const end = Math.min(clauseEnd, start + MAX_CLAUSE_CHARS);
  const lead = ACCORDING_TO.exec(masked.slice(from, Math.min(end, from + ACCORDING_TO_CHARS)));
  if (lead) from += lead[0].length;
  let to = end;
  while (from < to && /[\s,;:\u2014\u2013-]/.test(masked[from] ?? '')) from++;
  while (to > from && /[\s,;:.\u2014\u2013-]/.test(masked[to - 1] ?? '')) to--;
  return to > from ? { start: from, end: to } : null;
}

// All words of the clause, quoted ones included; but a clause made only of a quote has no words
// of its own (counted on the masked text) and is a direct quote instead, so it counts zero.
function wordCount(text: string, masked: string, span: Span): number {
  if (countLetterRuns(masked, span.start, span.end) === 0) return 0;
  return countLetterRuns(text, span.start, span.end);
}

/** A report whose cue and mention are token ranges ([first, next)) of the sentence. */
function reportAt(
  tokens: readonly Token[],
  pieces: Span[],
  cue: readonly [number, number],
  mention: readonly [number, number] | null,
  form: Report['form'],
  naming = false,
): Report {
  return {
    pieces,
    cue: spanOf(tokens, cue[0], cue[1]),
    mention: mention ? spanOf(tokens, mention[0], mention[1]) : null,
    form,
    naming,
  };
}

function insideAny(spans: readonly Span[], at: number): boolean {
  return spans.some((span) => span.start <= at && at < span.end);
}

/** "the reported deal", "a newly revealed call": a speech verb after a determiner describes a noun. */
function modifiesNoun(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]?.lower ?? '';
  if (NOUN_DETERMINERS.has(before)) return true;
  return before.endsWith('ly') && NOUN_DETERMINERS.has(tokens[i - 2]?.lower ?? '');
}

/** A clause opens at `at`: a subject pronoun, or a finite verb within the subject's few words. */
/**
 * True when a clause read with no "that" has a finite verb where a clause puts it: within its
 * first words and before its first comma ("the ferry ran late"), not a plural noun further on
 * ("a sale in Lisbon on 3 May, weeks after").
 */
function clauseHasVerb(masked: string, tokens: readonly Token[], at: number, end: number): boolean {
  let to = at;
  while (
    to < tokens.length &&
    to - at < MAX_VERB_AT &&
    (tokens[to]?.end ?? end) <= end &&
    !masked.slice(tokens[to - 1]?.end ?? 0, tokens[to]?.start ?? 0).includes(',')
  ) {
    to++;
  }
  return hasFiniteVerb(tokens, at, to);
}

function startsClause(tokens: readonly Token[], at: number): boolean {
  if (CLAUSE_SUBJECTS.has(tokens[at]?.lower ?? '')) return true;
  for (let k = at + 1; k < tokens.length && k - at <= SUBJECT_WINDOW; k++) {
    const word = tokens[k]?.lower ?? '';
    if (ADJUNCT_PREPOSITIONS.has(word) || word === 'of') return false;
    if (hasFiniteVerb(tokens, k, k + 1)) return true;
  }
  return false;
}

/**
 * "Last week the harbour master Jon Bell spoke to the board, saying ...": a participle's speaker
 * is the subject of the sentence's main verb, the first finite verb before it.
 */
function mainSubject(masked: string, tokens: readonly Token[], participle: number): [number, number] | null {
  for (let k = 1; k < participle; k++) {
    const token = tokens[k];
    if (!token || token.capital) continue;
    if (!hasFiniteVerb(tokens, k, k + 1) && !cueAt(tokens, k)) continue;
    // "Dockers' unions have ...": a plural noun after an owner is the subject, not its verb.
    if (!token.lower.endsWith('ed') && POSSESSIVE_WORD.test(tokens[k - 1]?.lower ?? '')) continue;
    return mentionBefore(masked, tokens, k);
  }
  return null;
}

/**
 * "The firm's founder, Ana Ruiz, said ...": an owner's role opening the sentence, then the
 * name between commas; the name is the subject.
 */
function ownerAppositive(masked: string, tokens: readonly Token[]): [number, number] | null {
  const owner = tokens[0]?.lower === 'the' ? 1 : 0;
  const role = tokens[owner + 1];
  if (!POSSESSIVE_WORD.test(tokens[owner]?.lower ?? '') || !role || role.capital) return null;
  const named = tokens[owner + 2];
  if (!named?.capital || masked.slice(role.end, named.start).trim() !== ',') return null;
  let end = owner + 3;
  while (tokens[end]?.capital && joined(masked, tokens, end - 1, end)) end++;
  return masked.slice(tokens[end - 1]?.end ?? 0, tokens[end]?.start ?? 0).trim() === ','
    ? [owner + 2, end]
    : null;
}
