// The data that flows between the pipeline stages:
//   cleanArticle -> extractQuotes -> attributeSpeakers -> scoreTone -> buildReport.
// Stages point into the cleaned text by offsets instead of copying it (see STYLE.md),
// so every span below is a half-open [start, end) range of JavaScript string indices
// into `CleanArticle.text`.

export type ArticleFormat = 'text' | 'markdown' | 'html' | 'json';

export interface Span {
  start: number;
  end: number;
}

/** What arrives: raw bytes or text plus where it came from. */
export interface ArticleInput {
  /** Stable id derived from the source key or file name (see `articleIdFromKey`). */
  id: string;
  source: ArticleSource;
  content: string | Uint8Array;
  /** Inferred from the key's suffix when absent. */
  format?: ArticleFormat;
}

export interface ArticleSource {
  /** null for local files analysed by the CLI. */
  bucket: string | null;
  key: string;
  etag?: string;
  versionId?: string;
  /** From the S3 event: orders changes to one key, so an older event never overwrites a newer result. */
  sequencer?: string;
}

/** Facts about the article found around its body: never part of `text`. */
export interface ArticleMetadata {
  title?: string;
  byline?: string;
  dateline?: string;
  /** e.g. "Source: Kyrgyz National News Agency" -> "Kyrgyz National News Agency". */
  sourceLine?: string;
  publishedAt?: string;
  url?: string;
}

export interface CleanArticle {
  format: ArticleFormat;
  /** The cleaned body that every span points into. Paragraphs are separated by "\n\n". */
  text: string;
  paragraphs: Span[];
  metadata: ArticleMetadata;
}

export type QuoteKind = 'direct' | 'indirect';

/** A quoted statement found in the text, before anyone is named as its speaker. */
export interface QuoteCandidate {
  kind: QuoteKind;
  /** The pieces of the statement: one for a plain quote, several when split by attribution or paragraphs. */
  pieces: Span[];
  /** Index into `CleanArticle.paragraphs` of the first piece. */
  paragraph: number;
  /** The reporting verb or phrase ("said", "according to"), when one is adjacent. */
  cue: Span | null;
  /** The words naming the speaker at the attribution point ("he", "the press secretary"). */
  mention: Span | null;
  /** The named rule that found the statement and its cue (see shared/quotes/rules.ts). */
  rule: string;
}

export type SpeakerType = 'person' | 'organisation' | 'group';

export interface Speaker {
  /** Canonical name as introduced in the article; null when unknown or a generic group. */
  name: string | null;
  /** The words at the attribution point, as written. */
  mention: string | null;
  /** 0..1: how sure the attribution is. */
  confidence: number;
  type?: SpeakerType;
  /** The role the article gives the speaker ("Kremlin spokesman"), when it gives one. */
  role?: string;
  /** The organisation the role belongs to ("Kremlin"), when the article names one. */
  organisation?: string;
  /** The named rule that chose the speaker (see shared/quotes/rules.ts). */
  rule?: string;
}

export interface AttributedQuote extends QuoteCandidate {
  speaker: Speaker;
}

export type ToneLabel = 'positive' | 'negative' | 'neutral' | 'mixed';
export type ToneName = 'tentative' | 'confident' | 'grave' | 'conciliatory' | 'adversarial';

/** One word or phrase that moved the score, in text order. */
export interface ToneEvidence {
  /** The word or phrase as written in the statement. */
  text: string;
  /** Offset of `text` inside the scored statement. */
  start: number;
  /** Its contribution to the score (score units, rounded); with the baseline and the rest they sum to the score. */
  weight: number;
  /** How it was read, in plain words: "negated by 'not'", "after 'but'", "learned from similar words". */
  rules: string[];
}

export interface Tone {
  name: ToneName;
  /** 0..1 */
  strength: number;
  /** The cue words that signalled this tone. */
  evidence: string[];
}

export interface ToneScore {
  label: ToneLabel;
  /** -1 (very negative) .. 1 (very positive). */
  score: number;
  /** One confidence per label; they sum to 1. */
  confidence: Record<ToneLabel, number>;
  /** 0..1: how strongly anything is expressed, regardless of direction. */
  intensity: number;
  tones: Tone[];
  /** The words that moved the score most, in text order. */
  explanation: ToneEvidence[];
  /** The model's part before any word: its bias and the statement's length (absorbs rounding). */
  baseline?: number;
  /** The summed contributions of the words too small to list. */
  otherWords?: number;
}
