import { describe, expect, it } from 'vitest';
import { speakerKey } from '../../../shared/quotes/speaker-key.ts';
import type { ReportQuote } from '../../../shared/report-schema.ts';
import { quotesOfParagraphs } from '../../helpers/analyse-paragraphs.ts';

// Names that are names: who a reader would say spoke each statement, and the type they are.

function quotesOf(paragraphs: readonly string[]): ReportQuote[] {
  return quotesOfParagraphs('speaker-names', paragraphs);
}

function speakerOf(quotes: readonly ReportQuote[], words: string) {
  const quote = quotes.find((candidate) => candidate.text.includes(words));
  if (quote === undefined) throw new Error(`no quote contains "${words}"`);
  return quote.speaker;
}

describe('an unnamed speaker brought in by an indefinite description', () => {
  const quotes = quotesOf([
    'Councillor Rosa Pinheiro defended the new parking charges at a packed meeting on Monday.',
    '"The council cannot keep the car parks open at a loss," said one transport expert.',
    '"Drivers will simply park in the side streets instead," the expert warned.',
    '"Nobody will pay four pounds to visit the library," a woman said from the back of the hall.',
  ]);

  it('is not the person named before', () => {
    expect(speakerOf(quotes, 'at a loss')?.name).toBeNull();
    expect(speakerOf(quotes, 'visit the library')?.name).toBeNull();
  });

  it('is who a later definite description of the same kind means', () => {
    expect(speakerOf(quotes, 'side streets')?.name).toBeNull();
  });

  it('leaves a definite description of someone named to that person', () => {
    const named = quotesOf([
      'Rosa Pinheiro, a transport expert at the university, studied the charges.',
      '"Drivers will simply park in the side streets instead," the expert warned.',
    ]);
    expect(speakerOf(named, 'side streets')?.name).toBe('Rosa Pinheiro');
  });
});

describe('organisations whose names end like a firm, an agency or a paper', () => {
  it('are organisations, not people, and keep their whole name as key', () => {
    const quotes = quotesOf([
      '"Rates will stay on hold until the spring," Harrow Street Equities said in a note.',
      '"Detainees were denied lawyers for weeks," Open Door International said.',
      '"The harvest was the best in a decade," the Valley Daily reported.',
    ]);
    for (const [words, name] of [
      ['on hold', 'Harrow Street Equities'],
      ['denied lawyers', 'Open Door International'],
      ['harvest', 'Valley Daily'],
    ] as const) {
      const speaker = speakerOf(quotes, words);
      expect(speaker?.name).toBe(name);
      expect(speaker?.type).toBe('organisation');
    }
    expect(speakerOf(quotes, 'denied lawyers')?.key).toBe('open-door-international');
  });
});

describe('name boundaries', () => {
  it('reads a middle initial with its full stop as part of the name', () => {
    const quotes = quotesOf([
      'Lead author Dr. Hana K. Osei, a professor of nursing, ran the trial.',
      '"The effect was larger than we expected," Osei said.',
    ]);
    expect(speakerOf(quotes, 'larger than we expected')?.name).toBe('Hana K Osei');
    expect(speakerOf(quotes, 'larger than we expected')?.type).toBe('person');
  });

  it('leaves the place out of a name that follows "envoy to <Place>"', () => {
    const quotes = quotesOf([
      'The trade envoy to Norway Petra Lindqvist said the deal was close.',
      '"We are nearly there," said the envoy to Norway, Petra Lindqvist.',
    ]);
    expect(speakerOf(quotes, 'deal was close')?.name).toBe('Petra Lindqvist');
    expect(speakerOf(quotes, 'nearly there')?.name).toBe('Petra Lindqvist');
  });

  it('leaves a nationality adjective out of the name and still reads a person', () => {
    const quotes = quotesOf([
      'Ghanaian Kofi Mensah-Boateng said the course was flat.',
      'But Chilean Arrau said the wind was too strong.',
    ]);
    expect(speakerOf(quotes, 'course was flat')?.name).toBe('Kofi Mensah-Boateng');
    expect(speakerOf(quotes, 'course was flat')?.key).toBe('mensah-boateng');
    expect(speakerOf(quotes, 'wind was too strong')).toMatchObject({ name: 'Arrau', type: 'person' });
  });

  it('reads a given name that is also a word ("Will", "May") after "said"', () => {
    const quotes = quotesOf([
      '"The figures do not add up," said Will Hanley, director of the charity.',
      '"Nobody checked them," said May Okafor.',
    ]);
    expect(speakerOf(quotes, 'add up')?.name).toBe('Will Hanley');
    expect(speakerOf(quotes, 'Nobody checked')?.name).toBe('May Okafor');
  });

  it('keeps a hyphenated surname whole in the speaker key', () => {
    expect(speakerKey('Lena Park-Sorensen')).toBe('park-sorensen');
    expect(speakerKey('Dr Lena Park-Sorensen')).toBe(speakerKey('Park-Sorensen'));
    expect(speakerKey('Coca-Cola Works', 'organisation')).toBe('coca-cola-works');
  });
});
