import { describe, expect, it } from 'vitest';
import { attributeSpeakers } from '../../shared/attribute-speakers.ts';
import { extractQuotes } from '../../shared/extract-quotes.ts';
import { articleOf, textOf } from './quotes/article-fixture.ts';

/** Each direct quote's text with the speaker it was given. */
function speakers(paragraphs: string[]): [string, string | null][] {
  const article = articleOf(paragraphs);
  return attributeSpeakers(article, extractQuotes(article))
    .filter((quote) => quote.kind === 'direct')
    .map((quote) => [textOf(article, quote.pieces), quote.speaker.name]);
}

describe('attributeSpeakers', () => {
  it('names the speaker after "said" and resolves a surname to the full name', () => {
    expect(
      speakers([
        'Harbour master Joan Keller opened the new quay on Monday.', // introduces the full name
        '"The quay is ready for the autumn fleet," said Joan Keller.', // cue then name
        '"We start loading next week," Keller added.', // surname -> full name
      ]),
    ).toEqual([
      ['The quay is ready for the autumn fleet,', 'Joan Keller'],
      ['We start loading next week,', 'Joan Keller'],
    ]);
  });

  it('leaves a role nobody was given unnamed when the person in view was called something else', () => {
    expect(
      speakers([
        '"We will fight this," said Anna Smith, a local shopkeeper.', // called a shopkeeper
        'The finance minister said the budget was "the best in a decade".', // no minister named
        '"Trade is slow this winter," said Tom Reilly.', // named without a description
        '"The harbour needs dredging," the mayor said.', // falls back to the person in view
      ]),
    ).toEqual([
      ['We will fight this,', 'Anna Smith'],
      ['the best in a decade', null],
      ['Trade is slow this winter,', 'Tom Reilly'],
      ['The harbour needs dredging,', 'Tom Reilly'],
    ]);
  });

  it('resolves descriptions to the person introduced with that title', () => {
    expect(
      speakers([
        'Kremlin Spokesman Dmitry Peskov spoke after Russian President Vladimir Putin met the envoy.', // titles
        '"The talks went well for both sides," the press secretary said.', // press secretary ~ spokesman
        '"We will definitely meet again soon," the Russian leader said.', // leader ~ president, Russian
        '"Nothing has been decided on sanctions yet," the Kremlin spokesman stated.', // spokesman
      ]),
    ).toEqual([
      ['The talks went well for both sides,', 'Dmitry Peskov'],
      ['We will definitely meet again soon,', 'Vladimir Putin'],
      ['Nothing has been decided on sanctions yet,', 'Dmitry Peskov'],
    ]);
  });

  it('resolves a pronoun to the last person of a compatible gender', () => {
    expect(
      speakers([
        'Mr Ortiz praised the plan, which was written by Maria Lund, director of the port authority.', // Mr = male
        '"It took us two whole years to agree," she said.', // she skips Mr Ortiz
      ]),
    ).toEqual([['It took us two whole years to agree,', 'Maria Lund']]);
  });

  it('knows a name introduced with a lowercase role is a person', () => {
    expect(
      speakers([
        'Dock workers and festival director Eva Lind met the owners on Friday.', // "festival director Eva Lind"
        '"Nobody leaves until the deal is signed," she said.', // she -> Eva Lind
      ]),
    ).toEqual([['Nobody leaves until the deal is signed,', 'Eva Lind']]);
  });

  it('prefers the subject of the previous sentence for a pronoun', () => {
    expect(
      speakers([
        'Tom Reyes beat Carl Nyman in the final, and Nyman later beat Reyes in the rematch.', // both named alone
        'Reyes dropped a set against Nyman, but was happy with his game.', // Reyes is the subject
        '"It was about getting used to the court," he said.', // he -> Reyes
      ]),
    ).toEqual([['It was about getting used to the court,', 'Tom Reyes']]);
  });

  it('gives a quote with no cue to the person the sentence before is about', () => {
    expect(
      speakers([
        'Councillor Tom Bell and treasurer Ana Ruiz met the press on Friday.', // both introduced
        '"The plan is sound and fully costed," said Ruiz. Bell, however, disagreed with her.', // narration about Bell
        '"It will never pay for itself in our lifetime."', // no cue: Bell's, not Ruiz's
      ]),
    ).toEqual([
      ['The plan is sound and fully costed,', 'Ana Ruiz'],
      ['It will never pay for itself in our lifetime.', 'Tom Bell'],
    ]);
  });

  it('gives a floating quote the speaker of the quote before it', () => {
    expect(
      speakers([
        '"The budget is tight," said Ana Ruiz, the treasurer. "But the school roof comes first."', // floating
      ]),
    ).toEqual([
      ['The budget is tight,', 'Ana Ruiz'],
      ['But the school roof comes first.', 'Ana Ruiz'],
    ]);
  });

  it('names an organisation for its unnamed spokesman', () => {
    const article = articleOf([
      '"We are reviewing every case on its merits," a spokesman for the Home Office said.', // org speaker
      '"No decision has been taken yet on the scheme," the spokesman said.', // same spokesman
    ]);
    const quotes = attributeSpeakers(article, extractQuotes(article)).filter(
      (quote) => quote.kind === 'direct',
    );
    expect(quotes.map((quote) => quote.speaker.name)).toEqual(['Home Office', 'Home Office']);
    expect(quotes[0]?.speaker.type).toBe('organisation');
  });

  it('gives "the statement said" to the speaker who issued it', () => {
    expect(
      speakers([
        '"We will consider any fair offer on its merits," Rovers said.', // org speaker
        '"The board still opposes the plan in its current form," the statement said.', // document -> Rovers
      ]).map(([, speaker]) => speaker),
    ).toEqual(['Rovers', 'Rovers']);
  });

  it('gives a generic organisation noun the organisation named before it, and no name when there is none', () => {
    expect(
      speakers([
        '"Nobody has made us an offer," the club said.', // no club named: no speaker name
        '"We have made an offer," Kestrel said.', // an organisation by name
        '"The offer stands until Friday," the company said.', // the company introduced above
      ]).map(([, speaker]) => speaker),
    ).toEqual([null, 'Kestrel', 'Kestrel']);
  });

  it('takes no sentence-opening word of a longer noun phrase for the speaker, but keeps an owner', () => {
    const article = articleOf([
      'Photos of the empty shelves, taken on Monday, indicate that the shop had closed early.', // "Photos of ..."
      'Singer Mara Lind sued the venue last year.',
      "Ms Lind's lawsuit says that the venue ignored every warning.", // her lawsuit speaks for her
    ]);
    const reported = attributeSpeakers(article, extractQuotes(article)).filter(
      (quote) => quote.kind === 'indirect',
    );
    expect(reported.map((quote) => [textOf(article, quote.pieces), quote.speaker.name])).toEqual([
      ['the shop had closed early', null],
      ['the venue ignored every warning', 'Mara Lind'],
    ]);
  });

  it('reads a role and a name after an opening description as the subject', () => {
    const article = articleOf([
      'Green Party spokeswoman Ada Moss called the plan pragmatic and argued it gave towns a better chance.',
    ]);
    const reported = attributeSpeakers(article, extractQuotes(article)).filter(
      (quote) => quote.kind === 'indirect',
    );
    expect(reported.map((quote) => quote.speaker.name)).toEqual(['Ada Moss']);
  });

  it('names an organisation described with its own name rather than the one before', () => {
    expect(
      speakers([
        '"Talks have resumed," Nova News Agency said.',
        '"The plan is flawed," the Clean Coast Alliance group said.', // its own name, not the agency
      ]).map(([, speaker]) => speaker),
    ).toEqual(['Nova News Agency', 'Clean Coast Alliance']);
  });

  it('keeps a capital "US" in an organisation name at the cue', () => {
    const article = articleOf(['Pilots at US Airways said the new rota was "simply unworkable".']);
    const quotes = attributeSpeakers(article, extractQuotes(article));
    expect(quotes.map((quote) => quote.speaker.name)).toContain('US Airways');
  });

  it('does not give a description of an unintroduced organisation to the last person named', () => {
    const article = articleOf([
      '"We will fight this in court," said Tom Reilly, chair of the fishing association.',
      'The developer said construction would begin next year.', // nobody introduced as the developer
    ]);
    const reported = attributeSpeakers(article, extractQuotes(article)).filter(
      (quote) => quote.kind === 'indirect',
    );
    expect(reported.map((quote) => [textOf(article, quote.pieces), quote.speaker.name])).toEqual([
      ['construction would begin next year', null],
    ]);
  });

  it('names the organisation an unnamed spokesperson speaks for', () => {
    expect(
      speakers([
        '"The talks will resume next week," a Downing Street spokesman said.', // "a X spokesman"
        '"We have no plans to close the plant," Tesla\'s spokeswoman said.', // "X's spokeswoman"
      ]).map(([, speaker]) => speaker),
    ).toEqual(['Downing Street', 'Tesla']);
  });

  it('takes the speaker from a paragraph that ends "X told the meeting:"', () => {
    expect(
      speakers([
        'Ana Ruiz spoke first. Then Tom Bell, the treasurer, told the meeting:', // colon closes the paragraph
        '"We cannot afford the new pier this year."', // quote opens the next paragraph
      ]),
    ).toEqual([['We cannot afford the new pier this year.', 'Tom Bell']]);
  });

  it('leaves generic groups unnamed', () => {
    const article = articleOf(['Prices will keep rising until the spring, analysts said.']); // group speaker
    const [quote] = attributeSpeakers(article, extractQuotes(article));
    expect(quote?.kind).toBe('indirect');
    expect(quote?.speaker.name).toBeNull();
    expect(quote?.speaker.type).toBe('group');
  });

  it('takes the person quoted, not the outlet, from "quoted X as saying"', () => {
    expect(
      speakers([
        'Mikael Berg founded the shipyard in 1990.', // introduces the full name
        '"The yard has been sold far too cheaply," the news agency quoted Mr Berg as saying.', // quoted as saying
      ]),
    ).toEqual([['The yard has been sold far too cheaply,', 'Mikael Berg']]);
  });

  it('resolves a nationality description to the last person written about', () => {
    expect(
      speakers([
        'Lee Hart beat Tom Cole in straight sets.', // both named
        'Hart was delighted with victory over Cole in his first match for months.', // Hart is the subject
        '"I felt pretty good out there," said the American.', // description -> Hart
      ]),
    ).toEqual([['I felt pretty good out there,', 'Lee Hart']]);
  });

  it('finds the speaker before an appositive and not the listener after "tells"', () => {
    expect(
      speakers([
        '"The service was built for the cloud," Ana Ruiz, director of games at the firm, tells The Daily Post.', // appositive
      ]),
    ).toEqual([['The service was built for the cloud,', 'Ana Ruiz']]);
  });

  it('finds the subject past a long appositive before "told X:"', () => {
    expect(
      speakers([
        'Ian Marsh, a researcher at the city university who did not take part in the study, told reporters: "The effect is small but real."', // appositive, listener
      ]),
    ).toEqual([['The effect is small but real.', 'Ian Marsh']]);
  });

  it('keeps lowercase particles inside a name', () => {
    expect(speakers(['"We did it all by hand at first," said Jurgen van Dijk.'])).toEqual([
      ['We did it all by hand at first,', 'Jurgen van Dijk'], // particle "van"
    ]);
  });

  it('attributes the quoted fragment of a reported clause to the clause speaker', () => {
    expect(
      speakers([
        'Councillor Ben Ode said the plan would leave residents "with nowhere left to park at all".',
      ]),
    ).toEqual([['with nowhere left to park at all', 'Ben Ode']]);
  });

  it('gives a reported clause to the subject of the speech verb, not the nearest name', () => {
    const article = articleOf([
      'Harbour chief Ana Ruiz meeting with her rival Tom Bell said that she wanted a new pier.', // object of "with"
      'A spokesman for the ferry union in Porto said it would strike.', // "in Porto" is where, not who
    ]);
    const quotes = attributeSpeakers(article, extractQuotes(article));
    expect(quotes.map((quote) => [textOf(article, quote.pieces), quote.speaker.name])).toEqual([
      ['she wanted a new pier', 'Ana Ruiz'],
      ['it would strike', 'ferry union'],
    ]);
  });

  it('gives a participle clause to the subject of the main verb', () => {
    const article = articleOf([
      'Last week harbour master Ana Ruiz wrote to the board, saying the pier needed new railings.',
      "Fishermen's unions have reacted with anger, saying the fees are too high.", // a group, not a name
    ]);
    const quotes = attributeSpeakers(article, extractQuotes(article));
    expect(quotes.map((quote) => [textOf(article, quote.pieces), quote.speaker.name])).toEqual([
      ['the pier needed new railings', 'Ana Ruiz'],
      ['the fees are too high', null],
    ]);
  });

  it('keeps a shadow minister apart from the minister', () => {
    const article = articleOf([
      'Opposition shadow chancellor Tom Bell spoke first.', // "shadow chancellor"
      'Finance minister Ana Ruiz has addressed the party behind closed doors.',
      'The Chancellor said the opposition plans would cut spending.', // not the shadow one
    ]);
    const quotes = attributeSpeakers(article, extractQuotes(article));
    expect(quotes.map((quote) => quote.speaker.name)).toEqual(['Ana Ruiz']);
  });

  it('names the person of an appositive that opens with role words', () => {
    const article = articleOf([
      'The port would be closed all winter, said another witness at the hearing, former harbour adviser Ana Ruiz.',
    ]);
    const quotes = attributeSpeakers(article, extractQuotes(article));
    expect(quotes.map((quote) => quote.speaker.name)).toEqual(['Ana Ruiz']);
  });

  describe('names that are names', () => {
    /** Each statement's speaker, direct and reported. */
    const names = (paragraphs: string[]) => {
      const article = articleOf(paragraphs);
      return attributeSpeakers(article, extractQuotes(article)).map((quote) => quote.speaker.name);
    };

    it('joins a family-name-first short form to its full name', () => {
      expect(
        names(['"Rates will rise," said analyst Park Jiwon.', '"The banks know it," said Mr Park.']),
      ).toEqual(['Park Jiwon', 'Park Jiwon']);
    });

    it('keeps apart a full name that merely ends in another full name’s first word', () => {
      expect(
        names([
          '"Rates will rise," said analyst Park Jiwon.',
          'Minho Park, another trader, said the banks would wait.',
        ]),
      ).toEqual(['Park Jiwon', 'Minho Park']);
    });

    it('takes no sentence-opening noun phrase with a participle for a name', () => {
      expect(
        names([
          'Rules adopted in 2010 demand that ferries carry two lifeboats each.',
          'The rules cost each ferry firm money.', // the article writes the word in lowercase too
        ]),
      ).toEqual([null]);
    });

    it('gives an unnamed spokesman to the acronym organisation just mentioned', () => {
      expect(
        names([
          'However, the HMRC has rejected the plan.',
          'A spokesman said the office saw no case for a change.',
        ]),
      ).toEqual(['HMRC']);
    });

    it('gives a statement by people described by a topic to nobody, not to the topic', () => {
      expect(names(['In one survey those with IBS said they slept badly most nights.'])).toEqual([null]);
    });

    it("names the person in an appositive after an owner's role", () => {
      expect(names(["The firm's founder, Ana Ruiz, said the ferry would run all winter."])).toEqual([
        'Ana Ruiz',
      ]);
    });
  });

  it('keeps the current speaker for "he said" when the nearer name was only an object', () => {
    expect(
      speakers([
        '"The ferry law needs no change," Mayor Tom Bell said.',
        'The council cut the grant set by a court for ferry captain Ana Ruiz.', // Ruiz: an object, never a speaker
        '"It is important we keep the crossing open," he said.',
      ]).map(([, speaker]) => speaker),
    ).toEqual(['Tom Bell', 'Tom Bell']);
  });
});
