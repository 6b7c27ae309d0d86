import { describe, expect, it } from 'vitest';
import { articleIdFromKey } from '../../shared/article-id.ts';

describe('articleIdFromKey', () => {
  it('gives the same id for the same key every time', () => {
    expect(articleIdFromKey('articles/Talks in Rome.txt')).toBe(
      articleIdFromKey('articles/Talks in Rome.txt'),
    );
  });

  it('is safe as a URL segment and an S3 key for spaces and non-ASCII names', () => {
    const id = articleIdFromKey('articles/Переговоры в Риме/café déjà vu.html');
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(encodeURIComponent(id)).toBe(id);
  });

  it('keeps a readable slug of the file name', () => {
    expect(articleIdFromKey('articles/Putin Biden talks é.txt')).toMatch(/^putin-biden-talks-e-[0-9a-f]{8}$/);
  });

  it('keeps keys that slug alike apart', () => {
    expect(articleIdFromKey('articles/a b.txt')).not.toBe(articleIdFromKey('articles/a-b.txt'));
  });
});
