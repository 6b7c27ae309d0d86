import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../shared/extract-quotes.ts';
import { articleOf, textOf } from './quotes/article-fixture.ts';

function direct(paragraphs: string[]): string[] {
  const article = articleOf(paragraphs);
  return extractQuotes(article)
    .filter((quote) => quote.kind === 'direct')
    .map((quote) => textOf(article, quote.pieces));
}

function indirect(paragraphs: string[]): string[] {
  const article = articleOf(paragraphs);
  return extractQuotes(article)
    .filter((quote) => quote.kind === 'indirect')
    .map((quote) => textOf(article, quote.pieces));
}

describe('extractQuotes: direct quotes', () => {
  it('finds straight, curly, guillemet and low-high quotes', () => {
    const quotes = direct([
      '"The harbour will reopen in spring," the mayor said.', // straight marks
      '“We owe the fishermen an answer,” she added.', // curly marks
      '«The border stays open for trade,» the minister said.', // guillemets
      '„The talks were long and hard,“ the envoy said.', // low-high marks
    ]);
    expect(quotes).toEqual([
      'The harbour will reopen in spring,',
      'We owe the fishermen an answer,',
      'The border stays open for trade,',
      'The talks were long and hard,',
    ]);
  });

  it('joins a quote split by its attribution into one statement', () => {
    const quotes = direct([
      '"We tested the new ferries all winter," he said, "and they passed every check."', // interrupted quote
    ]);
    expect(quotes).toEqual(['We tested the new ferries all winter, and they passed every check.']);
  });

  it('keeps a closed quote and the next quoted sentence apart when narration ends between them', () => {
    const quotes = direct([
      '"The budget is tight," said Ana Ruiz, the treasurer. "But the school roof comes first."', // two items
    ]);
    expect(quotes).toEqual(['The budget is tight,', 'But the school roof comes first.']);
  });

  it('reads the attribution after a quote with characters outside the basic plane', () => {
    // The masked copy must keep every UTF-16 offset, or the cue would be looked for elsewhere.
    const article = articleOf(['"We won the cup 🏆 at last," said Mira Holt. "Next year 🏆🏆," she added.']);
    const quotes = extractQuotes(article);
    expect(quotes.map((quote) => textOf(article, quote.pieces))).toEqual([
      'We won the cup 🏆 at last,',
      'Next year 🏆🏆,',
    ]);
    expect(quotes.map((quote) => (quote.mention ? textOf(article, [quote.mention]) : null))).toEqual([
      'Mira Holt',
      'she',
    ]);
  });

  it('continues a quote into the next paragraph that reopens it', () => {
    const quotes = direct([
      'Ana Ruiz said: "The roof leaks in three places.', // opens without closing
      '"We will fix it before the rains," she said.', // reopens: same statement
    ]);
    expect(quotes).toEqual(['The roof leaks in three places. We will fix it before the rains,']);
  });

  it('treats a lost paragraph break inside an open quote as the same statement', () => {
    const quotes = direct([
      '"We trained hard all month. "Winning here means a lot to the whole team," the captain said.', // `. "Next`
    ]);
    expect(quotes).toEqual(['We trained hard all month. Winning here means a lot to the whole team,']);
  });

  it('keeps nested single quotes and bracketed insertions inside the quote', () => {
    const quotes = direct([
      '“I heard him ask, quote, ‘Is the bridge safe?’ and then [the engineer] left,” Holmes testified.', // nested + insertion
    ]);
    expect(quotes).toEqual(['I heard him ask, quote, ‘Is the bridge safe?’ and then [the engineer] left,']);
  });

  it('ends an unclosed quote at its paragraph instead of swallowing the article', () => {
    const quotes = direct([
      'The mayor said: "We will rebuild the pier before summer', // never closed
      'Council members met on Friday to discuss the budget for the pier.', // narration, not quoted
    ]);
    expect(quotes).toEqual(['We will rebuild the pier before summer']);
  });

  it('tolerates an unclosed quote at the very end of the article', () => {
    const quotes = direct([
      'The port reopened on Monday.', // narration
      '"Ships are already queuing outside the harbour, the pilot said', // unclosed at article end
    ]);
    expect(quotes).toEqual(['Ships are already queuing outside the harbour, the pilot said']);
  });

  it('skips titles, terms and scare quotes that nobody says', () => {
    const quotes = direct([
      'The band played "Songs From The Old Harbour Road" twice at the festival.', // title of a work
      'Officials have a duty to act in the "best interest of every child" in care.', // term, no speaker
    ]);
    expect(quotes).toEqual([]);
  });

  it('skips a title-cased work even in a sentence with a speech verb', () => {
    const quotes = direct([
      'She said her novel "The Long Road Home Again" sold well abroad.', // title inside a report
    ]);
    expect(quotes).toEqual([]);
  });

  it('keeps a quoted fragment of a reported clause', () => {
    const quotes = direct([
      'Ms Ruiz said the council had wasted money on "projects nobody in town ever asked for".', // mixed clause
    ]);
    expect(quotes).toEqual(['projects nobody in town ever asked for']);
  });
});

