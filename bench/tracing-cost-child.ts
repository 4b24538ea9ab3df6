// One measuring process of bench/tracing-cost.ts: tracing exactly as a production process starts it (startTracing
// from the OTEL_* variables the parent sets), the whole supergraph on the parent's migrated, seeded PostgreSQL
// database and Redis, then the benchmark queries. Prints one JSON line of results on stdout.
import { join } from 'node:path';
import { createAccessTokenSigner, createAccessTokenVerifier, generateSigningJwks, loadSigningKeys, readAuthConfig } from '../platform/auth/index.js';
import { buildDemoDataset, DEMO_PHONES } from '../platform/demo/index.js';
import { createEventBus } from '../platform/events/index.js';
import { createLogger } from '../platform/logging/index.js';
import { createLivePubSub } from '../platform/pubsub/index.js';
import { startTracing } from '../platform/tracing/index.js';
import { repoRoot } from '../subgraphs/registry.js';
import { startSupergraph } from '../embedded/src/supergraph.js';
import { runLoad, type LoadResult } from './load.js';
import { TRACING_BENCH_QUERIES } from './tracing-cost-queries.js';

const tracing = startTracing({ serviceName: 'ridegraph-bench' });
const requests = Number(process.env.BENCH_REQUESTS ?? 600);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const redisUrl = process.env.REDIS_URL!;
const prefix = `bench:tracing:${process.pid}:`;
const logger = createLogger({ level: 'silent' });
const pubsub = createLivePubSub({ redisUrl, prefix, logger });
const events = createEventBus({ redisUrl, prefix, logger });
const authConfig = readAuthConfig({});
const signingKeys = await loadSigningKeys({ jwks: JSON.stringify(await generateSigningJwks()) });
const sign = createAccessTokenSigner(signingKeys, authConfig);
const supergraph = await startSupergraph({
  database: { kind: 'postgres', url: process.env.DATABASE_URL! },
  pubsub,
  events,
  redisUrl,
  auth: { config: authConfig, signingKeys, verify: createAccessTokenVerifier({ jwks: signingKeys.publicJwks }, authConfig) },
  logger,
  supergraphPath: join(repoRoot, 'schema/supergraph.graphql'),
  gatewayPort: 0,
  subgraphPorts: 'any',
  host: '127.0.0.1',
});
const demo = buildDemoDataset();
const rider = demo.users.find((u) => u.phone === DEMO_PHONES.rider(1))!;
const tokens = {
  tripsBoard: (await sign({ userId: demo.users[0]!.id, roles: ['OPERATIONS'], sessionId: 'bench' })).token,
  riderProfile: (await sign({ userId: rider.id, roles: ['RIDER'], sessionId: 'bench' })).token,
};
const variables = { tripsBoard: {}, riderProfile: { id: rider.id } };
const results: Record<string, LoadResult> = {};
for (const name of Object.keys(TRACING_BENCH_QUERIES) as (keyof typeof TRACING_BENCH_QUERIES)[]) {
  const body = JSON.stringify({ query: TRACING_BENCH_QUERIES[name], variables: variables[name] });
  const send = async () => {
    const response = await fetch(supergraph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[name]}` },
      body,
    });
    const json = (await response.json()) as { errors?: unknown[] };
    return response.ok && !json.errors;
  };
  if (!(await send())) throw new Error(`${name} fails; fix it before benchmarking`);
  await runLoad(send, { requests: 50, concurrency }); // warm-up: JIT, pools, query plans
  results[name] = await runLoad(send, { requests, concurrency });
}
await supergraph.stop();
await tracing.shutdown(); // exports the last batch
await events.dispose();
await pubsub.dispose();
process.stdout.write(`${JSON.stringify({ tracing: tracing.enabled, results })}\n`);
