import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ToneSchema } from '../../shared/report-schema.ts';
import { scoreTone } from '../../shared/score-tone.ts';

// Statements from the tone issue, with the words as written: what users expect to read.
describe('scoreTone on the statements users care about', () => {
  it('reads a negated "joy" as negative', () => {
    expect(scoreTone('There are no reasons for joy, of course').label).toBe('negative');
  });

  it('reads "very serious" as negative', () => {
    const tone = scoreTone(
      'the situation is very serious and requires the constant attention of the head of state',
    );
    expect(tone.label).toBe('negative');
  });

  it('reads mutual respect as positive', () => {
    const tone = scoreTone(
      'positive in terms of the tone of the conversation, the presidents respect one another',
    );
    expect(tone.label).toBe('positive');
  });

  it('reads challenges and disagreements after "nevertheless" as negative', () => {
    const tone = scoreTone(
      'Nevertheless, issues raised are challenging, and most importantly, there were topics which concerned disagreements',
    );
    expect(tone.label).toBe('negative');
  });

  it('reads a definite wish to meet as positive and confident', () => {
    const tone = scoreTone("We'll definitely meet [in person], I would really like that");
    expect(tone.label).toBe('positive');
    expect(tone.tones.map((t) => t.name)).toContain('confident');
  });

  it('does not let the filler "something like that" make isolation sound positive', () => {
    expect(scoreTone('Russia will be financially isolated then and something like that').label).toBe(
      'negative',
    );
  });

  it('reads "no, you can\'t say that yet" as not positive and tentative', () => {
    const tone = scoreTone("no, you can't say that yet");
    expect(tone.label).not.toBe('positive');
    expect(tone.tones.map((t) => t.name)).toContain('tentative');
  });

  it('lets the clause after "but" lead: "No deal yet, but the talks were good" leans positive', () => {
    expect(scoreTone('No deal yet, but the talks were good').score).toBeGreaterThan(0);
  });
});

describe('scoreTone explains itself', () => {
  it('points each explained word at its place in the statement', () => {
    const statement = 'A terrible week, a wonderful ending';
    for (const evidence of scoreTone(statement).explanation) {
      expect(statement.slice(evidence.start, evidence.start + evidence.text.length)).toBe(evidence.text);
    }
  });

  it('names the cue words behind each tone', () => {
    const tone = scoreTone('Perhaps the talks may resume, it is too early to tell');
    const tentative = tone.tones.find((t) => t.name === 'tentative');
    expect(tentative?.evidence).toEqual(['Perhaps', 'may', 'too early']);
  });
});

describe('scoreTone labels', () => {
  it('calls a statement without sentiment words neutral', () => {
    expect(scoreTone('The committee published its report on Tuesday').label).toBe('neutral');
  });

  it('calls strongly opposed words in balance mixed', () => {
    const tone = scoreTone('A wonderful, brilliant deal, and a terrible, disastrous war');
    expect(tone.label).toBe('mixed');
  });
});

describe('scoreTone contract', () => {
  it('always returns a tone the report schema accepts, with confidences summing to 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (statement) => {
        const tone = scoreTone(statement);
        expect(ToneSchema.safeParse(tone).success).toBe(true);
        const total = Object.values(tone.confidence).reduce((a, b) => a + b, 0);
        // Rounded to three decimals for the report, the largest share absorbing the rounding.
        expect(total).toBeCloseTo(1, 9);
      }),
      { numRuns: 300 },
    );
  });

  // Stemming such a run took 15 s for 50k letters, growing with the square of its length: one bad
  // upload held an analysis to its timeout. The limit guards against a hang (now milliseconds); it
  // is no speed figure.
  it('reads a statement with a token of 50,000 letters (a pasted run, not a word) without hanging', {
    timeout: 10_000,
  }, () => {
    const tone = scoreTone(`${'x'.repeat(50_000)} is a disaster`);
    expect(tone.label).toBe('negative');
  });

  it('gives the same result for the same statement', () => {
    const statement = 'We strongly condemn this unacceptable provocation';
    expect(scoreTone(statement)).toEqual(scoreTone(statement));
  });
});

// The statements of the tone issue a new user tried first.
describe('scoreTone on plain statements', () => {
  it('reads a judgement of a plan as a disaster as negative', () => {
    expect(scoreTone('This plan is a total disaster.').label).toBe('negative');
  });

  it('reads failed talks as negative', () => {
    expect(scoreTone('The talks failed.').label).toBe('negative');
  });

  it('does not read a vow to fight a decision as positive', () => {
    expect(scoreTone('We will fight this decision').label).not.toBe('positive');
  });

  it('reads a project late and over budget as negative', () => {
    expect(scoreTone('This project will be late and over budget.').label).toBe('negative');
  });
});

