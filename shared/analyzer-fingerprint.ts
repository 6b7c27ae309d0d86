import { createHash } from 'node:crypto';
import { analyzeArticle } from './analyze-article.ts';

// Small articles that exercise every stage: cleaning (HTML and text), direct and reported
// speech, attribution by name, pronoun and role, and tone words with negation and contrast.
const CANARIES = [
  {
    key: 'canary.txt',
    text: [
      'Harbour talks stall',
      '',
      'Port Authority Director Henrik Aas said the two sides had come closer than ever.',
      '',
      '"There are no reasons for joy, of course," he said. "But the talks were good."',
      '',
      'The director added that a revised offer would be tabled on Monday.',
    ].join('\n'),
  },
  {
    key: 'canary.html',
    text: `<html><head><title>Tram vote</title></head><body><nav>Home | News</nav><article>
      <h1>Council approves tram line</h1><p>By Priya Raman</p>
      <p>Mayor Thomas Greene called it &ldquo;a historic day for a fairer, greener city&rdquo;.</p>
      <p>&ldquo;This project will be late and over budget,&rdquo; said Councillor Janet Okoye.</p>
      </article><aside>Related stories</aside></body></html>`,
  },
] as const;

// Fixed, so the fingerprint depends on the analyser alone.
const CANARY_TIME = new Date('2026-01-01T00:00:00Z');
// 12 hex digits: enough that two analyser builds never share one by chance.
const FINGERPRINT_HEX_DIGITS = 12;

let cached: string | undefined;

/**
 * A fingerprint of the analyser's behaviour: the hash of its reports on fixed canary articles.
 * It changes whenever an upgrade would analyse those articles differently, so an article
 * dropped again after an upgrade is re-analysed instead of being skipped as a duplicate.
 * Computed once per process (a few milliseconds).
 *
 * @example
 * analyzerFingerprint() // 'a41f0c2d9e77'
 */
export function analyzerFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  for (const canary of CANARIES) {
    const report = analyzeArticle(
      { id: 'canary', source: { bucket: null, key: canary.key }, content: canary.text },
      { analyzedAt: CANARY_TIME },
    );
    hash.update(JSON.stringify(report));
  }
  cached = hash.digest('hex').slice(0, FINGERPRINT_HEX_DIGITS);
  return cached;
}
