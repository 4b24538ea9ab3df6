// One measuring process of bench/tracing-cost.ts: tracing exactly as a production process starts it (startTracing
// from the OTEL_* variables the parent sets), the whole supergraph on the parent's migrated, seeded PostgreSQL
// database and Redis, then the benchmark queries. Prints one JSON line of results on stdout.
import { join } from 'node:path';
import { createAccessTokenSigner, createAccessTokenVerifier, generateSigningJwks, loadSigningKeys, readAuthConfig } from '../platform/auth/index.js';
import { createEventBus } from '../platform/events/index.js';
import { createLogger } from '../platform/logging/index.js';
import { createLivePubSub } from '../platform/pubsub/index.js';
import { startTracing } from '../platform/tracing/index.js';
import { repoRoot } from '../subgraphs/registry.js';
import { startSupergraph } from '../embedded/src/supergraph.js';
import { runLoad, runLoadWithCpu, waitForQuiet, type LoadResult } from './load.js';
import { BENCHMARK_QUERY_NAMES, benchmarkSenders } from './benchmark-queries.js';
import { TRACING_MODULES, measureCpuShare } from './cpu-share.js';

const tracing = startTracing({ serviceName: 'ridegraph-bench' });
const requests = Number(process.env.BENCH_REQUESTS ?? 600);
/** As bench/supergraph-queries.ts: a first timed round before the JIT settled was charged to its variant. */
const WARM_UP = 1000;
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
const senders = await benchmarkSenders(supergraph.gateway.url, sign);
const results: Record<string, LoadResult> = {};
/** Per query: the tracing code's share of this process's busy CPU, in percent (bench/cpu-share.ts). */
const tracingCpuPercent: Record<string, number> = {};
/**
 * Per query: this process's CPU time (user + system) per timed request, in ms — the whole supergraph, the load
 * client and the span export all run here. Steadier than req/s on a shared machine: another process taking a core
 * lowers throughput but not the CPU each request needs.
 */
const cpuMsPerRequest: Record<string, number> = {};
for (const name of BENCHMARK_QUERY_NAMES) {
  const send = senders[name];
  if (!(await send())) throw new Error(`${name} fails; fix it before benchmarking`);
  await runLoad(send, { requests: WARM_UP, concurrency }); // warm-up: JIT, pools, query plans
  await waitForQuiet(); // the seed's events consumed before the timed run, not during it
  const timed = await runLoadWithCpu(send, { requests, concurrency });
  results[name] = timed.load;
  cpuMsPerRequest[name] = timed.cpuMsPerRequest;
  // Profiled after the timed run, so the profiler's cost does not slow the throughput compared.
  const { share } = await measureCpuShare({ tracing: TRACING_MODULES }, () => runLoad(send, { requests: Math.ceil(requests / 2), concurrency }));
  tracingCpuPercent[name] = share.percent.tracing!;
}
await supergraph.stop();
await tracing.shutdown(); // exports the last batch
await events.dispose();
await pubsub.dispose();
process.stdout.write(`${JSON.stringify({ tracing: tracing.enabled, results, tracingCpuPercent, cpuMsPerRequest })}\n`);
