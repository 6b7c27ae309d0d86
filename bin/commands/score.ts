import { createInterface } from 'node:readline';
import { rateTone } from '../../shared/score-tone.ts';

export const summary = 'score statements from stdin (JSON Lines or plain lines), one result per line';

export const help = `Usage: quote-tone score < statements.jsonl > scores.jsonl

Reads one statement per line on standard input, either JSON {"id": ..., "text": ...}
or plain text, and writes one JSON line per statement on standard output:
  {"id": ..., "label": "positive|negative|neutral|mixed", "score": -1..1}
Plain lines get their line number (from 1) as id. Blank lines are skipped.
A JSON line without a string "text" is reported on stderr and skipped; the exit code is then 1.

Example:
  echo "There are no reasons for joy, of course" | npx quote-tone score`;

// Batch output: one write per this many lines keeps 100k-line runs fast without holding all output.
const WRITE_BATCH = 1_000;

export async function run(_args: string[]): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let buffer: string[] = [];
  let lineNumber = 0;
  let bad = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (!line.trim()) continue;
    const statement = parseLine(line, lineNumber);
    if (!statement) {
      bad += 1;
      console.error(
        `quote-tone score: line ${lineNumber}: expected {"id", "text"} with a string text; skipped`,
      );
      continue;
    }
    const tone = rateTone(statement.text);
    buffer.push(JSON.stringify({ id: statement.id, label: tone.label, score: tone.score }));
    if (buffer.length >= WRITE_BATCH) {
      await write(`${buffer.join('\n')}\n`);
      buffer = [];
    }
  }
  if (buffer.length) await write(`${buffer.join('\n')}\n`);
  return bad ? 1 : 0;
}

function parseLine(line: string, lineNumber: number): { id: unknown; text: string } | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return { id: lineNumber, text: line };
  try {
    const parsed = JSON.parse(trimmed) as { id?: unknown; text?: unknown };
    return typeof parsed.text === 'string' ? { id: parsed.id ?? lineNumber, text: parsed.text } : null;
  } catch {
    // A line that merely starts with "{" but is not JSON is still a statement.
    return { id: lineNumber, text: line };
  }
}

function write(chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}
