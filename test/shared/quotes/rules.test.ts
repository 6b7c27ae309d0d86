import { describe, expect, it } from 'vitest';
import { SPEAKER_RULES } from '../../../shared/attribute-speakers.ts';
import { DIRECT_CUE_RULES } from '../../../shared/extract-quotes.ts';
import { REPORT_RULES } from '../../../shared/quotes/reported-speech.ts';
import type { ReportQuote } from '../../../shared/report-schema.ts';
import { quotesOfParagraphs } from '../../helpers/analyse-paragraphs.ts';

// One specification per named rule: an article only that rule reads right, the statement it
// must find and who says it. Removing or reordering a rule changes the rule a statement names
// (or loses the statement), so its specification fails; a new rule without one fails below.

function quotesOf(paragraphs: readonly string[]): ReportQuote[] {
  return quotesOfParagraphs('rule-spec', paragraphs);
}

interface Spec {
  paragraphs: string[];
  /** The statement the rule is responsible for. */
  text: string;
  speaker: string | null;
}

const FOUND: Record<string, Spec> = {
  'between-pieces': {
    paragraphs: ['"The pier is safe," Ana Ruiz said, "and the ferry will run on Monday."'],
    text: 'The pier is safe, and the ferry will run on Monday.',
    speaker: 'Ana Ruiz',
  },
  'cue-after-quote': {
    paragraphs: ['"The pier is safe for every family," said Ana Ruiz.'],
    text: 'The pier is safe for every family,',
    speaker: 'Ana Ruiz',
  },
  'fronted-report': {
    paragraphs: ['The pier is "safe for every family in town" and the ferry runs again, Ana Ruiz said.'],
    text: 'safe for every family in town',
    speaker: 'Ana Ruiz',
  },
  'cue-before-quote': {
    paragraphs: ['Ana Ruiz said: "The pier is safe for every family."'],
    text: 'The pier is safe for every family.',
    speaker: 'Ana Ruiz',
  },
  'sentence-report': {
    paragraphs: ['Ana Ruiz said the new pier was "safe for every family in town".'],
    text: 'safe for every family in town',
    speaker: 'Ana Ruiz',
  },
  'introduced-above': {
    paragraphs: ['Harbour master Ana Ruiz told the council:', '"The pier is safe for every family."'],
    text: 'The pier is safe for every family.',
    speaker: 'Ana Ruiz',
  },
  'opens-statement': {
    paragraphs: ['"The pier is safe for every family," said Ana Ruiz.', '"Nobody was hurt in the storm."'],
    text: 'Nobody was hurt in the storm.',
    speaker: 'Ana Ruiz',
  },
  'reported-fronted': {
    paragraphs: ['The pier will reopen in spring, mayor Ana Ruiz said.'],
    text: 'The pier will reopen in spring',
    speaker: 'Ana Ruiz',
  },
  'reported-parenthetical': {
    paragraphs: ['Mayor Ana Ruiz spoke on Monday.', 'But, she said, if the rain stops the pier will reopen.'],
    text: 'if the rain stops the pier will reopen',
    speaker: 'Ana Ruiz',
  },
  'reported-forward': {
    paragraphs: ['Harbour master Ana Ruiz said that the pier will reopen in spring.'],
    text: 'the pier will reopen in spring',
    speaker: 'Ana Ruiz',
  },
  'reported-noun': {
    paragraphs: [
      "Harbour master Ana Ruiz repeated her promise. The mayor welcomed Ruiz's words that the pier is safe.",
    ],
    text: 'the pier is safe',
    speaker: 'Ana Ruiz',
  },
};

const ATTRIBUTED: Record<string, Spec> = {
  'mention-name': FOUND['cue-after-quote'] as Spec,
  'mention-pronoun': {
    paragraphs: ['Mayor Ana Ruiz opened the pier.', '"It is safe for every family," she said.'],
    text: 'It is safe for every family,',
    speaker: 'Ana Ruiz',
  },
  'mention-description': {
    paragraphs: ['Mayor Ana Ruiz opened the pier.', '"It is safe for every family," the mayor said.'],
    text: 'It is safe for every family,',
    speaker: 'Ana Ruiz',
  },
  'mention-group': {
    paragraphs: ['"The pier is far too short for the big ferries," residents said.'],
    text: 'The pier is far too short for the big ferries,',
    speaker: null,
  },
  'mention-document': {
    paragraphs: [
      '"The pier is safe for every family," said Ana Ruiz.',
      '"Repairs will finish in May," the statement said.',
    ],
    text: 'Repairs will finish in May,',
    speaker: 'Ana Ruiz',
  },
  'narrated-subject': {
    paragraphs: [
      '"The pier is safe for every family," said Ana Ruiz.',
      'Tom Bell, the ferry captain, disagreed. "It shakes in every storm."',
    ],
    text: 'It shakes in every storm.',
    speaker: 'Tom Bell',
  },
  inherited: FOUND['opens-statement'] as Spec,
};

function find(spec: Spec): ReportQuote | undefined {
  return quotesOf(spec.paragraphs).find((quote) => quote.text === spec.text);
}

describe('quote rules: each named rule finds its statement', () => {
  for (const [rule, spec] of Object.entries(FOUND)) {
    it(`${rule}: "${spec.text}"`, () => {
      const quote = find(spec);
      expect(quote?.rules?.found).toBe(rule);
      expect(quote?.speaker.name).toBe(spec.speaker);
    });
  }

  it('has a specification for every declared cue and report rule', () => {
    const declared = [
      ...DIRECT_CUE_RULES.map((rule) => rule.name),
      'opens-statement',
      ...REPORT_RULES.filter((rule) => rule.name !== 'attribution-only').map(
        (rule) => `reported-${rule.name}`,
      ),
      'reported-noun',
    ];
    expect(Object.keys(FOUND).sort()).toEqual([...new Set(declared)].sort());
  });
});

describe('speaker rules: each named rule chooses its speaker', () => {
  for (const [rule, spec] of Object.entries(ATTRIBUTED)) {
    it(`${rule}: "${spec.text}"`, () => {
      const quote = find(spec);
      expect(quote?.rules?.attributed).toBe(rule);
      expect(quote?.speaker.name).toBe(spec.speaker);
    });
  }

  it('has a specification for every declared speaker rule', () => {
    const declared = SPEAKER_RULES.map((rule) => rule.name).filter((name) => name !== 'mention');
    for (const name of declared) expect(Object.keys(ATTRIBUTED)).toContain(name);
  });

  it('attribution-only: names the speaker of quoted words in a sentence whose cue reports no clause', () => {
    const spec: Spec = {
      paragraphs: [
        'Ana Ruiz told the mayor, which pleased the crowd no end since "the best pier in the whole region" was theirs.',
      ],
      text: 'the best pier in the whole region',
      speaker: 'Ana Ruiz',
    };
    const quote = find(spec);
    expect(quote?.rules?.found).toBe('sentence-report');
    expect(quote?.speaker.name).toBe('Ana Ruiz');
  });
});
