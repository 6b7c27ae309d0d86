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
  const rows = report.quotes.map((quote) =>
    [
      pad(truncate(quote.speaker.name ?? '(unknown)', SPEAKER_WIDTH), SPEAKER_WIDTH),
      pad(quote.tone.label, LABEL_WIDTH),
      formatScore(quote.tone.score).padStart(SCORE_WIDTH),
      ` ${quote.kind === 'indirect' ? '~' : '"'}${truncate(quote.text, EXCERPT_WIDTH)}`,
    ].join(' '),
  );
  const columns = [
    pad('SPEAKER', SPEAKER_WIDTH),
    pad('LABEL', LABEL_WIDTH),
    'SCORE'.padStart(SCORE_WIDTH),
    ' QUOTE (" direct, ~ reported)',
  ].join(' ');
  return `${header}\n${warnings}  ${columns}\n${rows.map((row) => `  ${row}`).join('\n')}\n`;
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
