import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzerBuild, analyzerInputs, analyzerSourceHash } from '../../functions/lib/analyzer-build.ts';
import { PROJECT_ROOT } from '../../infra/pipeline-function.ts';

// The analyser build id decides whether a re-dropped article is analysed again: it must change with
// the analysis core and its model, and with nothing else.

const roots: string[] = [];

function projectWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'quote-tone-build-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const lock = (packages: Record<string, { version: string; dev?: boolean; dependencies?: object }>) =>
  JSON.stringify({
    lockfileVersion: 3,
    packages: Object.fromEntries(
      Object.entries(packages).map(([name, entry]) => [`node_modules/${name}`, entry]),
    ),
  });

const BASE = {
  'shared/analyze-article.ts': [
    "import { weight } from './score-tone.ts';",
    "import type { Row } from './types.ts';",
    "import { parseHTML } from 'htmlish';",
    "import stem from 'stemmer-kit/lib/porter.js';",
    'export const run = () => weight;',
  ].join('\n'),
  'shared/score-tone.ts':
    "import table from './tone/lexicon.json' with { type: 'json' };\nexport const weight = 1;",
  'shared/types.ts': 'export interface Row { a: number }',
  'shared/tone/lexicon.json': '{"words": {"joy": 3}}',
  'shared/dashboard-csp.ts': 'export const DASHBOARD_CSP = "default-src \'self\'";',
  'shared/article-index.ts': 'export const ARTICLES_INDEX_KEY = "index/articles.json";',
  'package-lock.json': lock({
    htmlish: { version: '1.0.0', dependencies: { entities: '^2' } },
    entities: { version: '2.0.0' },
    'stemmer-kit': { version: '3.0.0', dependencies: { 'database-driver': '^1' } },
    'database-driver': { version: '1.0.0' },
    vitest: { version: '4.1.0', dev: true },
  }),
};

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('the analyser build id', () => {
  it('is the same for the same sources', () => {
    expect(analyzerSourceHash(projectWith(BASE))).toBe(analyzerSourceHash(projectWith(BASE)));
  });

  it.each([
    ['a core module', 'shared/score-tone.ts', 'export const weight = 2;'],
    ['a model file', 'shared/tone/lexicon.json', '{"words": {"joy": -3}}'],
    [
      'a dependency of an imported package',
      'package-lock.json',
      BASE['package-lock.json'].replace('"2.0.0"', '"2.1.0"'),
    ],
  ])('changes when %s changes, so re-dropped articles are re-analysed', (_what, file, text) => {
    expect(analyzerSourceHash(projectWith({ ...BASE, [file]: text }))).not.toBe(
      analyzerSourceHash(projectWith(BASE)),
    );
  });

  it.each([
    ['the dashboard CSP', 'shared/dashboard-csp.ts', 'export const DASHBOARD_CSP = "default-src \'none\'";'],
    ['the store contract', 'shared/article-index.ts', 'export const ARTICLES_INDEX_KEY = "index/v2.json";'],
    ['a dev dependency', 'package-lock.json', BASE['package-lock.json'].replace('"4.1.0"', '"5.0.0"')],
    [
      'the tree of a package the core imports one file of',
      'package-lock.json',
      BASE['package-lock.json'].replace('"1.0.0" }', '"9.0.0" }'),
    ],
  ])('stays the same when only %s changes, so nothing is re-analysed for it', (_what, file, text) => {
    expect(analyzerSourceHash(projectWith({ ...BASE, [file]: text }))).toBe(
      analyzerSourceHash(projectWith(BASE)),
    );
  });

  it('covers the real core and tone model, and none of the store, dashboard or dev tooling', () => {
    const { files, packages } = analyzerInputs(PROJECT_ROOT);

    expect(files).toEqual(
      expect.arrayContaining([
        'shared/analyze-article.ts',
        'shared/score-tone.ts',
        'shared/tone/model-weights.json',
      ]),
    );
    expect(files.filter((file) => /dashboard-csp|article-index|speaker-index|quote-lake/.test(file))).toEqual(
      [],
    );
    expect(packages.map((entry) => entry.replace(/@[^@]*$/, ''))).toEqual(
      expect.arrayContaining(['linkedom']),
    );
    expect(packages.filter((entry) => /^(vitest|aws-cdk-lib|mongoose|pg|redis)@/.test(entry))).toEqual([]);
  });

  it('is what the local pipeline stamps, computed from the same files the bundle is built from', () => {
    const saved = process.env.QUOTE_TONE_ANALYZER_BUILD;
    delete process.env.QUOTE_TONE_ANALYZER_BUILD;
    try {
      expect(analyzerBuild()).toBe(analyzerSourceHash(PROJECT_ROOT));
    } finally {
      if (saved !== undefined) process.env.QUOTE_TONE_ANALYZER_BUILD = saved;
    }
  });
});
