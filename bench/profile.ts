import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as path from 'node:path';
import { analyzeArticle } from '../shared/analyze-article.ts';
import { scoreTone } from '../shared/score-tone.ts';
import { PROJECT_ROOT } from './children.ts';
import { repeatFor } from './measure.ts';
import { ADVERSARIAL_CASES, articleHtml, articleText, newsSentences } from './synthetic.ts';

// Where does the time go? Profiles one benchmark workload in this process with the V8 sampling
// profiler and prints the functions with the most self time, and the files they live in.
//   node bin/run-ts.js bench/profile.ts tone|text|html|"adversarial:<case name>" [BYTES] [--save FILE] [--heap]
//   node bin/run-ts.js bench/profile.ts FILE.cpuprofile   (summarises a `node --cpu-prof` profile)
// --save writes the .cpuprofile for Chrome DevTools or speedscope. --heap instead samples
// allocations over one run (collected ones included) and prints the functions allocating most:
// where to look when the peak memory figure is missed.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// Long enough for a few thousand samples at the default 1 ms interval.
const PROFILE_MS = 3000;
// Rows per list; PROFILE_TOP=N shows more.
const TOP = Number(process.env.PROFILE_TOP ?? 20);

function workload(name: string, bytes: number): () => void {
  const analyse = (content: string, key: string) => () => {
    analyzeArticle(
      { id: 'profile', source: { bucket: null, key }, content: Buffer.from(content) },
      { analyzedAt: new Date(0), maxBytes: Number.MAX_SAFE_INTEGER },
    );
  };
  if (name === 'tone') {
    const sentences = newsSentences(2000, 1);
    return () => {
      for (const sentence of sentences) scoreTone(sentence);
    };
  }
  if (name === 'text') return analyse(articleText(bytes, 1), 'profile.txt');
  if (name === 'html') return analyse(articleHtml(bytes, 1), 'profile.html');
  const adversarial = ADVERSARIAL_CASES.find((candidate) => `adversarial:${candidate.name}` === name);
  if (adversarial) return analyse(adversarial.make(bytes), 'profile.txt');
  throw new Error(
    `Expected tone, text, html or adversarial:<${ADVERSARIAL_CASES.map((c) => c.name).join('|')}>, but got "${name}".`,
  );
}

function location(frame: ProfileNode['callFrame']): string {
  const file = frame.url.startsWith('file://')
    ? path.relative(PROJECT_ROOT, new URL(frame.url).pathname)
    : frame.url;
  return frame.lineNumber > 0 ? `${file}:${frame.lineNumber + 1}` : file || '(native)';
}

interface Summary {
  /** Time spent in the function itself. */
  self: [string, number][];
  /** Time spent in the function and everything it called. */
  inclusive: [string, number][];
  files: [string, number][];
  totalMs: number;
}

function frameName(node: ProfileNode): string {
  return `${node.callFrame.functionName || '(anonymous)'} ${location(node.callFrame)}`;
}

/** Self and inclusive time per function, and self time per file, in ms, from a V8 CPU profile. */
function summarise(profile: CpuProfile): Summary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const files = new Map<string, number>();
  let totalMs = 0;
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    if (!node) return;
    totalMs += ms;
    add(self, frameName(node), ms);
    add(files, location(node.callFrame).replace(/:\d+$/, ''), ms);
    // Each function once per sample, however deep its recursion.
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame) onStack.add(frameName(frame));
    }
    for (const name of onStack) add(inclusive, name, ms);
  });
  const top = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  return { self: top(self), inclusive: top(inclusive), files: top(files), totalMs };
}

interface HeapNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children: HeapNode[];
}

// Bytes allocated per function over one run, garbage included.
async function heapProfile(session: Session, work: () => void): Promise<void> {
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 32 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  work();
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: HeapNode } };
  const bytes = new Map<string, number>();
  let total = 0;
  // A built-in (replace, join, a RegExp) is charged to the script function that called it.
  const visit = (node: HeapNode, caller: string) => {
    const own = frameName({ id: 0, callFrame: node.callFrame });
    const name = node.callFrame.url ? own : `${caller} > ${node.callFrame.functionName || '(native)'}`;
    bytes.set(name, (bytes.get(name) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const child of node.children) visit(child, node.callFrame.url ? own : caller);
  };
  visit(profile.head, '(root)');
  console.log(`\nallocated in one run: ${(total / 1e6).toFixed(0)} MB; by function:`);
  for (const [fn, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`  ${(size / 1e6).toFixed(1).padStart(7)} MB  ${fn}`);
  }
}

function printCpuSummary(profile: CpuProfile): void {
  const summary = summarise(profile);
  const share = (value: number) => `${((100 * value) / summary.totalMs).toFixed(1).padStart(5)}%`;
  console.log('\nself time by function:');
  for (const [fn, value] of summary.self) console.log(`  ${share(value)}  ${fn}`);
  console.log('\ninclusive time by function:');
  for (const [fn, value] of summary.inclusive) console.log(`  ${share(value)}  ${fn}`);
  console.log('\nself time by file:');
  for (const [file, value] of summary.files) console.log(`  ${share(value)}  ${file}`);
}

async function main(): Promise<number> {
  const [name = 'text', ...rest] = process.argv.slice(2);
  // A profile written by `node --cpu-prof` (e.g. of a cold start or the local pipeline): summarise it.
  if (name.endsWith('.cpuprofile')) {
    printCpuSummary(JSON.parse(readFileSync(name, 'utf8')) as CpuProfile);
    return 0;
  }
  const saveAt = rest.indexOf('--save');
  const save = saveAt >= 0 ? rest[saveAt + 1] : undefined;
  const bytes = Number(rest.find((arg) => /^\d+$/.test(arg)) ?? 100_000);
  const work = workload(name, bytes);
  work();

  const session = new Session();
  session.connect();
  if (rest.includes('--heap')) {
    await heapProfile(session, work);
    session.disconnect();
    return 0;
  }
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const { runs, ms } = repeatFor(work, PROFILE_MS, false);
  const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
  session.disconnect();
  if (save) writeFileSync(save, JSON.stringify(profile));
  console.log(
    `${name}${name === 'tone' ? '' : ` (${bytes} bytes)`}: ${runs} runs in ${ms.toFixed(0)} ms = ${(ms / runs).toFixed(2)} ms/run`,
  );
  printCpuSummary(profile);
  return 0;
}

process.exitCode = await main();
