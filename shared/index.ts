// The public surface of the core, for the handlers, the CLI and library users.
export { type AnalyzeOptions, analyzeArticle } from './analyze-article.ts';
export { ARTICLE_SUFFIXES, formatFromKey } from './article-format.ts';
export { articleIdFromKey } from './article-id.ts';
export { detectLanguage } from './clean/detect-language.ts';
export * from './errors.ts';
export { speakerKey } from './quotes/speaker-key.ts';
export { REPORT_SCHEMA_VERSION, type Report, type ReportQuote, ReportSchema } from './report-schema.ts';
export { scoreTone } from './score-tone.ts';
export * from './store/layout.ts';
export type * from './types.ts';
