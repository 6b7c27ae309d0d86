// Lambda@Edge viewer-request handler for the private dashboard. Lambda@Edge has no environment
// variables: infra/dashboard-auth-function.ts bakes the build settings in with esbuild's `define`.

import type { CloudFrontRequestEvent, CloudFrontRequestResult } from 'aws-lambda';
import { EdgeBuildSettingsSchema, parseAuthSetting } from './auth-config.ts';
import { createEdgeCheck, type ViewerRequestCheck } from './edge-check.ts';
import { loadAuthConfig } from './load-auth-config.ts';

const settings = parseAuthSetting(
  EdgeBuildSettingsSchema,
  process.env.QUOTE_TONE_EDGE_SETTINGS,
  'the edge build settings (QUOTE_TONE_EDGE_SETTINGS, defined at bundle time)',
);

let check: ViewerRequestCheck | undefined;

export async function handler(event: CloudFrontRequestEvent): Promise<CloudFrontRequestResult> {
  check ??= createEdgeCheck(
    await loadAuthConfig(settings.parameterName, settings.parameterRegion),
    settings.dataPrefixes,
  );
  return check(event);
}
