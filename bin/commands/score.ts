import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { TextChunkDecoder } from '../../shared/decode-text.ts';
import { InvalidTextError } from '../../shared/errors.ts';
import { rateTone } from '../../shared/score-tone.ts';
import { UsageError } from '../cli-errors.ts';
import { csvField } from '../csv.ts';

export const summary = 'score statements, one per line, from files or stdin: one result per line';

export const help = `Usage: quote-tone score [FILE...] [--format jsonl|csv] < statements

Reads one statement per line, either JSON {"id": ..., "text": ...} or plain text, from each
FILE in turn ("-" or no FILE: standard input), and writes one result per statement:
  {"id": ..., "label": "positive|negative|neutral|mixed", "score": -1..1}
Plain lines get their line number (from 1) as id; with several inputs, "FILE:LINE".
A line that starts with "{" is JSON: one that does not parse, or has no string "text", is
reported on stderr and skipped, never scored as text. A JSON array, or null, true or false
alone on a line, is data, not a statement: reported and skipped too. Every other line is plain
text, a number, a "quoted" sentence or "[Applause] ..." included. Blank lines are skipped.
A file that cannot be read is reported and skipped. After anything reported, the exit code is 1.
Each input is UTF-8, or has a byte-order mark that says UTF-16 (Excel's "Unicode text") or
UTF-8. An input whose first character beyond ASCII is no UTF-8 (a Windows-1252 or Latin-1
export) is read as Windows-1252, said once on stderr. Bytes that are not text otherwise (NUL,
binary data, a Latin-1 byte after UTF-8 accents) are reported on stderr with their line; the
lines before are scored, the rest of that input is skipped, the exit code is 1.

Options:
  --format jsonl|csv   jsonl (default): one JSON object per line. csv: id,label,score with a header;
                       an id that is neither a string nor a number is written as JSON.
  -h, --help           show this help.

Examples:
  echo "There are no reasons for joy, of course" | npx quote-tone score
  npx quote-tone score statements.jsonl more.txt --format csv > scores.csv`;

export const options = {
  format: { type: 'string', default: 'jsonl' },
} as const;

const FORMATS = ['jsonl', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const STDIN = '-';
// Batch output: one write per this many lines keeps 100k-line runs fast without holding all output.
const WRITE_BATCH = 1_000;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`expected --format jsonl or csv, got "${values.format}"`);
  const inputs = positionals.length ? positionals : [STDIN];
  if (inputs.filter((input) => input === STDIN).length > 1)
    throw new UsageError('expected "-" (standard input) at most once');

  if (inputs.includes(STDIN) && process.stdin.isTTY)
    console.error('quote-tone score: reading statements from the terminal, one per line; end with Ctrl-D');
  const output = new BatchedOutput();
  if (format === 'csv') output.add('id,label,score');
  const toLine = (row: ScoredRow): string =>
    format === 'csv'
      ? [csvId(row.id), row.label, String(row.score)].map(csvField).join(',')
      : JSON.stringify(row);
  let bad = 0;
  for (const input of inputs) {
    const name = input === STDIN ? 'stdin' : input;
    const prefix = inputs.length > 1 ? `${name}:` : '';
    try {
      const stream = input === STDIN ? process.stdin : await openFile(input);
      bad += await scoreLines(stream, prefix, name, output, toLine);
    } catch (error) {
      bad += 1;
      console.error(`quote-tone score: ${name}: ${readError(error)}; skipped`);
    }
  }
  await output.flush();
  return bad ? 1 : 0;
}

interface ScoredRow {
  id: unknown;
  label: string;
  score: number;
}

// Reads the input a chunk at a time and scores its lines synchronously: a promise per line (the
// readline iterator) cost more than scoring a short statement. Decoding is per chunk too.
async function scoreLines(
  input: Readable,
  idPrefix: string,
  name: string,
  output: BatchedOutput,
  toLine: (row: ScoredRow) => string,
): Promise<number> {
  let lineNumber = 0;
  let bad = 0;
  const lines = new LineSplitter((line) => {
    lineNumber += 1;
    const trimmed = line.trim();
    if (!trimmed) return;
    const statement = readStatement(line, trimmed, idPrefix ? `${idPrefix}${lineNumber}` : lineNumber);
    if (typeof statement === 'string') {
      bad += 1;
      console.error(`quote-tone score: ${name} line ${lineNumber}: ${statement}; skipped`);
      return;
    }
    const tone = rateTone(statement.text);
    output.add(toLine({ id: statement.id, label: tone.label, score: tone.score }));
  });
  // No encoding on the stream: the decoder reads a byte-order mark (UTF-16 from Excel) first.
  const decoder = new TextChunkDecoder();
  let toldFallback = false;
  const push = (text: string) => {
    // Said once, when it happens: the lines after it are scored as read that way.
    if (decoder.fellBack && !toldFallback) {
      toldFallback = true;
      console.error(`quote-tone score: ${name}: not UTF-8; read as Windows-1252 (Latin-1)`);
    }
    lines.push(text);
  };
  try {
    for await (const chunk of input as AsyncIterable<Uint8Array>) {
      push(decoder.decode(chunk));
      await output.drain();
    }
    push(decoder.end());
    lines.end();
  } catch (error) {
    if (!(error instanceof InvalidTextError)) throw error;
    // Not text from here on, so nothing after it can be trusted: the lines before it still count.
    lines.push(error.textBefore);
    lines.endBefore();
    bad += 1;
    console.error(
      `quote-tone score: ${name} line ${lineNumber + 1}: ${error.message}; the rest of ${name} is skipped`,
    );
  }
  return bad;
}

