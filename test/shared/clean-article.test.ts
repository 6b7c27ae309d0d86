import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../shared/clean-article.ts';
import { EmptyArticleError, InvalidJsonArticleError, MissingArticleBodyError } from '../../shared/errors.ts';

// Our own fixtures: a small blog-style scrape with the furniture such pages carry.
const BLOG_SCRAPE = [
  'No Widgets found in the Sidebar', // empty-widget placeholder
  '',
  'The harbour board voted on Tuesday to rebuild the north pier, its chair told reporters.', // prose
  '',
  '“We will start in spring,” the chair said.', // a quote paragraph
  '',
  'Source: Coastal Wire Service', // source line
  '',
  'By editor1', // handle byline
].join('\n');

describe('cleanArticle: plain text', () => {
  it('drops widget placeholders and moves the byline and source line to the metadata', () => {
    const article = cleanArticle(BLOG_SCRAPE, 'text');

    expect(article.text).not.toContain('No Widgets');
    expect(article.text).not.toContain('editor1');
    expect(article.text).not.toContain('Coastal Wire');
    expect(article.metadata.byline).toBe('editor1');
    expect(article.metadata.sourceLine).toBe('Coastal Wire Service');
  });

  it('joins paragraphs with a blank line and records a span for each', () => {
    const article = cleanArticle(BLOG_SCRAPE, 'text');

    expect(article.paragraphs).toHaveLength(2);
    for (const span of article.paragraphs) {
      expect(article.text.slice(span.start, span.end)).not.toMatch(/^\s|\s$|\n/);
    }
    expect(article.text.split('\n\n')).toEqual(
      article.paragraphs.map((p) => article.text.slice(p.start, p.end)),
    );
  });

  it('treats single newlines as hard wraps when the file has blank lines', () => {
    const article = cleanArticle('The mayor spoke\nat length.\n\nThen she left.', 'text');

    expect(article.text).toBe('The mayor spoke at length.\n\nThen she left.');
  });

  it('puts each line of a crude scrape without blank lines in its own paragraph', () => {
    const article = cleanArticle('Skip to main content\nFirst line of the story.\nSecond line.', 'text');

    expect(article.text).toBe('First line of the story.\n\nSecond line.');
  });

  it('drops the teaser headlines listed under a "Related stories" heading, up to the next prose', () => {
    const scrape = [
      'The harbour board voted on Tuesday to rebuild the north pier.',
      'Related stories', // teaser box heading
      'Storm damages second pier in a week', // teaser
      '‘Never again’ says ferry captain after crash', // teaser with quote marks
      'Work will begin in spring, the chair said.', // prose again
    ].join('\n');

    const article = cleanArticle(scrape, 'text');

    expect(article.text).toBe(
      'The harbour board voted on Tuesday to rebuild the north pier.\n\nWork will begin in spring, the chair said.',
    );
  });

  it('takes a headline above real paragraphs as the title', () => {
    const article = cleanArticle(
      'Pier to be rebuilt\n\nThe board voted on Tuesday.\n\nWork starts soon.',
      'text',
    );

    expect(article.metadata.title).toBe('Pier to be rebuilt');
    expect(article.text.startsWith('The board voted')).toBe(true);
  });

  it('moves an agency dateline and a date line out of the first paragraph', () => {
    const text = [
      'Mar. 3, 2024 9:15 AM EST',
      'OSLO (Wire) — The ferry strike ended after talks that lasted the whole of the night, union leaders said.',
    ].join('\n');

    const article = cleanArticle(text, 'text');

    expect(article.metadata.dateline).toBe('OSLO (Wire)');
    expect(article.metadata.publishedAt).toBe('Mar. 3, 2024 9:15 AM EST');
    expect(article.text.startsWith('The ferry strike ended')).toBe(true);
  });

  it('normalises Unicode: NFC, no-break spaces, Windows line ends and rare quote marks', () => {
    const article = cleanArticle(
      'Cafe\u0301\u00a0talk: \u201fyes\u201d, \uff02no\uff02.\r\nNext line.',
      'text',
    );

    expect(article.text).toBe('Café talk: “yes”, "no".\n\nNext line.');
  });

  it('keeps curly and straight quote marks as written', () => {
    const article = cleanArticle('“Curly,” she said. "Straight," he said.', 'text');

    expect(article.text).toBe('“Curly,” she said. "Straight," he said.');
  });

  it('refuses a text that is only noise', () => {
    expect(() => cleanArticle('Skip to main content\nAdvertisement\n', 'text')).toThrow(EmptyArticleError);
  });
});

describe('cleanArticle: Markdown', () => {
  it('takes the leading heading as title and strips emphasis, links, lists and code marks', () => {
    const markdown = [
      '# Pier to be rebuilt',
      '',
      'The **board** voted _on Tuesday_ to [rebuild](https://example.org/pier) the pier.',
      '',
      '- First item',
      '- Second `item`',
      '',
      '## Reaction',
      '',
      '> “We are delighted,” said the chair.',
    ].join('\n');

    const article = cleanArticle(markdown, 'markdown');

    expect(article.metadata.title).toBe('Pier to be rebuilt');
    expect(article.text).toBe(
      [
        'The board voted on Tuesday to rebuild the pier.',
        'First item',
        'Second item',
        'Reaction',
        '“We are delighted,” said the chair.',
      ].join('\n\n'),
    );
  });
});

