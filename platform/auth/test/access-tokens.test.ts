// Access tokens: what a verifier accepts and what it refuses, key rotation, and the development key file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../config/index.js';
import {
  createAccessTokenSigner,
  createAccessTokenVerifier,
  generateSigningJwks,
  loadSigningKeys,
  viewerFromAuthorization,
} from '../index.js';

const config = { issuer: 'ridegraph-identity', audience: 'ridegraph', accessTokenTtlSeconds: 900 };
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
