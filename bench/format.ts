// Number and table formatting for the benchmark's printed output.

/** One line of the results table. */
export interface Row {
  figure: string;
  quoteTone: string;
  baselines: string;
  target: string;
  /** null when the figure has no target or could not be measured. */
  met: boolean | null;
}

const HEADERS: Row = {
  figure: 'figure',
  quoteTone: 'quote-tone',
  baselines: 'baseline(s)',
  target: 'target',
  met: null,
};

/**
 * A plain-text table with columns figure | quote-tone | baseline(s) | target | met?, each
 * column as wide as its widest cell.
 *
 * @example
 * formatTable([{ figure: 'tone', quoteTone: '120k/s', baselines: 'AFINN 260k/s', target: '>= 100k/s', met: true }])
 */
export function formatTable(rows: readonly Row[]): string {
  const cells = [HEADERS, ...rows].map((row, index) => [
    row.figure,
    row.quoteTone,
    row.baselines,
    row.target,
    index === 0 ? 'met?' : metText(row.met),
  ]);
  const widths =
    cells[0]?.map((_, column) => Math.max(...cells.map((line) => line[column]?.length ?? 0))) ?? [];
  const render = (line: string[]): string =>
    line
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  const [header, ...body] = cells;
  return [render(header ?? []), rule, ...body.map(render)].join('\n');
}

function metText(met: boolean | null): string {
  if (met === null) return '-';
  return met ? 'yes' : 'NO';
}

/**
 * A rate with a k/M suffix and three significant digits.
 *
 * @example
 * formatRate(123456) // '123k'
 */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return 'n/a';
  if (perSecond >= 1e6) return `${significant(perSecond / 1e6)}M`;
  if (perSecond >= 1e3) return `${significant(perSecond / 1e3)}k`;
  return significant(perSecond);
}

/**
 * Three significant digits, without exponent notation.
 *
 * @example
 * significant(0.012345) // '0.0123'
 */
export function significant(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return value.toFixed(digits);
}

/**
 * A byte count in decimal units (as bundle sizes and S3 are quoted).
 *
 * @example
 * formatBytes(10_000_000) // '10.0 MB'
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${significant(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${significant(bytes / 1e3)} KB`;
  return `${bytes} B`;
}

/** @example formatDollars(0.00123) // '$0.00123' */
export function formatDollars(amount: number): string {
  return `$${amount >= 1 ? amount.toFixed(2) : significant(amount)}`;
}
