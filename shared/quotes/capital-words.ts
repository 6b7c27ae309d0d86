import { joined } from './cues.ts';
import {
  CUE_FILLERS,
  GROUP_NOUNS,
  NAMING_VERBS,
  NON_NAME_CAPITALS,
  ROLE_FAMILIES,
  SPEECH_VERBS,
  TITLES,
} from './lexicon.ts';
import { POSSESSIVE } from './name-shape.ts';
import { forEachLowercaseWord, type Token } from './text-index.ts';

// Marks in these patterns are escapes (\u2018 ‘, \u2019 ’, \u201C “, \u201D ”): the Lambda bundle
// stays ASCII (test/infra/bundle.test.ts says why).

// What a capital letter means in one article. A capitalised word is a name only if the article
// never writes it in lowercase, or writes it capitalised mid-sentence too; at a sentence start a
// capital may be nothing but the start ("Further", "High", "Critically").

// Where a sentence opens: after its end, a paragraph break or an opening quote mark.
const SENTENCE_OPENING = /(?:[.!?]["'\u201D\u2019]?\s+|\n|["\u201C\u2018])$/;
// The lowercase word right after a mention ("Images of", "Rates of").
const NEXT_WORD = /^\s+(\p{Ll}[\p{L}'\u2019-]*)/u;
const NEXT_WORD_CHARS = 40;
// "They’ll", "we’re", "I’d": a pronoun fused with a verb.
export const CONTRACTED_VERB = /['\u2019](?:ll|re|ve|d|m)$/;
// ".IXIC", ".DJI": a market index or ticker written after a full stop with no space.
const TICKER_BEFORE = /(?:^|\s)\.$/;
// "Critically", "Similarly", "Frankly": sentence adverbs; surnames rarely end this way.
const SENTENCE_ADVERB =
  /(?:ically|ously|ently|antly|ively|ately|edly|ingly|fully|lessly|ibly|ably|larly|ankly)$/;

/** The article's capitalised and lowercase words, read once; then asked about one word at a time. */
export class CapitalWords {
  /** Capitalised words that occur on their own somewhere ("Dale" beside "Jon Dale"). */
  readonly standalone = new Set<string>();
  /** Words the article writes in lowercase: a capital on one of them is only a sentence start. */
  readonly lowercase = new Set<string>();
  /** Capitalised words seen after a lowercase word mid-sentence, where a capital means a name. */
  private readonly midCapitals = new Set<string>();

  constructor(private readonly text: string) {
    forEachLowercaseWord(text, (word) => this.lowercase.add(word));
  }

  /** Reads one sentence's tokens (of the masked text). */
  readSentence(masked: string, tokens: readonly Token[]): void {
    this.readStandalone(masked, tokens);
    // Only after a lowercase word: inside a run ("Summary Studies") a capital may be a label's.
    tokens.forEach((token, k) => {
      if (k > 0 && token.capital && !tokens[k - 1]?.capital) this.midCapitals.add(token.lower);
    });
  }

  /**
   * "Images of ...", "High profile cases ...", "Spot gold ...": a capital opening a sentence and
   * running on into lowercase words other than a reporting verb starts a longer noun phrase.
   */
  opensNounPhrase(written: string, at: number): boolean {
    const before = this.text.slice(Math.max(0, at - 3), at);
    if (at > 0 && !SENTENCE_OPENING.test(before)) return false;
    const next = NEXT_WORD.exec(this.text.slice(at + written.length, at + written.length + NEXT_WORD_CHARS));
    const word = next?.[1]?.toLowerCase();
    if (!word || POSSESSIVE.test(written)) return false;
    return !SPEECH_VERBS.has(word) && !NAMING_VERBS.has(word) && !CUE_FILLERS.has(word);
  }

  /** True when `word` opens the mention at a sentence start and is a common word there. */
  opensSentenceWithCommonWord(mention: string, at: number, word: Token): boolean {
    if (word.start !== 0) return false;
    if (at > 0 && !SENTENCE_OPENING.test(this.text.slice(Math.max(0, at - 3), at))) return false;
    return this.isCommonWord(mention.slice(word.start, word.end), at);
  }

  /**
   * A single capitalised word that names nobody: a word the article also writes in lowercase, or
   * a function word or adverb, seen capitalised only where a sentence starts ("Further", "High",
   * "Critically", "Having"); a contraction ("They’ll"); a ticker symbol (".IXIC", "XAU=").
   */
  isCommonWord(written: string, at: number): boolean {
    const lower = written.toLowerCase().replace(POSSESSIVE, '');
    if (CONTRACTED_VERB.test(lower)) return true;
    if (TICKER_BEFORE.test(this.text.slice(Math.max(0, at - 2), at))) return true;
    if (this.text.charAt(at + written.length) === '=') return true;
    if (NON_NAME_CAPITALS.has(lower) || SENTENCE_ADVERB.test(lower)) return true;
    // "Ministers insist", "Analysts say": a role or group in the plural.
    if (GROUP_NOUNS.has(lower) || (lower.endsWith('s') && ROLE_FAMILIES.has(lower.slice(0, -1)))) return true;
    return !this.midCapitals.has(lower) && this.lowercase.has(lower);
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
}
