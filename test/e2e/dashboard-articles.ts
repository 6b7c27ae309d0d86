// A dashboard-sized store: JSON articles (title, body, publishedAt) spread over several years, a
// few without a date, one speaker far more quoted than the rest, and one article carrying a phrase
// found nowhere else, so a search can be checked against exactly one hit. Invented names and text.

const SPEAKERS = ['Mira Castell', 'Joel Aberg', 'Priya Nandakumar', 'Tariq Osei', 'Helga Dunmore'] as const;
// The speaker quoted in every article: their page has hundreds of quotes, enough to page.
export const FREQUENT_SPEAKER = 'Rosa Lindqvist';

const STATEMENTS = [
  'We will win, and this is a wonderful day for everyone',
  'This plan is a disaster and it will hurt families',
  'The committee meets again on Tuesday',
  'I am proud of the volunteers who made this happen',
  'The delays are unacceptable and deeply worrying',
  'The report will be published next month',
  'This is not a good outcome for the town',
] as const;

const TOPICS = ['ferry', 'budget', 'tramway', 'school', 'clinic', 'viaduct', 'market', 'archive'] as const;

/** The phrase inside one quote of one article (UNIQUE_ARTICLE), and nowhere else. */
export const UNIQUE_PHRASE = 'lanterns over the quiet harbour';
export const UNIQUE_ARTICLE = 137;
// Every ROLE_EVERY-th article names FREQUENT_SPEAKER with one of these roles, so their page has
// roles to list.
const ROLE_EVERY = 10;
const FREQUENT_SPEAKER_ROLES = ['the harbour director', 'the finance minister'] as const;
// Every UNDATED_EVERY-th article gives no publication date: it must sit apart from the timeline.
const UNDATED_EVERY = 29;

const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'] as const;

export interface DashboardArticle {
  name: string;
  body: string;
}

/**
 * `count` JSON articles. Dates run from 2019 to 2026 in several written forms (ISO, "Month d, yyyy",
 * RFC 1123); article n quotes FREQUENT_SPEAKER and one or two others.
 *
 * @example dashboardArticles(1)[0].name // 'desk-000-ferry.json'
 */
export function dashboardArticles(count: number): DashboardArticle[] {
  return Array.from({ length: count }, (_, n) => {
    const topic = TOPICS[n % TOPICS.length] ?? 'town';
    const year = 2019 + (n % 8);
    const month = (n * 7) % 12;
    const dayOfMonth = 1 + ((n * 11) % 28);
    const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
    const forms = [
      iso,
      `${MONTHS[n % MONTHS.length]} ${dayOfMonth}, ${year} - 11:28 AM`,
      new Date(`${iso}T10:00:00Z`).toUTCString(),
    ];
    const published = n % UNDATED_EVERY === 5 ? undefined : forms[n % forms.length];
    const paragraphs = [`Officials discussed the ${topic} on day ${n + 1}.`];
    const first = STATEMENTS[(n * 3) % STATEMENTS.length];
    const frequentSays =
      n === UNIQUE_ARTICLE ? `We will hang ${UNIQUE_PHRASE} for the festival` : (first ?? '');
    // Some articles give the frequent speaker a role; the role changed over the years.
    const role =
      n % ROLE_EVERY === 3
        ? `, ${FREQUENT_SPEAKER_ROLES[Math.floor(n / ROLE_EVERY) % FREQUENT_SPEAKER_ROLES.length]}`
        : '';
    paragraphs.push(`"${frequentSays}," said ${FREQUENT_SPEAKER}${role}.`);
    for (let q = 0; q < 1 + (n % 2); q += 1) {
      const speaker = SPEAKERS[(n + q * 2) % SPEAKERS.length];
      const statement = STATEMENTS[(n * 5 + q + 1) % STATEMENTS.length];
      paragraphs.push(`"${statement}," said ${speaker}.`);
    }
    const article = {
      title: `The ${topic} question, part ${n + 1}`,
      ...(published ? { publishedAt: published } : {}),
      body: paragraphs.join('\n\n'),
    };
    return { name: `desk-${String(n).padStart(3, '0')}-${topic}.json`, body: JSON.stringify(article) };
  });
}
