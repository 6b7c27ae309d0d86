import { QuoteToneError } from '../../shared/errors.ts';

/**
 * The base of every error the functions raise themselves (events, configuration, store, analysis
 * failures), so a caller tells the pipeline's own failures from the SDK's and the runtime's by one
 * `instanceof`, and each carries a stable `code` for logs and error records.
 */
export class PipelineError extends QuoteToneError {
  override readonly code: string = 'PIPELINE_ERROR';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PipelineError';
  }
}
