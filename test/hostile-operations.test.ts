// Hostile operations, through the running gateway and straight at a subgraph port: each is refused before
// validation and planning with HTTP 400, code OPERATION_TOO_COMPLEX (or BAD_USER_INPUT) and the limit it broke, and
// the processes stay responsive. Every request below froze or crashed the gateway, or a subgraph, before the limits.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { postGraphQL, type GraphQLResponse } from '../platform/testing/index.js';
import { DEFAULT_OPERATION_LIMITS as LIMITS } from '../platform/graphql/operation-limits/index.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';

let env: TestSupergraph;

beforeAll(async () => {
  env = await startTestSupergraph();
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

const repeat = (text: string, times: number, separator = ' ') => Array.from({ length: times }, () => text).join(separator);

/** `{ me { id id id … } }` */
const repeatedFields = (times: number) => `{ me { ${repeat('id', times)} } }`;
/** Each fragment spreads the next one twice: 2^levels spreads once expanded, in a document of a few hundred bytes. */
const fragmentBomb = (levels: number) => {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Query { ${i === 0 ? 'me { id }' : `...F${i} ...F${i}`} }`);
  return `query Bomb { ...F${levels} } ${fragments.join(' ')}`;
};
const aliasedTrips = (times: number) => `{ ${Array.from({ length: times }, (_, i) => `a${i}: me { trips(first: 100) { edges { node { id } } } }`).join(' ')} }`;
/** `me { trips(first:100) { … rider { trips(first:100) { … } } } }`, `levels` deep. */
const nestedTrips = (levels: number) => {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `trips(first: 100) { edges { node { id rider { ${inner} } } } }`;
  return `{ me { ${inner} } }`;
};
const deepSelection = (levels: number) => `{ ${repeat('me {', levels)} id ${repeat('}', levels)} }`;

function refusal(result: GraphQLResponse) {
  return { status: result.status, data: result.data, error: result.errors?.[0]?.extensions };
}

describe.each([
  ['the gateway', () => env.gatewayUrl],
  ['the identity subgraph port', () => env.subgraphUrl('identity')],
])('%s refuses before validation', (_where, url) => {
  const refused = (limit: string, maximum: number, actual: number) => ({
    status: 400,
    data: undefined,
    error: { code: 'OPERATION_TOO_COMPLEX', limit, maximum, actual },
  });

  test('16,000 repeated fields (48 KB, anonymous): the token limit', async () => {
    expect(refusal(await postGraphQL(url(), repeatedFields(16_000)))).toEqual(refused('tokens', LIMITS.maxTokens, LIMITS.maxTokens + 1));
  });

  test('1,000 repeated fields: the field limit, fragments expanded', async () => {
    expect(refusal(await postGraphQL(url(), repeatedFields(1000)))).toEqual(refused('fields', LIMITS.maxFields, 1001));
  });

  test('14 nested fragments each spreading the next twice: the field limit (16,384 once expanded)', async () => {
    expect(refusal(await postGraphQL(url(), fragmentBomb(14)))).toEqual(refused('fields', LIMITS.maxFields, 2 ** 14));
  });

  test('a fragment bomb of 40 levels is measured without being expanded', async () => {
    expect(refusal(await postGraphQL(url(), fragmentBomb(40)))).toEqual(refused('fields', LIMITS.maxFields, 2 ** 40));
  });

  test('100 aliases of me.trips: the alias limit', async () => {
    expect(refusal(await postGraphQL(url(), aliasedTrips(100)))).toEqual(refused('aliases', LIMITS.maxAliases, 100));
  });

  test('a selection 1,800 levels deep: the token limit; 900 levels: the depth limit', async () => {
    expect(refusal(await postGraphQL(url(), deepSelection(1800)))).toEqual(refused('tokens', LIMITS.maxTokens, LIMITS.maxTokens + 1));
    expect(refusal(await postGraphQL(url(), deepSelection(900)))).toEqual(refused('depth', LIMITS.maxDepth, 901));
  });

  test('60 directives on one field: the directive limit', async () => {
    expect(refusal(await postGraphQL(url(), `{ me ${repeat('@include(if: true)', 60)} { id } }`))).toEqual(refused('directives', LIMITS.maxDirectives, 60));
  });

  test('a small operation next to a huge one it does not run: the whole document is measured', async () => {
    const result = await postGraphQL(
      url(),
      `query Small { me { id } } query Huge ${repeatedFields(700).slice(1)}`.replace('query Huge  me', 'query Huge { me'),
    );
    expect(refusal(result)).toEqual(refused('fields', LIMITS.maxFields, 701));
  });
});

describe('cost', () => {
  // Cost of the nested trips query: me 1 + the hop from identity to trips 2 + t(levels), where
  // t(k) = 1 + 100 × (edges 1 + node 1 + rider 1 + t(k - 1)) and t(0) = 0 (`id`, a scalar).
  const nestedCost = (levels: number): number => {
    let t = 0;
    for (let k = 1; k <= levels; k++) t = 1 + 100 * (3 + t);
    return 3 + t;
  };

  test('a signed-in rider nesting trips(first: 100) under rider 10 levels deep (533 bytes): the depth limit', async () => {
    const result = await postGraphQL(env.gatewayUrl, nestedTrips(10), undefined, env.personas.RIDER.headers);
    expect(refusal(result)).toEqual({
      status: 400,
      data: undefined,
      error: { code: 'OPERATION_TOO_COMPLEX', limit: 'depth', maximum: LIMITS.maxDepth, actual: 42 },
    });
  });

  test('3 levels (within the depth limit): the cost limit, 3,040,404 points', async () => {
    const result = await postGraphQL(env.gatewayUrl, nestedTrips(3), undefined, env.personas.RIDER.headers);
    expect(nestedCost(3)).toBe(3_040_404);
    expect(refusal(result)).toEqual({
      status: 400,
      data: undefined,
      error: { code: 'OPERATION_TOO_COMPLEX', limit: 'cost', maximum: LIMITS.maxCost, actual: nestedCost(3) },
    });
  });

  test('two levels are refused, one level runs and reports its cost in extensions.cost', async () => {
    const one = await postGraphQL(env.gatewayUrl, nestedTrips(1), undefined, env.personas.RIDER.headers);
    expect(one.status).toBe(200);
    expect(one.errors).toBeUndefined();
    expect((one as unknown as { extensions: unknown }).extensions).toEqual({ cost: { requested: 304, maximum: LIMITS.maxCost } });
    const two = await postGraphQL(env.gatewayUrl, nestedTrips(2), undefined, env.personas.RIDER.headers);
    expect(refusal(two)).toEqual({
      status: 400,
      data: undefined,
      error: { code: 'OPERATION_TOO_COMPLEX', limit: 'cost', maximum: LIMITS.maxCost, actual: 30_404 },
    });
  });

  test('the page size sent in a variable counts, and so does the trips subgraph port on its own schema', async () => {
    const query = 'query Board($first: Int) { trips(first: $first) { edges { node { id rider { name } driver { id } } } } }';
    const small = await postGraphQL(env.gatewayUrl, query, { first: 10 }, env.personas.OPERATIONS.headers);
    expect(small.status).toBe(200);
    // trips 1 + 10 × (edges 1 + node 1 + rider 1 + its name from identity 2 + driver 1); driver { id } needs no hop.
    expect((small as unknown as { extensions: { cost: unknown } }).extensions.cost).toEqual({ requested: 61, maximum: LIMITS.maxCost });
    const huge = await postGraphQL(env.gatewayUrl, query, { first: 1000 }, env.personas.OPERATIONS.headers);
    expect(refusal(huge).error).toEqual({ code: 'OPERATION_TOO_COMPLEX', limit: 'cost', maximum: LIMITS.maxCost, actual: 6001 });
    // Straight at the trips port, costed on its own schema (no hops): 1 + 100 × (3 + 1 + 100 × 2) = 20,401.
    const direct = await postGraphQL(
      env.subgraphUrl('trips'),
      '{ trips(first: 100) { edges { node { id driver { trips(first: 100) { edges { node { id } } } } } } } }',
      undefined,
      env.personas.OPERATIONS.headers,
    );
    expect(refusal(direct)).toEqual({
      status: 400,
      data: undefined,
      error: { code: 'OPERATION_TOO_COMPLEX', limit: 'cost', maximum: LIMITS.maxCost, actual: 20_401 },
    });
  });
});

describe('NUL characters in string input', () => {
  test('in a variable: 400 BAD_USER_INPUT before anything runs, at the gateway and at a subgraph port', async () => {
    const mutation = 'mutation Register($name: String!) { register(name: $name, email: "eve@example.com", password: "correct horse battery") { userId } }';
    for (const url of [env.gatewayUrl, env.subgraphUrl('identity')]) {
      env.statements.length = 0;
      const result = await postGraphQL(url, mutation, { name: 'Eve\u0000' });
      expect(refusal(result)).toEqual({ status: 400, data: undefined, error: { code: 'BAD_USER_INPUT' } });
      expect(result.errors?.[0]?.message).toBe('Strings may not contain the NUL character (U+0000): variable $.name');
      expect(env.statements).toEqual([]);
    }
  });

  test('in a string literal of the document', async () => {
    const result = await postGraphQL(
      env.gatewayUrl,
      '{ trips(first: 1, after: "a\\u0000b") { edges { node { id } } } }',
      undefined,
      env.personas.OPERATIONS.headers,
    );
    expect(refusal(result)).toEqual({ status: 400, data: undefined, error: { code: 'BAD_USER_INPUT' } });
  });
});

describe('graphql-ws subscribe messages are held to the same limits', () => {
  const subscribeOnce = (client: Client, query: string) =>
    new Promise<unknown>((resolve) => {
      client.subscribe({ query }, { next: (value) => resolve({ next: value }), error: (error) => resolve({ error }), complete: () => resolve('complete') });
    });

  test.each([
    ['the gateway', () => env.gatewayUrl],
    ['the fleet subgraph port', () => env.subgraphUrl('fleet')],
  ])('at %s: a fragment bomb subscription gets an error with OPERATION_TOO_COMPLEX', async (_where, url) => {
    const client = createClient({
      url: url().replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: env.personas.OPERATIONS.headers.authorization },
      retryAttempts: 0,
    });
    try {
      const bomb = `subscription Bomb($id: ID!) { driverLocationUpdated(driverId: $id) { ...F14 } } ${Array.from({ length: 14 }, (_, i) => `fragment F${i + 1} on DriverPosition { ${i === 0 ? 'latitude' : `...F${i} ...F${i}`} }`).join(' ')}`;
      const outcome = (await subscribeOnce(client, bomb)) as { error: { extensions: unknown }[] };
      expect(outcome.error[0]?.extensions).toEqual({ code: 'OPERATION_TOO_COMPLEX', limit: 'fields', maximum: LIMITS.maxFields, actual: 2 ** 13 + 1 });
    } finally {
      await client.dispose();
    }
  });
});

test('after all of it the gateway answers a normal query, and /health at once', async () => {
  const health = await fetch(env.gatewayUrl.replace('/graphql', '/health'));
  expect(health.status).toBe(200);
  const me = await postGraphQL(env.gatewayUrl, '{ me { id name } }', undefined, env.personas.RIDER.headers);
  expect(me.errors).toBeUndefined();
  expect(me.data.me.id).toBe(env.personas.RIDER.userId);
});
