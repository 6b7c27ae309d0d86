// Who may read the private dashboard: a Cognito user pool that only an administrator adds people
// to, its hosted sign-in pages, one app client for the dashboard, and the SSM parameter through
// which the edge check learns them (Lambda@Edge has no environment variables, and the pool's id
// does not exist until CloudFormation creates it).

import { Aws, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import type { DashboardAuthConfig } from '../functions/dashboard-auth/auth-config.ts';
import { SESSION_COOKIE_DAYS } from '../functions/dashboard-auth/edge-check.ts';

// Long enough for a strong passphrase to be the easy choice (NIST SP 800-63B allows up to 64+).
export const MIN_PASSWORD_LENGTH = 14;
// The emailed temporary password of a new user is valid this long.
const TEMPORARY_PASSWORD_VALIDITY = Duration.days(3);
// An ID token (the session the edge checks) lasts an hour; the refresh token renews it silently
// for a week of use, after which the user signs in again (and the cookie has expired too).
const ID_TOKEN_VALIDITY = Duration.hours(1);
const REFRESH_TOKEN_VALIDITY = Duration.days(SESSION_COOKIE_DAYS);

export interface DashboardSignInProps {
  /** The dashboard's host name, e.g. "d1234.cloudfront.net" or a custom domain (may be a token). */
  readonly dashboardHost: string;
  /** Prefix of the hosted sign-in domain; defaults to "<stack name>-<account id>". */
  readonly domainPrefix?: string;
}

/**
 * The user pool, hosted sign-in domain, app client and the edge check's configuration parameter.
 *
 * @example
 * const signIn = new DashboardSignIn(this, 'SignIn', { dashboardHost: distribution.domainName });
 */
export class DashboardSignIn extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** Name of the SSM parameter holding the DashboardAuthConfig JSON, fixed at synth time. */
  readonly parameterName: string;
  readonly parameter: ssm.StringParameter;

  constructor(scope: Construct, id: string, props: DashboardSignInProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.userPool = new cognito.UserPool(this, 'Users', {
      userPoolName: `${stack.stackName}-dashboard-readers`,
      // Readers are colleagues an administrator adds (admin-create-user or the console), never strangers.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: MIN_PASSWORD_LENGTH,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: TEMPORARY_PASSWORD_VALIDITY,
      },
      // Unpublished drafts and licensed copy: a stolen password alone must not be enough.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: 'Your quote-tone dashboard account',
        emailBody:
          'An administrator added you to the quote-tone dashboard. Sign in as {username} with the temporary password {####}; you will choose a new password and set up an authenticator app.',
      },
      deletionProtection: true,
      // The people who may read the newsroom's reports outlive any one deployment.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const threatProtectionReason =
      'Applies to the dashboard readers user pool: threat protection (advanced security) needs the Plus feature plan, billed per monthly active user; the pool already admits only users an administrator adds, with TOTP MFA required and a 14-character password with every character class. Switch featurePlan to PLUS if the newsroom wants compromised-credential checks.';
    Validations.of(this.userPool).acknowledge(
      { id: 'AwsSolutions-COG3', reason: threatProtectionReason },
      { id: 'AwsSolutions-COG8', reason: threatProtectionReason },
    );

    const domainPrefix = props.domainPrefix ?? Fn.join('-', [stack.stackName.toLowerCase(), Aws.ACCOUNT_ID]);
    const domain = this.userPool.addDomain('SignInPages', { cognitoDomain: { domainPrefix } });
    const signInHost = Fn.join('', [domain.domainName, `.auth.${stack.region}.amazoncognito.com`]);

    this.client = this.userPool.addClient('Dashboard', {
      userPoolClientName: 'dashboard',
      // A public client: the edge function exchanges the code, and a secret would have to be shipped
      // to every edge region inside the function package.
      generateSecret: false,
      // Only the hosted sign-in pages: no password is ever sent to our own code.
      authFlows: {},
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        // cognito-at-edge sends the viewer back to the site root, with the page asked for as state.
        callbackUrls: [`https://${props.dashboardHost}`],
        logoutUrls: [`https://${props.dashboardHost}/`],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: ID_TOKEN_VALIDITY,
      accessTokenValidity: ID_TOKEN_VALIDITY,
      refreshTokenValidity: REFRESH_TOKEN_VALIDITY,
    });

    const config: DashboardAuthConfig = {
      region: stack.region,
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      signInHost,
      signOutRedirect: Fn.join('', [
        'https://',
        signInHost,
        '/logout?client_id=',
        this.client.userPoolClientId,
        // URL-encoded "https://<host>/" (a host name has nothing else to encode).
        `&logout_uri=https%3A%2F%2F${props.dashboardHost}%2F`,
      ]),
    };
    this.parameterName = dashboardAuthParameterName(stack);
    this.parameter = new ssm.StringParameter(this, 'EdgeConfig', {
      parameterName: this.parameterName,
      description: 'quote-tone dashboard sign-in settings, read by the Lambda@Edge check (no secrets)',
      stringValue: stack.toJsonString(config),
    });
  }
}

/**
 * The SSM parameter name the edge check reads: fixed at synth time, so the function can be
 * bundled before the pool exists.
 *
 * @example
 * dashboardAuthParameterName(stack) // '/quote-tone/QuoteTone/dashboard-auth'
 */
export function dashboardAuthParameterName(stack: Stack): string {
  return `/quote-tone/${stack.stackName}/dashboard-auth`;
}