// Lines end at \n, \r\n or a lone \r, as readline reads them.
const LINE_BREAK = /\r\n|\n|\r/;

/** Cuts text pushed a chunk at a time into lines, passing each whole line on as it ends. */
class LineSplitter {
  private carry = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    const text = this.carry + chunk;
    // A closing \r may be the first half of \r\n split across chunks: keep it with the rest.
    const held = text.endsWith('\r') ? 1 : 0;
    const lines = text.slice(0, text.length - held).split(LINE_BREAK);
    this.carry = (lines.pop() ?? '') + (held ? '\r' : '');
    for (const line of lines) this.onLine(line);
  }

  /** The input ended: the last line too, though no line break follows it. */
  end(): void {
    const last = this.carry.split(LINE_BREAK);
    // No line after the last break, as readline reads it.
    if (last.at(-1) === '') last.pop();
    for (const line of last) this.onLine(line);
    this.carry = '';
  }

  /** The input broke off: every line that ended before, without the unfinished one. */
  endBefore(): void {
    const ended = this.carry.split(LINE_BREAK);
    ended.pop();
    for (const line of ended) this.onLine(line);
    this.carry = '';
  }
}

/** Lines to stdout, written in batches: `add` collects, `drain` writes once a batch is full. */
class BatchedOutput {
  private lines: string[] = [];

  add(line: string): void {
    this.lines.push(line);
  }

  async drain(): Promise<void> {
    if (this.lines.length >= WRITE_BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.lines.length === 0) return;
    const chunk = `${this.lines.join('\n')}\n`;
    this.lines = [];
    await new Promise<void>((resolve, reject) => {
      process.stdout.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  }
}

// A JSON id can be any value: an object or array as JSON, not "[object Object]" or "a,b", so the
// CSV row names the same record the JSON Lines row would.
function csvId(id: unknown): string {
  return typeof id === 'string' || typeof id === 'number' ? String(id) : JSON.stringify(id);
}

// Opening first makes a missing file an error before any line is read, not a stream error mid-way.
function openFile(path: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const stream = createReadStream(path);
    stream.once('open', () => resolve(stream));
    stream.once('error', reject);
  });
}

function readError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, expected a file of statements';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

interface Statement {
  id: unknown;
  text: string;
}

const NO_STATEMENT = 'expected a statement or a JSON object {"id", "text"}';
// Alone on a line these are values from a data file (a JSON Lines row that is null), not words.
const JSON_KEYWORDS: readonly string[] = ['null', 'true', 'false'];

/**
 * The statement on a line, or what is wrong with it. A line starting with "{" is JSON and must
 * be an object with a string "text"; a JSON array or a lone null, true or false is data; any
 * other line is plain text, scored as it stands: a number, a "quoted" sentence, "[Applause] …".
 */
function readStatement(line: string, trimmed: string, lineId: unknown): Statement | string {
  // Cheapest test first: almost every plain line starts with neither bracket.
  const first = trimmed[0];
  if (first === '{') return readJsonStatement(trimmed, lineId);
  // A transcript's "[Laughter] …" is text; only a line that parses as an array is data.
  if (first === '[' && isJson(trimmed)) return `${NO_STATEMENT}, got a JSON array`;
  if (JSON_KEYWORDS.includes(trimmed)) return `${NO_STATEMENT}, got JSON ${trimmed}`;
  return { id: lineId, text: line };
}

// No one starts a sentence with "{": such a line is a JSON record, and a broken one is reported
// instead of scored as text under a line-number id that would hide its real id.
function readJsonStatement(trimmed: string, lineId: unknown): Statement | string {
  let parsed: { id?: unknown; text?: unknown };
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return `expected a JSON object {"id", "text"} (the line starts with "{"), got invalid JSON: ${detail}`;
  }
  if (typeof parsed.text !== 'string') return 'expected {"id", "text"} with a string text';
  return { id: parsed.id ?? lineId, text: parsed.text };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
