import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../bin/cli.ts';
import { expectValidReport } from '../helpers/report-validator.ts';
import { runCli } from '../helpers/run-cli.ts';
import { startCli } from './cli-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'quote-tone-cli-'));
const PESKOV = join(dir, 'peskov.txt');
const WIND = join(dir, 'wind farm.md');
const EMPTY = join(dir, 'empty.txt');
const STATEMENTS = join(dir, 'statements.jsonl');
const FOLDER = join(dir, 'folder');
const REPO = join(import.meta.dirname, '..', '..');

beforeAll(() => {
  // The acceptance case: the speaker is named in the sentence before a pronoun attribution.
  writeFileSync(
    PESKOV,
    'Kremlin Spokesman Dmitry Peskov spoke to reporters on Friday.\n\n“There are no reasons for joy, of course,” he said.\n',
  );
  writeFileSync(WIND, '# Wind farm approved\n\n"This is a huge step for cheaper power," said Laura Chen.\n');
  writeFileSync(EMPTY, '   \n\n  ');
  writeFileSync(
    STATEMENTS,
    '{"id": "a", "text": "This is a wonderful, happy result"}\n\nA terrible, tragic failure\n',
  );
  mkdirSync(join(FOLDER, 'world'), { recursive: true });
  writeFileSync(join(FOLDER, 'peskov.txt'), readFileSync(PESKOV));
  writeFileSync(join(FOLDER, 'world', 'wind.md'), readFileSync(WIND));
  writeFileSync(join(FOLDER, 'notes.pdf'), 'not an article');
});

function reportAt(path: string) {
  return expectValidReport(JSON.parse(readFileSync(path, 'utf8')));
}

