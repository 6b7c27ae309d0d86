// Builds the app exactly as `npx cdk synth` does (infra/quote-tone-app.ts), for template tests.
// Bundling is skipped by default through the CDK's own `aws:cdk:bundling-stacks` context: the
// template is the same apart from asset hashes, and esbuild stays out of every test but the one
// that checks the bundle.

import type { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../../infra/quote-tone-app.ts';
import type { QuoteToneStack } from '../../infra/quote-tone-stack.ts';

export interface SynthesizedStack {
  readonly app: App;
  readonly stack: QuoteToneStack;
  readonly template: Template;
}

/** @example const { template } = synthStack(); */
export function synthStack(options: { bundle?: boolean; outdir?: string } = {}): SynthesizedStack {
  const { app, stack } = createApp({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    context: options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] },
  });
  return { app, stack, template: Template.fromStack(stack) };
}
