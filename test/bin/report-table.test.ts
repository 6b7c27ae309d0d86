import { describe, expect, it } from 'vitest';
import { formatTable } from '../../bin/commands/report.ts';
import { articleIdFromKey } from '../../shared/article-id.ts';
import type { ArticleEntry } from '../../shared/store/article-entry.ts';

// The table `quote-tone report` prints by default, read by a person at an 80-column terminal.

function analysed(key: string, title: string, speakers: string[]): ArticleEntry {
  return {
    id: articleIdFromKey(key),
    status: 'analysed',
    title,
    sourceKey: key,
    analyzedAt: '2026-12-07T10:00:00.000Z',
    publishedAt: null,
    day: '2026-12-07',
    undated: true,
    quotes: speakers.length,
    labels: { positive: speakers.length, negative: 0, neutral: 0, mixed: 0 },
    meanScore: 0.5,
    speakers: speakers.map((name, n) => ({
      id: `speaker-${n}`,
      name,
      quotes: 1,
      meanScore: 0.5,
      labels: [1, 0, 0, 0],
    })),
  };
}

describe('quote-tone report (table)', () => {
  it('tells articles with the same title apart by the id remove takes', () => {
    // One story dropped twice, from two folders: same title, two uploads.
    const entries = [
      analysed('articles/monday/talks.txt', 'Harbour talks resume', ['Anna Smith']),
      analysed('articles/tuesday/talks.txt', 'Harbour talks resume', ['Omar Haddad']),
    ];

    const table = formatTable(entries);

    for (const entry of entries) expect(table).toMatch(new RegExp(`^  ${entry.id}  \\S`, 'm'));
    expect(table).toMatch(/^ {2}monday-talks-[0-9a-f]{8} {2}Anna Smith$/m);
  });

  it('keeps every line within 80 columns, the longest id whole', () => {
    const longKey = `articles/${'a-very-long-file-name-for-a-story-'.repeat(3)}.txt`;
    const entries = [
      analysed(longKey, 'A title far longer than the column it is given in the table', [
        'Anna Smith',
        'Omar Haddad',
        'Laura Chen',
      ]),
      analysed('articles/talks.txt', 'Harbour talks resume', ['Anna Smith', 'Omar Haddad']),
    ];

    const lines = formatTable(entries).split('\n');

    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines).toContain(`  ${articleIdFromKey(longKey)}`);
  });
});