/** An empty folder of its own, so one test's files never meet another's. */
function freshFolder(): string {
  return mkdtempSync(join(dir, 'case-'));
}

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

  it('writes <file name>.json per input with --out, keeping the extension', () => {
    const out = join(dir, 'out');

    runCli(['analyze', WIND, '--out', out]);

    expectValidReport(JSON.parse(readFileSync(join(out, 'wind farm.md.json'), 'utf8')));
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

describe('quote-tone analyze DIR', () => {
  it('walks a folder and its subfolders like drop, skipping other files', () => {
    const { status, stdout, stderr } = runCli(['analyze', FOLDER]);

    expect(status).toBe(0);
    expect(stdout).toContain('Dmitry Peskov');
    expect(stdout).toContain('Laura Chen');
    expect(stderr.trim()).toBe(
      `quote-tone analyze: skipped ${join(FOLDER, 'notes.pdf')} (not .txt .md .html or .json)`,
    );
  });

  it('keeps the subfolder under --out', () => {
    const out = join(dir, 'folder-out');

    const { status } = runCli(['analyze', FOLDER, '--out', out]);

    expect(status).toBe(0);
    expect(existsSync(join(out, 'peskov.txt.json'))).toBe(true);
    expectValidReport(JSON.parse(readFileSync(join(out, 'world', 'wind.md.json'), 'utf8')));
  });
});

describe('quote-tone analyze --out', () => {
  it('refuses an empty --out with exit code 2 and one line, analysing nothing', () => {
    const { status, stdout, stderr } = runCli(['analyze', PESKOV, '--out', '']);

    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/--out.*empty/)]);
  });

  it('gives a.txt and a.md in one folder a report each', () => {
    const folder = freshFolder();
    // Two articles whose names differ only in the extension.
    writeFileSync(join(folder, 'a.txt'), '"Good news," said Ann Lee.\n');
    writeFileSync(join(folder, 'a.md'), '"Bad news," said Bo Kim.\n');
    const out = join(folder, 'reports');

    const { status } = runCli(['analyze', folder, '--out', out]);

    expect(status).toBe(0);
    expect(reportAt(join(out, 'a.txt.json')).quotes[0]?.speaker.name).toBe('Ann Lee');
    expect(reportAt(join(out, 'a.md.json')).quotes[0]?.speaker.name).toBe('Bo Kim');
  });

  it('refuses two inputs whose reports would share a name before analysing or writing anything', () => {
    const folder = freshFolder();
    // Two folders that each hold an a.txt: both reports would be a.txt.json.
    mkdirSync(join(folder, 'd1'));
    mkdirSync(join(folder, 'd2'));
    writeFileSync(join(folder, 'd1', 'a.txt'), '"Good news," said Ann Lee.\n');
    writeFileSync(join(folder, 'd2', 'a.txt'), '"Bad news," said Bo Kim.\n');
    const out = join(folder, 'reports');

    const { status, stdout, stderr } = runCli([
      'analyze',
      join(folder, 'd1'),
      join(folder, 'd2'),
      '--out',
      out,
    ]);

    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringContaining(
        `${join(folder, 'd1', 'a.txt')} and ${join(folder, 'd2', 'a.txt')} would both be reported to ${join(out, 'a.txt.json')}`,
      ),
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('writes reports beside the articles of a folder that is its own --out, leaving them intact', () => {
    const folder = freshFolder();
    // A JSON article: its report's name must not be the article's own name.
    const article = '{"title": "Wind farm", "body": "\\"A huge step,\\" said Laura Chen."}\n';
    writeFileSync(join(folder, 'wind-farm.json'), article);

    const { status } = runCli(['analyze', folder, '--out', folder]);

    expect(status).toBe(0);
    expect(readFileSync(join(folder, 'wind-farm.json'), 'utf8')).toBe(article);
    expect(reportAt(join(folder, 'wind-farm.json.json')).quotes[0]?.speaker.name).toBe('Laura Chen');
  });

  it('never writes a report over an input article, and says which report was not written', () => {
    const folder = freshFolder();
    // An article whose name is what a.txt's report would be called.
    const article = '{"body": "\\"Bad news,\\" said Bo Kim."}\n';
    writeFileSync(join(folder, 'a.txt'), '"Good news," said Ann Lee.\n');
    writeFileSync(join(folder, 'a.txt.json'), article);

    const { status, stderr } = runCli([
      'analyze',
      join(folder, 'a.txt'),
      join(folder, 'a.txt.json'),
      '--out',
      folder,
    ]);

    expect(status).toBe(1);
    expect(readFileSync(join(folder, 'a.txt.json'), 'utf8')).toBe(article);
    expect(stderr.trim().split('\n')).toEqual([
      `quote-tone analyze: ${join(folder, 'a.txt')}: report not written: ${join(folder, 'a.txt.json')} is already there and is not a quote-tone report (left as it is)`,
    ]);
    expect(reportAt(join(folder, 'a.txt.json.json')).quotes[0]?.speaker.name).toBe('Bo Kim');
  });

  it('leaves a file that is not a report where a report would go', () => {
    const out = freshFolder();
    // The user's own file under the name peskov.txt's report would get.
    writeFileSync(join(out, 'peskov.txt.json'), '{"todo": "ask Peskov for a comment"}\n');

    const { status, stderr } = runCli(['analyze', PESKOV, '--out', out]);

    expect(status).toBe(1);
    expect(stderr).toContain('report not written');
    expect(readFileSync(join(out, 'peskov.txt.json'), 'utf8')).toBe('{"todo": "ask Peskov for a comment"}\n');
  });

  it("leaves another article's report where this one's would go", () => {
    const out = freshFolder();
    // The report of wind farm.md, moved by hand to the name peskov.txt's report gets.
    runCli(['analyze', WIND, '--out', out]);
    renameSync(join(out, 'wind farm.md.json'), join(out, 'peskov.txt.json'));

    const { status, stderr } = runCli(['analyze', PESKOV, '--out', out]);

    expect(status).toBe(1);
    expect(stderr).toContain(`holds the report of another article (${WIND})`);
    expect(reportAt(join(out, 'peskov.txt.json')).article.source.key).toBe(WIND);
  });

  it('replaces its own earlier report of the same article', () => {
    const out = freshFolder();
    runCli(['analyze', PESKOV, '--out', out]);
    const earlier = reportAt(join(out, 'peskov.txt.json'));

    const { status } = runCli(['analyze', PESKOV, '--out', out]);

    expect(status).toBe(0);
    expect(reportAt(join(out, 'peskov.txt.json')).analyzedAt).not.toBe(earlier.analyzedAt);
  });

  it('runs again into an --out folder inside the folder it walks without reading its reports', () => {
    const folder = freshFolder();
    writeFileSync(join(folder, 'a.txt'), '"Good news," said Ann Lee.\n');
    runCli(['analyze', '.', '--out', 'reports'], undefined, { cwd: folder });

    const { status, stdout, stderr } = runCli(['analyze', '.', '--out', 'reports'], undefined, {
      cwd: folder,
    });

    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.match(/Ann Lee/g)).toHaveLength(1);
    expect(existsSync(join(folder, 'reports', 'reports'))).toBe(false);
  });

  it('skips quote-tone reports among the articles with a note, not a failure', () => {
    const folder = freshFolder();
    writeFileSync(join(folder, 'a.txt'), '"Good news," said Ann Lee.\n');
    // The first run leaves a.txt.json beside a.txt.
    runCli(['analyze', folder, '--out', folder]);

    const { status, stdout, stderr } = runCli(['analyze', folder, '--out', folder]);

    expect(status).toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      `quote-tone analyze: skipped ${join(folder, 'a.txt.json')} (a quote-tone report, not an article)`,
    ]);
    expect(stdout.match(/Ann Lee/g)).toHaveLength(1);
  });

  it('says that an --out naming an existing file is not a folder, and leaves the file alone', () => {
    const folder = freshFolder();
    const notAFolder = join(folder, 'notes.md');
    writeFileSync(notAFolder, '# my notes\n');

    const { status, stdout, stderr } = runCli(['analyze', PESKOV, '--out', notAFolder]);

    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringContaining(`expected a folder for --out, but "${notAFolder}" is a file`),
    ]);
    expect(readFileSync(notAFolder, 'utf8')).toBe('# my notes\n');
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

