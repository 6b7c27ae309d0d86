// Generated fixture articles for the store tests: invented names and sentences, each line a plain
// `"…," said Name.` so any reasonable quote extractor attributes it the same way.

// Invented speakers; a few recur across many articles so speakers.json has real sums to check.
const SPEAKERS = [
  'Anna Smith',
  'Tomas Verlaine',
  'Greta Holm',
  'Omar Haddad',
  'Lena Brandt',
  'Kofi Mensah',
  'Ines Carvalho',
] as const;

// Clearly positive, negative and flat statements, so articles get a mix of labels.
const STATEMENTS = [
  'We will win, and this is a wonderful day for everyone',
  'This plan is a disaster and it will hurt families',
  'The committee meets again on Tuesday',
  'I am proud of the volunteers who made this happen',
  'The delays are unacceptable and deeply worrying',
  'The report will be published next month',
] as const;

const TOPICS = ['harbour', 'budget', 'railway', 'school', 'clinic', 'bridge', 'market', 'library'] as const;

export interface GeneratedArticle {
  name: string;
  text: string;
}

/**
 * `count` different articles: article n quotes one to three speakers with statements chosen by n,
 * so every article has different figures.
 *
 * @example generateArticles(2)[0].name // 'generated-000-harbour.txt'
 */
export function generateArticles(count: number): GeneratedArticle[] {
  return Array.from({ length: count }, (_, n) => {
    const topic = TOPICS[n % TOPICS.length] ?? 'town';
    const quoteCount = 1 + (n % 3);
    const lines = [
      `The ${topic} question, part ${n + 1}`,
      '',
      `Officials discussed the ${topic} on day ${n + 1}.`,
    ];
    for (let q = 0; q < quoteCount; q += 1) {
      const speaker = SPEAKERS[(n + q * 3) % SPEAKERS.length];
      const statement = STATEMENTS[(n * 5 + q) % STATEMENTS.length];
      lines.push('', `"${statement}," said ${speaker}.`);
    }
    return { name: `generated-${String(n).padStart(3, '0')}-${topic}.txt`, text: lines.join('\n') };
  });
}
