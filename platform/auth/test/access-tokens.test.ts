// Access tokens: what a verifier accepts and what it refuses, key rotation, and the development key file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { ConfigError } from '../../config/index.js';
import {
  readAuthConfig,
  SIGNING_ALGORITHM,
  createAccessTokenSigner,
  createAccessTokenVerifier,
  generateSigningJwks,
  loadSigningKeys,
  viewerFromAuthorization,
} from '../index.js';

const config = { issuer: 'ridegraph-identity', audience: 'ridegraph', accessTokenTtlSeconds: 900, maxAccessTokenLifetimeSeconds: 960 };
const subject = { userId: '6f1c0a52-e3a9-4c4f-b1c7-d1a0e5b7c9d3', roles: ['FLEET_MANAGER' as const], sessionId: 's-1', fleetIds: ['f-1'] };

async function keys() {
  return loadSigningKeys({ jwks: JSON.stringify(await generateSigningJwks()) });
}

test('a signed token verifies into the viewer it was issued for', async () => {
  const k = await keys();
  const { token, expiresAt } = await createAccessTokenSigner(k, config)(subject);
  const viewer = await createAccessTokenVerifier({ jwks: k.publicJwks }, config)(token);
  expect(viewer).toEqual({ userId: subject.userId, roles: ['FLEET_MANAGER'], sessionId: 's-1', fleetIds: ['f-1'], expiresAt });
  expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(900_000);
});

test('the published keys hold no private part', async () => {
  const k = await keys();
  expect(k.publicJwks.keys.every((key) => !('d' in key))).toBe(true);
});

test('expired, foreign-signed, wrong-audience, wrong-issuer and garbage tokens are UNAUTHENTICATED', async () => {
  const k = await keys();
  const verify = createAccessTokenVerifier({ jwks: k.publicJwks }, config);
  const expired = await createAccessTokenSigner(k, { ...config, accessTokenTtlSeconds: -60 })(subject);
  const foreign = await createAccessTokenSigner(await keys(), config)(subject);
  const otherAudience = await createAccessTokenSigner(k, { ...config, audience: 'someone-else' })(subject);
  const otherIssuer = await createAccessTokenSigner(k, { ...config, issuer: 'evil' })(subject);
  const cases: [string, RegExp][] = [
    [expired.token, /expired/],
    [foreign.token, /signature/],
    [otherAudience.token, /not valid here \(aud\)/],
    [otherIssuer.token, /not valid here \(iss\)/],
    ['not.a.token', /malformed/],
  ];
  for (const [token, message] of cases) {
    await expect(verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(message) });
  }
});