describe('extractQuotes: an article quoted the British way, with single marks', () => {
  it('finds curly and straight single-quoted quotes, past apostrophes and possessives', () => {
    const quotes = direct([
      'The council met on Monday to discuss the harbour.',
      '‘We will fight this in court,’ said Tom Reilly, who chairs the fishermen’s association.',
      "'We are delighted,' said Anna Smith.",
      'He added: ‘The workers’ rights are not for sale.’',
      'She called the plan ‘a sad day for the town’ and left.',
      '‘We back the nurses’ he said.',
    ]);
    expect(quotes).toEqual([
      'We will fight this in court,',
      'We are delighted,',
      'The workers’ rights are not for sale.',
      'a sad day for the town',
      'We back the nurses',
    ]);
  });

  it('keeps double marks nested inside single ones, and single marks nested in a double-quoted article', () => {
    expect(direct(['‘He called it “a disgrace”, and he was right,’ she said.', '‘Yes,’ he said.'])).toEqual([
      'He called it “a disgrace”, and he was right,',
      'Yes,',
    ]);
    expect(direct(['“He told me ‘No’ twice,” she said.', '“We are ready,” he said.'])).toEqual([
      'He told me ‘No’ twice,',
      'We are ready,',
    ]);
  });
});

describe('extractQuotes: reported speech', () => {
  it('finds the clause after a speech verb, without "that"', () => {
    expect(indirect(['Peskov underscored that it is too early to speak about a meeting.'])).toEqual([
      'it is too early to speak about a meeting', // forward report with "that"
    ]);
  });

  it('finds a fronted clause before its attribution', () => {
    expect(indirect(['The harbour will reopen in spring, the mayor said on Monday.'])).toEqual([
      'The harbour will reopen in spring', // fronted: "X, Y said"
    ]);
  });

  it('drops a leading "according to X" from a fronted clause', () => {
    expect(
      indirect(['According to him, this is a question for the future, the press secretary said.']),
    ).toEqual([
      'this is a question for the future', // lead-in removed
    ]);
  });

  it('finds a clause split by a parenthetical attribution', () => {
    expect(indirect(['But, he said, if enough people sign up the plan will pay for itself.'])).toEqual([
      'if enough people sign up the plan will pay for itself', // parenthetical
    ]);
  });

  it('lets the closing attribution own the whole sentence', () => {
    expect(
      indirect([
        'The ferry now sails twice a day, and most riders are buying season tickets, Ruiz told reporters.',
      ]),
    ).toEqual([
      'The ferry now sails twice a day, and most riders are buying season tickets', // fronted, earlier verb ignored
    ]);
  });

  it('ends a clause before a second speaker reports', () => {
    expect(
      indirect(['The mayor has suggested that the pier is safe, but Ruiz has said the pier needs repairs.']),
    ).toEqual([
      'the pier is safe', // first speaker's clause stops at ", but Ruiz has said"
      'the pier needs repairs', // second speaker's clause
    ]);
  });

  it('leaves a riding-along relative clause out of the report', () => {
    expect(
      indirect(['The council claims that it was misled by its founder, Jon Bell, who is now abroad.']),
    ).toEqual([
      'it was misled by its founder, Jon Bell', // ", who is now abroad" rides along
    ]);
  });

  it('reads a participle after a comma as reporting speech', () => {
    expect(indirect(['Residents reacted with anger, saying the new road cuts the village in two.'])).toEqual([
      'the new road cuts the village in two', // ", saying ..."
    ]);
  });

  it("does not read a quote's inverted speaker as a reported clause", () => {
    expect(indirect(['"The yard is closing," said Jon Bell, an engineer at the dock.'])).toEqual([]); // direct only
  });

  it('does not report directives or topics', () => {
    expect(indirect(['The coach told the players to rest. She warned of the dangers of the heat.'])).toEqual(
      [],
    );
  });

  it('leaves a clause that is wholly quoted to the direct quote', () => {
    const paragraphs = ['The spokesman stated that “no, you cannot say that yet”.']; // whole clause quoted
    expect(indirect(paragraphs)).toEqual([]);
    expect(direct(paragraphs)).toEqual(['no, you cannot say that yet']);
  });
});

