import { describe, expect, it } from 'vitest';
import type { ReportQuote } from '../../../shared/report-schema.ts';
import { analyseParagraphs } from '../../helpers/analyse-paragraphs.ts';

// What a reporting verb without "that" reports: a clause, with a finite verb; words with none
// are the verb's object ("the power to request records", "goes on sale in May"). A plural noun
// late in such words ("... of the series") still reads as a verb: the -s shape cannot tell.

function reported(paragraphs: readonly string[]): ReportQuote[] {
  return analyseParagraphs('reported-clauses', paragraphs).quotes.filter(
    (quote) => quote.kind === 'indirect',
  );
}

describe('a reported clause without "that"', () => {
  it('is not read from an object with no verb', () => {
    expect(
      reported(['The new law gives residents the power to request records from every council office.']),
    ).toEqual([]);
    expect(reported(['The handset went on sale in Lisbon on 3 May, weeks after its launch.'])).toEqual([]);
    expect(reported(['The veteran producer wrote a new ending for the final episode.'])).toEqual([]);
  });

  it('is read when its verb is an irregular past or a participle', () => {
    const clauses = reported([
      'Harbour master Lena Brandt said the ferry ran late all week.',
      'Brandt said the crew had waited for hours in the rain.',
    ]).map((quote) => [quote.text, quote.speaker.name]);
    expect(clauses).toEqual([
      ['the ferry ran late all week', 'Lena Brandt'],
      ['the crew had waited for hours in the rain', 'Lena Brandt'],
    ]);
  });

  it('is read when its verbs are inside a quotation', () => {
    const clauses = reported(['Prosecutors said he "took, hid and sold" the paintings over two years.']);
    expect(clauses.map((quote) => quote.text)).toEqual([
      'he "took, hid and sold" the paintings over two years',
    ]);
  });
});
