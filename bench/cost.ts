// AWS cost per 1,000 articles for the pipeline, beside Amazon Comprehend for the same characters.
// Prices are us-east-1 list prices (November 2026); the estimate is only as good as its inputs,
// so every input is named and returned with the result.

// Lambda on arm64 (Graviton), per GB-second of configured memory, and per request.
export const LAMBDA_ARM_PRICE_PER_GB_SECOND = 0.0000133334;
export const LAMBDA_PRICE_PER_REQUEST = 0.2 / 1e6;
// S3 Standard request prices.
export const S3_PRICE_PER_PUT = 0.005 / 1000;
export const S3_PRICE_PER_GET = 0.0004 / 1000;
// The analyze step per new article: the upload and the report (PUTs); looking for a previous report
// and error record, then reading the article (GETs). Deletes are free.
export const S3_PUTS_PER_ARTICLE = 2;
export const S3_GETS_PER_ARTICLE = 3;
// Lambda gives a function one full vCPU at 1,769 MB and a proportional share below, so CPU-bound
// work at 512 MB takes about 3.5 times as long as on one core of a bench machine.
export const LAMBDA_MB_PER_VCPU = 1769;
// Lambda bills duration in whole milliseconds.
const BILLING_GRANULARITY_MS = 1;

// Comprehend DetectSentiment: $0.0001 per unit of 100 characters, at least 3 units per request.
export const COMPREHEND_PRICE_PER_UNIT = 0.0001;
export const COMPREHEND_CHARS_PER_UNIT = 100;
export const COMPREHEND_MIN_UNITS = 3;

export interface CostInput {
  /** Measured analysis time of one article on one core, in ms. */
  analysisMs: number;
  /** Time the function waits on S3 per article (not CPU), in ms. */
  s3WaitMs: number;
  memoryMb: number;
  /** Mean characters per article. */
  articleChars: number;
  /** The characters of every quoted statement in a sample of `sampleArticles` articles. */
  quoteChars: readonly number[];
  sampleArticles: number;
}

export interface CostEstimate {
  /** Billed Lambda duration per article, in ms, after scaling the CPU time to the memory's vCPU share. */
  billedMs: number;
  lambdaPer1000: number;
  s3Per1000: number;
  totalPer1000: number;
  /** Comprehend called once per article on its whole text. */
  comprehendPerArticlePer1000: number;
  /** Comprehend called once per quoted statement, like quote-tone scores them. */
  comprehendPerQuotePer1000: number;
}

/**
 * Cost of analysing 1,000 articles on Lambda and S3, and of the Comprehend calls that would
 * give the same tone figures.
 *
 * @example
 * estimateCost({ analysisMs: 1, s3WaitMs: 60, memoryMb: 512, articleChars: 5000, quoteChars: [80], sampleArticles: 1 }).comprehendPerArticlePer1000 // 5
 */
export function estimateCost(input: CostInput): CostEstimate {
  const cpuShare = Math.min(1, input.memoryMb / LAMBDA_MB_PER_VCPU);
  const rawMs = input.analysisMs / cpuShare + input.s3WaitMs;
  const billedMs = Math.ceil(rawMs / BILLING_GRANULARITY_MS) * BILLING_GRANULARITY_MS;
  const lambdaPerArticle =
    (billedMs / 1000) * (input.memoryMb / 1024) * LAMBDA_ARM_PRICE_PER_GB_SECOND + LAMBDA_PRICE_PER_REQUEST;
  const s3PerArticle = S3_PUTS_PER_ARTICLE * S3_PRICE_PER_PUT + S3_GETS_PER_ARTICLE * S3_PRICE_PER_GET;
  const perQuote = input.quoteChars.reduce((sum, chars) => sum + comprehendCall(chars), 0);
  return {
    billedMs,
    lambdaPer1000: lambdaPerArticle * 1000,
    s3Per1000: s3PerArticle * 1000,
    totalPer1000: (lambdaPerArticle + s3PerArticle) * 1000,
    comprehendPerArticlePer1000: comprehendCall(input.articleChars) * 1000,
    comprehendPerQuotePer1000: (perQuote / input.sampleArticles) * 1000,
  };
}

/** @example comprehendCall(150) // 0.0003 (the 3-unit minimum) */
export function comprehendCall(chars: number): number {
  const units = Math.max(COMPREHEND_MIN_UNITS, Math.ceil(chars / COMPREHEND_CHARS_PER_UNIT));
  return units * COMPREHEND_PRICE_PER_UNIT;
}
