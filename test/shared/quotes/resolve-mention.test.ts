import { describe, expect, it } from 'vitest';
import { People } from '../../../shared/quotes/resolve-mention.ts';
import type { Span } from '../../../shared/types.ts';
import { articleOf } from './article-fixture.ts';

/**
 * Resolves `mention` written at its `occurrence`-th place in the article made of `paragraphs`;
 * `mentions` are other speaker mentions (first occurrence each), `spoken` makes this one a speaker mention too.
 */
function resolve(
  paragraphs: string[],
  mention: string,
  options: { occurrence?: number; mentions?: string[]; spoken?: boolean } = {},
) {
  const article = articleOf(paragraphs);
  let at = -1;
  for (let k = 0; k <= (options.occurrence ?? 0); k++) at = article.text.indexOf(mention, at + 1);
  const mentions: Span[] = (options.mentions ?? []).map((written) => {
    const start = article.text.indexOf(written);
    return { start, end: start + written.length };
  });
  if (options.spoken) mentions.push({ start: at, end: at + mention.length });
  const people = new People(article.text, article.text, article.paragraphs, mentions);
  const resolution = people.resolve(mention, at);
  return { name: resolution.entity?.name ?? null, how: resolution.how };
}

describe('People.resolve: speakers that are not names', () => {
  it('takes no sentence adverb for a name', () => {
    expect(resolve(['Critically, the fund said it was nearly empty.'], 'Critically').name).toBeNull();
    expect(resolve(['Similarly, the board argued the fee was too high.'], 'Similarly').name).toBeNull();
  });

  it('takes no common word capitalised only at a sentence start for a name', () => {
    const paragraphs = [
      'Further delays will hurt, the unions argue.',
      'The further the talks drag on, the worse.',
    ];
    expect(resolve(paragraphs, 'Further').name).toBeNull();
  });

  it('still resolves a surname that is also an ordinary word to the person introduced with it', () => {
    const paragraphs = [
      'Analyst Jo Early spoke first.',
      'Adoption is still early, says Early.', // "early" in lowercase too, but also a name mid-sentence
    ];
    expect(resolve(paragraphs, 'Early', { occurrence: 2 }).name).toBe('Jo Early');
  });

  it('reads a pronoun with a contracted verb as that pronoun, not as a name', () => {
    expect(resolve(['Rivals keep attacking. They’ll often press on regardless.'], 'They’ll')).toEqual({
      name: null,
      how: 'group',
    });
  });

  it('takes no ticker symbol for a speaker', () => {
    expect(resolve(['The tech index .QQX added 20 points on the day.'], 'QQX').name).toBeNull();
    expect(resolve(['Palladium XPD= added 0.2% to $900.'], 'XPD').name).toBeNull();
  });

  it('takes no dateline in capitals for a person', () => {
    const paragraphs = ['PORT ELLEN (Wire) - A harbour official said on Monday the pier was closed.'];
    const found = resolve(paragraphs, 'A harbour official', { mentions: ['PORT ELLEN'] });
    expect(found.name).toBeNull();
  });

  it('reads a capitalised plural role at a sentence start as a group', () => {
    expect(resolve(['Ministers insist the plan is safe.'], 'Ministers', { mentions: ['Ministers'] })).toEqual(
      {
        name: null,
        how: 'group',
      },
    );
  });

  it('takes no label word joined to a sentence-initial common noun for a name', () => {
    const paragraphs = [
      'Recap Surveys show that rents rose last year.', // a label before the sentence
      'Surveys indicate that rents will rise again.',
      'Two other surveys disagree.', // "surveys" is a common word here
    ];
    expect(resolve(paragraphs, 'Surveys', { occurrence: 1, spoken: true }).name).toBeNull();
  });

  it('takes no capitalised label before an acronym for a person', () => {
    const paragraphs = ['Overview ZQX is common in adults, the survey said.', 'He said it was often missed.'];
    expect(resolve(paragraphs, 'He', { mentions: ['Overview ZQX'] }).name).toBeNull();
  });

  it('takes no owner inside a speaker description for a speaker', () => {
    const paragraphs = [
      'Ruritania’s public defender’s office said 30 people were hurt.', // "Ruritania" owns the office
      'The office said the toll would rise.',
    ];
    const mentions = ['Ruritania’s public defender’s office'];
    expect(resolve(paragraphs, 'The office', { mentions }).name).toBeNull();
  });

  it('names an organisation from a description only from a capital that is a name', () => {
    const common = [
      'The creditors met on Monday.',
      'Creditors of the troubled lender said the deal was off.',
    ];
    expect(resolve(common, 'Creditors of the troubled lender').name).toBeNull();
    const named = ['Talks resumed, the state-run Norland Press Agency said.'];
    expect(resolve(named, 'the state-run Norland Press Agency').name).toBe('Norland Press Agency');
  });

  it('takes no capital that opens a longer noun phrase for a name', () => {
    const paragraphs = ['Prices held steady.', 'Spot palladium added 2% to $900 an ounce.'];
    expect(resolve(paragraphs, 'Spot', { spoken: true }).name).toBeNull();
    expect(resolve(['Talks stalled.', 'Gazprom denied any delay.'], 'Gazprom', { spoken: true }).name).toBe(
      'Gazprom',
    );
  });

  it('reads a plural acronym as a group', () => {
    expect(resolve(['The scheme is flawed, say MPs.'], 'MPs')).toEqual({ name: null, how: 'group' });
  });

  it('gives a generic organisation noun no name unless an organisation was named before', () => {
    expect(resolve(['The club said it would not sell.'], 'The club').name).toBeNull();
  });

  it('does not give a description that is no role to the last person named', () => {
    const paragraphs = [
      'Rail minister Dana Holt opened the line.',
      'The developer said work would start soon.',
    ];
    expect(resolve(paragraphs, 'The developer').name).toBeNull();
    expect(
      resolve([paragraphs[0] ?? '', 'The past showed the 64-year-old was right.'], 'the 64-year-old').name,
    ).toBe('Dana Holt');
  });

  it('names the organisation in "the Bank of England", not a person called England', () => {
    const paragraphs = ['Rates will hold, the Bank of England said.', 'He said the rise was small.'];
    expect(resolve(paragraphs, 'the Bank of England', { mentions: ['the Bank of England'] }).name).toBe(
      'Bank of England',
    );
    expect(resolve(paragraphs, 'He', { mentions: ['the Bank of England'] }).name).toBeNull();
  });
});

describe('People.resolve: datelines', () => {
  it('takes no dateline in capitals for a person, even inside a speaker mention', () => {
    const paragraphs = ['PORT LOUIS - The talks ended late on Monday.', 'We are close to a deal, he said.'];
    expect(resolve(paragraphs, 'he', { mentions: ['PORT LOUIS'] }).name).toBeNull();
  });
});
