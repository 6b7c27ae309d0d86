import { createRequire } from 'node:module';
import Sentiment from 'sentiment';
import { scoreTone } from '../shared/score-tone.ts';

// The scorers compared on the same sentences: quote-tone's and the field-standard baselines.
// Each is set up once here (lexicons loaded, models read), so the timed part is scoring only.

/** A named function that scores one sentence. */
export interface Scorer {
  name: string;
  score(sentence: string): unknown;
}

const require = createRequire(import.meta.url);

interface NaturalAnalyzer {
  getSentiment(words: string[]): number;
}
interface NaturalTokenizer {
  tokenize(text: string): string[];
}
interface VaderModule {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
}
interface WinkNlp {
  readDoc(text: string): { out(selector: unknown): unknown };
  its: { sentiment: unknown };
}

/** quote-tone's scorer, as the analyser calls it for each quoted statement. */
export const QUOTE_TONE_SCORER: Scorer = { name: 'quote-tone', score: scoreTone };

/**
 * The baselines: AFINN via `sentiment`, natural's SentimentAnalyzer (AFINN, Porter stemmer,
 * its word tokenizer), VADER and wink-nlp with its English lite model. Only natural's submodules
 * are loaded, never its package root.
 *
 * @example
 * for (const scorer of loadBaselineScorers()) scorer.score('Talks went well.')
 */
export function loadBaselineScorers(): Scorer[] {
  const afinn = new Sentiment();
  const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer.js') as new (
    language: string,
    stemmer: unknown,
    vocabulary: string,
  ) => NaturalAnalyzer;
  const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as unknown;
  const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer.js') as {
    WordTokenizer: new () => NaturalTokenizer;
  };
  const natural = new SentimentAnalyzer('English', PorterStemmer, 'afinn');
  const tokenizer = new WordTokenizer();
  const vader = (require('vader-sentiment') as VaderModule).SentimentIntensityAnalyzer;
  const winkNlp = require('wink-nlp') as (model: unknown) => WinkNlp;
  const wink = winkNlp(require('wink-eng-lite-web-model'));
  return [
    { name: 'AFINN (sentiment)', score: (sentence) => afinn.analyze(sentence).comparative },
    { name: 'natural', score: (sentence) => natural.getSentiment(tokenizer.tokenize(sentence)) },
    { name: 'wink-nlp', score: (sentence) => wink.readDoc(sentence).out(wink.its.sentiment) },
    { name: 'VADER', score: (sentence) => vader.polarity_scores(sentence).compound },
  ];
}