// Our own sentences for each behaviour the rules promise.
describe('scoreTone behaviour', () => {
  it('lets the judgement decide a copular statement, not the subject', () => {
    expect(scoreTone('The rescue was a blunder.').label).toBe('negative');
    expect(scoreTone('Her comeback tour is an embarrassment.').label).toBe('negative');
    expect(scoreTone('The flood defence scheme was a triumph.').label).toBe('positive');
  });

  it('reads reports of harm as negative', () => {
    expect(scoreTone('Four workers were injured when the scaffolding gave way.').label).toBe('negative');
    expect(scoreTone('The mill laid off 400 people last spring.').label).toBe('negative');
    expect(scoreTone('The clinic ran out of insulin in March.').label).toBe('negative');
  });

  it('reads running short, going missing, jailing and job cuts as harm', () => {
    expect(scoreTone('The shelter is running short of blankets.').label).toBe('negative');
    expect(scoreTone('Two climbers went missing on the ridge.').label).toBe('negative');
    expect(scoreTone('The editor was jailed for a column.').label).toBe('negative');
    expect(scoreTone('The carmaker shed 2,000 jobs.').label).toBe('negative');
    expect(scoreTone('The carmaker will cut 900 staff.').label).toBe('negative');
    expect(scoreTone('No jobs were cut.').label).not.toBe('negative');
    expect(scoreTone('The outbreak has claimed 40 lives.').label).toBe('negative');
    expect(scoreTone('The cyclone left thousands homeless.').label).toBe('negative');
  });

  it('reads harm as negative in every form of its verb, fleeing and overwhelmed services too', () => {
    expect(scoreTone('The mill will shut in May, and 250 staff will lose their jobs.').label).toBe(
      'negative',
    );
    expect(scoreTone('Without dialysis, the patients could die.').label).toBe('negative');
    expect(scoreTone('The storm may destroy the harvest.').label).toBe('negative');
    expect(scoreTone('Hundreds of villagers fled the shelling.').label).toBe('negative');
    expect(scoreTone('Emergency wards are overwhelmed.').label).toBe('negative');
  });

  it('reads the end of something bad as good news, and "over" as a preposition as no ending', () => {
    expect(scoreTone('The blockade is over.').label).toBe('positive');
    expect(scoreTone('The truce ended ten years of fighting.').label).toBe('positive');
    expect(scoreTone('The crash ended decades of prosperity.').label).toBe('negative');
    expect(scoreTone('The drought is finally over, and the wells are full.').label).toBe('positive');
    expect(scoreTone('The festival is over.').label).toBe('neutral');
    expect(scoreTone('The lorry was over the weight limit.').label).not.toBe('positive');
    expect(scoreTone('The recession is behind us now.').label).toBe('positive');
    expect(scoreTone('The shortage of teachers is easing.').label).toBe('positive');
    expect(scoreTone("The climber's condition has stabilised.").label).toBe('positive');
    expect(scoreTone('The van behind us was blue.').label).toBe('neutral');
  });

  it('reads a change reported without "that" as a change of what was reported', () => {
    expect(scoreTone('The survey says burglaries have fallen.').label).toBe('positive');
    expect(scoreTone('Insurance claims soared.').label).toBe('negative');
  });

  it('reads contrition withheld as blame', () => {
    expect(scoreTone('The driver never showed any remorse.').label).toBe('negative');
    expect(scoreTone('The club has still not apologised.').label).toBe('negative');
    const tone = scoreTone('There was no apology from the board.');
    expect(tone.label).toBe('negative');
    expect(tone.explanation.find((part) => part.text === 'apology')?.rules).toContain('no remorse');
  });

  it('ends a negation that turned a rated word at a phrase that says whom it was for', () => {
    const tone = scoreTone('The guards showed no mercy to their victims.');
    const victims = tone.explanation.find((part) => part.text === 'victims');
    expect(victims?.rules.join(' ')).not.toContain('negated');
    expect(victims?.weight).toBeLessThan(0);
    // Unrated "reasons" leaves the negation to reach "joy".
    expect(scoreTone('There are no reasons for joy.').label).toBe('negative');
  });

  it('reads a judgement that only points at its complement by the complement', () => {
    expect(scoreTone('Cutting the fire service is a recipe for disaster.').label).toBe('negative');
    expect(scoreTone('The new library is a source of pride for the town.').label).toBe('positive');
  });

  it('reads "the least" and "less" before a judgement as pointing the other way', () => {
    expect(scoreTone('He is the least popular mayor the town has had.').label).toBe('negative');
    expect(scoreTone('The new drug is less effective than the old one.').label).toBe('negative');
    expect(scoreTone('I am less than happy with the result.').label).toBe('negative');
    // A floor or an amount is not a judgement turned: "at least", "the least we can do".
    expect(scoreTone('It is the least we can do.').label).not.toBe('negative');
    // "nothing less than", "nothing short of": the floor is the whole of it, said strongly.
    expect(scoreTone('The rescue was nothing short of a miracle.').label).toBe('positive');
    expect(scoreTone('The reopening is nothing less than a triumph.').label).toBe('positive');
  });

  it('reads "not only" and "not just" as adding to what follows, not denying it', () => {
    expect(scoreTone('This is not only a tragedy for the family.').label).toBe('negative');
    expect(scoreTone('She is not only talented, she works hard.').label).toBe('positive');
    expect(scoreTone('It was not simply a mistake.').label).toBe('negative');
    // With nothing after it, "just" is the adjective, and the negation denies it.
    expect(scoreTone('The ruling is not just.').label).toBe('negative');
  });

  it('lets a judgement that denies something bad clear its subject ("the injuries are not serious")', () => {
    expect(scoreTone('The losses were not severe.').label).not.toBe('negative');
    expect(scoreTone('The flooding was not as bad as we feared.').label).toBe('positive');
    expect(scoreTone('The storm damage is not bad at all.').label).toBe('positive');
    // Only a denial of something bad clears the subject: denied praise is still blame.
    expect(scoreTone('The cuts are not fair.').label).toBe('negative');
  });

  it('lets a negative subject deny the whole predicate', () => {
    expect(scoreTone('Nothing about the way this inquiry was run has been fair.').label).toBe('negative');
    expect(scoreTone('Nobody on this estate is happy with the plan.').label).toBe('negative');
    // "No one" is a negative subject as "nobody" is: the harm it denies, and its setting, are not news.
    expect(scoreTone('No one was hurt in the crash.').label).toBe('positive');
    expect(scoreTone('No one on the ward is happy with the new rota.').label).toBe('negative');
    // A negation inside a subject ends with it: the judgement after the verb stands as said.
    expect(scoreTone('Opening fire without warning was inexcusable.').label).toBe('negative');
    expect(scoreTone('A town without a library is a poorer place.').label).toBe('negative');
    // A negative subject after an opening adverb still denies the predicate.
    expect(scoreTone('Thankfully nobody was hurt.').label).toBe('positive');
    // The harm a negative subject denies is good news; the object of a denied verb is not.
    expect(scoreTone('No one has been hurt.').label).toBe('positive');
    expect(scoreTone('None of the passengers were harmed.').label).toBe('positive');
    expect(scoreTone('Nobody listened to our warnings.').label).toBe('negative');
    // So is harm denied by a "no" subject or an existential "there were no"; the verbs between
    // are not a "will not".
    expect(scoreTone('No jobs will be lost at the plant.').label).toBe('positive');
    expect(scoreTone('No lives were lost in the storm.').label).toBe('positive');
    expect(scoreTone('Not a single passenger was hurt.').label).toBe('positive');
    expect(scoreTone('There were no casualties in the blast.').label).toBe('positive');
    // "No matter" concedes, it does not deny.
    expect(scoreTone('No matter how many were killed, they fought on.').label).not.toBe('positive');
    expect(scoreTone('No matter what happens, we will win the vote.').label).toBe('positive');
  });

  it('reads a denied claim ("no evidence that ...") as denying what the claim says', () => {
    expect(scoreTone('There is no evidence that the water is unsafe to drink.').label).toBe('positive');
    expect(scoreTone('We have found no evidence that the bridge is dangerous.').label).toBe('positive');
    expect(scoreTone('There is no reason to believe the children are in danger.').label).toBe('positive');
    expect(scoreTone('There is no evidence that the policy works.').label).toBe('negative');
    expect(scoreTone('The audit found no evidence of fraud.').label).toBe('positive');
    expect(scoreTone('There is no sign of improvement.').label).toBe('negative');
    expect(scoreTone('The driver showed no sign of remorse.').label).toBe('negative');
    // A claim noun alone is turned as any noun is.
    expect(scoreTone('There is no reason for joy.').label).toBe('negative');
  });

  it('reads being cleared of a charge as good news, and an escape from prison as no good news', () => {
    expect(scoreTone('The court cleared him of all charges.').label).toBe('positive');
    expect(scoreTone('The inquiry cleared the nurses of any wrongdoing.').label).toBe('positive');
    expect(scoreTone('She was acquitted of fraud.').label).toBe('positive');
    expect(scoreTone('Two inmates escaped from prison overnight.').label).not.toBe('positive');
  });

  it('reads a worry judged unfounded as laid to rest, and an accusation judged false as a rebuttal', () => {
    expect(scoreTone('The fears were unfounded.').label).not.toBe('negative');
    expect(scoreTone('Concerns about the new bridge have so far proved unfounded.').label).not.toBe(
      'negative',
    );
    expect(scoreTone('His optimism was misplaced.').label).toBe('negative');
    expect(scoreTone('The accusations are false.').label).not.toBe('positive');
  });

  it('reads "so far" and "so that" as no degree word', () => {
    const plain = scoreTone('The results have been disappointing.');
    expect(scoreTone('So far the results have been disappointing.').score).toBeCloseTo(plain.score, 1);
    expect(
      scoreTone('So far the results have been disappointing.').explanation.flatMap(
        (part) => part.rules ?? [],
      ),
    ).not.toContain("strengthened by 'So'");
  });

  it('reads a change denied after "is not" as the change undone, of the thing named', () => {
    expect(scoreTone('Unemployment is not rising.').label).toBe('positive');
    expect(scoreTone('Unemployment is rising.').label).toBe('negative');
    expect(scoreTone('Inflation is not falling.').label).toBe('negative');
  });

  it('reads what is looked into as a topic, not a verdict, up to the verb of its clause', () => {
    const investigated = scoreTone('The committee is investigating the cause of the fire.');
    expect(investigated.label).toBe('neutral');
    const fire = investigated.explanation.find((part) => part.text === 'fire');
    expect(fire?.rules).toContain("topic of 'investigating'");
    expect(scoreTone('The panel will review the cuts to youth services.').label).not.toBe('negative');
    // A noun's topic is its noun phrase: what the report found is its verdict.
    const report = scoreTone('A report on child poverty has found shocking failures.');
    expect(report.label).toBe('negative');
    expect(report.explanation.find((part) => part.text === 'shocking')?.rules ?? []).not.toContain(
      "topic of 'report'",
    );
  });

  it('reads a justification or means denied as no praise of what is refused', () => {
    expect(scoreTone('Nothing in the record justifies such a harsh sentence.').label).toBe('negative');
    expect(scoreTone('The country cannot afford another decade of neglect.').label).toBe('negative');
    expect(scoreTone('The results have been disappointing at best.').label).toBe('negative');
  });

  it('reads set phrases by what they mean, not by their words', () => {
    expect(scoreTone('They promised change, but nothing has changed.').label).toBe('negative');
    expect(scoreTone('It is a drop in the ocean compared with what is needed.').label).toBe('negative');
    expect(scoreTone('The tenants have been left high and dry.').label).toBe('negative');
    expect(scoreTone('Heads must roll.').label).toBe('negative');
    expect(scoreTone('We are over the moon.').label).toBe('positive');
    expect(scoreTone('The handover went like clockwork.').label).toBe('positive');
    expect(scoreTone('The two sides remain far apart.').label).toBe('negative');
    expect(scoreTone('We found common ground on most of the issues.').label).toBe('positive');
    expect(scoreTone('There is no common ground between them.').label).toBe('negative');
    expect(scoreTone('This is the last thing we needed.').label).toBe('negative');
    expect(scoreTone('Enough is enough.').label).toBe('negative');
    expect(scoreTone('Residents have had enough.').label).toBe('negative');
    expect(scoreTone('After the vote we are back to square one.').label).toBe('negative');
    expect(scoreTone('Soldiers opened fire on the crowd.').label).toBe('negative');
    expect(scoreTone('The canal burst its banks.').label).toBe('negative');
    expect(scoreTone('The town was spared the worst of the floods.').label).toBe('positive');
    expect(scoreTone('Work on the bypass has ground to a halt.').label).toBe('negative');
    expect(scoreTone('The two unions have made real headway.').label).toBe('positive');
    expect(scoreTone('These are dark days for the fishing fleet.').label).toBe('negative');
    expect(scoreTone('The new market has brought the square back to life.').label).toBe('positive');
    expect(scoreTone('House prices are out of reach for most young people.').label).toBe('negative');
    expect(scoreTone('Thousands of shops have closed their doors for good.').label).toBe('negative');
    expect(scoreTone('She broke the world record by two seconds.').label).toBe('positive');
    expect(scoreTone('The plant will close, putting 500 people out of work.').label).toBe('negative');
    expect(scoreTone('The village was cut off by the snow.').label).toBe('negative');
    expect(scoreTone('The economy is on the road to recovery.').label).toBe('positive');
    expect(scoreTone('Things are looking up for the high street.').label).toBe('positive');
    expect(scoreTone('Those responsible must be held to account.').label).toBe('negative');
    // Withheld, accountability is blame still: a negation does not turn it into good news.
    expect(scoreTone('nobody had been held to account for the failures').label).toBe('negative');
    expect(scoreTone('Credit where it is due: the council got this right.').label).toBe('positive');
    expect(scoreTone('I have nothing further to add at this stage.').label).toBe('neutral');
    // An amount in a phrase may be "hundreds of": "would cost hundreds of jobs".
    expect(scoreTone('The decision would cost hundreds of jobs.').label).toBe('negative');
    expect(scoreTone('The measures came too late to save the business.').label).toBe('negative');
    expect(scoreTone('Unless something changes, the club will go under.').label).toBe('negative');
    expect(scoreTone('We were second best all afternoon.').label).toBe('negative');
    expect(scoreTone('This is the final nail in the coffin.').label).toBe('negative');
    expect(scoreTone('This is the icing on the cake.').label).toBe('positive');
  });

  it('reads a degree never reached before ("never been this bad") as the most yet', () => {
    expect(scoreTone('Things have never been this bad.').label).toBe('negative');
    expect(scoreTone('Things have never been this good.').label).toBe('positive');
    // "not ... so" is no such degree: it says it was not that bad.
    expect(scoreTone('It has not been so bad.').label).not.toBe('negative');
    expect(scoreTone('The situation is under control.').label).toBe('positive');
    expect(scoreTone('The situation is out of control.').label).toBe('negative');
  });

  it('reads effort that got nothing, promises broken and people abandoned as bad news', () => {
    expect(scoreTone('The talks achieved nothing.').label).toBe('negative');
    expect(scoreTone('We were promised answers and we got nothing.').label).toBe('negative');
    expect(scoreTone('The volunteers got nothing but thanks from the town.').label).toBe('positive');
    expect(scoreTone('They have turned their backs on the people who need help most.').label).toBe(
      'negative',
    );
    expect(scoreTone('The council washed its hands of the problem.').label).toBe('negative');
    expect(scoreTone('They broke their promise to the voters.').label).toBe('negative');
    expect(scoreTone('The mayor kept her promise.').label).toBe('positive');
  });

  it('reads "nowhere near" as a negator, and "not guilty of" and "acquitted them of" as cleared of', () => {
    expect(scoreTone('The marking was nowhere near good enough.').label).toBe('negative');
    expect(scoreTone('The treasurer was found not guilty of fraud.').label).not.toBe('negative');
    // The one cleared may stand between the verb and "of".
    expect(scoreTone('The tribunal acquitted both men of all charges.').label).not.toBe('negative');
  });

  it('reads a negation offered as the other alternative ("may or may not") as an open question', () => {
    expect(scoreTone('The new rules may or may not help.').label).toBe('neutral');
    expect(scoreTone('The appeal might or might not succeed.').label).toBe('neutral');
    // The alternative ends with its clause: what the speaker then asserts reads as before.
    expect(scoreTone('Like it or not, this is a great deal.').label).toBe('positive');
    expect(scoreTone('It is not a good deal.').label).toBe('negative');
  });

  it('reads news idioms of safety, recovery, success and setback', () => {
    expect(scoreTone('The two hikers were found safe.').label).toBe('positive');
    expect(scoreTone('The children are safe and well.').label).toBe('positive');
    expect(scoreTone('We are on the right track.').label).toBe('positive');
    expect(scoreTone('This week we finally put things right.').label).toBe('positive');
    expect(scoreTone('The high street has bounced back.').label).toBe('positive');
    expect(scoreTone('The new ferry is a game changer for the islands.').label).toBe('positive');
    expect(scoreTone('The negotiations are going nowhere.').label).toBe('negative');
    expect(scoreTone('After the flood the bakery is back in business.').label).toBe('positive');
    expect(scoreTone('Losing the contract was a kick in the teeth.').label).toBe('negative');
    expect(scoreTone('All the hard work has paid off.').label).toBe('positive');
    expect(scoreTone('The new clinic has exceeded all expectations.').label).toBe('positive');
    expect(scoreTone('After a hard winter the farm has turned the corner.').label).toBe('positive');
    expect(scoreTone('The shop says it has turned a corner.').label).toBe('positive');
    expect(scoreTone('Young couples are being priced out of the village.').label).toBe('negative');
    expect(scoreTone("The residents' patience has run out.").label).toBe('negative');
    expect(scoreTone('These families have nowhere to go.').label).toBe('negative');
    expect(scoreTone('The new training scheme is starting to bear fruit.').label).toBe('positive');
    expect(scoreTone('Parents say they were kept in the dark.').label).toBe('negative');
    expect(scoreTone('Families could go weeks without heating.').label).toBe('negative');
    expect(scoreTone('Their health service is the envy of the world.').label).toBe('positive');
    expect(scoreTone('The council has kept its word.').label).toBe('positive');
    expect(scoreTone('Ministers have buried their heads in the sand.').label).toBe('negative');
    expect(scoreTone('The country is on the wrong track.').label).toBe('negative');
    expect(scoreTone('Residents welcomed the move.').label).toBe('positive');
  });

  it('reads going up and down as a change, and things left in tatters or back on their feet', () => {
    expect(scoreTone('Burglaries have gone down.').label).toBe('positive');
    expect(scoreTone('Fares went up again.').label).toBe('negative');
    expect(scoreTone('The truce is in tatters.').label).toBe('negative');
    expect(scoreTone('The factory is back on its feet.').label).toBe('positive');
  });

  it('reads "little" and "few" before a good thing as almost none, but "a little" as some', () => {
    expect(scoreTone('The council made little progress on housing.').label).toBe('negative');
    expect(scoreTone('Few benefits have reached the valley towns.').label).toBe('negative');
    expect(scoreTone('We have made a little progress.').label).not.toBe('negative');
    expect(scoreTone('The little girl smiled happily.').label).toBe('positive');
  });

  it('reads "devoid of" and falling short as negative', () => {
    expect(scoreTone('The report is devoid of detail.').label).toBe('negative');
    expect(scoreTone('The offer falls short of what nurses need.').label).toBe('negative');
  });

  it('reads a good thing spoiled ("a missed opportunity", "empty promises") as negative', () => {
    expect(scoreTone('It was a missed opportunity.').label).toBe('negative');
    expect(scoreTone('They made empty promises.').label).toBe('negative');
    const spoiled = scoreTone('It was a wasted chance.');
    const chance = spoiled.explanation.find((part) => part.text === 'chance');
    expect(chance?.rules).toContain("negated by 'wasted'");
  });

  it('reads bad news that did not come about ("the recession did not happen") as good news, and good news that did not come as bad', () => {
    expect(scoreTone('The recession did not happen.').label).toBe('positive');
    expect(scoreTone('The feared strike never materialised.').label).toBe('positive');
    // Still expected: no relief yet.
    expect(scoreTone('The attack has not happened yet.').label).not.toBe('positive');
    // And good news that did not come is bad news.
    expect(scoreTone('Help never came.').label).toBe('negative');
    expect(scoreTone('Help came quickly.').label).toBe('positive');
  });

  it('reads harm done to a good thing ("undermines stability") as negative', () => {
    // "stability" had outweighed "undermine": the statement read positive.
    expect(scoreTone('Such actions undermine stability in the region.').label).toBe('negative');
    expect(scoreTone('These steps threaten peace.').label).toBe('negative');
    const spoiled = scoreTone('The leak has eroded the trust of investors.');
    expect(spoiled.explanation.find((part) => part.text === 'trust')?.rules).toContain("negated by 'eroded'");
  });

  it('reads "cannot thank them enough" as the most thanks, and "not good enough" as a negation', () => {
    expect(scoreTone('We cannot thank the lifeboat crews enough.').label).toBe('positive');
    expect(scoreTone("I can't praise the nurses highly enough.").label).toBe('positive');
    expect(scoreTone('The offer is not good enough.').label).toBe('negative');
  });

  it('reads "can\'t wait to" as eagerness, not a negation of what follows', () => {
    expect(scoreTone("We can't wait to welcome the fans back.").label).toBe('positive');
    expect(scoreTone("I couldn't wait to leave that awful place.").label).toBe('negative');
  });

  it('reads "never seen such" and "never been so" as emphasis, and "did not feel so" as negation', () => {
    expect(scoreTone('I have never seen such generosity from strangers.').label).toBe('positive');
    expect(scoreTone('We have never had such a dreadful winter.').label).toBe('negative');
    expect(scoreTone('She had never been so proud.').label).toBe('positive');
    expect(scoreTone('He did not look so happy.').label).toBe('negative');
    // What one never expected or imagined to meet, met: the most of it.
    expect(scoreTone('We never expected such a warm welcome.').label).toBe('positive');
    expect(scoreTone('We never expected to be treated this badly.').label).toBe('negative');
  });

  it('passes a "not" on a verb of opinion to the clause it introduces ("I don\'t think it is good")', () => {
    expect(scoreTone("I don't think this is a good plan.").label).toBe('negative');
    expect(scoreTone('We do not believe the offer is fair.').label).toBe('negative');
    expect(scoreTone("I wouldn't say the talks were a success.").label).toBe('negative');
    expect(scoreTone("I can't say I am happy with the answer.").label).toBe('negative');
    expect(scoreTone('We do not believe the government has done enough to help.').label).toBe('negative');
    expect(scoreTone("I don't think the new rules will hurt anyone.").score).toBeGreaterThan(
      scoreTone('I think the new rules will hurt anyone.').score,
    );
    const plan = scoreTone("I don't think this is a good plan.");
    expect(plan.explanation.find((part) => part.text === 'good')?.rules).toContain("negated by 'don't'");
    // Declining to judge, disbelief and an order are not opinions denied.
    expect(scoreTone("I can't say whether the plan will work.").label).toBe('neutral');
    expect(scoreTone("I can't say enough good things about the volunteers.").label).toBe('positive');
    expect(scoreTone("I can't believe they cancelled the festival.").label).toBe('negative');
  });

  it('makes an intensified word stronger, whichever way it leans ("truly rude" is worse than "rude")', () => {
    // "truly" and "remarkably" lean good on their own: "truly rude" had read milder than "rude".
    const pairs: [string, string][] = [
      ['The staff were rude.', 'The staff were truly rude.'],
      ['The side effects are harmful.', 'The side effects are remarkably harmful.'],
    ];
    for (const [plain, strong] of pairs) expect(scoreTone(strong).score).toBeLessThan(scoreTone(plain).score);
    expect(scoreTone('The offer is utterly reliable.').score).toBeGreaterThan(
      scoreTone('The offer is reliable.').score,
    );
  });

  it('reads an exclamation ("What a relief ...") as the judgement, not as the subject', () => {
    // Its noun stood before the verb, so it had counted as a subject, at a fraction of its weight.
    expect(scoreTone('What a blessing the new library has been.').label).toBe('positive');
    expect(scoreTone('What a relief the verdict was.').label).toBe('positive');
    expect(scoreTone('What a mess the launch was.').label).toBe('negative');
  });

  it('reads an opinion that denies something bad as no bad news ("I don\'t think it is useless")', () => {
    // The "not" itself had weighed as a bad word: the denial read slightly negative.
    expect(scoreTone("I don't think the report is misleading.").label).not.toBe('negative');
    expect(scoreTone("I don't think the service is useless.").label).not.toBe('negative');
    expect(scoreTone("I don't think the report is useful.").label).toBe('negative');
  });

  it('reads "did not expect" as surprise at what came, not a denial of it', () => {
    expect(scoreTone("We didn't expect such a warm welcome.").label).toBe('positive');
    expect(scoreTone('We did not expect the cuts to be so deep.').score).toBeLessThan(0);
  });

  it('reads refusing to put up with something as negative, whatever the tone of the thing refused', () => {
    expect(scoreTone('We will not tolerate such provocations.').label).toBe('negative');
    expect(scoreTone('The union will never accept these cuts.').label).toBe('negative');
    expect(scoreTone('They did not accept the generous offer.').label).toBe('negative');
    // A refusal takes a stand even when what is refused has no tone of its own.
    expect(scoreTone('Our members will not accept another pay round like this.').label).toBe('negative');
    expect(scoreTone('I cannot accept that.').label).toBe('negative');
    const refused = scoreTone('We will not tolerate such provocations.');
    const provocations = refused.explanation.find((part) => part.text === 'provocations');
    expect(provocations?.rules.join(' ')).not.toContain('negated');
  });

  it('does not read a rescue or a recovery as a report of harm', () => {
    expect(scoreTone('Firefighters rescued a family trapped by the flames.').label).not.toBe('negative');
    expect(scoreTone('She recovered from the illness.').label).not.toBe('negative');
    // A release of captives is a rescue; "released" alone is not news either way.
    expect(scoreTone('The hostages were released on Friday.').score).toBeGreaterThan(0);
    expect(scoreTone('The rebels released the two hostages.').score).toBeGreaterThan(0);
    expect(scoreTone('The council released a statement.').label).toBe('neutral');
  });

  it('reads good news reported flatly as positive, and its negation as not', () => {
    expect(scoreTone('The divers were rescued after two days in the cave.').label).toBe('positive');
    expect(scoreTone('Power was restored to the valley overnight.').label).toBe('positive');
    expect(scoreTone('The sailors were not rescued.').label).toBe('negative');
  });

  it('names a cue of several words whole in the explanation', () => {
    const tone = scoreTone('The hotel was far from clean.');
    expect(tone.label).toBe('negative');
    const clean = tone.explanation.find((part) => part.text === 'clean');
    expect(clean?.rules).toContain("negated by 'far from'");
  });

  it('reads negated praise as negative', () => {
    expect(scoreTone('The response was not impressive.').label).toBe('negative');
    expect(scoreTone('Frankly, this deal is no success.').label).toBe('negative');
  });

  it('does not read hedges and open questions as positive', () => {
    expect(scoreTone('Nobody knows whether the scheme will work.').label).not.toBe('positive');
    expect(scoreTone('Whether the merger brings better wages remains to be seen.').label).not.toBe(
      'positive',
    );
  });

  it('does not read praise under a hedge of doubt as positive, unless it is emphasis', () => {
    expect(scoreTone('It could turn out to be a success.').label).not.toBe('positive');
    expect(scoreTone('Perhaps things will improve next year.').label).not.toBe('positive');
    expect(scoreTone('The new rules might cut waiting lists.').label).not.toBe('positive');
    expect(scoreTone('Possibly, the merger will create value.').label).not.toBe('positive');
    // "may" alone states a view; "may turn out" waits for the outcome.
    expect(scoreTone('The offer may turn out to be generous.').label).not.toBe('positive');
    // Praise no lexicon rates, only the word features: hedged all the same.
    expect(scoreTone('The argument might be convincing.').label).not.toBe('positive');
    // However strong the praise: the speaker still does not commit.
    expect(scoreTone('Maybe this will be a great success.').label).not.toBe('positive');
    expect(scoreTone('Perhaps the talks will bring lasting peace.').label).not.toBe('positive');
    expect(scoreTone('We could not be happier with the result.').label).toBe('positive');
    expect(scoreTone('The nurses could not have been more helpful.').label).toBe('positive');
    expect(scoreTone('It is not more expensive.').label).not.toBe('positive');
  });

  it('reads what could have been as what was not ("it could have been worse")', () => {
    expect(scoreTone('It could have been much worse.').label).not.toBe('negative');
    expect(scoreTone('The match could have been better.').label).toBe('negative');
    expect(scoreTone('Things could not have been better.').label).toBe('positive');
    expect(scoreTone("We couldn't have asked for a warmer welcome.").label).toBe('positive');
  });

  it('reads "could not" as what was impossible, not as a hedge', () => {
    expect(scoreTone('Frankly, I could not be happier with the result.').label).toBe('positive');
    expect(scoreTone('It could turn out to be a success.').label).not.toBe('positive');
  });

  it('reads set phrases of certainty and of praise', () => {
    expect(scoreTone('I have no doubts about her ability to lead.').label).toBe('positive');
    expect(scoreTone('It is a credit to everyone involved.').label).toBe('positive');
    expect(scoreTone('The club is back where it belongs.').label).toBe('positive');
  });

  it('reads what is owed or wanted as what is missing ("they deserve better")', () => {
    expect(scoreTone('The people of this town deserve better.').label).toBe('negative');
    expect(scoreTone('We expected better from the council.').label).toBe('negative');
    expect(scoreTone('We must do better.').label).toBe('negative');
    // A prediction is no complaint.
    expect(scoreTone('She would do better in the second round.').label).not.toBe('negative');
  });

  it('does not assert what follows "too <word> to" or a yes-or-no question', () => {
    expect(scoreTone('It may be too soon to call this a success.').label).not.toBe('positive');
    expect(scoreTone('The squad was too tired to celebrate the win.').label).not.toBe('positive');
    expect(scoreTone('Will the new treaty bring lasting peace?').label).not.toBe('positive');
  });

  it('reads coming back from a blow, profit regained and work done fast as good news', () => {
    expect(scoreTone('The town has bounced back from the floods.').label).toBe('positive');
    expect(scoreTone('Shares rebounded from their losses.').label).toBe('positive');
    expect(scoreTone('The repairs were finished in record time.').label).toBe('positive');
    expect(scoreTone('The airline returned to profit.').score).toBeGreaterThan(
      scoreTone('The airline returned to the airport.').score,
    );
  });

  it('reads being left behind as harm, and nobody left behind as good news', () => {
    expect(scoreTone('Thousands of patients were left behind.').label).toBe('negative');
    expect(scoreTone('Nobody was left behind.').label).toBe('positive');
  });

  it('weighs what "outweighs" as the verdict and concedes what it outweighs', () => {
    expect(scoreTone('The benefits far outweigh the risks.').label).toBe('positive');
    expect(scoreTone('The benefits do not outweigh the risks.').label).toBe('negative');
    expect(scoreTone('The risks are outweighed by the benefits.').label).toBe('positive');
    expect(scoreTone('The gains were outweighed by the losses.').label).toBe('negative');
  });

  it('reads "more harm than good" as harm and going "according to plan" as good news', () => {
    expect(scoreTone('This government has done more harm than good.').label).toBe('negative');
    expect(scoreTone('Everything went according to plan.').score).toBeGreaterThan(
      scoreTone('Everything went to the station.').score,
    );
    expect(scoreTone('Nothing went according to plan.').label).toBe('negative');
  });

  it('reads "I doubt" as denying the clause after it, and "little reason to" as reaching what follows', () => {
    expect(scoreTone('I doubt the reforms will help anyone.').label).toBe('negative');
    expect(scoreTone('We seriously doubt this is a fair offer.').label).toBe('negative');
    expect(scoreTone('There is no doubt the plan works.').label).toBe('positive');
    expect(scoreTone('There is little reason to be hopeful.').label).toBe('negative');
  });

  it('reads harm phrases denied outright as good news, as harm words are', () => {
    expect(scoreTone('Not one patient has been turned away.').label).toBe('positive');
    expect(scoreTone('No one was laid off.').score).toBeGreaterThan(0);
    expect(scoreTone('Hundreds of workers were laid off.').label).toBe('negative');
    expect(scoreTone('Families will pay the price.').label).toBe('negative');
  });

  it('reads worry voiced ("raised concerns about") as negative, whatever it is about', () => {
    expect(scoreTone('Parents have raised concerns about the new curriculum.').label).toBe('negative');
    expect(scoreTone('The union expressed concern over the plan.').label).toBe('negative');
    expect(scoreTone('Parents have raised funds for the new curriculum.').label).not.toBe('negative');
  });

  it('reads declining to comment as no tone, and keeps the tone of what was not commented on', () => {
    expect(scoreTone('The company did not respond to a request for comment.').label).toBe('neutral');
    expect(scoreTone('It is not for me to say.').label).toBe('neutral');
    expect(scoreTone('We cannot comment further.').label).toBe('neutral');
    expect(scoreTone('He declined to comment on the fraud allegations.').label).toBe('negative');
  });

  it('gives "due to" and "under way" no tone of their own: a schedule is neutral, a cause keeps its own tone', () => {
    expect(scoreTone('The minister is due to meet union leaders on Wednesday.').label).toBe('neutral');
    expect(scoreTone('The flight was delayed due to the storm.').label).toBe('negative');
    // "under way" is in progress, no more.
    expect(scoreTone('Talks are under way.').label).toBe('neutral');
    expect(scoreTone('The search is under way.').label).toBe('neutral');
  });

  it('reads theft and hacking as harm, denied theft as good news, and stealing the show as praise', () => {
    expect(scoreTone("Millions of customers' data was stolen.").label).toBe('negative');
    expect(scoreTone('The email account was hacked.').label).toBe('negative');
    expect(scoreTone('Nothing was stolen.').label).toBe('positive');
    expect(scoreTone('She stole the show.').label).toBe('positive');
    expect(scoreTone('Two pensioners were defrauded by the scheme.').label).toBe('negative');
    expect(scoreTone('Nobody was mugged.').label).toBe('positive');
    expect(scoreTone('He was shot dead outside his home.').label).toBe('negative');
    expect(scoreTone('The film was shot in Morocco.').label).toBe('neutral');
  });

  it('reads "has yet to" as not yet done, and "the best is yet to come" as still ahead', () => {
    expect(scoreTone('The talks have yet to produce results.').label).toBe('negative');
    expect(scoreTone('The money has yet to arrive.').label).toBe('negative');
    expect(scoreTone('The best is yet to come.').label).toBe('positive');
    expect(scoreTone('The worst is yet to come.').label).toBe('negative');
  });

  it('reads approval idioms ("the green light", "sailed through") as good news and "in hot water" as trouble', () => {
    expect(scoreTone('The plan has been given the green light.').label).toBe('positive');
    expect(scoreTone('The bill sailed through parliament.').label).toBe('positive');
    expect(scoreTone('The company is in hot water over its accounts.').label).toBe('negative');
  });

  it('reads what resumed or was halted by what it is: flights back is good, fighting back is bad', () => {
    expect(scoreTone('Flights resumed after the storm.').label).toBe('positive');
    expect(scoreTone('Fighting resumed in the north.').label).toBe('negative');
    expect(scoreTone('The fighting was halted.').label).toBe('positive');
    // A date, not news.
    expect(scoreTone('The trial will resume in March.').label).toBe('neutral');
  });

  it('reads sympathy for a loss as grave news, not praise ("our deepest condolences")', () => {
    // "deepest" and the warmth of the words had made condolences read positive (+0.65).
    expect(scoreTone('We send our deepest condolences.').label).toBe('negative');
    expect(scoreTone('Our hearts go out to the families.').label).toBe('negative');
  });

  it('reads money and momentum idioms: in the red or black, the right direction, a wake-up call', () => {
    expect(scoreTone('The company is in the red.').label).toBe('negative');
    expect(scoreTone('The company is in the black.').label).toBe('positive');
    // A colour, not an account.
    expect(scoreTone('The baby slept in the red chair.').label).not.toBe('negative');
    expect(scoreTone('The economy is moving in the right direction.').label).toBe('positive');
    expect(scoreTone('This should be a wake-up call for the government.').label).toBe('negative');
    expect(scoreTone('The deal is a lifeline for the steelworks.').label).toBe('positive');
  });

  it('reads how people say they feel as the tone it is ("We are relieved", "I was saddened")', () => {
    // Emotion words the lexicons rate mildly were outweighed by the word features.
    expect(scoreTone('Residents said they were heartened.').label).toBe('positive');
    expect(scoreTone('We are relieved with the outcome.').label).toBe('positive');
    expect(scoreTone('We remain concerned about the future.').label).toBe('negative');
    expect(scoreTone('Staff are saddened at the decision.').label).toBe('negative');
  });

  it('reads a plan called fragile or shambolic as a bad plan', () => {
    // At -1, "fragile" lost to the word table's lean: "The plan is fragile" read positive.
    expect(scoreTone('The plan is fragile.').label).toBe('negative');
    expect(scoreTone('The plan is shambolic.').label).toBe('negative');
  });

  it('reads an outcome denied outright ("caused no damage", "suffered no injuries") as good news', () => {
    expect(scoreTone('The storm caused no damage.').label).toBe('positive');
    expect(scoreTone('The driver suffered no injuries.').label).toBe('positive');
    expect(scoreTone('The storm caused serious damage.').label).toBe('negative');
    // The subject of a denied judgement is no report of harm.
    expect(scoreTone('The damage was not severe.').label).not.toBe('negative');
  });

  it('reads good news reported flatly as clearly as harm: rescues, repairs, people brought to safety', () => {
    expect(scoreTone('The missing miners were found alive.').label).toBe('positive');
    expect(scoreTone('Dozens of children were brought to safety.').label).toBe('positive');
    expect(scoreTone('The old bridge has been repaired.').label).toBe('positive');
    expect(scoreTone('The station was renovated.').label).toBe('positive');
    // Good news weighs more than before, but a killing still reads clearly worse than a rescue reads well.
    expect(scoreTone('Dozens of hostages were killed.').score).toBeLessThan(
      -scoreTone('Dozens of hostages were freed.').score,
    );
  });

  it('reads an attack, an evacuation or a closure for good as harm, and an attack denied as good news', () => {
    // "attacked" alone weighed too little against "elderly" and "home".
    expect(scoreTone('An elderly man was attacked in his garden.').label).toBe('negative');
    expect(scoreTone('Nobody was attacked.').label).toBe('positive');
    expect(scoreTone('Hundreds of residents were evacuated.').label).toBe('negative');
    expect(scoreTone('Three fans were hospitalised after the match.').label).toBe('negative');
    expect(scoreTone("The village's only shop has closed for good.").label).toBe('negative');
  });

  it('reads being hit by a disaster as harm, and results against forecasts by which side they fall', () => {
    // "powerful" alone had made the storm good news.
    expect(scoreTone('The town was hit by a powerful storm.').label).toBe('negative');
    expect(scoreTone('Farmers have been hit hard by the drought.').label).toBe('negative');
    expect(scoreTone('Sales beat expectations.').label).toBe('positive');
    expect(scoreTone('Quarterly profits beat forecasts.').label).toBe('positive');
    expect(scoreTone('Quarterly profits missed forecasts.').label).toBe('negative');
  });

  it('reads a critical condition as grave, and a danger contained or left behind as good news', () => {
    expect(scoreTone('The patient remains in a critical condition.').label).toBe('negative');
    expect(scoreTone('The outbreak has been contained.').label).toBe('positive');
    expect(scoreTone('The species has been brought back from the brink of extinction.').label).toBe(
      'positive',
    );
  });

  it('reads "hard to overstate" as stressing what follows, not as a bad word', () => {
    // "overstate" alone had pulled the praise down to nearly neutral.
    const stressed = scoreTone('It is hard to overstate the achievement.').score;
    expect(Math.abs(stressed - scoreTone('It is an achievement.').score)).toBeLessThan(0.2);
    expect(scoreTone('It is hard to overstate the damage.').label).toBe('negative');
  });

  it('does not read being cleared of a charge as bad news', () => {
    expect(scoreTone('The coach was cleared of all charges.').label).not.toBe('negative');
    expect(scoreTone('The minister was cleared of corruption.').label).toBe('positive');
    expect(scoreTone('The nurse was acquitted of murder.').label).toBe('positive');
  });

  it('gives numbers no tone, in words as in digits', () => {
    expect(scoreTone('The manual has twelve chapters and two hundred pages.').label).toBe('neutral');
    expect(scoreTone('Five million people live along the river.').label).toBe('neutral');
    const inDigits = scoreTone('The panel heard 40 witnesses over 3 days.');
    const inWords = scoreTone('The panel heard forty witnesses over three days.');
    expect(inWords.score).toBe(inDigits.score);
  });

  it('lets the main clause decide after "but" and "despite"', () => {
    expect(scoreTone('The opening weeks were rough, but the harvest festival was wonderful.').label).toBe(
      'positive',
    );
    expect(scoreTone('Despite the cheerful speeches, the visit was a failure.').label).toBe('negative');
  });

  it('lets a contrast that opens a sentence, or "even so", concede what came before', () => {
    expect(scoreTone('The rollout was badly flawed. But it is a huge step forward.').label).toBe('positive');
    expect(scoreTone('The rollout was badly flawed; even so, it is a huge step forward.').label).toBe(
      'positive',
    );
  });

  it('reads "while" opening a sentence before a comma as a concession, and elsewhere as "when"', () => {
    expect(scoreTone('While there were setbacks, the festival has been a success.').label).toBe('positive');
    expect(scoreTone('While we welcome the review, it does not go nearly far enough.').label).toBe(
      'negative',
    );
    expect(scoreTone('Prices soared while wages fell.').label).toBe('negative');
  });

  it('reads "anything but" as a negation and "not without" as two that cancel', () => {
    expect(scoreTone('The response was anything but adequate.').label).toBe('negative');
    expect(scoreTone('The proposal is not without merit.').label).toBe('positive');
    expect(scoreTone('The proposal is not without risk.').label).toBe('negative');
  });
});

