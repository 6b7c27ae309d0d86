import type { Report } from '../shared/report-schema.ts';

// Column widths for an 100-column terminal: names are rarely longer, excerpts take the rest.
const SPEAKER_WIDTH = 22;
const LABEL_WIDTH = 9;
const SCORE_WIDTH = 6;
const EXCERPT_WIDTH = 58;

/**
 * A readable tone table for one report: one row per quote.
 *
 * @example
 * console.log(formatToneTable(report))
 */
export function formatToneTable(report: Report): string {
  const title = report.article.title ? ` "${truncate(report.article.title, 60)}"` : '';
  const { summary } = report;
  const header = `${report.article.source.key}${title}: ${summary.quotes} quote${summary.quotes === 1 ? '' : 's'}, mean tone ${
    summary.meanScore === null ? 'n/a' : formatScore(summary.meanScore)
  }`;
  // "Not in English": said before anything else, so an empty table is never a silent zero.
  const warnings = (report.warnings ?? []).map((warning) => `  warning: ${warning}\n`).join('');
  if (report.quotes.length === 0) return `${header}\n${warnings || '  (no quoted statements found)\n'}`;
  const rows = report.quotes.map(
    (quote) =>
      [
        pad(truncate(quote.speaker.name ?? '(unknown)', SPEAKER_WIDTH), SPEAKER_WIDTH),
        pad(quote.tone.label, LABEL_WIDTH),
        formatScore(quote.tone.score).padStart(SCORE_WIDTH),
        ` ${quote.kind === 'indirect' ? '~' : '"'}${truncate(quote.text, EXCERPT_WIDTH)}`,
      ].join(' ') + drivers(quote.tone.explanation, quote.tone.label),
  );
  const columns = [
    pad('SPEAKER', SPEAKER_WIDTH),
    pad('LABEL', LABEL_WIDTH),
    'SCORE'.padStart(SCORE_WIDTH),
    ' QUOTE (" direct, ~ reported)',
  ].join(' ');
  return `${header}\n${warnings}  ${columns}\n${rows.map((row) => `  ${row}`).join('\n')}\n`;
}

// The contributors shown under each quote: the largest, in text order.
const TOP_DRIVERS = 3;

/** "      driven by: not +0.12, disaster -0.41" under a row; a polar label keeps a driver of its sign. */
function drivers(
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
  const indent = ' '.repeat(SPEAKER_WIDTH + LABEL_WIDTH + SCORE_WIDTH + 4);
  return `\n  ${indent}driven by: ${top.map((part) => `${part.text} ${formatScore(part.weight)}`).join(', ')}`;
}

function formatScore(score: number): string {
  return `${score >= 0 ? '+' : ''}${score.toFixed(2)}`;
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}
