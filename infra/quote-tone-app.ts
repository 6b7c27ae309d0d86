// The CDK app, built the same way by `npx cdk synth` (infra/app.ts) and by the template tests:
// one QuoteTone stack (plus, in private mode outside us-east-1, its QuoteToneDashboardEdge
// companion there), checked by cdk-nag's AwsSolutions pack as a validation plugin, so synthesis
// fails on any unacknowledged error or warning.

import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { QuoteToneStack } from './quote-tone-stack.ts';

export const STACK_NAME = 'QuoteTone';

// Where the stack goes when neither -c region nor an AWS profile says (offline synthesis).
export const DEFAULT_REGION = 'us-east-1';

/**
 * The app with its stack. The account is left open, so synthesis works offline without
 * credentials; the region is explicit (-c region=..., else the AWS profile's region the CDK CLI
 * passes as CDK_DEFAULT_REGION, else DEFAULT_REGION) because the dashboard's Lambda@Edge check
 * must be placed in us-east-1 beside or apart from the stack.
 *
 * @example
 * createApp().app.synth();
 */
export function createApp(props: AppProps = {}): { app: App; stack: QuoteToneStack } {
  const app = new App(props);
  const region: unknown =
    app.node.tryGetContext('region') ?? process.env.CDK_DEFAULT_REGION ?? DEFAULT_REGION;
  const stack = new QuoteToneStack(app, STACK_NAME, {
    description: 'quote-tone: news articles dropped in S3 become tone reports, a dashboard and a quote lake',
    env: { region: String(region) },
    // The edge check's version ARN (and the web ACL's) come from the us-east-1 companion stack.
    crossRegionReferences: true,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
