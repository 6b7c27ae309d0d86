import { describe, expect, it } from 'vitest';
import {
  looksLikeNames,
  readMetadataLine,
  splitBylineDate,
  splitDateline,
} from '../../../shared/clean/metadata-lines.ts';

describe('readMetadataLine', () => {
  it.each([
    ['By kadmin', 'byline', 'kadmin'], // blog user handle
    ['By ANN LEE and BO RAY', 'byline', 'ANN LEE and BO RAY'], // wire bylines in capitals
    ['Written by Ann Lee, Coast News', 'byline', 'Ann Lee, Coast News'],
    ['Source: Kyrgyz National News Agency', 'sourceLine', 'Kyrgyz National News Agency'],
    ['Nov. 20, 2019 5:52 AM EST', 'publishedAt', 'Nov. 20, 2019 5:52 AM EST'],
    ['PUBLISHED: 10:48, Tue, Nov 19, 2019', 'publishedAt', '10:48, Tue, Nov 19, 2019'],
    ['2024-03-03T09:15:00Z', 'publishedAt', '2024-03-03T09:15:00Z'],
    ['3 March 2024', 'publishedAt', '3 March 2024'],
    [
      'Published Mar 3, 2024 at 4:07 PM | Updated at 5:36 PM',
      'publishedAt',
      'Mar 3, 2024 at 4:07 PM | Updated at 5:36 PM',
    ],
  ])('reads %j as %s', (line, field, value) => {
    expect(readMetadataLine(line)).toEqual({ field, value });
  });

  it.each([
    'By the end of the year the pier will be rebuilt.', // prose starting with "By"
    'By Friday, officials said, the work would be done.', // prose with a capitalised day
    'Sources say the talks failed.', // no colon: prose
    'In 2019 the board met in May.', // a year inside prose
    'March 2024 was the wettest on record, the office said.',
    '15:23 2019', // a time and a year are not a publication date
  ])('ignores prose %j', (line) => {
    expect(readMetadataLine(line)).toBeNull();
  });
});

describe('looksLikeNames', () => {
  it('accepts names joined by "and" and particles', () => {
    expect(looksLikeNames('Ann Lee and Jan van der Berg')).toBe(true);
  });

  it('rejects a clause', () => {
    expect(looksLikeNames('the end of the year')).toBe(false);
  });
});

describe('splitDateline', () => {
  it.each([
    ['OSLO (Wire) — The strike ended.', 'OSLO (Wire)', 'The strike ended.'],
    ['NEW YORK — Shares rose.', 'NEW YORK', 'Shares rose.'],
    ['LIMA, Peru – The vote was held.', 'LIMA, Peru', 'The vote was held.'],
    ['ROME, March 3 (Wire) - Talks began.', 'ROME, March 3 (Wire)', 'Talks began.'],
    ['OSLO, March 3. /WIRE/. Talks began.', 'OSLO, March 3. /WIRE/.', 'Talks began.'],
  ])('splits %j', (paragraph, dateline, rest) => {
    expect(splitDateline(paragraph)).toEqual({ dateline, rest });
  });

  it('leaves a paragraph without a dateline alone', () => {
    expect(splitDateline('The NATO summit — held in Rome — ended.')).toBeNull();
    expect(splitDateline('UK - and other countries - agreed.')).toBeNull();
  });
});

describe('splitBylineDate', () => {
  it('splits a date printed after the names', () => {
    expect(splitBylineDate('Ann Lee March 3, 2024, 09:15 AM EST')).toEqual({
      byline: 'Ann Lee',
      date: 'March 3, 2024, 09:15 AM EST',
    });
  });

  it('leaves a byline without a date alone', () => {
    expect(splitBylineDate('Ann Lee and Bo Ray')).toEqual({ byline: 'Ann Lee and Bo Ray', date: null });
  });
});
