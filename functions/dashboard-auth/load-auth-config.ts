// Reads the user pool settings the stack wrote to SSM at deploy time (see auth-config.ts for why
// they are not baked in). Once per container: a failed read is retried on the next request.

import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { type DashboardAuthConfig, DashboardAuthConfigSchema, parseAuthSetting } from './auth-config.ts';

let pending: Promise<DashboardAuthConfig> | undefined;

/**
 * The dashboard's sign-in settings from SSM parameter `name` in `region`, cached per container.
 *
 * @example
 * const config = await loadAuthConfig('/quote-tone/QuoteTone/dashboard-auth', 'eu-west-1');
 */
export function loadAuthConfig(name: string, region: string): Promise<DashboardAuthConfig> {
  pending ??= new SSMClient({ region })
    .send(new GetParameterCommand({ Name: name }))
    .then((output) =>
      parseAuthSetting(DashboardAuthConfigSchema, output.Parameter?.Value, `SSM parameter ${name}`),
    )
    .catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
  return pending;
}