describe('scoreTone ignores who is named', () => {
  const NAMES = [
    'Anna Berg',
    'Joy Okafor',
    'Hope Lindqvist',
    'Victor Grimm',
    'Felicity Stone',
    'Ramón Alvarez',
    'Wei Zhang',
    'Oluwaseun Adeyemi',
    'Grace Kelly-Brown',
    'Mohammed Al Rashid',
  ];
  const PLACES = ['Lisbon', 'Kuala Lumpur', 'Paradise Valley', 'Glasgow', 'Rio de Janeiro'];
  const FRAMES = [
    (name: string, place: string) => `${name} said in ${place} that the budget was a mess.`,
    (name: string, place: string) => `${name} told reporters in ${place} the visit went well.`,
    (name: string, place: string) => `We spoke to ${name} about the talks in ${place}, which stalled.`,
  ];

  it('gives the same score whichever person or place is named', () => {
    for (const frame of FRAMES) {
      const scores = NAMES.flatMap((name) => PLACES.map((place) => scoreTone(frame(name, place))));
      const first = scores[0];
      for (const tone of scores) {
        expect(tone.score).toBe(first?.score);
        expect(tone.label).toBe(first?.label);
      }
    }
  });

  it('reads a name after a title with a full stop ("Mr. Smart") as a name', () => {
    const scores = ['Mr. Smart', 'Dr. Bliss', 'Gen. Lovejoy', 'Ms. Gray', 'Mrs. Noble'].map((name) =>
      scoreTone(`${name} said the plan is a disaster.`),
    );
    for (const tone of scores) expect(tone).toMatchObject({ score: scores[0]?.score, label: 'negative' });
  });
});
