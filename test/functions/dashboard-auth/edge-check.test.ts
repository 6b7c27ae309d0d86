import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createRequire } from 'node:module';
import type { CloudFrontRequestEvent, CloudFrontRequestResult, CloudFrontResultResponse } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardAuthConfig } from '../../../functions/dashboard-auth/auth-config.ts';
import {
  createEdgeCheck,
  createIdTokenVerifier,
  SESSION_PATH,
  SIGN_OUT_PATH,
  type ViewerRequestCheck,
} from '../../../functions/dashboard-auth/edge-check.ts';
import viewerRequest from './events/viewer-request.json' with { type: 'json' };

// The edge check against a user pool whose signing keys are generated here: the verifier is
// handed their JWKS up front (aws-jwt-verify's cacheJwks), so nothing goes to the network.

const HOST = 'd111111abcdef8.cloudfront.net';
const config: DashboardAuthConfig = {
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Newsroom1',
  clientId: 'dashboardclient123',
  signInHost: 'newsroom.auth.eu-west-1.amazoncognito.com',
  signOutRedirect: `https://newsroom.auth.eu-west-1.amazoncognito.com/logout?client_id=dashboardclient123&logout_uri=${encodeURIComponent(`https://${HOST}/`)}`,
};
const DATA_PREFIXES = ['index/', 'reports/'];
const OTHER_POOL_ID = 'eu-west-1_SomeoneElse';
const issuerOf = (poolId: string) => `https://cognito-idp.eu-west-1.amazonaws.com/${poolId}`;

// cognito-at-edge talks to the Cognito token and revoke endpoints through axios (CommonJS, as it
// loads it); requests are answered here instead.
const axios = createRequire(import.meta.url)('axios') as {
  defaults: { adapter: unknown };
};
const originalAdapter = axios.defaults.adapter;
const cognitoCalls: { url: string; body: string }[] = [];

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

function signingKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An RS256 ID token as Cognito issues them; `claims` override the defaults. */
function idToken(key: SigningKey, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: 'RS256', kid: key.kid, typ: 'JWT' });
  const payload = base64url({
    sub: '6f1c6c2e-0000-4000-8000-000000000001',
    iss: issuerOf(config.userPoolId),
    aud: config.clientId,
    token_use: 'id',
    'cognito:username': 'analyst',
    auth_time: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...claims,
  });
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key.privateKey).toString(
    'base64url',
  );
  return `${header}.${payload}.${signature}`;
}

function cookieFor(tokens: { idToken?: string; refreshToken?: string }): string {
  const base = `CognitoIdentityServiceProvider.${config.clientId}.analyst`;
  return [
    tokens.idToken && `${base}.idToken=${tokens.idToken}`,
    tokens.refreshToken && `${base}.refreshToken=${tokens.refreshToken}`,
  ]
    .filter(Boolean)
    .join('; ');
}

function eventFor(uri: string, cookie?: string, querystring = ''): CloudFrontRequestEvent {
  const event = structuredClone(viewerRequest) as CloudFrontRequestEvent;
  const request = event.Records[0]?.cf.request;
  if (!request) throw new Error('events/viewer-request.json has no record');
  request.uri = uri;
  request.querystring = querystring;
  if (cookie) request.headers.cookie = [{ key: 'Cookie', value: cookie }];
  return event;
}

function asResponse(result: CloudFrontRequestResult): CloudFrontResultResponse {
  expect(result && 'status' in result, 'expected a generated response, not a forwarded request').toBe(true);
  return result as CloudFrontResultResponse;
}

const locationOf = (result: CloudFrontRequestResult) =>
  asResponse(result).headers?.location?.[0]?.value ?? '';
const setCookiesOf = (result: CloudFrontRequestResult) =>
  (asResponse(result).headers?.['set-cookie'] ?? []).map((header) => header.value);

const poolKey = signingKey('pool-key-1');
const otherPoolKey = signingKey('other-pool-key');
let check: ViewerRequestCheck;

