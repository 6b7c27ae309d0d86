// Quote extraction and attribution on ../shared/eval/quotes: the real analyser (the code path of
// `quote-tone analyze`) over the seed and dev articles, scored by the set's own scorer beside
// its naive "text between quote marks" baseline from the same run. The dev .txt files and the
// .html of the two web pages are scored separately. Run alone: node bin/run-ts.js scripts/eval-quotes.ts
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../shared/analyze-article.ts';
import { articleIdFromKey } from '../shared/article-id.ts';
import type { EvalPart } from './eval-part.ts';

const QUOTES_DIR = fileURLToPath(new URL('../../shared/eval/quotes/', import.meta.url));
const SCORER = join(QUOTES_DIR, 'score.mjs');
const NAIVE = join(QUOTES_DIR, 'tools', 'naive-predict.mjs');
// Floors sit just under the figures measured when extraction was last tuned (see README,
// Evaluation), about one item below each: a drop below means a change made extraction or
// attribution worse, not noise in an unchanged run. Reported-speech precision is the scorer's
// approximate one (predicted reported clauses that matched a gold clause).
const FLOORS: Record<string, number> = {
  'dev.direct.f1': 0.975,
  'dev.speaker': 0.98,
  'dev.indirect.recall': 0.97,
  'dev.indirect.precision': 0.96,
  'dev.indirect.speaker': 0.92,
  'html.direct.f1': 0.95,
  'html.speaker': 0.95,
  'html.indirect.recall': 0.9,
  'html.indirect.precision': 0.93,
  'html.indirect.speaker': 0.92,
  'seed.direct.recall': 1,
  'seed.indirect.recall': 1,
  'seed.speaker': 1,
  'seed.direct.precision': 1,
  'seed.indirect.precision': 1,
  'seed.indirect.speaker': 1,
};

interface Score {
  direct: { precision: number; recall: number; f1: number };
  speakerAccuracy: { n: number; accuracy: number };
  indirect: {
    recall: number;
    /** Predicted reported clauses that matched a gold one (the gold aims to list every clear case). */
    precisionApprox: number;
    predictedIndirect: number;
    speakerAccuracy: { n: number; accuracy: number };
  };
}

interface Split {
  name: string;
  articles: string;
  gold: string;
  /** Which article files to analyse. */
  extension: '.txt' | '.html';
}

export async function run(): Promise<EvalPart> {
  const work = mkdtempSync(join(tmpdir(), 'quote-eval-'));
  try {
    const webGold = join(work, 'web-gold');
    mkdirSync(webGold);
    const devGold = join(QUOTES_DIR, 'dev', 'gold');
    for (const file of readdirSync(devGold).filter((name) => name.startsWith('web-'))) {
      copyFileSync(join(devGold, file), join(webGold, file));
    }
    const splits: Split[] = [
      {
        name: 'seed',
        articles: join(QUOTES_DIR, 'seed', 'articles'),
        gold: join(QUOTES_DIR, 'seed', 'gold'),
        extension: '.txt',
      },
      { name: 'dev', articles: join(QUOTES_DIR, 'dev', 'articles'), gold: devGold, extension: '.txt' },
      { name: 'html', articles: join(QUOTES_DIR, 'dev', 'articles'), gold: webGold, extension: '.html' },
    ];
    const metrics: Record<string, number> = {};
    const rows: string[][] = [];
    for (const split of splits) {
      const ours = score(predict(split, join(work, `${split.name}-ours`)), split.gold);
      const naive = score(naivePredict(split, join(work, `${split.name}-naive`)), split.gold);
      metrics[`${split.name}.direct.precision`] = ours.direct.precision;
      metrics[`${split.name}.direct.recall`] = ours.direct.recall;
      metrics[`${split.name}.direct.f1`] = ours.direct.f1;
      metrics[`${split.name}.speaker`] = ours.speakerAccuracy.accuracy;
      metrics[`${split.name}.indirect.recall`] = ours.indirect.recall;
      metrics[`${split.name}.indirect.precision`] = ours.indirect.precisionApprox;
      metrics[`${split.name}.indirect.speaker`] = ours.indirect.speakerAccuracy.accuracy;
      rows.push(
        row(`${split.name} (${split.extension}) quote-tone`, ours),
        row(`${split.name} (${split.extension}) naive marks`, naive),
      );
    }
    return { name: 'quotes', table: table(rows), metrics, floors: FLOORS };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function predict(split: Split, out: string): string {
  mkdirSync(out, { recursive: true });
  const goldIds = new Set(readdirSync(split.gold).map((file) => basename(file, '.json')));
  for (const file of readdirSync(split.articles)) {
    const id = basename(file, extname(file));
    if (extname(file) !== split.extension || !goldIds.has(id)) continue;
    const path = join(split.articles, file);
    const report = analyzeArticle({
      id: articleIdFromKey(file),
      source: { bucket: null, key: path },
      content: readFileSync(path),
    });
    const quotes = report.quotes.map((quote) => ({
      text: quote.text,
      speaker: quote.speaker.name,
      kind: quote.kind,
      // The gold has three polarities; a mixed statement is scored as neutral.
      polarity: quote.tone.label === 'mixed' ? 'neutral' : quote.tone.label,
      start: quote.span.start,
      cue: quote.cue,
    }));
    writeFileSync(join(out, `${id}.json`), `${JSON.stringify({ quotes }, null, 2)}\n`);
  }
  return out;
}

function naivePredict(split: Split, out: string): string {
  if (split.extension === '.html') {
    // The baseline reads the crude-text scrape; on HTML pages it has no body extraction.
    mkdirSync(out, { recursive: true });
    const txt = join(out, 'all');
    execFileSync('node', [NAIVE, 'marks', txt, split.articles, join(QUOTES_DIR, 'dev', 'gold')], {
      stdio: 'pipe',
    });
    for (const file of readdirSync(split.gold)) copyFileSync(join(txt, file), join(out, file));
    return out;
  }
  execFileSync('node', [NAIVE, 'marks', out, split.articles, split.gold], { stdio: 'pipe' });
  return out;
}

function score(pred: string, gold: string): Score {
  const output = execFileSync('node', [SCORER, pred, '--gold', gold, '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(output) as Score;
}

function row(label: string, score: Score): string[] {
  const percent = (value: number) => (value * 100).toFixed(1);
  return [
    label,
    percent(score.direct.precision),
    percent(score.direct.recall),
    percent(score.direct.f1),
    score.speakerAccuracy.n ? percent(score.speakerAccuracy.accuracy) : '–',
    percent(score.indirect.recall),
    score.indirect.predictedIndirect ? percent(score.indirect.precisionApprox) : '–',
    score.indirect.speakerAccuracy.n ? percent(score.indirect.speakerAccuracy.accuracy) : '–',
  ];
}

function table(rows: string[][]): string {
  const header = ['split / predictor', 'direct P', 'R', 'F1', 'speaker', 'reported R', 'P≈', 'speaker'];
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const part = await run();
  console.log(part.table);
}
