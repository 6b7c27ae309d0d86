import { describe, expect, it } from 'vitest';
import { RULE, readStatement } from '../../../shared/tone/read-statement.ts';

/** word -> [weight, rules] for every explained word, to compare at a glance. */
function explain(statement: string): Record<string, [number, string[]]> {
  return Object.fromEntries(
    readStatement(statement).evidence.map((e) => [e.text, [Math.round(e.weight * 100) / 100, e.rules]]),
  );
}

describe('negation', () => {
  it('flips a word a few words after the negator', () => {
    expect(explain('There are no reasons for joy')).toMatchObject({ joy: [-1.8, ['negated']] });
  });

  it('stops at a clause boundary', () => {
    expect(explain('Not now, the outcome is good').good).toEqual([3, []]);
  });

  it("reads n't as a negator", () => {
    expect(explain("We don't trust them").trust).toEqual([-0.6, ['negated']]);
  });

  it('reads "could not be happier" as emphasis, with no negation left in it', () => {
    const reading = readStatement('We could not be happier today');
    expect(reading.negations).toBe(0);
    expect(Array.from(reading.negated)).not.toContain(1);
    const happier = reading.tokens.lower.indexOf('happier');
    expect((reading.flags[happier] ?? 0) & RULE.EMPHASISED).not.toBe(0);
  });

  it('treats a lone "No," as an interjection, not a negator', () => {
    expect(explain('No, we made progress')).toMatchObject({
      No: [0, ['interjection']],
      progress: [2, []],
    });
  });
});

describe('intensifiers and diminishers', () => {
  it('strengthens the next sentiment word', () => {
    expect(explain('The damage is very bad').bad).toEqual([-4.5, ['intensified']]);
  });

  it('softens the next sentiment word', () => {
    expect(explain('The outcome is somewhat disappointing').disappointing).toEqual([-1.2, ['diminished']]);
  });

  it('stresses the clause after "most importantly,"', () => {
    expect(explain('Most importantly, the deal is a success').success).toEqual([3, ['emphasised']]);
  });
});

describe('contrast', () => {
  it('weakens what comes before "but" and stresses what follows', () => {
    expect(explain('The plan is good but the execution is poor')).toEqual({
      good: [0.9, ['conceded']],
      poor: [-4, ['contrasted']],
    });
  });

  it('weakens the clause opened by "although"', () => {
    expect(explain('Although the start was bad, the result is great')).toEqual({
      bad: [-0.9, ['conceded']],
      great: [6, ['contrasted']],
    });
  });
});

describe('hedges', () => {
  it('softens a hedged clause and records the hedge as tentative', () => {
    const reading = readStatement('The deal may help the economy');
    expect(reading.evidence[0]).toMatchObject({ text: 'help', rules: ['hedged'] });
    expect(reading.cues.tentative).toEqual(['may']);
  });

  it('reads "too early" and a final "yet" as hedges', () => {
    expect(readStatement('It is too early to call it a success yet').cues.tentative).toEqual([
      'too early',
      'yet',
    ]);
  });
});

describe('words that carry no sentiment here', () => {
  it('reads "like" after a noun as a preposition', () => {
    expect(explain('They behave like children').like).toEqual([0, ['preposition']]);
  });

  it('reads "like" after a subject and adverbs as the verb', () => {
    expect(explain('I would really like that').like).toEqual([2.8, ['intensified']]);
  });

  it('ignores the filler "something like that"', () => {
    expect(explain('They will leave then, and something like that').like).toEqual([0, ['filler']]);
  });

  it('reads "health care" as a set phrase, not as caring', () => {
    expect(explain('The bill changes health care')).toEqual({ care: [0, ['neutral']] });
  });

  it('ignores "yes, indeed" as a way of taking the floor', () => {
    expect(explain('Yes, indeed, we met')).toEqual({ Yes: [0, ['interjection']] });
  });

  it("does not count the reporter's [bracketed] words", () => {
    expect(explain('We met [the good neighbours] yesterday').good).toEqual([0, ['bracketed']]);
  });

  it('does not count the dictionary sense of a name inside a sentence', () => {
    expect(explain('He spoke at the United Nations').United).toEqual([0, ['name']]);
  });

  it('still counts capitals at the start of a sentence', () => {
    expect(explain('Great progress was made').Great).toEqual([3, []]);
  });
});

