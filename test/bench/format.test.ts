import { describe, expect, it } from 'vitest';
import { formatBytes, formatRate, formatTable, significant } from '../../bench/format.ts';

describe('benchmark table', () => {
  it('lines up the columns and says which targets were missed', () => {
    const table = formatTable([
      { figure: 'tone', quoteTone: '120k/s', baselines: 'AFINN 260k', target: '>= 100k/s', met: true },
      {
        figure: 'bundle: analyze-article',
        quoteTone: '1.3 MB',
        baselines: '',
        target: '<= 1 MB',
        met: false,
      },
      { figure: 'note', quoteTone: 'n/a', baselines: '', target: '', met: null },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^figure\s+\| quote-tone \| baseline\(s\) \| target\s+\| met\?$/);
    expect(lines[1]).toMatch(/^-+-\|-/);
    expect(lines[2]).toMatch(/\| yes$/);
    expect(lines[3]).toMatch(/\| NO$/);
    expect(lines[4]).toMatch(/\| -$/);
    const bar = (line: string | undefined) => line?.indexOf('|');
    expect(new Set(lines.map(bar)).size).toBe(1);
  });

  it('prints rates, sizes and plain numbers with three significant digits', () => {
    expect(formatRate(123_456)).toBe('123k');
    expect(formatRate(2_500_000)).toBe('2.50M');
    expect(formatRate(950)).toBe('950');
    expect(formatBytes(10_000_000)).toBe('10.0 MB');
    expect(formatBytes(502_000)).toBe('502 KB');
    expect(significant(0.012345)).toBe('0.0123');
  });
});
