import { describe, expect, it } from 'vitest';
import { speakerKey } from '../../../shared/quotes/speaker-key.ts';
import { analyseParagraphs } from '../../helpers/analyse-paragraphs.ts';

const analyse = analyseParagraphs;

describe('one statement, counted once', () => {
  const report = analyse('mixed-clause', [
    'Mayor Ana Ruiz said the old pier had been "a danger to every family in town" for years.', // clause + quote
  ]);

  it('links the quoted words to the reported clause that contains them', () => {
    const clause = report.quotes.find((quote) => quote.kind === 'indirect');
    const inner = report.quotes.find((quote) => quote.kind === 'direct');
    expect(clause?.text).toBe('the old pier had been "a danger to every family in town" for years');
    expect(inner?.within).toBe(clause?.id);
    expect(clause?.within).toBeUndefined();
  });

  it('counts the statement once in the summary and for its speaker', () => {
    expect(report.quotes).toHaveLength(2);
    expect(report.summary.quotes).toBe(1);
    expect(report.summary.direct + report.summary.indirect).toBe(1);
    expect(report.summary.speakers).toEqual([expect.objectContaining({ name: 'Ana Ruiz', quotes: 1 })]);
    const labels = report.summary.labels;
    expect(labels.positive + labels.negative + labels.neutral + labels.mixed).toBe(1);
  });

  it('marks a denied phrase as a denial, not the speaker’s own claim', () => {
    const denial = analyse('denial', [
      'Mayor Ana Ruiz denied the pier closure was "a political stunt by the council".',
    ]);
    const inner = denial.quotes.find((quote) => quote.kind === 'direct');
    expect(inner?.denial).toBe(true);
    expect(inner?.within).toBe(denial.quotes.find((quote) => quote.kind === 'indirect')?.id);
    const plain = analyse('plain', [
      'Mayor Ana Ruiz said the pier closure was "a political stunt by the council".',
    ]);
    expect(plain.quotes.every((quote) => quote.denial === undefined)).toBe(true);
  });
});

describe('speakers: role, organisation and a key across articles', () => {
  it('gives the speaker the role and organisation the article gives', () => {
    const report = analyse('roles', ['"The ferry will run," Harbour Board spokesman Tom Bell said.']);
    expect(report.quotes[0]?.speaker).toMatchObject({
      name: 'Tom Bell',
      role: 'Harbour Board spokesman',
      organisation: 'Harbour Board',
    });
  });

  it('reads a role and organisation from an appositive', () => {
    const report = analyse('appositive', ['"Rates will fall," said Ana Ruiz, an analyst at Nova Bank.']);
    expect(report.quotes[0]?.speaker).toMatchObject({
      name: 'Ana Ruiz',
      role: 'analyst',
      organisation: 'Nova Bank',
    });
  });

  it('gives one key to one person named three ways in three articles', () => {
    const keys = [
      analyse('first', ['"The harbour deal is done," President Anton Velasco said.']),
      analyse('second', ['"We signed it last night," Velasco said.']),
      analyse('third', [
        'Opposition leader Mia Holt spoke first.',
        '"Nobody lost," said Island President Anton Velasco.',
      ]),
    ].map((report) => report.quotes.find((quote) => quote.speaker.name?.endsWith('Velasco'))?.speaker.key);
    expect(keys).toEqual(['velasco', 'velasco', 'velasco']);
  });

  it('strips titles, roles, post-nominals and accents from a key', () => {
    expect(speakerKey('Dr José Núñez')).toBe('nunez');
    expect(speakerKey('Prime Minister Ann Lee MP')).toBe('lee');
    expect(speakerKey('Nova Bank', 'organisation')).toBe('nova-bank');
  });
});
