import { describe, expect, it } from 'vitest';
import { extractHtmlBody } from '../../../shared/clean/html-body.ts';

const paragraph = (text: string) =>
  `<p>${text} ${'The board met for three hours and heard from residents. '.repeat(2)}</p>`;

describe('extractHtmlBody', () => {
  it('drops link-only teaser paragraphs but keeps links inside prose', () => {
    const html = `<html><body><article>
      ${paragraph('The <a href="/board">harbour board</a> voted on Tuesday.')}
      <p><strong><a href="/other">STORM DAMAGES SECOND PIER IN A WEEK</a></strong></p>
      ${paragraph('Work will start in spring.')}
    </article></body></html>`;

    const { blocks } = extractHtmlBody(html);

    expect(blocks.join('\n')).toContain('The harbour board voted on Tuesday.');
    expect(blocks.join('\n')).not.toContain('STORM DAMAGES');
  });

  it('drops elements whose class names a caption, also in camelCase', () => {
    const html = `<html><body><article>${paragraph('First.')}
      <div><img src="p.jpg"><span class="newsCaption">The pier at dawn</span></div>
      ${paragraph('Second.')}</article></body></html>`;

    expect(extractHtmlBody(html).blocks.join('\n')).not.toContain('The pier at dawn');
  });

  it('reads a page Readability finds no article in from its body text', () => {
    expect(extractHtmlBody('<html><body><span>Short note.</span></body></html>').blocks).toEqual([
      'Short note.',
    ]);
  });

  it('survives markup nested thousands of levels deep', () => {
    const depth = 5_000;
    const html = `<html><body>${'<div>'.repeat(depth)}Deep text.${'</div>'.repeat(depth)}</body></html>`;

    expect(extractHtmlBody(html).blocks).toContain('Deep text.');
  });
});

describe('extractHtmlBody with embedded posts', () => {
  it('keeps the text of an embedded social post, which is a quoted statement', () => {
    const html = `<html><body><article>${paragraph('People reacted online.')}
      <div class="social-media-embed"><blockquote class="twitter-tweet"><p>The pier is finally open!</p>
      — Ann Lee (@annlee) <a href="https://x.example/1">March 3, 2024</a></blockquote></div>
      ${paragraph('The board was pleased.')}</article></body></html>`;

    expect(extractHtmlBody(html).blocks.join('\n')).toContain('The pier is finally open!');
  });

  it('still drops a share bar', () => {
    const html = `<html><body><article>${paragraph('First.')}
      <div class="social-share"><a>Share on Facebook</a><a>Share on X</a></div>${paragraph('Second.')}</article></body></html>`;

    expect(extractHtmlBody(html).blocks.join('\n')).not.toContain('Share on');
  });
});
