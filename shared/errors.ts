// One base class per area and one small class per failure (STYLE.md "Errors say what was found").
// Every refusal carries a stable `code` so a refused article becomes a readable error record.

export class QuoteToneError extends Error {
  readonly code: string = 'QUOTE_TONE_ERROR';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'QuoteToneError';
  }
}

/** Bytes that are not text in the encoding they are read in; `textBefore` is the text before them. */
export class InvalidTextError extends QuoteToneError {
  override readonly code = 'INVALID_TEXT';

  constructor(
    message: string,
    readonly textBefore: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'InvalidTextError';
  }
}

/** The article cannot be analysed as given; retrying will not help. */
export class ArticleRefusedError extends QuoteToneError {
  override readonly code: string = 'ARTICLE_REFUSED';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ArticleRefusedError';
  }
}

export class EmptyArticleError extends ArticleRefusedError {
  override readonly code = 'EMPTY_ARTICLE';

  constructor(detail = 'it contains no text after cleaning') {
    super(`Expected an article with text, but ${detail}.`);
    this.name = 'EmptyArticleError';
  }
}

export class UnsupportedFormatError extends ArticleRefusedError {
  override readonly code = 'UNSUPPORTED_FORMAT';

  constructor(
    key: string,
    suffix?: string,
    supported: readonly string[] = ['.txt', '.md', '.html', '.json'],
  ) {
    super(
      `Expected an article named ${supported.join(', ')} (any case), but "${key}"` +
        (suffix ? ` ends in "${suffix}".` : ' has no such suffix.'),
    );
    this.name = 'UnsupportedFormatError';
  }
}

export class InvalidJsonArticleError extends ArticleRefusedError {
  override readonly code = 'INVALID_JSON_ARTICLE';

  constructor(detail: string, options?: ErrorOptions) {
    super(
      `Expected a JSON article {title?, body | text, url?, publishedAt?, source?}, but ${detail}.`,
      options,
    );
    this.name = 'InvalidJsonArticleError';
  }
}

export class ArticleTooLargeError extends ArticleRefusedError {
  override readonly code = 'ARTICLE_TOO_LARGE';

  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`Expected an article of at most ${limit} bytes, but it has ${bytes} bytes.`);
    this.name = 'ArticleTooLargeError';
  }
}

export class BinaryContentError extends ArticleRefusedError {
  override readonly code = 'BINARY_CONTENT';

  constructor(readonly detected: string) {
    super(`Expected article text (.txt, .md, .html or .json), but the content is ${detected}.`);
    this.name = 'BinaryContentError';
  }
}

export class MissingArticleBodyError extends ArticleRefusedError {
  override readonly code = 'MISSING_ARTICLE_BODY';

  constructor(detail: string) {
    super(`Expected a JSON article with a non-empty string "body" or "text" field, but ${detail}.`);
    this.name = 'MissingArticleBodyError';
  }
}
