// Deploy-time choices about who may read the dashboard, read from CDK context (`-c key=value` or
// cdk.json). Each is validated here, so a typo fails synthesis with a message instead of quietly
// deploying something more open than asked for.

import type { Node } from 'constructs';

export const DASHBOARD_ACCESS_MODES = ['private', 'public', 'none'] as const;
/**
 * - `private` (default): Cognito sign-in checked at the edge for every path;
 * - `public`: anyone with the URL reads the dashboard, the index and every full report;
 * - `none`: no distribution at all (the CLI and Athena read the store with IAM).
 */
export type DashboardAccess = (typeof DASHBOARD_ACCESS_MODES)[number];

// AWS WAF's smallest rate-based limit (requests per IP per evaluation window).
const MIN_RATE_LIMIT = 10;
// Cognito domain prefixes: lowercase letters, digits and hyphens, and no reserved word.
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export interface DashboardSettings {
  readonly access: DashboardAccess;
  /** A custom domain name and its ACM certificate (which must be in us-east-1), or none. */
  readonly domain?: { readonly name: string; readonly certificateArn: string };
  /** Requests per client IP per 5 minutes before AWS WAF blocks it; no web ACL when absent. */
  readonly rateLimit?: number;
  /** Prefix of the Cognito hosted sign-in domain (<prefix>.auth.<region>.amazoncognito.com). */
  readonly signInDomainPrefix?: string;
}

/** The settings are not valid: synthesis stops and says which and why. */
export class DashboardSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DashboardSettingsError';
  }
}

/**
 * The dashboard settings from the CDK context of `node`.
 *
 * @example
 * dashboardSettingsOf(this.node) // { access: 'private' } with no context given
 */
export function dashboardSettingsOf(node: Node): DashboardSettings {
  const text = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    return String(value).trim();
  };

  const access = text('dashboardAccess') ?? 'private';
  if (!(DASHBOARD_ACCESS_MODES as readonly string[]).includes(access)) {
    throw new DashboardSettingsError(
      `Expected -c dashboardAccess to be one of ${DASHBOARD_ACCESS_MODES.join(', ')}, but got "${access}".`,
    );
  }

  const domainName = text('dashboardDomain');
  const certificateArn = text('dashboardCertificateArn');
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new DashboardSettingsError(
      'Expected -c dashboardDomain and -c dashboardCertificateArn together (a custom domain needs its certificate), but got only one.',
    );
  }
  if (
    certificateArn !== undefined &&
    !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(certificateArn)
  ) {
    throw new DashboardSettingsError(
      `Expected -c dashboardCertificateArn to be an ACM certificate ARN in us-east-1 (CloudFront only uses those), but got "${certificateArn}".`,
    );
  }

  const rateText = text('dashboardRateLimit');
  const rateLimit = rateText === undefined ? undefined : Number(rateText);
  if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit >= MIN_RATE_LIMIT)) {
    throw new DashboardSettingsError(
      `Expected -c dashboardRateLimit to be a whole number of requests per 5 minutes, at least ${MIN_RATE_LIMIT}, but got "${rateText}".`,
    );
  }

  const signInDomainPrefix = text('dashboardSignInDomain');
  if (signInDomainPrefix !== undefined && !DOMAIN_PREFIX.test(signInDomainPrefix)) {
    throw new DashboardSettingsError(
      `Expected -c dashboardSignInDomain to be a domain prefix of lowercase letters, digits and hyphens, but got "${signInDomainPrefix}".`,
    );
  }

  return {
    access: access as DashboardAccess,
    ...(domainName && certificateArn ? { domain: { name: domainName, certificateArn } } : {}),
    ...(rateLimit === undefined ? {} : { rateLimit }),
    ...(signInDomainPrefix === undefined ? {} : { signInDomainPrefix }),
  };
}