test('keys rotate by kid: tokens of the previous key verify while it is still published', async () => {
  const oldJwks = await generateSigningJwks();
  const newJwks = await generateSigningJwks();
  const before = await loadSigningKeys({ jwks: JSON.stringify(oldJwks) });
  const after = await loadSigningKeys({ jwks: JSON.stringify({ keys: [...newJwks.keys, ...oldJwks.keys] }) });
  const oldToken = (await createAccessTokenSigner(before, config)(subject)).token;
  const newToken = (await createAccessTokenSigner(after, config)(subject)).token;
  const verify = createAccessTokenVerifier({ jwks: after.publicJwks }, config);
  await expect(verify(oldToken)).resolves.toMatchObject({ userId: subject.userId });
  await expect(verify(newToken)).resolves.toMatchObject({ userId: subject.userId });
  const retired = createAccessTokenVerifier({ jwks: { keys: after.publicJwks.keys.slice(0, 1) } }, config);
  await expect(retired(oldToken)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
});

test('Authorization header: none is anonymous, anything but a bearer token is refused', async () => {
  const k = await keys();
  const verify = createAccessTokenVerifier({ jwks: k.publicJwks }, config);
  const { token } = await createAccessTokenSigner(k, config)(subject);
  await expect(viewerFromAuthorization(undefined, verify)).resolves.toBeNull();
  await expect(viewerFromAuthorization(`Bearer ${token}`, verify)).resolves.toMatchObject({ userId: subject.userId });
  await expect(viewerFromAuthorization(`Basic dXNlcjpwYXNz`, verify)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  await expect(viewerFromAuthorization('Bearer', verify)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  await expect(viewerFromAuthorization(`Bearerx ${token}`, verify)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
});

test('the Bearer scheme is matched in any letter case (RFC 7235: schemes are case-insensitive)', async () => {
  const k = await keys();
  const verify = createAccessTokenVerifier({ jwks: k.publicJwks }, config);
  const { token } = await createAccessTokenSigner(k, config)(subject);
  for (const scheme of ['bearer', 'BEARER', 'bEaReR']) {
    await expect(viewerFromAuthorization(`${scheme} ${token}`, verify)).resolves.toMatchObject({ userId: subject.userId, sessionId: 's-1' });
  }
});

/** A token signed by the real key with whatever time claims a test wants (null leaves a claim out). */
async function tokenWithTimes(k: Awaited<ReturnType<typeof keys>>, times: { iat: number | null; exp: number | null }): Promise<string> {
  const jwt = new SignJWT({ roles: ['RIDER'], sid: 's-1', fleet_ids: [] })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: k.current.kid, typ: 'at+jwt' })
    .setSubject(subject.userId)
    .setIssuer(config.issuer)
    .setAudience(config.audience);
  if (times.iat !== null) jwt.setIssuedAt(times.iat);
  if (times.exp !== null) jwt.setExpirationTime(times.exp);
  return jwt.sign(k.current.privateKey);
}

test('a correctly signed token living longer than the maximum lifetime, or without exp or iat, is UNAUTHENTICATED', async () => {
  const k = await keys();
  const verify = createAccessTokenVerifier({ jwks: k.publicJwks }, config);
  const now = Math.floor(Date.now() / 1000);
  const hundredYears = 100 * 365 * 86400;
  const cases: [string, string, RegExp][] = [
    ['100-year expiry', (await createAccessTokenSigner(k, { ...config, accessTokenTtlSeconds: hundredYears })(subject)).token, /lives longer/],
    ['one second over the maximum (961 s)', (await createAccessTokenSigner(k, { ...config, accessTokenTtlSeconds: 961 })(subject)).token, /lives longer/],
    // exp - iat looks short, but iat is in the future: the remaining life (exp - now) gives it away.
    ['future iat hiding a far exp', await tokenWithTimes(k, { iat: now + hundredYears, exp: now + hundredYears + 900 }), /lives longer/],
    ['no exp', await tokenWithTimes(k, { iat: now, exp: null }), /\(exp\)/],
    ['no iat', await tokenWithTimes(k, { iat: null, exp: now + 600 }), /\(iat\)/],
  ];
  for (const [kind, token, message] of cases) {
    const refusal = await verify(token).then(
      () => 'accepted',
      (error: { message: string; extensions?: { code?: string } }) => ({ code: error.extensions?.code, matches: message.test(error.message) }),
    );
    expect({ kind, refusal }).toEqual({ kind, refusal: { code: 'UNAUTHENTICATED', matches: true } });
  }
  // The issuer's own lifetime, and the maximum itself, pass.
  await expect(verify((await createAccessTokenSigner(k, config)(subject)).token)).resolves.toMatchObject({ userId: subject.userId });
  await expect(verify((await createAccessTokenSigner(k, { ...config, accessTokenTtlSeconds: 960 })(subject)).token)).resolves.toMatchObject({
    userId: subject.userId,
  });
});

test('the maximum lifetime defaults to the access-token lifetime plus 60 s of clock skew; it can be set, never below that lifetime', () => {
  expect(readAuthConfig({}).maxAccessTokenLifetimeSeconds).toBe(960);
  expect(readAuthConfig({ ACCESS_TOKEN_TTL_SECONDS: '300' }).maxAccessTokenLifetimeSeconds).toBe(360);
  expect(readAuthConfig({ ACCESS_TOKEN_MAX_LIFETIME_SECONDS: '1000' }).maxAccessTokenLifetimeSeconds).toBe(1000);
  expect(() => readAuthConfig({ ACCESS_TOKEN_MAX_LIFETIME_SECONDS: '600' })).toThrow(ConfigError);
  expect(() => readAuthConfig({ ACCESS_TOKEN_MAX_LIFETIME_SECONDS: '600' })).toThrow(
    /ACCESS_TOKEN_MAX_LIFETIME_SECONDS: must be at least ACCESS_TOKEN_TTL_SECONDS \(900\)/,
  );
  expect(() => readAuthConfig({ ACCESS_TOKEN_MAX_LIFETIME_SECONDS: '3600' })).toThrow(/ACCESS_TOKEN_MAX_LIFETIME_SECONDS: must be at most 1200/);
});

test('development keys persist across restarts; production must be given keys', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'keys-')), 'dev-signing-keys.json');
  const first = await loadSigningKeys({ developmentKeyFile: file });
  const second = await loadSigningKeys({ developmentKeyFile: file });
  expect(second.current.kid).toBe(first.current.kid);
  expect(JSON.parse(readFileSync(file, 'utf8')).keys[0].d).toBeDefined();
  await expect(loadSigningKeys({})).rejects.toBeInstanceOf(ConfigError);
  await expect(loadSigningKeys({ jwks: '{"keys":[{"kty":"oct","k":"x"}]}' })).rejects.toThrow(/EC P-256/);
});

test('a verified token is remembered only until it expires', async () => {
  const k = await keys();
  const verify = createAccessTokenVerifier({ jwks: k.publicJwks }, config);
  const { token } = await createAccessTokenSigner(k, { ...config, accessTokenTtlSeconds: 2 })(subject);
  const first = await verify(token);
  expect(await verify(token)).toBe(first); // served from the cache: the very same object
  await new Promise((resolve) => setTimeout(resolve, 2100));
  await expect(verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/expired/) });
});
