// Scrape noise: whole lines that page templates put around an article and that are never part
// of its prose. Each pattern is tested against one trimmed line, anchored at both ends, and
// only on lines short enough to be furniture, so prose that merely mentions these words stays.

// Marks in these patterns are escapes (\u00A9 ©, \u00B7 ·, \u00BB », \u2019 ’, \u201D ”, \u2022 •,
// \u2026 …): the Lambda bundle stays ASCII (test/infra/bundle.test.ts says why).

export interface NoiseLinePattern {
  pattern: RegExp;
  /** What page furniture the pattern recognises. */
  reason: string;
  /** Longest line the pattern may drop; MAX_NOISE_LINE_LENGTH when absent. */
  maxLength?: number;
  /** The line heads a list of teaser links: the short lines after it are teasers too. */
  headsTeaserList?: boolean;
}

// Furniture lines are short; a longer line is prose even if it starts like a button.
export const MAX_NOISE_LINE_LENGTH = 160;

export const NOISE_LINE_PATTERNS: readonly NoiseLinePattern[] = [
  {
    pattern: /^no (?:widgets?|posts?|items?|comments?|results?)(?: (?:were|was|have been))? found\b.{0,40}$/i,
    reason: 'empty-widget placeholder of a blog theme',
  },
  {
    pattern: /^skip (?:to|navigation)\b.{0,30}$/i,
    reason: 'accessibility skip link',
  },
  {
    pattern:
      /^(?:share|tweet|pin|email|e-mail|print|save|copy link|whatsapp|facebook|twitter|linkedin|reddit|pinterest|flipboard|messenger|telegram)(?: (?:this|it|on|to|via|with) .{0,60})?$/i,
    reason: 'share button',
  },
  {
    pattern: /^share (?:to|on|via)\b.{0,150}$/i,
    reason: 'row of share buttons run together',
  },
  {
    pattern: /\bshar(?:e|ing) (?:buttons?|this (?:article|story|post))$/i,
    reason: 'share bar heading',
  },
  {
    pattern: /^(?:follow|like|join) us(?: on .{0,40})?[.!]?$/i,
    reason: 'follow button',
  },
  {
    pattern:
      /^\[?\s*(?:related|read more|read also|also read|see also|see more|more|watch|listen|must read|don'?t miss|recommended|trending now|editor'?s picks?)\s*[:|]\s*.{0,150}$/i,
    reason: 'related-story teaser introduced by a label',
  },
  {
    pattern:
      /^(?:related|more|top|latest|popular|trending|recommended|other)(?: (?:stories|articles|posts|topics|news|links|content|coverage|reading|videos|from [\w .'-]{1,40}))?\s*[:.]*$/i,
    reason: 'heading of a teaser box',
    headsTeaserList: true,
  },
  {
    pattern:
      /^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended for you|read next|up next|don'?t miss|more to explore|what to read next)\b.{0,20}$/i,
    reason: 'heading of a recommendation box',
    headsTeaserList: true,
  },
  {
    pattern:
      /\b(?:we|this (?:web)?site|our (?:web)?site) (?:uses?|is using) cookies\b|^(?:accept (?:all )?cookies|cookie (?:policy|settings|preferences|consent))\b/i,
    reason: 'cookie banner',
  },
  {
    pattern:
      /^(?:accept|accept all|reject all|manage (?:preferences|settings)|got it|i agree|ok(?:ay)?)[.!]?$/i,
    reason: 'consent banner button',
  },
  {
    pattern:
      /^(?:sign up|subscribe|register|log ?in|sign ?in|log ?out|sign ?out)(?: (?:now|today|here|for|to) .{0,80})?[.!]?$/i,
    reason: 'account or newsletter call to action',
  },
  {
    pattern:
      /^(?:advertisement|advertising|sponsored(?: content)?|ad|skip ad|close ad|story continues below(?: advertisement)?|continue reading(?: below| the main story)?)$/i,
    reason: 'advertising slot label',
  },
  {
    pattern:
      /^(?:back to top|scroll to top|top of page|menu|search|home|close|loading\.*|view (?:all|more|gallery)(?: \(\d{1,5}\))?|post (?:a )?comment(?: \(\+\))?|show (?:more|less)|load more|print this page|leave a (?:comment|reply)|\d{1,6} comments?|comments?(?: \(\d{1,6}\))?)$/i,
    reason: 'navigation or widget control',
  },
  {
    pattern: /^(?:\u00A9|\(c\)|copyright\b).{0,150}$/i,
    reason: 'copyright footer',
  },
  {
    pattern: /\ball rights reserved\.?$/i,
    reason: 'copyright footer',
  },
  {
    pattern:
      /^(?:privacy(?: policy)?|terms(?: of (?:use|service))?|terms (?:and|&) conditions|contact us|about us|cookie policy|sitemap)$/i,
    reason: 'footer link',
  },
  {
    pattern:
      /^(?:image|photo|picture|video|graphic|illustration)(?: copyright| credit| source)?\s*:.{0,120}$/i,
    reason: 'picture credit',
  },
  {
    // Case-sensitive on purpose: "[VIDEO]", "[INSIGHT]" tag a teaser; "[in person]" is an insertion.
    pattern: /\[[A-Z]{2,15}\]\s*\|?$/,
    reason: 'teaser link tagged with a label in capitals',
  },
  {
    pattern: /\((?:photo|image|picture|video|credit|pictured)(?: by|:)[^()]{1,100}\)$/i,
    reason: 'picture caption ending in its credit',
    // Captions are sentences; the credit at the end, not the length, marks them.
    maxLength: 400,
  },
  {
    pattern: /^click here\b.{0,120}$/i,
    reason: 'call to action',
  },
  {
    pattern: /^[-_=*~\u2022\u00B7|#.]{3,}$/,
    reason: 'separator rule',
  },
];

/**
 * Whether a trimmed line is page furniture rather than article prose.
 *
 * @example
 * isNoiseLine('No Widgets found in the Sidebar') // true
 */
export function isNoiseLine(
  line: string,
  patterns: readonly NoiseLinePattern[] = NOISE_LINE_PATTERNS,
): boolean {
  return matchNoiseLine(line, patterns) !== null;
}

/**
 * The noise pattern a trimmed line matches, or null for prose.
 *
 * @example
 * matchNoiseLine('Related stories')?.headsTeaserList // true
 */
export function matchNoiseLine(
  line: string,
  patterns: readonly NoiseLinePattern[] = NOISE_LINE_PATTERNS,
): NoiseLinePattern | null {
  return (
    patterns.find(
      ({ pattern, maxLength = MAX_NOISE_LINE_LENGTH }) => line.length <= maxLength && pattern.test(line),
    ) ?? null
  );
}

// A teaser is a headline: short, without a sentence's closing punctuation.
const MAX_TEASER_LENGTH = 120;
const CLOSES_SENTENCE = /[.!?\u2026"\u201D\u2019\u00BB]$/;

/**
 * Whether a line under a teaser-list heading is itself a teaser headline or a section label
 * rather than the prose that follows the list.
 *
 * @example
 * isTeaserHeadline('Storm damages second pier') // true
 */
export function isTeaserHeadline(line: string): boolean {
  return line.length <= MAX_TEASER_LENGTH && !CLOSES_SENTENCE.test(line);
}
