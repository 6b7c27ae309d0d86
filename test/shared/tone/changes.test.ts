import { describe, expect, it } from 'vitest';
import { scoreTone } from '../../../shared/score-tone.ts';
import { readStatement } from '../../../shared/tone/read-statement.ts';

/** Each change as "thing word direction", to compare at a glance. */
function changes(statement: string): string[] {
  const reading = readStatement(statement);
  const word = (at: number) => (at < 0 ? '-' : reading.tokens.lower[at]);
  return reading.changes.map((c) => `${word(c.thing)} ${word(c.at)} ${c.direction > 0 ? 'up' : 'down'}`);
}

describe('what changes and which way', () => {
  it('finds the thing before a change verb, past articles and measure words', () => {
    expect(changes('The number of burglaries fell.')).toEqual(['burglaries fell down']);
    expect(changes('Heating bills climbed again this winter.')).toEqual(['bills climbed up']);
    expect(changes('Factory output expanded quickly in March.')).toEqual(['output expanded up']);
  });

  it('finds the object of a change verb that takes one, and the thing after a noun of change', () => {
    expect(changes('The council cut bus fares.')).toEqual(['fares cut down']);
    expect(changes('Officials expect a rise in rents.')).toEqual(['rents rise up']);
  });

  it('never takes what a preposition opens as the changed thing', () => {
    expect(changes('Rents have doubled in five years.')).toEqual(['rents doubled up']);
    expect(changes('Bus fares were cut by a third.')).toEqual(['fares cut down']);
    expect(changes('The deal settled the lawsuit against the firm.')).toEqual(['lawsuit settled down']);
  });

  it('reads an end put to something as less of it, and "at the end of" as a time', () => {
    expect(changes('The ceasefire puts an end to the fighting.')).toEqual(['fighting end down']);
    expect(changes('Voters want to end corruption.')).toEqual(['corruption end down']);
    expect(changes('At the end of the day, it is up to them.')).toEqual([]);
    expect(changes('They ended up in court.')).toEqual([]);
    expect(scoreTone('The agreement brings an end to years of conflict.').label).toBe('positive');
    expect(scoreTone('The end of the strike is a relief.').label).toBe('positive');
  });

  it('reads what is called off as ended, whichever side of the verb it stands', () => {
    expect(changes('The strike was called off after a new offer.')).toEqual(['strike off down']);
    expect(changes('The union called off the strike.')).toEqual(['strike off down']);
    expect(changes('The bomb went off.')).toEqual([]);
    expect(scoreTone('The strike was called off after a new offer.').label).toBe('positive');
  });

  it('reads holding something down as less of it ("tackle crime")', () => {
    expect(changes('The plan aims to curb inflation.')).toEqual(['inflation curb down']);
    expect(scoreTone('We will tackle crime.').label).toBe('positive');
    expect(scoreTone('The law will help prevent abuse.').label).toBe('positive');
    expect(scoreTone('They were prevented from voting.').label).toBe('negative');
  });

  it('reads keeping something off as less of what comes after "from" or "against"', () => {
    expect(changes('The new law will protect workers from unfair dismissal.')).toEqual([
      'dismissal protect down',
    ]);
    expect(scoreTone('The new law will protect workers from unfair dismissal.').label).toBe('positive');
    expect(scoreTone('They saved the village from ruin.').label).toBe('positive');
    expect(changes('The vaccine guards children against measles.')).toEqual(['measles guards down']);
    // What is kept off is a danger unless rated otherwise.
    expect(scoreTone('They saved the children from the building.').label).toBe('positive');
    // Without "from" or "against" these verbs report no change.
    expect(changes('She defended the decision.')).toEqual([]);
    expect(changes('We saved money on the trip.')).toEqual([]);
  });

  it('takes the noun after an amount as the thing, and knows "went up in smoke" is no rise', () => {
    expect(changes('The hospital has cut a hundred nursing jobs.')).toEqual(['jobs cut down']);
    expect(changes('The number of cases fell to two hundred.')).toEqual(['cases fell down']);
    expect(changes('Thousands of records went up in smoke.')).toEqual([]);
    expect(scoreTone('Thousands of records went up in smoke.').label).toBe('negative');
    expect(changes('The deal is up in the air.')).toEqual([]);
    expect(changes('Prices went up in the spring.')).toEqual(['prices up up']);
  });

  it('reads stripping, depriving and robbing of something as taking it away', () => {
    expect(changes('The new law strips workers of their basic rights.')).toEqual(['rights strips down']);
    expect(scoreTone('The new law strips workers of their basic rights.').label).toBe('negative');
    expect(scoreTone('The ruling deprived families of support.').label).toBe('negative');
    expect(changes('They stripped the paint.')).toEqual([]);
  });

  it('looks past "in sight" for what an end is an end to', () => {
    expect(changes('There is an end in sight to the crisis.')).toEqual(['crisis end down']);
    expect(scoreTone('There is an end in sight to the crisis.').label).toBe('positive');
    expect(scoreTone('There is no end in sight to the crisis.').label).toBe('negative');
  });

  it('reads spreading as a rise and slowing as a fall, their speed as size', () => {
    expect(changes('The epidemic is slowing.')).toEqual(['epidemic slowing down']);
    expect(scoreTone('The epidemic is slowing faster than expected.').label).toBe('positive');
    expect(scoreTone('The epidemic is spreading faster than expected.').label).toBe('negative');
    expect(scoreTone('Inflation slowed in March.').label).toBe('positive');
  });

  it('reads "declined to <verb>" as a refusal, not a fall', () => {
    expect(changes('The minister declined to comment on the report.')).toEqual([]);
    expect(scoreTone('The minister declined to comment on the report.').label).toBe('neutral');
    expect(changes('Exports declined to 40 million.')).toEqual(['exports declined down']);
    expect(changes('Exports declined to their lowest level.')).toEqual(['exports declined down']);
  });

  it('lets a rated word before the thing say whether the thing is good', () => {
    expect(scoreTone('The good times are over.').label).toBe('negative');
    expect(scoreTone('The bad days are behind us.').label).toBe('positive');
    expect(scoreTone('Violent crime fell.').label).toBe('positive');
    expect(scoreTone('Travel times rose.').label).toBe('negative');
  });

  it('reads a fall in a harm as good news, and its rise as bad news and harm both', () => {
    expect(scoreTone('There has been a sharp drop in road deaths.').label).toBe('positive');
    expect(readStatement('There has been a sharp drop in road deaths.').harms).toBe(0);
    expect(readStatement('Deaths rose sharply.').harms).toBe(1);
  });

  it('reads "up" and "down" after a form of "be" as a change, unless an idiom follows', () => {
    expect(changes('Ticket sales are up on last year.')).toEqual(['sales up up']);
    expect(changes('Burglaries were down 4% in March.')).toEqual(['burglaries down down']);
    expect(changes('It is up to the council.')).toEqual([]);
    expect(changes('The striker is down with flu.')).toEqual([]);
  });

  it('reads a superlative as the level its subject reached, never as "a rise in"', () => {
    expect(scoreTone('Hospital waiting lists are the longest on record.').label).toBe('negative');
    expect(scoreTone('Queues at the crossing are the shortest in years.').label).toBe('positive');
  });

  it('gives a noun of change no object after it, only a thing behind a preposition', () => {
    expect(changes('The cuts will hit the poorest families hardest.')).toEqual(['- cuts down']);
    expect(changes('The cuts to bus services were announced.')).toEqual(['services cuts down']);
    expect(scoreTone('The cuts will hit the poorest families hardest.').label).toBe('negative');
  });

  it('reads "higher" after "be" as the level its subject stands at, a record when negated', () => {
    expect(changes('Bus fares are much higher than last year.')).toEqual(['fares higher up']);
    expect(scoreTone('Sales of our ships have never been higher.').label).toBe('positive');
    expect(changes('She appealed to a higher court.')).toEqual([]);
  });

  it('reads sizes and durations compared after "be" or "getting" as where the subject now stands', () => {
    expect(changes('Waiting lists are longer than ever.')).toEqual(['waiting longer up']);
    expect(scoreTone('Waiting lists are longer than ever.').label).toBe('negative');
    expect(scoreTone('The queues at the border are getting longer.').label).toBe('negative');
    expect(scoreTone('Waiting times are shorter than last year.').label).toBe('positive');
    expect(changes('We need a longer table.')).toEqual([]);
    // The size of a thing no list or lexicon rates is no news.
    expect(scoreTone('The days are longer in summer.').label).toBe('neutral');
  });

  it('reads what is created as more of it, good or bad as the thing is', () => {
    expect(changes('The scheme created thousands of jobs.')).toEqual(['jobs created up']);
    expect(scoreTone('The scheme created thousands of jobs.').label).toBe('positive');
    expect(scoreTone('The decision created chaos at the border.').label).toBe('negative');
  });

  it('reads a gap or deficit that narrows as good news and one that widens as bad', () => {
    expect(scoreTone('The budget deficit narrowed for the first time in years.').label).toBe('positive');
    expect(scoreTone('The budget deficit widened to 5 percent of output.').label).toBe('negative');
  });

  it('reads falling into something as more of it, and what is said after "that" as its own clause', () => {
    expect(changes('The economy slid into recession.')).toEqual(['recession slid up']);
    expect(changes('The charity warned that more pensioners would fall into debt.')).toEqual([
      'debt fall up',
    ]);
    expect(scoreTone('Thousands of families could fall into poverty.').label).toBe('negative');
    expect(changes('Officials said that burglaries fell.')).toEqual(['burglaries fell down']);
    // Every verb of falling, in every form, is a fall, with or without "into".
    expect(changes('The economy slipped into recession.')).toEqual(['recession slipped up']);
    expect(changes('More families are sinking into debt.')).toEqual(['debt sinking up']);
    expect(changes('Crime slipped to its lowest level.')).toEqual(['crime slipped down']);
  });

  it('reads a set phrase as the thing as a whole', () => {
    expect(scoreTone('Interest rates have come down.').label).toBe('positive');
    expect(scoreTone('Interest rates went up again.').label).toBe('negative');
  });

  it('takes the subject as the thing when a level is reached, not the level word', () => {
    expect(changes('Ticket sales reached a record high.')).toEqual(['sales reached up']);
    expect(scoreTone('Ticket sales reached a record high.').label).toBe('positive');
    expect(scoreTone('Heating bills reached a record high.').label).toBe('negative');
  });

  it('turns the direction round under negation and reads one change per clause', () => {
    expect(changes('Rents did not rise this year.')).toEqual(['rents rise down']);
    expect(changes('Sales rose to a record high, and costs fell.')).toEqual([
      'sales rose up',
      'costs fell down',
    ]);
  });

  it('lets the change, not the words "fell" or the thing, carry the tone', () => {
    const reading = readStatement('Joblessness dropped sharply this spring.');
    expect(reading.evidence.map((e) => e.text)).not.toContain('sharply');
  });
});

