// The viewer-request check in front of every path of the private dashboard distribution. It runs
// before CloudFront's cache, so a cached report is never served to a viewer without a session.
//
// Token verification is aws-jwt-verify (signature against the pool's JWKS, issuer, audience,
// token use, expiry); the OAuth round trips (redirect to the hosted sign-in, code exchange,
// refresh, sign-out with token revocation) are cognito-at-edge. What is ours is the routing:
// pages redirect to sign-in, data answers 401 so the dashboard's fetch never follows a redirect
// to another origin, and the session probe the dashboard uses to show its sign-out link.

import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type {
  CloudFrontRequest,
  CloudFrontRequestEvent,
  CloudFrontRequestResult,
  CloudFrontResultResponse,
} from 'aws-lambda';
import { Authenticator } from 'cognito-at-edge';
import type { DashboardAuthConfig } from './auth-config.ts';

/** Signing out: revoke the refresh token, clear the cookies, end the hosted session. */
export const SIGN_OUT_PATH = '/signout';
/** Answers 200 with a session and 401 without one; the dashboard shows "Sign out" on a 200. */
export const SESSION_PATH = '/auth/session.json';

// Matches the app client's refresh-token validity (infra): a cookie that outlives its token only
// costs a redirect to sign-in.
export const SESSION_COOKIE_DAYS = 7;

const NO_STORE = [{ key: 'Cache-Control', value: 'no-store' }];

export type IdTokenVerifier = ReturnType<typeof createIdTokenVerifier>;
export type ViewerRequestCheck = (event: CloudFrontRequestEvent) => Promise<CloudFrontRequestResult>;

/**
 * The verifier for the pool's ID tokens issued to the dashboard's app client. It fetches the
 * pool's JWKS on first use and caches it for the life of the container.
 *
 * @example
 * const verifier = createIdTokenVerifier(config); verifier.cacheJwks(jwks); // tests: no network
 */
export function createIdTokenVerifier(config: DashboardAuthConfig) {
  return CognitoJwtVerifier.create({
    userPoolId: config.userPoolId,
    clientId: config.clientId,
    tokenUse: 'id',
  });
}

/**
 * The viewer-request check for one user pool.
 *
 * @example
 * const check = createEdgeCheck(config, ['index/', 'reports/']);
 * const result = await check(event); // the request to forward, or a 302 / 401 response
 */
export function createEdgeCheck(
  config: DashboardAuthConfig,
  dataPrefixes: readonly string[],
  verifier: IdTokenVerifier = createIdTokenVerifier(config),
): ViewerRequestCheck {
  const authenticator = new Authenticator({
    region: config.region,
    userPoolId: config.userPoolId,
    userPoolAppId: config.clientId,
    userPoolDomain: config.signInHost,
    // Tokens never reach the page's JavaScript, and are sent on the redirect back from sign-in.
    httpOnly: true,
    sameSite: 'Lax',
    // One cookie set for the whole site, whichever path refreshed it.
    cookiePath: '/',
    cookieExpirationDays: SESSION_COOKIE_DAYS,
    logoutConfiguration: { logoutUri: SIGN_OUT_PATH, logoutRedirectUri: config.signOutRedirect },
    // Silent: its log lines carry token values, which must not reach CloudWatch in every region.
    logLevel: 'silent',
  });
  // cognito-at-edge 1.5.5 builds its own verifier on the aws-jwt-verify 2.x it pins. Hand it ours,
  // so every verification (ours and its own, e.g. before setting refreshed cookies) uses the
  // current aws-jwt-verify and one JWKS cache. The edge-check tests fail if this stops working.
  Object.assign(authenticator, { _jwtVerifier: verifier });

  const dataPaths = dataPrefixes.map((prefix) => `/${prefix.replace(/^\/+/, '')}`);
  const isData = (uri: string) => uri === SESSION_PATH || dataPaths.some((prefix) => uri.startsWith(prefix));

  return async function checkViewerRequest(event) {
    const request = requestOf(event);
    if (request.uri === SIGN_OUT_PATH) {
      // cognito-at-edge cannot clear cookies that were never sent: just end the hosted session.
      if (!request.headers.cookie) return redirect(config.signOutRedirect);
      return authenticator.handle(event);
    }

    const session = sessionOf(authenticator, request);
    if (await isValid(verifier, session.idToken)) {
      return request.uri === SESSION_PATH ? sessionProbe(true) : request;
    }

    if (isData(request.uri)) {
      // An expired ID token with a refresh token: cognito-at-edge refreshes it and redirects back to
      // the same path with new cookies, which fetch() follows on the same origin. Anything else, or
      // a failed refresh (a redirect to the sign-in host), is a plain 401.
      if (!session.refreshToken || request.uri === SESSION_PATH) return unauthorized(request.uri);
      const refreshed = await authenticator.handle(event);
      return isRedirectToSignIn(refreshed, config) ? unauthorized(request.uri) : refreshed;
    }
    // Pages: refresh, finish a sign-in (?code=), or redirect to the hosted sign-in page.
    return authenticator.handle(event);
  };
}

function requestOf(event: CloudFrontRequestEvent): CloudFrontRequest {
  const record = event.Records[0];
  if (!record) throw new TypeError('Expected a CloudFront viewer-request event with one record.');
  return record.cf.request;
}

function sessionOf(
  authenticator: Authenticator,
  request: CloudFrontRequest,
): { idToken?: string; refreshToken?: string } {
  try {
    return authenticator._getTokensFromCookie(request.headers.cookie);
  } catch {
    // No cookie header, or no token cookie for this app client: no session.
    return {};
  }
}

async function isValid(verifier: IdTokenVerifier, idToken: string | undefined): Promise<boolean> {
  if (!idToken) return false;
  try {
    await verifier.verify(idToken);
    return true;
  } catch {
    // Expired, signed by another key or pool, tampered, or for another client: all simply invalid.
    return false;
  }
}

function isRedirectToSignIn(result: CloudFrontRequestResult, config: DashboardAuthConfig): boolean {
  if (!result || !('status' in result)) return false;
  const location = result.headers?.location?.[0]?.value ?? '';
  return location.startsWith(`https://${config.signInHost}/`);
}

function unauthorized(uri: string): CloudFrontResultResponse {
  return {
    status: '401',
    statusDescription: 'Unauthorized',
    headers: {
      'content-type': [{ key: 'Content-Type', value: 'application/json' }],
      'cache-control': NO_STORE,
    },
    body: JSON.stringify({ error: 'sign-in required', path: uri, signIn: '/' }),
  };
}

function sessionProbe(signedIn: boolean): CloudFrontResultResponse {
  return {
    status: '200',
    statusDescription: 'OK',
    headers: {
      'content-type': [{ key: 'Content-Type', value: 'application/json' }],
      'cache-control': NO_STORE,
    },
    body: JSON.stringify({ signedIn, signOut: SIGN_OUT_PATH }),
  };
}

function redirect(location: string): CloudFrontResultResponse {
  return {
    status: '302',
    statusDescription: 'Found',
    headers: { location: [{ key: 'Location', value: location }], 'cache-control': NO_STORE },
  };
}
