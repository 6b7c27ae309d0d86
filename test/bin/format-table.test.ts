import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDTH, formatToneTable, tableWidth } from '../../bin/format-table.ts';
import { analyzeArticle } from '../../shared/analyze-article.ts';

// The tone table as a reader sees it in a terminal: bounded lines, closed quotes, aligned columns.

// An invented article, each line chosen for one case of the layout.
const ARTICLE = [
  // A title longer than one line.
  'Ferry board approves a timetable that changes every crossing of the sound from next spring onwards',
  '',
  // A speaker name longer than its column, and a long direct quote that must wrap and be cut.
  '"We have listened to every passenger who wrote to us, and we have changed the early crossings, the late crossings and the weekend crossings so that nobody waits more than twenty minutes at either pier, which is a wonderful result for the islands," said Maximiliana Oberhausen-Lindqvist.',
  '',
  // A short direct quote that fits on its line.
  '"The old timetable was a disaster," said Ivo Marek.',
  '',
  // Reported speech.
  'Ivo Marek said that the new boats were late and the crews were exhausted.',
].join('\n');

function report() {
  return analyzeArticle(
    { id: 'ferry-1a2b3c4d', source: { bucket: null, key: 'ferry.txt' }, content: ARTICLE },
    { analyzedAt: new Date(0) },
  );
}

describe('formatToneTable', () => {
  it('keeps every line within 80 columns', () => {
    const lines = formatToneTable(report(), { width: 80 }).trimEnd().split('\n');

    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
  });

  it('closes every direct quote with its mark, after "…" when the quote is cut', () => {
    const table = formatToneTable(report(), { width: 80 });

    expect(table).toContain('"The old timetable was a disaster,"');
    // The long quote: wrapped over three lines, then cut, and still closed.
    expect(table).toMatch(/"We have listened[^"]*…"/);
    expect(table).toContain('\n');
  });

  it('marks reported speech with "~" and gives it no closing mark', () => {
    const table = formatToneTable(report(), { width: 80 });

    expect(table).toMatch(/~the new boats were late and the crews\s+were exhausted\n/);
  });

  it('cuts a long name with "…" and keeps the label and score columns aligned', () => {
    const rows = formatToneTable(report(), { width: 80 })
      .split('\n')
      .filter((line) => /\s(positive|negative|neutral|mixed)\s+[+-]\d\.\d\d\s/.test(line));
    const labelAt = rows.map((line) => line.search(/(positive|negative|neutral|mixed)/));

    expect(rows.length).toBe(report().quotes.length);
    expect(rows.some((line) => line.includes('Maximiliana Oberh…'))).toBe(true);
    expect(new Set(labelAt).size).toBe(1);
  });

  it('never splits a driving word from its weight across lines', () => {
    const lines = formatToneTable(report(), { width: 60 }).split('\n');
    const driverLines = lines.filter((_line, index) =>
      lines.slice(0, index + 1).some((earlier) => earlier.includes('driven by:')),
    );

    for (const line of driverLines) {
      expect(line.trim()).not.toMatch(/^[+-]\d\.\d\d/);
      expect(line).not.toMatch(/…$/);
    }
  });

  it('uses a wider terminal for longer quote lines, and 80 columns when not a terminal', () => {
    const narrow = formatToneTable(report(), { width: 80 }).split('\n').length;
    const wide = formatToneTable(report(), { width: tableWidth({ isTTY: true, columns: 140 }) }).split('\n');

    expect(wide.length).toBeLessThan(narrow);
    expect(Math.max(...wide.map((line) => line.length))).toBeGreaterThan(80);
    expect(tableWidth({ isTTY: false, columns: 140 })).toBe(DEFAULT_WIDTH);
    expect(tableWidth({})).toBe(80);
  });
});
