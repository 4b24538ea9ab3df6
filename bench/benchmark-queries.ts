// The two queries the supergraph benchmarks measure through the gateway (bench/supergraph-queries.ts, and
// bench/tracing-cost-child.ts for tracing off vs on), with who asks them: one definition, so both benchmarks
// measure the same requests.
import type { AccessTokenSigner, Role } from '../platform/auth/index.js';
import { buildDemoDataset, DEMO_PHONES } from '../platform/demo/index.js';
import type { Send } from './load.js';

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
 *
 * Every load worker is its own viewer — the same user signed in on a session of its own, so the same data and the
 * same work per request — because the gateway shares identical in-flight subgraph fetches of one viewer
 * (gateway/src/subgraph-fetch-dedup.ts). With one token for all workers, how many fetches were shared depended on
 * timing: whatever slowed requests a little (metrics, tracing) also shared fewer fetches, so the whole supergraph
 * did more work per request, and the slowdown measured was several times the cost itself (2026-12-07: the embedded
 * board sent 0.63 SQL statements per request with metrics on against 0.51 off). Production traffic has many viewers.
 */
export async function benchmarkSenders(gatewayUrl: string, sign: AccessTokenSigner): Promise<Record<BenchmarkQueryName, Send>> {
  const demo = buildDemoDataset();
  const rider = demo.users.find((u) => u.phone === DEMO_PHONES.rider(1))!;
  const viewers: Record<BenchmarkQueryName, { userId: string; roles: Role[]; variables: Record<string, unknown> }> = {
    tripsBoard: { userId: demo.users[0]!.id, roles: ['OPERATIONS'], variables: {} },
    riderProfile: { userId: rider.id, roles: ['RIDER'], variables: { id: rider.id } },
  };
  const senderOf = (name: BenchmarkQueryName): Send => {
    const { userId, roles, variables } = viewers[name];
    const body = JSON.stringify({ query: BENCHMARK_QUERIES[name].query, variables });
    const tokens = new Map<number, Promise<string>>();
    const tokenOf = (worker: number) => {
      let token = tokens.get(worker);
      if (!token) tokens.set(worker, (token = sign({ userId, roles, sessionId: `bench-${worker}` }).then((signed) => signed.token)));
      return token;
    };
    return async (worker) => {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(worker)}` },
        body,
      });
      const json = (await response.json()) as { errors?: unknown[] };
      return response.ok && !json.errors;
    };
  };
  return { tripsBoard: senderOf('tripsBoard'), riderProfile: senderOf('riderProfile') };
}
