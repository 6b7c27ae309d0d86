import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../shared/analyze-article.ts';
import { QuoteToneError } from '../../../shared/errors.ts';
import { scoreTone } from '../../../shared/score-tone.ts';
import type { ToneScore } from '../../../shared/types.ts';

// The team kit's raw corpus: read at test time to measure, nothing copied.
const CORPUS = fileURLToPath(new URL('../../../../shared/eval/corpus/', import.meta.url));
const SUM_TOLERANCE = 0.01;

function parts(tone: ToneScore): number {
  let sum = (tone.baseline ?? 0) + (tone.otherWords ?? 0);
  for (const part of tone.explanation) sum += part.weight;
  return sum;
}

/** The label is never shown with only drivers of the other sign. */
function drivenByItsSign(tone: ToneScore): boolean {
  if (tone.label !== 'positive' && tone.label !== 'negative') return true;
  const sign = tone.label === 'positive' ? 1 : -1;
  const drivers = tone.explanation.filter((part) => part.weight !== 0);
  return (
    drivers.length === 0 ||
    drivers.some((part) => Math.sign(part.weight) === sign) ||
    Math.sign(tone.baseline ?? 0) === sign
  );
}

/** A polar label never comes with a score of the other sign ("negative +0.04"). */
function signAgrees(tone: ToneScore): boolean {
  if (tone.label === 'positive') return tone.score >= 0;
  if (tone.label === 'negative') return tone.score <= 0;
  return true;
}

describe('explanations add up', () => {
  it('sums to the score for every quote of the raw corpus', () => {
    expect(existsSync(CORPUS), `the team kit's corpus at ${CORPUS}`).toBe(true);
    let quotes = 0;
    for (const folder of ['bbc', 'web']) {
      for (const file of readdirSync(join(CORPUS, folder)).sort()) {
        let report: ReturnType<typeof analyzeArticle>;
        try {
          report = analyzeArticle(
            {
              id: 'corpus',
              source: { bucket: null, key: `articles/${file}` },
              content: readFileSync(join(CORPUS, folder, file)),
            },
            { analyzedAt: new Date(0) },
          );
        } catch (error) {
          // Pages refused by the input policy have no quotes to explain.
          if (error instanceof QuoteToneError) continue;
          throw error;
        }
        for (const quote of report.quotes) {
          quotes += 1;
          expect(Math.abs(parts(quote.tone) - quote.tone.score), quote.text).toBeLessThanOrEqual(
            SUM_TOLERANCE,
          );
          expect(drivenByItsSign(quote.tone), quote.text).toBe(true);
          expect(signAgrees(quote.tone), `${quote.text}: ${quote.tone.label} ${quote.tone.score}`).toBe(true);
        }
      }
    }
    expect(quotes).toBeGreaterThan(100);
  });

  it('sums to the score for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (statement) => {
        const tone = scoreTone(statement);
        expect(Math.abs(parts(tone) - tone.score)).toBeLessThanOrEqual(SUM_TOLERANCE);
        expect(drivenByItsSign(tone)).toBe(true);
      }),
      { seed: 20_261_204, numRuns: 300 },
    );
  });

  it('lists words in text order with their contribution and how they were read', () => {
    const tone = scoreTone('The plan is not good, but the outcome was excellent');
    const starts = tone.explanation.map((part) => part.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const good = tone.explanation.find((part) => part.text === 'good');
    const excellent = tone.explanation.find((part) => part.text === 'excellent');
    expect(good?.weight).toBeLessThan(0);
    expect(good?.rules).toEqual(expect.arrayContaining(["negated by 'not'"]));
    expect(excellent?.weight).toBeGreaterThan(0);
    expect(excellent?.rules).toContain("after 'but'");
  });

  it('names the rule behind a word in plain words', () => {
    const tone = scoreTone('Whether the merger helps anyone is an open question');
    expect(tone.explanation.find((part) => part.text === 'helps')?.rules).toContain('in an open question');
  });

  it('names the hedge that softened a word, and never an empty one', () => {
    const tone = scoreTone('The plan may perhaps work.');
    const rules = (text: string) => tone.explanation.find((part) => part.text === text)?.rules ?? [];
    expect(rules('perhaps')).toContain("hedged by 'may'");
    expect(rules('work')).toContain("hedged by 'perhaps'");
    expect(rules('may')).not.toContain("hedged by ''");
  });

  it('reports rounded numbers', () => {
    const tone = scoreTone('We are very pleased with the progress, though some risks remain');
    for (const value of [tone.score, tone.intensity, ...Object.values(tone.confidence)]) {
      expect(Math.round(value * 1000) / 1000).toBe(value);
    }
    for (const part of tone.explanation) expect(Math.round(part.weight * 1000) / 1000).toBe(part.weight);
  });
});