describe('changes as a reader takes them', () => {
  it('reads the fall of something bad as good news and the rise of a cost as bad news', () => {
    expect(scoreTone('Joblessness dropped sharply this spring.').label).toBe('positive');
    expect(scoreTone('The number of burglaries fell.').label).toBe('positive');
    expect(scoreTone('Heating bills climbed again this winter.').label).toBe('negative');
  });

  it('reads shorter waits and queues as good news, and longer ones as bad', () => {
    expect(scoreTone('Waiting times fell sharply.').label).toBe('positive');
    expect(scoreTone('The new line will cut journey times in half.').label).toBe('positive');
    expect(scoreTone('Waiting lists grew again.').label).toBe('negative');
  });

  it('reads the end of a bad thing as good news and of a good one as bad, and a plain ending as no news', () => {
    expect(changes('The war ended last spring.')).toEqual(['war ended down']);
    expect(scoreTone('The war ended last spring.').label).toBe('positive');
    expect(scoreTone('Her injury ended her career.').label).toBe('negative');
    expect(scoreTone('The season ended on Sunday.').label).toBe('neutral');
    // Behind a preposition is how it ended, not what: the disaster still counts.
    expect(scoreTone('The trip ended in disaster.').label).toBe('negative');
    // Even when the subject names no thing: "they" did not make the chaos end.
    expect(changes('Although the works began well, they ended in chaos.')).toEqual(['- ended down']);
    expect(scoreTone('Although the works began well, they ended in chaos.').label).toBe('negative');
  });

  it('reads a reopening as the thing coming back', () => {
    expect(changes('The border reopened on Monday.')).toEqual(['border reopened up']);
    expect(scoreTone('The museum reopened to visitors.').label).toBe('positive');
  });

  it('reads the fall of something good as bad news', () => {
    expect(scoreTone('Company earnings dropped by a third.').score).toBeLessThan(0);
  });

  it('names the change in the explanation', () => {
    const part = scoreTone('Joblessness dropped sharply this spring.').explanation.find(
      (p) => p.text === 'dropped',
    );
    expect(part?.rules).toEqual(['change: Joblessness dropped, good news']);
    expect(part?.weight).toBeGreaterThan(0);
    // An object is named in text order.
    const object = scoreTone('We will tackle crime.').explanation.find((p) => p.text === 'tackle');
    expect(object?.rules).toEqual(['change: tackle crime, good news']);
    const warded = scoreTone('It will protect workers from unfair dismissal.').explanation.find(
      (p) => p.text === 'protect',
    );
    expect(warded?.rules).toEqual(['change: protect … unfair dismissal, good news']);
  });
});

describe('negated comparatives', () => {
  it('reads "never ... better" as praise and "could not be worse" as blame', () => {
    expect(scoreTone('Our team has never played better.').label).toBe('positive');
    expect(scoreTone('The outlook could not be worse.').label).toBe('negative');
  });

  it('still flips a comparative that is simply denied', () => {
    expect(scoreTone('The new schedule is not better.').score).toBeLessThan(0.1);
  });
});