describe('quote-tone score: JSON lines', () => {
  it('reports a line that starts with "{" but is not JSON, skips it and exits 1', () => {
    const input = [
      '{"id":"art7-q4","text":"The results are excellent"', // the closing brace is missing
      'A lovely, happy day',
      '',
    ].join('\n');

    const { status, stdout, stderr } = runCli(['score'], input);

    expect(status).toBe(1);
    expect(rowsOf(stdout)).toEqual([{ id: 2, label: 'positive', score: expect.any(Number) }]);
    expect(stderr).toMatch(
      /^quote-tone score: stdin line 1: expected a JSON object \{"id", "text"\} \(the line starts with "\{"\), got invalid JSON: .+; skipped\n$/,
    );
  });

  it('reports a JSON array, null, true or false on a line as data, not a statement', () => {
    const input = ['null', '[1, 2]', 'true', 'false', ''].join('\n');

    const { status, stdout, stderr } = runCli(['score'], input);

    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      'quote-tone score: stdin line 1: expected a statement or a JSON object {"id", "text"}, got JSON null; skipped',
      'quote-tone score: stdin line 2: expected a statement or a JSON object {"id", "text"}, got a JSON array; skipped',
      'quote-tone score: stdin line 3: expected a statement or a JSON object {"id", "text"}, got JSON true; skipped',
      'quote-tone score: stdin line 4: expected a statement or a JSON object {"id", "text"}, got JSON false; skipped',
      '',
    ]);
  });

  it('scores a number, a quoted sentence and a line opening with "[" as plain text', () => {
    const input = [
      '42', // a bare number reads as a (neutral) statement
      '"What a wonderful, generous offer"', // a quotation pasted with its marks
      '[Applause] What a wonderful day', // a transcript's note, not a JSON array
      '',
    ].join('\n');

    const { status, stdout, stderr } = runCli(['score'], input);

    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(rowsOf(stdout).map((row) => row.id)).toEqual([1, 2, 3]);
  });
});

