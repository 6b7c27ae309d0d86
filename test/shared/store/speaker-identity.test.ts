import { describe, expect, it } from 'vitest';
import { speakerKey } from '../../../shared/quotes/speaker-key.ts';
import type { Report } from '../../../shared/report-schema.ts';
import { entryFromReport } from '../../../shared/store/article-entry.ts';
import { speakerQuotesOf } from '../../../shared/store/speaker-files.ts';
import { speakerIdOf } from '../../../shared/store/speaker-id.ts';
import { makeReport } from './index-fixtures.ts';

const NOON = '2026-11-28T12:00:00.000Z';

// The analyser gives every quote a canonical speaker key; the store files a speaker under it.
function keyed(report: Report): Report {
  for (const quote of report.quotes) {
    const name = quote.speaker.name;
    if (name) quote.speaker.key = speakerKey(name, 'person');
  }
  return report;
}

describe('speaker identity in the index', () => {
  it('files every name form of one person under one speaker id', () => {
    const forms = ['Greta Holm', 'President Holm', 'Holm', 'Finnish President Greta Holm'];

    const ids = forms.map((name, index) => {
      const report = keyed(makeReport(`a${index}`, NOON, [{ speaker: name, label: 'neutral', score: 0 }]));
      return [...speakerQuotesOf(report, entryFromReport(report)).keys()];
    });

    expect(new Set(ids.flat()).size).toBe(1);
    expect(ids.flat()[0]).toBe(speakerIdOf({ name: 'Holm', key: 'holm' }));
  });

  it('counts quoted words inside a reported clause once, with the clause', () => {
    const report = keyed(
      makeReport('clause', NOON, [
        { speaker: 'Omar Haddad', label: 'negative', score: -0.5 },
        { speaker: 'Omar Haddad', label: 'negative', score: -0.7 },
      ]),
    );
    const inner = report.quotes[1];
    if (inner) inner.within = 'q1';

    const entry = entryFromReport(report);
    const [group] = [...speakerQuotesOf(report, entry).values()];

    expect(entry.speakers[0]?.quotes).toBe(1);
    expect(group?.quotes.map((quote) => quote.quoteId)).toEqual(['q1']);
  });

  it('counts a republished story once in speaker figures, and marks it', () => {
    const report = keyed(
      makeReport('copy', NOON, [{ speaker: 'Anna Smith', label: 'positive', score: 0.4 }]),
    );
    report.article.duplicateOf = 'original-1a2b3c4d';

    const entry = entryFromReport(report);

    expect(entry.duplicateOf).toBe('original-1a2b3c4d');
    expect(speakerQuotesOf(report, entry).size).toBe(0);
  });
});
