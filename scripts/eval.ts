// `npm run eval`: scores the analyser on ../shared/eval (quotes, tone, the behavioural tone checklist, HTML bodies), prints each
// part's figures beside its baselines from the same run, and exits 1 if any figure is below its
// floor, so CI never lets quality drop silently.
import type { EvalPart } from './eval-part.ts';

const PARTS: Record<string, () => Promise<{ run(): Promise<EvalPart> }>> = {
  quotes: () => import('./eval-quotes.ts'),
  tone: () => import('./eval-tone.ts'),
  checklist: () => import('./eval-checklist.ts'),
  html: () => import('./eval-html.ts'),
};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !(name in PARTS));
if (unknown.length) {
  console.error(`eval: unknown part(s) ${unknown.join(', ')}; choose from ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}

const below: string[] = [];
for (const name of requested.length ? requested : Object.keys(PARTS)) {
  const load = PARTS[name];
  if (!load) continue;
  const startedAt = performance.now();
  const part = await (await load()).run();
  console.log(`\n== ${part.name} (${((performance.now() - startedAt) / 1000).toFixed(1)} s)\n${part.table}`);
  for (const [metric, floor] of Object.entries(part.floors)) {
    const value = part.metrics[metric];
    if (value === undefined || Number.isNaN(value) || value < floor) {
      below.push(`${part.name}: ${metric} = ${value ?? 'missing'} is below its floor ${floor}`);
    }
  }
}

if (below.length) {
  console.error(`\nQuality dropped below the floor:\n  ${below.join('\n  ')}`);
  process.exit(1);
}
console.log('\nAll figures at or above their floors.');
