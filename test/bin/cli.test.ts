import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectValidReport } from '../helpers/report-validator.ts';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'quote-tone-cli-'));
const PESKOV = join(dir, 'peskov.txt');
const WIND = join(dir, 'wind farm.md');
const EMPTY = join(dir, 'empty.txt');

beforeAll(() => {
  // The acceptance case: the speaker is named in the sentence before a pronoun attribution.
  writeFileSync(
    PESKOV,
    'Kremlin Spokesman Dmitry Peskov spoke to reporters on Friday.\n\n“There are no reasons for joy, of course,” he said.\n',
  );
  writeFileSync(WIND, '# Wind farm approved\n\n"This is a huge step for cheaper power," said Laura Chen.\n');
  writeFileSync(EMPTY, '   \n\n  ');
});

describe('quote-tone analyze', () => {
  it('lists the quote with the speaker named before "he said"', () => {
    const { status, stdout } = runCli(['analyze', PESKOV]);

    expect(status).toBe(0);
    expect(stdout).toMatch(/Dmitry Peskov\s.*There are no reasons for joy/);
  });

  it('prints one schema-valid report for one file with --format json', () => {
    const { status, stdout } = runCli(['analyze', PESKOV, '--format', 'json']);

    expect(status).toBe(0);
    const report = expectValidReport(JSON.parse(stdout));
    expect(report.quotes[0]?.speaker.name).toBe('Dmitry Peskov');
  });

  it('prints JSON Lines, one report per file, for several files', () => {
    const { stdout } = runCli(['analyze', PESKOV, WIND, '--format', 'json']);

    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => expectValidReport(JSON.parse(line)).article.source.key)).toEqual([
      PESKOV,
      WIND,
    ]);
  });

  it('writes <name>.json per input with --out', () => {
    const out = join(dir, 'out');

    runCli(['analyze', WIND, '--out', out]);

    expectValidReport(JSON.parse(readFileSync(join(out, 'wind farm.json'), 'utf8')));
  });

  it('gives a one-line reason for a refused file, still analyses the others and exits non-zero', () => {
    const { status, stdout, stderr } = runCli(['analyze', EMPTY, WIND]);

    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/empty\.txt: refused \(EMPTY_ARTICLE\)/),
    ]);
    expect(stdout).toContain('Laura Chen');
  });
});

describe('quote-tone score', () => {
  it('scores JSON Lines and plain lines, keeping ids', () => {
    const input = [
      '{"id": "a", "text": "This is a wonderful, happy result"}',
      'A terrible, tragic failure',
      '',
    ].join('\n');

    const { status, stdout } = runCli(['score'], input);

    expect(status).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toEqual([
      { id: 'a', label: 'positive', score: expect.any(Number) },
      { id: 2, label: 'negative', score: expect.any(Number) },
    ]);
  });

  it('handles 100,000 lines in one call', () => {
    const input = Array.from({ length: 100_000 }, (_, i) =>
      JSON.stringify({ id: i, text: `Line ${i} is fine` }),
    ).join('\n');

    const { status, stdout } = runCli(['score'], input);

    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(100_000);
  });
});

describe('help', () => {
  it.each(['analyze', 'score', 'drop', 'start', 'replay'])('explains quote-tone %s --help', (command) => {
    const { status, stdout } = runCli([command, '--help']);

    expect(status).toBe(0);
    expect(stdout).toContain(`Usage: quote-tone ${command}`);
  });

  it('names the unknown command and lists the real ones', () => {
    const { status, stderr } = runCli(['analyse']);

    expect(status).toBe(2);
    expect(stderr).toContain('unknown command "analyse"');
    expect(stderr).toContain('analyze');
  });
});