describe('judgements', () => {
  it('weighs the subject of "X is a Y" less than the judgement', () => {
    expect(explain('The rescue was a blunder').rescue).toEqual([0.6, ['subject']]);
  });

  it('judges after "has been" too, keeping a negation that comes before "been"', () => {
    expect(explain('The handling of the crisis has been exemplary').crisis?.[1]).toEqual(['subject']);
    expect(explain('It has never been a fair system').fair?.[1]).toEqual(['negated']);
  });

  it('weighs no word of a place after "is" as a verdict ("is on the high street")', () => {
    // "street" leans negative in the word table; as a verdict it would weigh like a bad word.
    expect(explain('The depot is on the high street').street).toBeUndefined();
  });

  it('reads "has been trying" and "has been able" as no judgement of the subject', () => {
    expect(explain('The crisis team has been trying to reach them').crisis?.[1]).toEqual([]);
    expect(explain('The crisis team has been able to reach them').crisis?.[1]).toEqual([]);
  });

  it('reads "was made" as passive, not as a judgement', () => {
    expect(explain('Great progress was made').progress).toEqual([2, []]);
  });

  it('judges by the head of the judgement, not by a word behind its preposition', () => {
    // "borrowers" leans negative in the word table; it says whom the relief is for.
    expect(explain('The plan is a relief for borrowers').borrowers).toBeUndefined();
  });
});

describe('reports of harm', () => {
  it('weighs a harm phrase like a bad word, and negation turns it', () => {
    expect(explain('Hundreds were laid off').laid).toEqual([-2, ['harm']]);
    expect(explain('The workers were not laid off').laid).toEqual([1.2, ['harm', 'negated']]);
    // Denied outright, as a harm word can be ("No one was hurt"): good news.
    expect(explain('Nobody was laid off').laid).toEqual([3, ['relief']]);
  });

  it('reads overruns, exclusion and job cuts as news reports them as harm', () => {
    expect(explain('The tunnel is behind schedule').behind).toEqual([-2, ['harm']]);
    expect(readStatement('This project will be late and over budget.').harms).toBe(1);
    expect(readStatement('The factory will close and 400 jobs will go.').harms).toBe(1);
    expect(readStatement('Smaller towns were left out of the plan.').harms).toBe(1);
  });

  it('weighs a good-news phrase like a good word, and negation turns it', () => {
    expect(explain('The tunnel opened ahead of schedule').ahead).toEqual([3, ['relief']]);
    expect(explain('The trains did not run on time').on).toEqual([-1.8, ['relief', 'negated']]);
  });

  it('does not report a danger the people came through, unless another clause says harm was done', () => {
    expect(readStatement('The hostages were released unharmed.').harms).toBe(0);
    expect(readStatement('The crew got out of the burning ship alive.').harms).toBe(0);
    expect(readStatement('The hostages were killed.').harms).toBe(2);
    expect(readStatement('Two workers were injured and the rest got out safely.').harms).toBe(1);
  });
});

describe('open questions', () => {
  it('barely counts the words of a question left open', () => {
    expect(explain('Whether the plan helps is unclear').helps?.[1]).toContain('questioned');
  });

  it('does not assert the words of a condition ("if", "unless"), only what follows it', () => {
    const words = explain('If the board wants peace, it should say so plainly and help us');
    expect(words.peace?.[1]).toContain('questioned');
    expect(words.help?.[1]).not.toContain('questioned');
  });

  it('does not assert what "too <word> to" says does not happen', () => {
    expect(explain('The squad was too tired to celebrate').celebrate?.[1]).toContain('questioned');
    expect(explain('The squad was tired and ready to celebrate').celebrate?.[1]).not.toContain('questioned');
  });

  it('reads a yes-or-no question as asked, not asserted, but not a negative one', () => {
    expect(explain('Will the treaty bring peace?').peace?.[1]).toContain('questioned');
    expect(explain('The treaty will bring peace.').peace?.[1]).not.toContain('questioned');
    expect(explain("Isn't this a disgrace?").disgrace?.[1]).not.toContain('questioned');
  });
});

describe('words and offsets', () => {
  it('reads curly apostrophes as straight ones', () => {
    expect(explain('We don’t trust them').trust).toEqual([-0.6, ['negated']]);
  });

  it('counts only the speaker’s words', () => {
    expect(readStatement('We met [in Paris] today').words).toBe(3);
  });
});
