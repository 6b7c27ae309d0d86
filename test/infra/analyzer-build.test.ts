import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzerSourceHash } from '../../infra/analyzer-build.ts';

function projectWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'quote-tone-build-'));
  mkdirSync(join(root, 'shared', 'tone'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
  return root;
}

const BASE = {
  'shared/score-tone.ts': 'export const weight = 1;',
  'shared/tone/lexicon.json': '{"words": {"joy": 3}}',
  'package-lock.json': '{"lockfileVersion": 3}',
};

describe('analyzerSourceHash', () => {
  it('is the same for the same sources', () => {
    expect(analyzerSourceHash(projectWith(BASE))).toBe(analyzerSourceHash(projectWith(BASE)));
  });

  it.each([
    ['a core source', 'shared/score-tone.ts', 'export const weight = 2;'],
    ['a lexicon', 'shared/tone/lexicon.json', '{"words": {"joy": -3}}'],
    ['a locked dependency', 'package-lock.json', '{"lockfileVersion": 3, "packages": {}}'],
  ])('changes when %s changes, so re-dropped articles are re-analysed', (_what, file, text) => {
    expect(analyzerSourceHash(projectWith({ ...BASE, [file]: text }))).not.toBe(
      analyzerSourceHash(projectWith(BASE)),
    );
  });
});
