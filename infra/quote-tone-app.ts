// The CDK app, built the same way by `npx cdk synth` (infra/app.ts) and by the template tests:
// one QuoteTone stack, checked by cdk-nag's AwsSolutions pack as a validation plugin, so synthesis
// fails on any unacknowledged error or warning.

import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { QuoteToneStack } from './quote-tone-stack.ts';

export const STACK_NAME = 'QuoteTone';

/**
 * The app with its stack. Environment-agnostic (no account or region), so synthesis works offline
 * without credentials.
 *
 * @example
 * createApp().app.synth();
 */
export function createApp(props: AppProps = {}): { app: App; stack: QuoteToneStack } {
  const app = new App(props);
  const stack = new QuoteToneStack(app, STACK_NAME, {
    description: 'quote-tone: news articles dropped in S3 become tone reports, a dashboard and a quote lake',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