describe('extractQuotes: robustness', () => {
  it('never crashes and keeps every span inside the text on unbalanced marks', () => {
    const article = articleOf(['" " "He said " “ ” « „ "', '"', 'said "x" she said, "']);
    const quotes = extractQuotes(article);
    for (const quote of quotes) {
      for (const piece of quote.pieces) {
        expect(piece.start).toBeGreaterThanOrEqual(0);
        expect(piece.end).toBeLessThanOrEqual(article.text.length);
        expect(piece.start).toBeLessThan(piece.end);
      }
    }
  });

  it('does not report a programme title before "X reported"', () => {
    expect(indirect(['The Harbour Tonight programme on Channel 9, the agency reported.'])).toEqual([]); // no verb
  });

  it('keeps a fronted clause whose verb is there', () => {
    expect(indirect(['The ferry fares rose twice this year, the agency reported.'])).toEqual([
      'The ferry fares rose twice this year', // "rose"... and "fares": a finite clause
    ]);
  });

  it('does not report the question put to someone, only the answer', () => {
    expect(
      indirect([
        'Asked whether it is fair to say that the port lost money, the harbour master said the books were balanced.',
      ]),
    ).toEqual(['the books were balanced']); // the question is nobody's statement
  });

  it('ends a reported clause at a comma splice that starts a new sentence', () => {
    expect(
      indirect([
        'The mayor said that she would open the quay in May, the video of this speech was shown on TV.',
      ]),
    ).toEqual(['she would open the quay in May']); // ", the video ... was" is narration
  });

  it('keeps the main clause after a subordinate one inside the report', () => {
    expect(indirect(['The mayor said that if it rains, the parade will be cancelled.'])).toEqual([
      'if it rains, the parade will be cancelled',
    ]);
  });
});

describe('extractQuotes: what is not reported speech', () => {
  it('reads a speech verb after a determiner as an adjective', () => {
    expect(indirect(['The board studied a newly revealed letter from the harbour master Ana Ruiz.'])).toEqual(
      [],
    );
  });

  it('reads no clause in a verb of speech before a gerund', () => {
    expect(indirect(['If you continue using the ferry app, we will send you offers every week.'])).toEqual(
      [],
    );
  });

  it('needs a clause, not a noun phrase, after verbs that take either', () => {
    expect(indirect(['Ruiz also revealed the cost of the repairs she ordered last year.'])).toEqual([]); // noun phrase
    expect(indirect(['Ruiz also revealed the repairs were finished last year.'])).toEqual([
      'the repairs were finished last year', // clause: "were"
    ]);
  });

  it('leaves the words after a quote and its attribution to the quote', () => {
    const paragraphs = ['"The pier is safe," Ruiz told reporters, pointing to the new railings by the quay.'];
    expect(indirect(paragraphs)).toEqual([]);
    expect(direct(paragraphs)).toEqual(['The pier is safe,']);
  });

  it('leaves a quote opened after a dash to its own attribution', () => {
    expect(
      indirect(['Ruiz has changed her story once — "I now do remember," she said, meeting the crew.']),
    ).toEqual([]);
  });
});