describe('cleanArticle: HTML', () => {
  const page = `<!DOCTYPE html><html><head><title>Pier to be rebuilt | Coast News</title>
    <link rel="canonical" href="https://news.example/pier">
    <meta property="article:published_time" content="2024-03-03T09:15:00Z">
    <script>document.write('tracking')</script><style>p { color: red }</style></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Pier to be rebuilt</h1>
      <div class="share-bar"><a>Share on Facebook</a> <a>Tweet</a></div>
      <p>The harbour board voted on Tuesday to rebuild the north pier after the winter storms damaged it beyond repair, its chair said.</p>
      <figure><img src="pier.jpg"><figcaption>The damaged pier in January.</figcaption></figure>
      <p>“We will start in spring and finish before the summer season,” the chair told reporters at the harbour office.</p>
      <p>The work is expected to cost more than the board first thought, because the storm also damaged the<br>old breakwater.</p>
      <div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Storm hits coast</a></li></ul></div>
    </article><footer>© 2024 Coast News</footer></body></html>`;

  it('keeps the article paragraphs and drops navigation, share buttons, captions and teasers', () => {
    const article = cleanArticle(page, 'html');

    expect(article.paragraphs.length).toBeGreaterThanOrEqual(3);
    expect(article.text).toContain('The harbour board voted on Tuesday');
    expect(article.text).toContain('“We will start in spring');
    for (const noise of ['Home', 'Share on', 'Tweet', 'damaged pier in January', 'Storm hits coast', '©']) {
      expect(article.text).not.toContain(noise);
    }
  });

  it('never keeps script or style text and puts title, URL and date in the metadata', () => {
    const article = cleanArticle(page, 'html');

    expect(article.text).not.toMatch(/tracking|color: red/);
    expect(article.metadata.title).toContain('Pier to be rebuilt');
    expect(article.metadata.url).toBe('https://news.example/pier');
    expect(article.metadata.publishedAt).toBe('2024-03-03T09:15:00Z');
  });

  it('reads a bare fragment without html or body elements', () => {
    const article = cleanArticle('<p>First paragraph.</p><p>Second paragraph.</p>', 'html');

    expect(article.text).toBe('First paragraph.\n\nSecond paragraph.');
  });

  it('does not run words of adjacent blocks together', () => {
    const article = cleanArticle('<div><p>end of one</p><p>start of two</p></div>', 'html');

    expect(article.text).not.toContain('onestart');
  });
});

describe('cleanArticle: JSON', () => {
  it('reads title, body, url, publication date and source', () => {
    const json = JSON.stringify({
      title: 'Pier to be rebuilt',
      body: 'The board voted.\n\nWork starts in spring.',
      url: 'https://news.example/pier',
      publishedAt: '2024-03-03',
      source: 'Coast News',
    });

    const article = cleanArticle(json, 'json');

    expect(article.text).toBe('The board voted.\n\nWork starts in spring.');
    expect(article.metadata).toEqual({
      title: 'Pier to be rebuilt',
      url: 'https://news.example/pier',
      publishedAt: '2024-03-03',
      sourceLine: 'Coast News',
    });
  });

  it('accepts "text" instead of "body" and an HTML body', () => {
    const article = cleanArticle(JSON.stringify({ text: '<p>One.</p><p>Two.</p>' }), 'json');

    expect(article.text).toBe('One.\n\nTwo.');
  });

  it('refuses a JSON article without a body, naming the fields it has', () => {
    expect(() => cleanArticle(JSON.stringify({ title: 'T', url: 'u' }), 'json')).toThrow(
      MissingArticleBodyError,
    );
    expect(() => cleanArticle(JSON.stringify({ title: 'T' }), 'json')).toThrow(/"title"/);
  });

  it('names a body field that is there but unusable, and what a non-object file holds', () => {
    expect(() => cleanArticle(JSON.stringify({ body: 42 }), 'json')).toThrow(/"body" is a number/);
    expect(() => cleanArticle(JSON.stringify({ title: 'T', text: ' ' }), 'json')).toThrow(/"text" is empty/);
    expect(() => cleanArticle('null', 'json')).toThrow(/holds null/);
    expect(() => cleanArticle('[1, 2]', 'json')).toThrow(/holds an array/);
  });

  it('refuses text that is not JSON', () => {
    expect(() => cleanArticle('{ not json', 'json')).toThrow(InvalidJsonArticleError);
  });
});

describe('cleanArticle: repeated lines', () => {
  it('drops a repeated headline once, never every paragraph equal to it', () => {
    const article = cleanArticle(
      '“Open and never closed\n\n“Open and never closed\n\n“Open and never closed',
      'text',
    );

    expect(article.metadata.title).toBe('“Open and never closed');
    expect(article.paragraphs).toHaveLength(2);
  });
});