beforeAll(() => {
  const verifier = createIdTokenVerifier(config);
  verifier.cacheJwks({
    keys: [{ ...poolKey.publicKey.export({ format: 'jwk' }), kid: poolKey.kid, alg: 'RS256', use: 'sig' }],
  } as Parameters<typeof verifier.cacheJwks>[0]);
  check = createEdgeCheck(config, DATA_PREFIXES, verifier);
});

afterEach(() => {
  axios.defaults.adapter = originalAdapter;
  cognitoCalls.length = 0;
});

/** Answer every Cognito call with `data`, recording it. */
function answerCognito(data: object): void {
  axios.defaults.adapter = async (request: { url: string; data: string }) => {
    cognitoCalls.push({ url: request.url, body: String(request.data) });
    return { data, status: 200, statusText: 'OK', headers: {}, config: request };
  };
}

// Each way a session can be missing or invalid, by the cookie it sends.
const refused: [string, () => string | undefined][] = [
  ['no cookie', () => undefined],
  [
    'an expired token',
    () => cookieFor({ idToken: idToken(poolKey, { exp: Math.floor(Date.now() / 1000) - 60 }) }),
  ],
  [
    'a token from another user pool',
    () => cookieFor({ idToken: idToken(otherPoolKey, { iss: issuerOf(OTHER_POOL_ID) }) }),
  ],
  [
    'a tampered token (payload changed after signing)',
    () => {
      const [header, , signature] = idToken(poolKey).split('.');
      const forged = base64url({
        iss: issuerOf(config.userPoolId),
        aud: config.clientId,
        token_use: 'id',
        'cognito:username': 'editor-in-chief',
        exp: Math.floor(Date.now() / 1000) + 3600,
      });
      return cookieFor({ idToken: `${header}.${forged}.${signature}` });
    },
  ],
  ['a token signed by an unknown key of the right pool', () => cookieFor({ idToken: idToken(otherPoolKey) })],
  [
    'an access token instead of an ID token',
    () => cookieFor({ idToken: idToken(poolKey, { token_use: 'access' }) }),
  ],
  [
    'a token for another app client',
    () => cookieFor({ idToken: idToken(poolKey, { aud: 'anotherclient' }) }),
  ],
];

describe('pages (dashboard files)', () => {
  it.each(['/', '/index.html', '/js/app.js'])('forwards %s with a valid session, unchanged', async (uri) => {
    // Prepare
    const event = eventFor(uri, cookieFor({ idToken: idToken(poolKey) }));

    // Act
    const result = await check(event);

    // Assess
    expect(result).toEqual(event.Records[0]?.cf.request);
  });

  it.each(refused)('redirects to the hosted sign-in page with %s', async (_case, cookie) => {
    const result = await check(eventFor('/index.html', cookie()));

    expect(asResponse(result).status).toBe('302');
    const location = new URL(locationOf(result));
    expect(location.origin).toBe(`https://${config.signInHost}`);
    expect(location.pathname).toBe('/authorize');
    expect(location.searchParams.get('client_id')).toBe(config.clientId);
    expect(location.searchParams.get('response_type')).toBe('code');
    expect(location.searchParams.get('redirect_uri')).toBe(`https://${HOST}`);
    // Back to the page asked for after signing in.
    expect(location.searchParams.get('state')).toBe('/index.html');
  });
});

