// Entry point for the CDK CLI (cdk.json: `npx tsx infra/app.ts`).
import { createApp } from './quote-tone-app.ts';

createApp().app.synth();