describe('quote-tone score | head', () => {
  it('ends quietly with exit code 0 when the reader closes the pipe early', async () => {
    const running = startCli(['score']);
    const lines = Array.from({ length: 20_000 }, (_, n) => `Statement ${n} was a great success.`);
    // The command stops reading once its reader has gone: the rest of the input is refused (EPIPE).
    running.child.stdin?.on('error', () => {});
    running.child.stdin?.end(`${lines.join('\n')}\n`);
    await running.waitForOutput(/\n/);
    running.child.stdout?.destroy();

    const { status, stderr } = await running.ended;

    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(status).toBe(0);
  });
});

describe('quote-tone score FILE...', () => {
  it('scores the lines of a file, keeping JSON ids and numbering plain lines', () => {
    const { status, stdout } = runCli(['score', STATEMENTS]);

    expect(status).toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { id: 'a', label: 'positive', score: expect.any(Number) },
      { id: 3, label: 'negative', score: expect.any(Number) },
    ]);
  });

  it('reads "-" as standard input beside files, with FILE:LINE ids', () => {
    const { status, stdout } = runCli(['score', STATEMENTS, '-'], 'A calm, ordinary day\n');

    expect(status).toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(['a', `${STATEMENTS}:3`, 'stdin:1']);
  });

  it('scores an article file line by line instead of ignoring it', () => {
    const article = readFileSync(join(REPO, 'examples', 'harbour-talks.txt'), 'utf8');

    const { status, stdout } = runCli(['score', join(REPO, 'examples', 'harbour-talks.txt')]);

    expect(status).toBe(0);
    const nonBlank = article.split('\n').filter((line) => line.trim()).length;
    expect(stdout.trim().split('\n')).toHaveLength(nonBlank);
  });

  it('writes CSV with --format csv', () => {
    const { status, stdout } = runCli(['score', STATEMENTS, '--format', 'csv']);

    expect(status).toBe(0);
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'id,label,score',
      expect.stringMatching(/^a,positive,0\.\d+$/),
    ]);
  });

  it('writes an id that is not a string or number as JSON in its CSV field', () => {
    const input = [
      '{"id": {"article": "art7", "quote": 4}, "text": "The results are excellent"}',
      '{"id": ["art7", 5], "text": "The results are excellent"}',
      '{"id": true, "text": "The results are excellent"}',
      '{"id": "art7, q6", "text": "The results are excellent"}',
      '{"id": 7, "text": "The results are excellent"}',
    ].join('\n');

    const { status, stdout } = runCli(['score', '--format', 'csv'], input);

    expect(status).toBe(0);
    // Each row's id field: all before ",positive" (every statement is the same positive one).
    expect(stdout.split('\n').map((line) => line.split(/,(?=positive)/)[0])).toEqual([
      'id,label,score',
      '"{""article"":""art7"",""quote"":4}"',
      '"[""art7"",5]"',
      'true',
      '"art7, q6"',
      '7',
      '',
    ]);
  });

  it('rejects an unsupported --format with exit code 2 and one line', () => {
    const { status, stdout, stderr } = runCli(['score', STATEMENTS, '--format', 'table']);

    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'quote-tone score: expected --format jsonl or csv, got "table" (see quote-tone score --help)\n',
    );
  });

  it('rejects an unknown flag with exit code 2 and one line', () => {
    const { status, stderr } = runCli(['score', '--lines', STATEMENTS]);

    expect(status).toBe(2);
    expect(stderr).toBe("quote-tone score: unknown option '--lines' (see quote-tone score --help)\n");
  });

  it('names a missing file, still scores the others and exits 1', () => {
    const { status, stdout, stderr } = runCli(['score', join(dir, 'typo.jsonl'), STATEMENTS]);

    expect(status).toBe(1);
    expect(stderr.trim()).toBe(`quote-tone score: ${join(dir, 'typo.jsonl')}: no such file; skipped`);
    expect(stdout.trim().split('\n')).toHaveLength(2);
  });
});

