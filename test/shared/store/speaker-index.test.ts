import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/report-schema.ts';
import {
  articleEntryFromReport,
  currentEntry,
  emptyArticlesIndex,
  withArticle,
} from '../../../shared/store/article-index.ts';
import {
  buildSpeakersIndex,
  LATEST_QUOTES_PER_SPEAKER_INDEX,
  QUOTE_EXCERPT_CHARS,
  SpeakersIndexSchema,
  speakerQuotesFromReport,
} from '../../../shared/store/speaker-index.ts';
import { makeErrorRecord, makeReport, type QuoteSpec } from './index-fixtures.ts';

const DAY_ONE = '2026-11-27T09:00:00.000Z';
const DAY_TWO = '2026-11-28T09:00:00.000Z';

function indexOf(...reports: ReturnType<typeof makeReport>[]) {
  return reports.reduce(
    (index, report) => withArticle(index, report.article.id, articleEntryFromReport(report)),
    emptyArticlesIndex(),
  );
}

/** The reel sources of an update that has just indexed `reports`. */
function freshFrom(...reports: Report[]) {
  return new Map(reports.map((report) => [report.article.id, speakerQuotesFromReport(report)]));
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

  it("lists a speaker's latest quotes newest article first, from fresh reports and the previous reel", () => {
    const first = makeReport('first', DAY_ONE, [anna('positive', 0.5, 'Old news')]);
    const second = makeReport('second', DAY_TWO, [anna('positive', 0.5, 'Fresh news')]);
    const index = indexOf(first, second);
    // An earlier update indexed "first"; this one indexes "second".
    const previous = buildSpeakersIndex(indexOf(first), { fresh: freshFrom(first) });

    const latest = buildSpeakersIndex(index, { fresh: freshFrom(second), previous }).speakers[0]
      ?.latestQuotes;

    expect(latest?.map((quote) => quote.text)).toEqual(['Fresh news', 'Old news']);
  });

  it('drops reel quotes of an article that was re-analysed or removed since', () => {
    const before = makeReport('talks', DAY_ONE, [anna('positive', 0.5, 'What I said then')]);
    const after = makeReport('talks', DAY_TWO, [anna('negative', -0.5, 'What I say now')]);
    const previous = buildSpeakersIndex(indexOf(before), { fresh: freshFrom(before) });

    // Another update's reel, written before this re-analysis reached speakers.json.
    const stale = buildSpeakersIndex(indexOf(after), { previous }).speakers[0]?.latestQuotes;
    const current = buildSpeakersIndex(indexOf(after), { fresh: freshFrom(after), previous });
    const removed = buildSpeakersIndex(emptyArticlesIndex(), { previous: current });

    expect(stale).toEqual([]);
    expect(current.speakers[0]?.latestQuotes.map((quote) => quote.text)).toEqual(['What I say now']);
    expect(removed.speakers).toEqual([]);
  });

  it(`keeps at most ${LATEST_QUOTES_PER_SPEAKER_INDEX} short quotes per speaker`, () => {
    const long = 'word '.repeat(QUOTE_EXCERPT_CHARS);
    const reports = Array.from({ length: LATEST_QUOTES_PER_SPEAKER_INDEX + 3 }, (_, n) =>
      makeReport(`article-${n}`, DAY_ONE, [anna('neutral', 0, long), anna('neutral', 0)]),
    );

    const latest = buildSpeakersIndex(indexOf(...reports), { fresh: freshFrom(...reports) }).speakers[0]
      ?.latestQuotes;

    expect(latest).toHaveLength(LATEST_QUOTES_PER_SPEAKER_INDEX);
    expect(Math.max(...(latest ?? []).map((quote) => quote.text.length))).toBeLessThanOrEqual(
      QUOTE_EXCERPT_CHARS,
    );
  });

  it('ignores failed articles and unattributed quotes', () => {
    let index = indexOf(makeReport('ok', DAY_ONE, [{ speaker: null, label: 'neutral', score: 0 }]));
    index = withArticle(index, 'bad', currentEntry({ report: null, error: makeErrorRecord('bad', DAY_TWO) }));

    expect(buildSpeakersIndex(index).speakers).toEqual([]);
  });
});
