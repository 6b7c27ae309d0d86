// What the dashboard's edge check needs to know about its user pool. Lambda@Edge functions have no
// environment variables, and a user pool's id only exists once CloudFormation has created it, so
// the stack writes these values to an SSM parameter at deploy time and the function reads it once
// per container (see load-auth-config.ts). Its shape is validated, not trusted.

import { z } from 'zod';
import { QuoteToneError } from '../../shared/errors.ts';

export const DashboardAuthConfigSchema = z.object({
  /** The user pool's region, e.g. "eu-west-1" (the pool id starts with it). */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  userPoolId: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/),
  /** The app client the dashboard signs in with (a public client: no secret). */
  clientId: z.string().min(1),
  /** Host name of the Cognito hosted sign-in pages, e.g. "news.auth.eu-west-1.amazoncognito.com". */
  signInHost: z.string().regex(/^[a-z0-9.-]+$/),
  /** Where sign-out ends: Cognito's /logout, which ends the hosted session and returns to the dashboard. */
  signOutRedirect: z.url({ protocol: /^https$/ }),
});

export type DashboardAuthConfig = z.infer<typeof DashboardAuthConfigSchema>;

/** What is baked into the edge bundle at synth time (esbuild `define`), since the function has no environment. */
export const EdgeBuildSettingsSchema = z.object({
  /** SSM parameter holding the DashboardAuthConfig JSON. */
  parameterName: z.string().startsWith('/'),
  /** Region of that parameter: the stack's region (the function itself runs in many). */
  parameterRegion: z.string().min(1),
  /** Path prefixes that are data, answered 401 instead of a sign-in redirect, e.g. ["index/", "reports/"]. */
  dataPrefixes: z.array(z.string().min(1)).min(1),
});

export type EdgeBuildSettings = z.infer<typeof EdgeBuildSettingsSchema>;

/** The edge check's configuration is missing or malformed: a deployment fault, never a viewer's. */
export class DashboardAuthConfigError extends QuoteToneError {
  override readonly code = 'DASHBOARD_AUTH_CONFIG';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DashboardAuthConfigError';
  }
}

/**
 * Parse a configuration value (JSON text) against `schema`, naming what was wrong.
 *
 * @example
 * parseAuthSetting(DashboardAuthConfigSchema, parameterValue, 'SSM parameter /quote-tone/QuoteTone/dashboard-auth')
 */
export function parseAuthSetting<T>(schema: z.ZodType<T>, text: string | undefined, source: string): T {
  if (text === undefined || text === '') {
    throw new DashboardAuthConfigError(
      `Expected ${source} to hold the dashboard sign-in settings, but it is empty.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DashboardAuthConfigError(`Expected ${source} to be JSON, but it is not.`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new DashboardAuthConfigError(
      `Expected ${source} to hold valid dashboard sign-in settings, but: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
