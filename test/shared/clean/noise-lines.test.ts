import { describe, expect, it } from 'vitest';
import { isNoiseLine, NOISE_LINE_PATTERNS } from '../../../shared/clean/noise-lines.ts';

describe('isNoiseLine', () => {
  it.each([
    'No Widgets found in the Sidebar', // blog theme placeholder
    'Skip to main content', // accessibility link
    'Share on Facebook', // share button
    'Share to TwitterTwitterShare to EmailEmail', // share buttons run together by a scrape
    'AddThis Sharing Buttons', // share bar heading
    'Follow us on Instagram', // follow button
    '[Related: Harbour board elects new chair]', // bracketed teaser
    'Read more: Storm damages pier', // labelled teaser
    'Related stories', // teaser box heading
    'You may also like...', // recommendation box
    'We use cookies to improve your experience.', // cookie banner
    'This website is using cookies.', // cookie banner
    'Accept all', // consent button
    'Sign up for our newsletter', // call to action
    'Advertisement', // ad slot
    'Back to Top', // navigation control
    'View all (12)', // gallery control
    '© 2024 Coast News. All rights reserved.', // copyright footer
    'Privacy Policy', // footer link
    'Storm hits the coast again [VIDEO]', // tagged teaser
    'The pier in January (Photo by Ann Lee/Coast News)', // caption with credit
    '___', // separator
  ])('drops %j', (line) => {
    expect(isNoiseLine(line)).toBe(true);
  });

  it.each([
    '“We will share the costs with the town,” the chair said.', // prose starting like a button word
    'Related projects were delayed by the storm, the board said.', // prose starting with "Related"
    'The board said it would follow us on this, Ms Lee added.', // prose mentioning "follow us"
    'The site uses cookies, the regulator found, without asking first.', // prose about cookies
    'We’ll definitely meet [in person], she said.', // a bracketed insertion, not a tag
    'Share prices fell sharply on Tuesday after the announcement.', // "Share" as a noun
  ])('keeps prose %j', (line) => {
    expect(isNoiseLine(line)).toBe(false);
  });

  it('keeps long lines even when they start like furniture', () => {
    expect(isNoiseLine(`Share on ${'a long sentence of real prose '.repeat(10)}`)).toBe(false);
  });

  it('gives every pattern a reason', () => {
    for (const { reason } of NOISE_LINE_PATTERNS) expect(reason.length).toBeGreaterThan(0);
  });
});
