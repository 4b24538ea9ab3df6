// identity's user reads: me, user(id), _entities (what the gateway sends) with batching, who sees phone/email,
// anonymous requests, and the HTTP surface (JWKS route, 401 for a bad token).
import { createAccessTokenVerifier, GATEWAY_HOP_HEADER } from '../../../platform/auth/index.js';
import { serveSubgraph, type RunningSubgraph } from '../../../platform/graphql/index.js';
import { createLogger } from '../../../platform/logging/index.js';
import { ENTITIES_QUERY, postGraphQL } from '../../../platform/testing/index.js';
import { errorCodes, newEmail, startHarness, type Harness } from './harness.js';

let h: Harness;
let http: RunningSubgraph;
const statements: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  http = await serveSubgraph(h.subgraph, { port: 0, logger: createLogger({ level: 'silent' }) });
});

afterAll(async () => {
  // Stopping the HTTP server closes the subgraph; the harness then closes it again, harmlessly.
  await http?.stop();
  await h?.stop();
});

const PRIVATE = 'id name roles active createdAt phone email managedFleetIds';

test("me returns the viewer's own user with their phone and email", async () => {
  const user = await h.createUser({ roles: ['RIDER'], name: 'Me Myself', email: newEmail('me') });
  const result = await h.execute(`{ me { ${PRIVATE} } }`, {}, { token: await h.tokenFor(user) });
  expect(result.errors).toBeUndefined();
  expect(result.data?.me).toEqual({
    id: user.id,
    name: 'Me Myself',
    roles: ['RIDER'],
    active: true,
    createdAt: user.createdAt.toISOString(),
    phone: user.phone,
    email: user.email,
    managedFleetIds: [],
  });
});

test('me and user(id) need a signed-in viewer', async () => {
  const user = await h.createUser({ roles: ['RIDER'] });
  expect(errorCodes(await h.execute('{ me { id } }'))).toEqual(['UNAUTHENTICATED']);
  const anonymous = await h.execute('query ($id: ID!) { user(id: $id) { id name } }', { id: user.id });
  expect(errorCodes(anonymous)).toContain('UNAUTHENTICATED');
  expect(anonymous.data?.user ?? null).toBeNull();
});

test("another user's phone, email and managed fleets are FORBIDDEN (null with an error at the path); the rest is visible", async () => {
  const owner = await h.createUser({ roles: ['DRIVER'], name: 'Other Driver', email: newEmail('other') });
  const rider = await h.createUser({ roles: ['RIDER'] });
  const result = await h.execute(`query ($id: ID!) { user(id: $id) { ${PRIVATE} } }`, { id: owner.id }, { token: await h.tokenFor(rider) });
  expect(result.data?.user).toEqual({
    id: owner.id,
    name: 'Other Driver',
    roles: ['DRIVER'],
    active: true,
    createdAt: owner.createdAt.toISOString(),
    phone: null,
    email: null,
    managedFleetIds: null,
  });
  expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
    ['user.email', 'FORBIDDEN'],
    ['user.managedFleetIds', 'FORBIDDEN'],
    ['user.phone', 'FORBIDDEN'],
  ]);
  // A FLEET_MANAGER is staff, but not for identity's contact details.
  const manager = await h.createUser({ roles: ['FLEET_MANAGER'], fleetIds: ['7d1c2a4e-58c1-4a4f-9a53-0e5c0f1b2a3c'] });
  const asManager = await h.execute('query ($id: ID!) { user(id: $id) { phone } }', { id: owner.id }, { token: await h.tokenFor(manager) });
  expect(errorCodes(asManager)).toEqual(['FORBIDDEN']);
});

test.each([['SUPER_ADMIN'], ['OPERATIONS']] as const)("%s sees anyone's phone, email and managed fleets", async (role) => {
  const fleetId = '0b7f3c55-2f0a-4c1e-8d9e-3f4a5b6c7d8e';
  const manager = await h.createUser({ roles: ['FLEET_MANAGER'], email: newEmail('fm'), fleetIds: [fleetId] });
  const staff = await h.createUser({ roles: [role] });
  const result = await h.execute(`query ($id: ID!) { user(id: $id) { phone email managedFleetIds } }`, { id: manager.id }, { token: await h.tokenFor(staff) });
  expect(result.errors).toBeUndefined();
  expect(result.data?.user).toEqual({ phone: manager.phone, email: manager.email, managedFleetIds: [fleetId] });
});

test('user(id) returns null for an unknown or malformed id', async () => {
  const viewer = await h.createUser({ roles: ['RIDER'] });
  const token = await h.tokenFor(viewer);
  expect((await h.execute('{ user(id: "00000000-0000-4000-8000-000000000000") { id } }', {}, { token })).data?.user).toBeNull();
  expect((await h.execute('{ user(id: "nope") { id } }', {}, { token })).data?.user).toBeNull();
});

