import { describe, expect, it } from 'vitest';
import type { ReportQuote } from '../../../shared/report-schema.ts';
import { quotesOfParagraphs } from '../../helpers/analyse-paragraphs.ts';

// Specifications for rule branches inside the named rules: each case is read right only while
// its branch is there (a mutation check disabled each branch in turn and ran these).

function quotesOf(paragraphs: readonly string[]): ReportQuote[] {
  return quotesOfParagraphs('rule-branches', paragraphs);
}

/** Each statement's text with its speaker's name and type. */
function read(paragraphs: readonly string[]) {
  return quotesOf(paragraphs).map((quote) => ({
    text: quote.text,
    speaker: quote.speaker.name,
    type: quote.speaker.type,
  }));
}

describe('report rule branches', () => {
  it('a reporting verb before a gerund reports nothing', () => {
    expect(read(['Ann Dorsey recalled seeing the captain as he left the pier.'])).toEqual([]);
  });

  it('fronted: a clause before a cue that is followed by a long adjunct', () => {
    const quotes = read([
      'The pier will reopen in spring, mayor Ana Ruiz said on Monday after a long meeting with the harbour board and the two ferry companies that run the island services.',
    ]);
    expect(quotes).toEqual([{ text: 'The pier will reopen in spring', speaker: 'Ana Ruiz', type: 'person' }]);
  });
});

describe('speaker rule branches', () => {
  it('a plural acronym is an unnamed group', () => {
    expect(read(['"The bill has been rushed through," MEPs said.'])).toEqual([
      { text: 'The bill has been rushed through,', speaker: null, type: 'group' },
    ]);
  });

  it('a bare word only ever seen at a cue is typed as an organisation', () => {
    expect(read(['"We will close the plant in June," Veltrix said.'])).toEqual([
      { text: 'We will close the plant in June,', speaker: 'Veltrix', type: 'organisation' },
    ]);
  });
});

describe('name-finding branches', () => {
  it('a capitalised acronym before a verb of reporting is an organisation, never the "he" after it', () => {
    const quotes = read(['KNA reported on Monday that talks had stalled. He said the talks would resume.']);
    expect(quotes).toEqual([
      { text: 'talks had stalled', speaker: 'KNA', type: 'organisation' },
      { text: 'the talks would resume', speaker: null, type: 'person' },
    ]);
  });

  it('a given name that is also a word ("Will", "June") stays in the name', () => {
    expect(read(['Charity director Will Hanley said the figures were wrong.'])).toEqual([
      { text: 'the figures were wrong', speaker: 'Will Hanley', type: 'person' },
    ]);
  });

  it('letters after a name ("MP") are not part of it, and the name is still found', () => {
    expect(read(['Backbench critic Ann Dorsey MP said the bill was rushed.'])).toEqual([
      { text: 'the bill was rushed', speaker: 'Ann Dorsey', type: 'person' },
    ]);
  });

  it('a long capitalised run before a name keeps only the name', () => {
    expect(read(['Team Norway Ola Lunde said the course was too icy.'])).toEqual([
      { text: 'the course was too icy', speaker: 'Ola Lunde', type: 'person' },
    ]);
  });
});
