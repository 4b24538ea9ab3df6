// Tokens are verified by the gateway before anything is planned, and again by every subgraph: a subgraph port
// reached directly is no way around authentication.
import { createAccessTokenSigner } from '../platform/auth/index.js';
import { createTestAuth, ENTITIES_QUERY, postGraphQL } from '../platform/testing/index.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';

let env: TestSupergraph;

beforeAll(async () => {
  env = await startTestSupergraph();
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

const BOARD = '{ trips(first: 5) { edges { node { id status } } } }';

/** Tokens for the demo rider that must all be refused. */
async function badTokens(): Promise<Record<string, string>> {
  const { config, signingKeys } = env.testAuth.auth;
  const subject = { userId: env.personas.RIDER.userId!, roles: env.personas.RIDER.roles, sessionId: 'test-session' };
  return {
    expired: (await createAccessTokenSigner(signingKeys!, { ...config, accessTokenTtlSeconds: -60 })(subject)).token,
    'correctly signed with a 100-year lifetime': (await createAccessTokenSigner(signingKeys!, { ...config, accessTokenTtlSeconds: 100 * 365 * 86400 })(subject))
      .token,
    'signed by a foreign key': await (await createTestAuth()).tokenFor(subject),
    'for another audience': (await createAccessTokenSigner(signingKeys!, { ...config, audience: 'another-platform' })(subject)).token,
    'tampered with': (await env.testAuth.tokenFor({ ...subject, roles: ['RIDER'] })).replace(
      /\.[^.]+\./,
      `.${Buffer.from(JSON.stringify({ sub: subject.userId, roles: ['SUPER_ADMIN'] })).toString('base64url')}.`,
    ),
  };
}

test('the gateway answers an expired, over-long, foreign-signed, wrong-audience or tampered token with 401 UNAUTHENTICATED, before planning', async () => {
  for (const [kind, token] of Object.entries(await badTokens())) {
    env.statements.length = 0;
    const result = await postGraphQL(env.gatewayUrl, BOARD, undefined, { authorization: `Bearer ${token}` });
    expect({ kind, status: result.status, codes: result.errors?.map((e) => e.extensions?.code), data: result.data }).toEqual({
      kind,
      status: 401,
      codes: ['UNAUTHENTICATED'],
      data: undefined,
    });
    // No subgraph ran a statement for it: the request stopped at the gateway.
    expect(env.statements).toEqual([]);
  }
});

test('the Bearer scheme is case-insensitive at the gateway and at the subgraphs it forwards to', async () => {
  const token = env.personas.OPERATIONS.headers.authorization!.replace(/^Bearer /, '');
  for (const scheme of ['bearer', 'BEARER']) {
    const result = await postGraphQL(env.gatewayUrl, BOARD, undefined, { authorization: `${scheme} ${token}` });
    expect({ scheme, status: result.status, errors: result.errors, trips: result.data?.trips.edges.length }).toEqual({
      scheme,
      status: 200,
      errors: undefined,
      trips: 5,
    });
  }
});

test('a valid token passes the gateway and the subgraphs; its roles decide', async () => {
  const operations = await postGraphQL(env.gatewayUrl, BOARD, undefined, env.personas.OPERATIONS.headers);
  expect(operations.errors).toBeUndefined();
  expect(operations.data.trips.edges).toHaveLength(5);
  const rider = await postGraphQL(env.gatewayUrl, BOARD, undefined, env.personas.RIDER.headers);
  expect(rider.status).toBe(200);
  expect(rider.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});

describe('a subgraph reached directly on its port', () => {
  // Three entries per row: jest would take a missing third as a `done` callback.
  const protectedFields: [string, string, Record<string, unknown>][] = [
    ['trips', BOARD, {}],
    ['fleet', '{ fleets { id name } }', {}],
    ['payments', ENTITIES_QUERY('... on User { wallet { id } }'), { representations: [{ __typename: 'User', id: '00000000-0000-4000-8000-000000000001' }] }],
    [
      'gamification',
      ENTITIES_QUERY('... on User { points { balance } }'),
      { representations: [{ __typename: 'User', id: '00000000-0000-4000-8000-000000000001' }] },
    ],
    [
      'notifications',
      ENTITIES_QUERY('... on User { unreadNotificationCount }'),
      { representations: [{ __typename: 'User', id: '00000000-0000-4000-8000-000000000001' }] },
    ],
  ];

  test.each(protectedFields)('%s: protected fields are UNAUTHENTICATED without a token', async (name, query, variables) => {
    const result = await postGraphQL(env.subgraphUrl(name), query, variables);
    expect(result.status).toBe(200);
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['UNAUTHENTICATED']));
    // Nothing protected is answered: nullable fields come back null, non-null ones take their entity with them.
    expect(JSON.stringify(result.data ?? null)).not.toMatch(/"(id|name|balance|unreadNotificationCount)":(?!null)/);
  });

  test.each(protectedFields)('%s: a forged token is 401 UNAUTHENTICATED', async (name, query, variables) => {
    for (const [kind, token] of Object.entries(await badTokens())) {
      const result = await postGraphQL(env.subgraphUrl(name), query, variables, { authorization: `Bearer ${token}` });
      expect({ kind, status: result.status, codes: result.errors?.map((e) => e.extensions?.code) }).toEqual({ kind, status: 401, codes: ['UNAUTHENTICATED'] });
    }
  });
});
