// The two queries the supergraph benchmarks measure through the gateway (bench/supergraph-queries.ts, and
// bench/tracing-cost-child.ts for tracing off vs on), with who asks them: one definition, so both benchmarks
// measure the same requests.
import type { AccessTokenSigner } from '../platform/auth/index.js';
import { buildDemoDataset, DEMO_PHONES } from '../platform/demo/index.js';

export const BENCHMARK_QUERIES = {
  tripsBoard: {
    description: 'trips(first: 20) with rider (identity), driver + vehicle (fleet), fare (trips)',
    query: `{ trips(first: 20) { edges { node { id status fare { amountMinor currency } rider { name } driver { name vehicle { plate } } } } } }`,
  },
  riderProfile: {
    description: 'one user joined across six subgraphs (profile, trips, wallet, points, notifications)',
    query: `query ($id: ID!) { user(id: $id) { name trips(first: 5) { edges { node { id status } } } wallet { balance { amountMinor } } points { balance level } notifications(first: 5) { edges { node { title } } } unreadNotificationCount } }`,
  },
} as const;

export type BenchmarkQueryName = keyof typeof BENCHMARK_QUERIES;
export const BENCHMARK_QUERY_NAMES = Object.keys(BENCHMARK_QUERIES) as BenchmarkQueryName[];

/**
 * A request sender per query against the seeded demo city: the trips board as an OPERATIONS user, the profile as
 * demo rider 1 asking about themself. Each sender resolves whether the gateway answered 200 without errors.
 */
export async function benchmarkSenders(gatewayUrl: string, sign: AccessTokenSigner): Promise<Record<BenchmarkQueryName, () => Promise<boolean>>> {
  const demo = buildDemoDataset();
  const rider = demo.users.find((u) => u.phone === DEMO_PHONES.rider(1))!;
  const requests: Record<BenchmarkQueryName, { token: string; variables: Record<string, unknown> }> = {
    tripsBoard: { token: (await sign({ userId: demo.users[0]!.id, roles: ['OPERATIONS'], sessionId: 'bench' })).token, variables: {} },
    riderProfile: { token: (await sign({ userId: rider.id, roles: ['RIDER'], sessionId: 'bench' })).token, variables: { id: rider.id } },
  };
  const senderOf = (name: BenchmarkQueryName) => {
    const { token, variables } = requests[name];
    const body = JSON.stringify({ query: BENCHMARK_QUERIES[name].query, variables });
    return async () => {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      const json = (await response.json()) as { errors?: unknown[] };
      return response.ok && !json.errors;
    };
  };
  return { tripsBoard: senderOf('tripsBoard'), riderProfile: senderOf('riderProfile') };
}