test('_entities resolves User references in order, null for unknown ids, in one SQL statement', async () => {
  const created = await Promise.all(Array.from({ length: 5 }, (_, i) => h.createUser({ roles: ['RIDER'], name: `Rider ${i}` })));
  const viewer = await h.createUser({ roles: ['RIDER'] });
  const unknown = '00000000-0000-4000-8000-000000000001';
  const representations = [...created.map((u) => ({ __typename: 'User', id: u.id })).reverse(), { __typename: 'User', id: unknown }];
  const observed = await h.startAnother({ onStatement: (sql) => statements.push(sql) });
  const token = await h.tokenFor(viewer);
  statements.length = 0;
  const result = await observed.execute(ENTITIES_QUERY('... on User { id name }'), { representations }, { token });
  expect(result.errors).toBeUndefined();
  expect(result.data?._entities).toEqual([...created.map((u) => ({ id: u.id, name: u.name })).reverse(), null]);
  expect(statements.filter((sql) => /select/i.test(sql))).toHaveLength(1);
});

test('_entities needs a signed-in viewer for User fields', async () => {
  const user = await h.createUser({ roles: ['RIDER'] });
  const anonymous = await h.execute(ENTITIES_QUERY('... on User { id name }'), { representations: [{ __typename: 'User', id: user.id }] });
  expect(errorCodes(anonymous)).toContain('UNAUTHENTICATED');
  expect(JSON.stringify(anonymous.data ?? null)).not.toContain(user.name);
});

test("GET /.well-known/jwks.json serves the public signing keys, which verify identity's tokens", async () => {
  const response = await fetch(new URL('/.well-known/jwks.json', http.url));
  expect(response.status).toBe(200);
  const jwks = (await response.json()) as { keys: Record<string, unknown>[] };
  expect(jwks).toEqual(h.testAuth.auth.signingKeys!.publicJwks);
  expect(jwks.keys.length).toBeGreaterThan(0);
  for (const key of jwks.keys) {
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) });
    expect(key).not.toHaveProperty('d');
  }
  const signedIn = await h.signInWithPhone('+14449990001');
  const verify = createAccessTokenVerifier({ jwks: jwks }, h.testAuth.auth.config);
  expect(await verify(signedIn.accessToken!)).toMatchObject({ userId: signedIn.userId, sessionId: signedIn.sessionId });
});

test('over HTTP: a bad token is a 401 UNAUTHENTICATED for the whole request; a good one works', async () => {
  const bad = await postGraphQL(http.url, '{ me { id } }', undefined, { authorization: 'Bearer not.a.token' });
  expect(bad.status).toBe(401);
  expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

  const user = await h.createUser({ roles: ['RIDER'] });
  const good = await postGraphQL(http.url, '{ me { id } }', undefined, await h.testAuth.headersFor({ userId: user.id, roles: ['RIDER'] }));
  expect(good.status).toBe(200);
  expect(good.data).toEqual({ me: { id: user.id } });
});

test('over HTTP: sign-in works anonymously; X-Forwarded-For names the client only on a hop proven to be the gateway', async () => {
  const signIn = async (phone: string, headers: Record<string, string>) => {
    await postGraphQL(http.url, 'mutation ($phone: String!) { requestOtp(phone: $phone) { sent } }', { phone }, headers);
    const verified = await postGraphQL(
      http.url,
      'mutation ($phone: String!, $code: String!) { verifyOtp(phone: $phone, code: $code) { sessionId userErrors { code } } }',
      { phone, code: h.log.lastCode(phone) },
      headers,
    );
    expect(verified.data?.verifyOtp.userErrors).toEqual([]);
    return (await h.prisma.session.findUniqueOrThrow({ where: { id: verified.data!.verifyOtp.sessionId } })).ip;
  };
  const forwarded = { 'x-forwarded-for': '203.0.113.200, 192.0.2.44' };
  const gatewaySecret = h.testAuth.auth.config.gatewaySecret as string;
  // TRUST_PROXY_HOPS=1: the entry the gateway appended (the rightmost) is the client.
  expect(await signIn('+14449990002', { ...forwarded, [GATEWAY_HOP_HEADER]: gatewaySecret })).toBe('192.0.2.44');
  // Anyone else reaching the port directly (no secret, a wrong one) is the client themselves: the socket peer.
  expect(await signIn('+14449990003', forwarded)).toBe('127.0.0.1');
  expect(await signIn('+14449990004', { ...forwarded, [GATEWAY_HOP_HEADER]: `wrong-${gatewaySecret}` })).toBe('127.0.0.1');
});
