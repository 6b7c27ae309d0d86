// Configuration is read once, at module load, and a missing variable is named in the error
// (STYLE.md "Handlers are thin").

import { PipelineError } from './pipeline-error.ts';

export class MissingConfigError extends PipelineError {
  override readonly code = 'MISSING_CONFIG';

  constructor(name: string) {
    super(`Expected environment variable ${name} to be set, but it is missing or empty.`);
    this.name = 'MissingConfigError';
  }
}

/** @example requireEnv('RESULTS_BUCKET') // 'quote-tone-results' */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new MissingConfigError(name);
  return value;
}

/** @example intFromEnv('MAX_ARTICLE_BYTES', 5 * 1024 * 1024) */
export function intFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (!value) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new InvalidConfigError(`Expected ${name} to be a positive whole number, but got "${value}".`);
  }
  return parsed;
}

export class InvalidConfigError extends PipelineError {
  override readonly code = 'INVALID_CONFIG';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidConfigError';
  }
}