describe('quote-tone score: text encodings', () => {
  // Two statements as Excel's "Unicode text" export writes them: CRLF line ends.
  const EXPORTED = 'This is a terrible disaster\r\nWe are thrilled and delighted\r\n';
  const EXPORTED_ROWS = [
    { id: 1, label: 'negative', score: expect.any(Number) },
    { id: 2, label: 'positive', score: expect.any(Number) },
  ];
  // Accents, a symbol and emoji (two UTF-16 units, four UTF-8 bytes) on every line, and enough
  // lines that the input arrives in many reads, some of which end inside a character.
  const VARIED = Array.from(
    { length: 6_000 },
    (_, n) => `Statement ${n}: the café’s crème brûlée was wonderful 😀, the €${n} bill a disaster 💥`,
  ).join('\n');

  it.each([
    ['UTF-16LE', withBom('utf-16le', EXPORTED)],
    ['UTF-16BE', withBom('utf-16be', EXPORTED)],
    ['UTF-8', withBom('utf-8', EXPORTED)],
  ])('reads a %s file with a byte-order mark as the text it holds', (encoding, bytes) => {
    const file = join(dir, `exported-${encoding}.txt`);
    writeFileSync(file, bytes);

    const { status, stdout, stderr } = runCli(['score', file]);

    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(rowsOf(stdout)).toEqual(EXPORTED_ROWS);
  });

  it('reads UTF-16 with a byte-order mark from standard input', () => {
    const { status, stdout } = runCli(['score'], withBom('utf-16le', EXPORTED));

    expect(status).toBe(0);
    expect(rowsOf(stdout)).toEqual(EXPORTED_ROWS);
  });

  it('judges the encoding of each input on its own: a UTF-8 file, then a UTF-16 one', () => {
    const file = join(dir, 'exported-second.txt');
    writeFileSync(file, withBom('utf-16le', EXPORTED));

    const { status, stdout } = runCli(['score', STATEMENTS, file]);

    expect(status).toBe(0);
    expect(rowsOf(stdout).map((row) => [row.id, row.label])).toEqual([
      ['a', 'positive'],
      [`${STATEMENTS}:3`, 'negative'],
      [`${file}:1`, 'negative'],
      [`${file}:2`, 'positive'],
    ]);
  });

  it('keeps UTF-8 characters whole when a read ends inside one', () => {
    const { status, stdout, stderr } = runCli(['score'], VARIED);

    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(rowsOf(stdout)).toHaveLength(6_000);
  });

  it.each(['utf-16le', 'utf-16be'] as const)(
    'scores a long %s file exactly as the same text in UTF-8',
    (encoding) => {
      const file = join(dir, `varied-${encoding}.txt`);
      writeFileSync(file, withBom(encoding, VARIED));
      const asUtf8 = runCli(['score'], VARIED);

      const { status, stdout, stderr } = runCli(['score', file]);

      expect(stderr).toBe('');
      expect(status).toBe(0);
      expect(stdout).toBe(asUtf8.stdout);
      expect(rowsOf(stdout)).toHaveLength(6_000);
    },
  );

  it('reads a Windows-1252 export as Windows-1252, says so once, and scores every line', () => {
    const file = join(dir, 'windows-1252.txt');
    // Saved the way Windows-1252 saves it: é is the single byte 0xE9, the curly quotes 0x93 and
    // 0x94, which UTF-8 never has on their own.
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('A wonderful day\n', 'latin1'),
        Buffer.from('The café was a disaster\n', 'latin1'),
        Buffer.from([0x93, ...Buffer.from('A lovely evening', 'latin1'), 0x94, 0x0a]),
      ]),
    );
    const asUtf8 = runCli(['score'], 'A wonderful day\nThe café was a disaster\n“A lovely evening”\n');

    const { status, stdout, stderr } = runCli(['score', file]);

    expect(stderr).toBe(`quote-tone score: ${file}: not UTF-8; read as Windows-1252 (Latin-1)\n`);
    expect(status).toBe(0);
    expect(stdout).toBe(asUtf8.stdout);
    expect(rowsOf(stdout)).toHaveLength(3);
  });

  it('names the line that is not UTF-8 after UTF-8 accents, keeps the lines before it and exits 1', () => {
    const file = join(dir, 'mixed.txt');
    // A UTF-8 line, then "café" as Latin-1 saves it: UTF-8 with a stray byte, not a Latin-1 file.
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('A wonderful day in Zürich\n', 'utf8'),
        Buffer.from('The café was a disaster\n', 'latin1'),
        Buffer.from('A lovely evening\n', 'latin1'),
      ]),
    );

    const { status, stdout, stderr } = runCli(['score', file]);

    expect(status).toBe(1);
    expect(rowsOf(stdout)).toEqual([{ id: 1, label: 'positive', score: expect.any(Number) }]);
    expect(stderr).toBe(
      `quote-tone score: ${file} line 2: expected UTF-8 text (or UTF-16 with a byte-order mark), got a byte that is no UTF-8 character; the rest of ${file} is skipped\n`,
    );
  });

  it('says that UTF-16 without a byte-order mark is not text it can read', () => {
    const file = join(dir, 'no-bom.txt');
    writeFileSync(file, Buffer.from(EXPORTED, 'utf16le'));

    const { status, stdout, stderr } = runCli(['score', file]);

    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^quote-tone score: .*no-bom\.txt line 1: .*NUL bytes.*; the rest of .* is skipped\n$/,
    );
  });
});

