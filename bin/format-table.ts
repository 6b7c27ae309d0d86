import type { Report } from '../shared/report-schema.ts';

// The tone table `analyze --format table` and `start --verbose` print: one row per quote, laid out
// for a terminal of a given width (80 columns when not a terminal). A quote wraps onto a few lines
// of its own column instead of running past the edge, and is closed with its quote mark even when
// cut, so every row reads as one complete, bounded statement.

/** Columns when the output is not a terminal (a file, a pipe, a test): the common default. */
export const DEFAULT_WIDTH = 80;
// Narrower than this, the quote column would be a word or two: lay out as if this wide.
const MIN_WIDTH = 60;
// Wider than this, lines get too long to read; the quote column stops growing.
const MAX_WIDTH = 140;

const INDENT = '  ';
const GAP = '  ';
// Most names fit; a longer one is cut with "…".
const SPEAKER_WIDTH = 18;
// "positive", "negative", "neutral", "mixed".
const LABEL_WIDTH = 8;
// "+0.42", "-1.00".
const SCORE_WIDTH = 5;
// Lines of a quote before it is cut: enough for most statements, short enough to scan a table.
const QUOTE_LINES = 3;
// The "driven by" list is short (TOP_DRIVERS words): it takes the lines it needs, never cut.
const DRIVER_LINES = Number.POSITIVE_INFINITY;
// The contributors shown under each quote: the largest, in text order.
const TOP_DRIVERS = 3;

// Holds a driver's word and weight together while wrapping; printed as a space.
const NO_BREAK = '\u00a0';

const QUOTE_COLUMN =
  INDENT.length + SPEAKER_WIDTH + GAP.length + LABEL_WIDTH + GAP.length + SCORE_WIDTH + GAP.length;

export interface ToneTableOptions {
  /** The terminal's width in columns; DEFAULT_WIDTH when not given. */
  width?: number;
}

/**
 * The width to lay a table out for on `stream`: its columns when it is a terminal, else
 * DEFAULT_WIDTH.
 *
 * @example formatToneTable(report, { width: tableWidth(process.stdout) })
 */
export function tableWidth(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY && stream.columns ? stream.columns : DEFAULT_WIDTH;
}

/**
 * A readable tone table for one report: one row per quote.
 *
 * @example
 * console.log(formatToneTable(report, { width: 80 }))
 */
export function formatToneTable(report: Report, options: ToneTableOptions = {}): string {
  const width = Math.min(Math.max(options.width ?? DEFAULT_WIDTH, MIN_WIDTH), MAX_WIDTH);
  const quoteWidth = width - QUOTE_COLUMN;
  const { summary } = report;
  const lines = [
    `${report.article.source.key}: ${summary.quotes} quote${summary.quotes === 1 ? '' : 's'}, mean tone ${
      summary.meanScore === null ? 'n/a' : formatScore(summary.meanScore)
    }`,
  ];
  if (report.article.title)
    lines.push(`${INDENT}${cut(`Title: ${flat(report.article.title)}`, width - INDENT.length)}`);
  // "Not in English": said before anything else, so an empty table is never a silent zero.
  for (const warning of report.warnings ?? [])
    lines.push(
      ...wrap(`warning: ${warning}`, width - INDENT.length, Number.POSITIVE_INFINITY).map(
        (line) => INDENT + line,
      ),
    );
  if (report.quotes.length === 0) {
    if (!report.warnings?.length) lines.push(`${INDENT}(no quoted statements found)`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    row('SPEAKER', 'LABEL', 'SCORE', ['QUOTE (" direct, ~ reported)']),
    ...report.quotes.flatMap((quote) => {
      const text = quoteLines(quote.text, quote.kind === 'indirect', quoteWidth);
      const driven = driverText(quote.tone.explanation, quote.tone.label);
      return [
        row(
          cut(quote.speaker.name ?? '(unknown)', SPEAKER_WIDTH),
          quote.tone.label,
          formatScore(quote.tone.score),
          text,
        ),
        ...wrap(driven, quoteWidth, DRIVER_LINES)
          .filter(Boolean)
          .map((line) => ' '.repeat(QUOTE_COLUMN) + line.replaceAll(NO_BREAK, ' ')),
      ];
    }),
  );
  return `${lines.join('\n')}\n`;
}

/** A table row: the three short columns, then the quote's first line and its continuation lines. */
function row(speaker: string, label: string, score: string, quote: string[]): string {
  const [first = '', ...rest] = quote;
  const head = `${INDENT}${speaker.padEnd(SPEAKER_WIDTH)}${GAP}${label.padEnd(LABEL_WIDTH)}${GAP}${score.padStart(SCORE_WIDTH)}${GAP}${first}`;
  return [head.trimEnd(), ...rest.map((line) => ' '.repeat(QUOTE_COLUMN) + line)].join('\n');
}

/**
 * A quote wrapped to its column: direct speech between quote marks (the closing one kept when the
 * text is cut), reported speech after "~".
 */
function quoteLines(text: string, reported: boolean, width: number): string[] {
  const open = reported ? '~' : '"';
  const close = reported ? '' : '"';
  // The text wraps one column in from the opening mark, so continuation lines align with it, and
  // keeps room for the closing mark on its last line.
  const lines = wrap(flat(text), width - open.length, QUOTE_LINES, close.length).map(
    (line, index) => `${index === 0 ? open : ' '.repeat(open.length)}${line}`,
  );
  const last = lines.length - 1;
  lines[last] = `${lines[last]}${close}`;
  return lines;
}

/**
 * "driven by: not +0.12, disaster -0.41" (each word and weight joined by NO_BREAK); a polar label
 * keeps a driver of its own sign. Empty when nothing moved the score.
 */
function driverText(
  explanation: Report['quotes'][number]['tone']['explanation'],
  label: Report['quotes'][number]['tone']['label'],
): string {
  const sign = label === 'positive' ? 1 : label === 'negative' ? -1 : 0;
  const bySize = [...explanation].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const top = bySize.slice(0, TOP_DRIVERS);
  const own = bySize.find((part) => Math.sign(part.weight) === sign);
  if (sign !== 0 && own && !top.includes(own)) top[top.length - 1] = own;
  top.sort((a, b) => a.start - b.start);
  if (top.length === 0) return '';
  // A word and its weight stay on one line.
  const parts = top.map((part) => `${flat(part.text)} ${formatScore(part.weight)}`.replaceAll(' ', NO_BREAK));
  return `driven by: ${parts.join(', ')}`;
}

/**
 * `text` in lines of at most `width` characters, broken at spaces (a longer word is split), at
 * most `maxLines` of them: the last ends in "…" when text is left over. `reserve` keeps room at the
 * end of the last line for a closing mark.
 */
function wrap(text: string, width: number, maxLines: number, reserve = 0): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    if (rest.length <= width - reserve) {
      lines.push(rest);
      break;
    }
    if (lines.length + 1 >= maxLines) {
      lines.push(cut(rest, width - reserve));
      break;
    }
    const space = rest.lastIndexOf(' ', width);
    const end = space > 0 ? space : width;
    lines.push(rest.slice(0, end));
    rest = rest.slice(end).trimStart();
  }
  return lines.length ? lines : [''];
}

function formatScore(score: number): string {
  return `${score >= 0 ? '+' : ''}${score.toFixed(2)}`;
}

/** Whitespace (line breaks, tabs) as single spaces: a table row is one line of text. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `width` characters, ending in "…" when cut. */
function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}
