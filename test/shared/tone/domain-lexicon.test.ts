import { describe, expect, it } from 'vitest';
import { DOMAIN_LEXICON } from '../../../shared/tone/lexicon.ts';
import { readStatement } from '../../../shared/tone/read-statement.ts';

// One sentence of news or diplomatic language per curated entry, written for this test.
const EXAMPLES: Record<string, string> = {
  aggression: 'The ministry called the move an act of aggression.',
  alarming: 'The rise in attacks is alarming.',
  annexation: 'The annexation of the region was never recognised.',
  backlog: 'The court faces a backlog of appeals.',
  backlogs: 'Both agencies reported backlogs at the border posts.',
  challenges: 'The economy faces challenges this winter.',
  challenging: 'The negotiations were challenging.',
  concern: 'The decision is a matter of concern for the allies.',
  concerns: 'Officials listed their concerns about the vote.',
  condemnation: 'The strike drew condemnation from the council.',
  constructive: 'The minister described the meeting as constructive.',
  cooperation: 'Both sides pledged cooperation on energy.',
  cordial: 'The two leaders held a cordial meeting.',
  crackdown: 'The crackdown on protesters continued overnight.',
  'de-escalation': 'The envoy called for de-escalation along the border.',
  destitute: 'The war left many families destitute.',
  dialogue: 'The talks opened a dialogue between the parties.',
  disagreement: 'There was disagreement over the timetable.',
  disagreements: 'The summit exposed disagreements on trade.',
  displaced: 'The storm displaced hundreds of residents.',
  divisive: 'The referendum was a divisive campaign.',
  escalation: 'Diplomats warned of an escalation in the north.',
  evicted: 'Forty tenants were evicted last month.',
  fruitful: 'The visit was fruitful for both countries.',
  grave: 'The humanitarian situation is grave.',
  hoax: 'He dismissed the investigation as a hoax.',
  hungry: 'Many pupils arrive at school hungry.',
  illegitimate: 'The opposition called the election illegitimate.',
  impoverished: 'The region remains impoverished.',
  interference: 'The statement accused the embassy of interference.',
  invasion: 'The invasion displaced thousands of families.',
  isolated: 'The regime is diplomatically isolated.',
  isolation: 'The country faces isolation after the vote.',
  matter: 'The committee will discuss the matter next week.',
  matters: 'The minister said other matters were on the agenda.',
  meddling: 'The minister denied any meddling in the election.',
  overrun: 'The audit found an overrun on the new tunnel.',
  overruns: 'The stadium project is known for its overruns.',
  overwhelmed: 'Emergency wards were overwhelmed during the outbreak.',
  partnership: 'The treaty deepens the partnership between the two states.',
  productive: 'Officials said the session was productive.',
  propaganda: 'The broadcast was dismissed as propaganda.',
  provocation: 'The drills were seen as a provocation.',
  respect: 'The leaders spoke of their respect for each other.',
  rise: 'The rise in fuel prices was expected.',
  rises: 'The council rises at noon.',
  rose: 'Turnout rose to seventy percent.',
  sanctions: 'The bloc imposed sanctions on the bank.',
  'second-class': 'Migrant workers say they are treated as second-class citizens.',
  serious: 'The situation on the border is serious.',
  share: 'Each member state will share the cost.',
  shares: 'The ministry shares the view of the council.',
  stability: 'The agreement brings stability to the region.',
  stranded: 'Passengers were stranded at the station overnight.',
  tensions: 'The incident left tensions along the border.',
  top: 'The top diplomat arrived on Monday.',
  unanswered: 'Their letters to the ministry went unanswered.',
  unresolved: 'The border dispute remains unresolved.',
  prohibitive: 'The cost of the new trains is prohibitive.',
  fragile: 'The ceasefire remains fragile.',
  shambolic: 'The rollout of the new forms was shambolic.',
  buoyed: 'Traders were buoyed by the figures.',
  lifeline: 'The grant is a lifeline for small theatres.',
  concerned: 'Parents say they are concerned.',
  encouraged: 'The coach said he was encouraged by the display.',
  gutted: 'The players were gutted after the final.',
  heartened: 'Volunteers were heartened by the turnout.',
  reassured: 'Residents were reassured by the inspection.',
  relieved: 'The families are relieved.',
  saddened: 'The club said it was saddened by the news.',
  upset: 'Neighbours were upset by the noise.',
  volatile: 'Prices on the market were volatile all week.',
  'ill-conceived': 'Critics called the scheme ill-conceived.',
  'short-sighted': 'The union called the cuts short-sighted.',
  polarising: 'The speech was polarising.',
  polarizing: 'The debate over the law has been polarizing.',
  embattled: 'The embattled mayor spoke to reporters.',
  streamlined: 'The agency has a streamlined application process.',
  welcomed: 'Residents welcomed the new bus route.',
  welcomes: 'The ministry welcomes the report.',
  unacceptable: 'The foreign ministry said the remarks were unacceptable.',
  unharmed: 'Three climbers were found unharmed.',
  unhurt: 'Both drivers walked away unhurt.',
  uninjured: 'The passengers were uninjured.',
  unscathed: 'The old bridge came through the storm unscathed.',
  violation: 'The flight was a violation of the airspace.',
  violations: 'Observers reported violations of the ceasefire.',
};

describe('the news and diplomatic lexicon', () => {
  it('has an example sentence for every entry', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(DOMAIN_LEXICON).sort());
  });

  const scored = Object.entries(DOMAIN_LEXICON).filter(([, weight]) => weight !== 0);
  it.each(scored)('scores "%s" with its curated weight (%d)', (word, weight) => {
    const reading = readStatement(EXAMPLES[word] ?? '');
    const evidence = reading.evidence.find((e) => e.text.toLowerCase() === word);
    expect(evidence?.weight).toBe(weight);
  });

  // Entries of weight 0 switch off a dictionary sense news rarely means ("top official").
  const silenced = Object.entries(DOMAIN_LEXICON).filter(([, weight]) => weight === 0);
  it.each(silenced)('gives "%s" no sentiment of its own in news use', (word) => {
    const reading = readStatement(EXAMPLES[word] ?? '');
    expect(reading.tokens.lower).toContain(word);
    // A change word ("turnout rose") weighs only as the change it reports (changes.ts).
    const own = reading.evidence.filter((e) => !e.rules.includes('changed'));
    expect(own.map((e) => e.text.toLowerCase())).not.toContain(word);
    const changes = reading.evidence.filter((e) => e.rules.includes('changed'));
    const changeWeight = changes.reduce((sum, e) => sum + Math.abs(e.weight), 0);
    expect(reading.positive + reading.negative).toBeCloseTo(changeWeight, 9);
  });
});