// The text in the encoding, after the byte-order mark the encoding writes (U+FEFF).
function withBom(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', text: string): Buffer {
  const marked = `\ufeff${text}`;
  if (encoding === 'utf-8') return Buffer.from(marked, 'utf8');
  const littleEndian = Buffer.from(marked, 'utf16le');
  return encoding === 'utf-16le' ? littleEndian : littleEndian.swap16();
}

function rowsOf(stdout: string): Array<{ id: unknown; label: string; score: number }> {
  return stdout
    .split('\n')
    .filter((line) => line)
    .map((line) => JSON.parse(line));
}

describe('quote-tone --version', () => {
  it.each(['--version', '-V'])('prints the package version for %s', (flag) => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

    const { status, stdout } = runCli([flag]);

    expect(status).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });
});

describe('help', () => {
  it.each(Object.keys(COMMANDS))('explains quote-tone %s --help', (command) => {
    const { status, stdout } = runCli([command, '--help']);

    expect(status).toBe(0);
    expect(stdout).toContain(`Usage: quote-tone ${command}`);
  });

  it.each(Object.keys(COMMANDS))('lists every flag of quote-tone %s in its help', async (name) => {
    const command = await COMMANDS[name]?.();

    const flags = Object.keys(command?.options ?? {});

    expect(flags.length).toBeGreaterThan(0);
    for (const flag of [...flags, 'help']) expect(command?.help).toMatch(new RegExp(`--${flag}\\b`));
  });

  it("lists every command and every flag in the README's command table", async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('## Command line'),
      readme.indexOf('\n## ', readme.indexOf('## Command line') + 1),
    );

    for (const [name, load] of Object.entries(COMMANDS)) {
      // A command may take more than one row (report and report --quotes).
      const rows = table
        .split('\n')
        .filter(
          (line) => line.startsWith(`| \`quote-tone ${name} `) || line.startsWith(`| \`quote-tone ${name}\``),
        )
        .join('\n');
      expect(rows, `README row for ${name}`).not.toBe('');
      for (const flag of Object.keys((await load()).options ?? {}))
        expect(rows, `${name} --${flag}`).toMatch(new RegExp(`--${flag}\\b`));
    }
  });

  it('names the unknown command and lists the real ones, in one line', () => {
    const { status, stderr } = runCli(['analyse']);

    expect(status).toBe(2);
    expect(stderr).toContain('unknown command "analyse"');
    expect(stderr).toContain('analyze');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
