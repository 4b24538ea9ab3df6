// One measuring process of bench/tracing-cost.ts: tracing started as a production process starts it (startTracing,
// the OTLP exporter from the OTEL_* variables the parent sets), the whole supergraph on the parent's migrated,
// seeded PostgreSQL database and Redis, then the benchmark queries with tracing sampled at 100 % and sampled out,
// alternating in short blocks (bench/load.ts runAlternatingBlocks). Prints one JSON line of results on stdout.
//
// Why one process switching its sampler rather than an off process and an on process: on this shared machine two
// processes running the same code differed by ±15 % in CPU per request even side by side at the same moments, more
// than the effect measured. "Off" here is the SDK registered with every trace sampled out, which costs a little
// more than no SDK at all (production's default); the parent measures that difference per span and reports it.
import { join } from 'node:path';
import { context, trace, type Context, type Link, type SpanAttributes, type SpanKind } from '@opentelemetry/api';
import { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, SamplingDecision, type Sampler, type SamplingResult } from '@opentelemetry/sdk-trace-base';
import { createAccessTokenSigner, createAccessTokenVerifier, generateSigningJwks, loadSigningKeys, readAuthConfig } from '../platform/auth/index.js';
import { createEventBus } from '../platform/events/index.js';
import { createLogger } from '../platform/logging/index.js';
import { createLivePubSub } from '../platform/pubsub/index.js';
import { startTracing, tracer } from '../platform/tracing/index.js';
import { repoRoot } from '../subgraphs/registry.js';
import { startSupergraph } from '../embedded/src/supergraph.js';
import { nanosecondsPerCall, runAlternatingBlocks, runLoad, waitForQuiet, type AlternatingResult } from './load.js';
import { BENCHMARK_QUERY_NAMES, benchmarkSenders } from './benchmark-queries.js';
import { TRACING_MODULES, measureCpuShare } from './cpu-share.js';

/** The variants' labels in the results (the parent names them in its report). */
const TRACING_OFF = 'off';
const TRACING_ON = 'on';

/** Production's default sampler (parent-based, always on) or, switched off, every trace sampled out; counts spans. */
class SwitchableSampler implements Sampler {
  on = true;
  sampledSpans = 0;
  readonly #on = new ParentBasedSampler({ root: new AlwaysOnSampler() });
  readonly #off = new AlwaysOffSampler();
  shouldSample(parent: Context, traceId: string, name: string, kind: SpanKind, attributes: SpanAttributes, links: Link[]): SamplingResult {
    const result = (this.on ? this.#on : this.#off).shouldSample(parent, traceId, name, kind, attributes, links);
    if (result.decision === SamplingDecision.RECORD_AND_SAMPLED) this.sampledSpans++;
    return result;
  }
  toString(): string {
    return 'SwitchableSampler';
  }
}

const sampler = new SwitchableSampler();
const tracing = startTracing({ serviceName: 'ridegraph-bench', sampler });
const blocks = Number(process.env.BENCH_BLOCKS ?? 60);
const BLOCK_REQUESTS = 40;
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
const results: Record<string, Record<string, AlternatingResult>> = {};
/** Per query: spans recorded per request with tracing on. */
const spansPerRequest: Record<string, number> = {};
/** Per query: the tracing code's share of this process's busy CPU with tracing on, in percent (bench/cpu-share.ts). */
const tracingCpuPercent: Record<string, number> = {};
for (const name of BENCHMARK_QUERY_NAMES) {
  const send = senders[name];
  if (!(await send(0))) throw new Error(`${name} fails; fix it before benchmarking`);
  await runLoad(send, { requests: WARM_UP, concurrency }); // warm-up: JIT, pools, query plans; tracing on
  await waitForQuiet(); // the seed's events consumed before the timed blocks, not during them
  const spansBefore = sampler.sampledSpans;
  results[name] = await runAlternatingBlocks(
    send,
    [
      { label: TRACING_OFF, apply: () => (sampler.on = false) },
      { label: TRACING_ON, apply: () => (sampler.on = true) },
    ],
    { blocks, blockRequests: BLOCK_REQUESTS, concurrency },
  );
  spansPerRequest[name] = Math.round(((sampler.sampledSpans - spansBefore) / results[name][TRACING_ON]!.load.requests) * 100) / 100;
  // Profiled after the timed blocks, tracing on, so the profiler's cost does not slow one variant only.
  sampler.on = true;
  const { share } = await measureCpuShare({ tracing: TRACING_MODULES }, () => runLoad(send, { requests: 300, concurrency }));
  tracingCpuPercent[name] = share.percent.tracing!;
}
await supergraph.stop();
sampler.on = false;
const sampledOutSpanNs = nanosecondsPerCall(() => {
  const span = tracer.startSpan('x');
  context.with(trace.setSpan(context.active(), span), () => span.end());
});
await tracing.shutdown(); // exports the last batch
await events.dispose();
await pubsub.dispose();
process.stdout.write(
  `${JSON.stringify({ tracing: tracing.enabled, blocks, blockRequests: BLOCK_REQUESTS, results, spansPerRequest, tracingCpuPercent, sampledOutSpanNs })}\n`,
);