describe('data (index/* and reports/*)', () => {
  it.each(['/index/articles.json', '/reports/2026/story.json'])(
    'forwards %s with a valid session, unchanged',
    async (uri) => {
      const event = eventFor(uri, cookieFor({ idToken: idToken(poolKey) }));

      const result = await check(event);

      expect(result).toEqual(event.Records[0]?.cf.request);
    },
  );

  it.each(refused)('answers 401, never a redirect, with %s', async (_case, cookie) => {
    for (const uri of ['/index/articles.json', '/reports/2026/story.json']) {
      const result = await check(eventFor(uri, cookie()));

      const response = asResponse(result);
      expect(response.status, uri).toBe('401');
      expect(response.headers?.location, uri).toBeUndefined();
      expect(response.headers?.['cache-control']?.[0]?.value, uri).toBe('no-store');
      expect(JSON.parse(String(response.body))).toMatchObject({ error: 'sign-in required', path: uri });
    }
  });

  it('refreshes an expired session that has a refresh token, then sends the browser back to the same data', async () => {
    // Prepare: Cognito's token endpoint hands out a fresh ID token for the refresh token.
    const fresh = idToken(poolKey);
    answerCognito({ id_token: fresh, access_token: 'access', token_type: 'Bearer', expires_in: 3600 });
    const expired = idToken(poolKey, { exp: Math.floor(Date.now() / 1000) - 60 });

    // Act
    const result = await check(
      eventFor('/index/articles.json', cookieFor({ idToken: expired, refreshToken: 'rt-1' })),
    );

    // Assess
    expect(cognitoCalls.map((call) => call.url)).toEqual([`https://${config.signInHost}/oauth2/token`]);
    expect(cognitoCalls[0]?.body).toContain('grant_type=refresh_token');
    expect(asResponse(result).status).toBe('302');
    expect(locationOf(result)).toBe(`https://${HOST}/index/articles.json`);
    const cookies = setCookiesOf(result);
    expect(cookies.find((c) => c.includes('.idToken='))).toContain(fresh);
    for (const cookie of cookies.filter((c) => c.includes('Token='))) {
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/Path=\//);
    }
  });

  it('answers 401 when the refresh token is refused', async () => {
    axios.defaults.adapter = async () => {
      throw new Error('invalid_grant');
    };
    const expired = idToken(poolKey, { exp: Math.floor(Date.now() / 1000) - 60 });

    const result = await check(
      eventFor('/index/articles.json', cookieFor({ idToken: expired, refreshToken: 'revoked' })),
    );

    expect(asResponse(result).status).toBe('401');
  });
});

describe('session probe and sign-out', () => {
  it('tells the dashboard a session exists, so it can offer "Sign out"', async () => {
    const result = await check(eventFor(SESSION_PATH, cookieFor({ idToken: idToken(poolKey) })));

    expect(asResponse(result).status).toBe('200');
    expect(JSON.parse(String(asResponse(result).body))).toEqual({ signedIn: true, signOut: SIGN_OUT_PATH });
  });

  it('answers the session probe with 401 without a session', async () => {
    const result = await check(eventFor(SESSION_PATH));

    expect(asResponse(result).status).toBe('401');
  });

  it('signs out: revokes the refresh token, clears every token cookie and ends the hosted session', async () => {
    // Prepare
    answerCognito({});
    const cookie = cookieFor({ idToken: idToken(poolKey), refreshToken: 'rt-2' });

    // Act
    const result = await check(eventFor(SIGN_OUT_PATH, cookie));

    // Assess
    expect(cognitoCalls.map((call) => call.url)).toEqual([`https://${config.signInHost}/oauth2/revoke`]);
    expect(cognitoCalls[0]?.body).toContain('token=rt-2');
    expect(locationOf(result)).toBe(config.signOutRedirect);
    const cleared = setCookiesOf(result);
    for (const name of ['idToken', 'refreshToken', 'accessToken']) {
      const header = cleared.find((c) =>
        c.startsWith(`CognitoIdentityServiceProvider.${config.clientId}.analyst.${name}=;`),
      );
      const expires = Date.parse(header?.match(/Expires=([^;]+)/)?.[1] ?? '');
      expect(expires, name).toBeLessThanOrEqual(Date.now());
    }
  });

  it('signs out a browser with no cookies by ending the hosted session only', async () => {
    const result = await check(eventFor(SIGN_OUT_PATH));

    expect(asResponse(result).status).toBe('302');
    expect(locationOf(result)).toBe(config.signOutRedirect);
  });

  it('after sign-out, the old page request is sent to sign-in again', async () => {
    const result = await check(eventFor('/', 'unrelated=1'));

    expect(new URL(locationOf(result)).pathname).toBe('/authorize');
  });
});
