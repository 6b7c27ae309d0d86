import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { predictExample } from '../../scripts/fit-tone/logistic.ts';
import { exampleFromFeatures, fittedFromShipped } from '../../scripts/fit-tone/shipped.ts';
import { softTarget } from '../../scripts/fit-tone/sources.ts';
import { createFeatureBuffer, featurize } from '../../shared/tone/features.ts';
import { loadWeights, predict } from '../../shared/tone/model.ts';
import weights from '../../shared/tone/model-weights.json' with { type: 'json' };
import { readStatement } from '../../shared/tone/read-statement.ts';

// Training sentences, read at test time (they never enter the repository).
const TRAIN = fileURLToPath(
  new URL('../../../shared/eval/sentiment/train/newsmtsc_train.jsonl', import.meta.url),
);
const SENTENCES = 300;

describe('the fitting code and the shipped scorer', () => {
  it('predict the same probabilities for the same sentences', () => {
    const model = fittedFromShipped(loadWeights(weights));
    const texts = readFileSync(TRAIN, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .slice(0, SENTENCES)
      .map((line) => (JSON.parse(line) as { text: string }).text);
    texts.push('We will not accept this, but the talks were good.', 'Whether it helps is unclear!');
    const buffer = createFeatureBuffer();
    for (const text of texts) {
      const features = featurize(readStatement(text), buffer);
      const shipped = predict(features);
      const fitted = predictExample(model, exampleFromFeatures(features));
      expect(fitted.positive).toBeCloseTo(shipped.positive, 9);
      expect(fitted.negative).toBeCloseTo(shipped.negative, 9);
    }
  });
});

describe('loadWeights', () => {
  it('refuses weights that do not match the schema', () => {
    expect(() => loadWeights({ ...weights, bias: [0] })).toThrow(/schema at bias/);
    expect(() => loadWeights({ ...weights, dense: ['positive'] })).toThrow(/dense features/);
  });
});

describe('softTarget', () => {
  it('keeps how strongly raters leaned, and reads ternary gold as hard', () => {
    expect(softTarget(0.5, 'rating')).toEqual([0.25, 0, 0.75]);
    expect(softTarget(1, 'rating')).toEqual([0.5, 0, 0.5]);
    expect(softTarget(-3, 'rating')).toEqual([0, 1, 0]);
    expect(softTarget(0, 'rating')).toEqual([0, 0, 1]);
    expect(softTarget(-1, 'ternary')).toEqual([0, 1, 0]);
  });
});
