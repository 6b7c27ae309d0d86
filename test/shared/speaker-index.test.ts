import { describe, expect, it } from 'vitest';
import {
  articleEntryFromReport,
  currentEntry,
  emptyArticlesIndex,
  withArticle,
} from '../../shared/article-index.ts';
import {
  buildSpeakersIndex,
  LATEST_QUOTES_PER_SPEAKER_INDEX,
  SpeakersIndexSchema,
} from '../../shared/speaker-index.ts';
import { makeErrorRecord, makeReport, type QuoteSpec } from './index-fixtures.ts';

const DAY_ONE = '2026-11-27T09:00:00.000Z';
const DAY_TWO = '2026-11-28T09:00:00.000Z';

function indexOf(...reports: ReturnType<typeof makeReport>[]) {
  return reports.reduce(
    (index, report) => withArticle(index, report.article.id, articleEntryFromReport(report)),
    emptyArticlesIndex(),
  );
}

const anna = (label: QuoteSpec['label'], score: number, text?: string): QuoteSpec => ({
  speaker: 'Anna Smith',
  label,
  score,
  ...(text ? { text } : {}),
});

describe('buildSpeakersIndex', () => {
  it('sums a speaker across articles: articles, quotes, labels and a quote-weighted mean', () => {
    const index = indexOf(
      makeReport('first', DAY_ONE, [anna('positive', 0.9), anna('positive', 0.6)]),
      makeReport('second', DAY_TWO, [
        anna('negative', -0.6),
        { speaker: 'Omar Haddad', label: 'neutral', score: 0 },
      ]),
    );

    const speakers = buildSpeakersIndex(index).speakers;

    expect(speakers[0]).toMatchObject({
      name: 'Anna Smith',
      articles: ['second', 'first'],
      quotes: 3,
      meanScore: 0.3,
      labels: { positive: 2, negative: 1, neutral: 0, mixed: 0 },
    });
    expect(speakers[1]).toMatchObject({ name: 'Omar Haddad', quotes: 1, articles: ['second'] });
    expect(SpeakersIndexSchema.safeParse(buildSpeakersIndex(index)).error).toBeUndefined();
  });

  it("lists a speaker's latest quotes newest article first", () => {
    const index = indexOf(
      makeReport('first', DAY_ONE, [anna('positive', 0.5, 'Old news')]),
      makeReport('second', DAY_TWO, [anna('positive', 0.5, 'Fresh news')]),
    );

    const latest = buildSpeakersIndex(index).speakers[0]?.latestQuotes.map((quote) => quote.text);

    expect(latest).toEqual(['Fresh news', 'Old news']);
  });

  it(`keeps at most ${LATEST_QUOTES_PER_SPEAKER_INDEX} latest quotes per speaker`, () => {
    const reports = Array.from({ length: LATEST_QUOTES_PER_SPEAKER_INDEX + 3 }, (_, n) =>
      makeReport(`article-${n}`, DAY_ONE, [anna('neutral', 0)]),
    );

    expect(buildSpeakersIndex(indexOf(...reports)).speakers[0]?.latestQuotes).toHaveLength(
      LATEST_QUOTES_PER_SPEAKER_INDEX,
    );
  });

  it('ignores failed articles and unattributed quotes', () => {
    let index = indexOf(makeReport('ok', DAY_ONE, [{ speaker: null, label: 'neutral', score: 0 }]));
    index = withArticle(index, 'bad', currentEntry({ report: null, error: makeErrorRecord('bad', DAY_TWO) }));

    expect(buildSpeakersIndex(index).speakers).toEqual([]);
  });
});
