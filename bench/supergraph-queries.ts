// `npm run bench`: query throughput and latency through the gateway, on the embedded defaults (PGlite, in-process
// pub/sub) and on PostgreSQL + Redis, side by side in one run (this machine is shared and noisy: compare ratios,
// not absolute numbers across runs). Each query runs with metrics on and off, alternating on the same running
// supergraph, so the cost of metrics is a ratio within one run; then a profiled run attributes the process's CPU
// to the metrics code (bench/cpu-share.ts), which the machine's noise moves much less. Writes
// bench/results/supergraph-queries.{json,md}.
//
// Needs PostgreSQL (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/test; a fresh database is created
// and dropped) and Redis (REDIS_URL, default redis://127.0.0.1:6379). BENCH_REQUESTS / BENCH_CONCURRENCY tune it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAccessTokenSigner, createAccessTokenVerifier, generateSigningJwks, loadSigningKeys, readAuthConfig } from '../platform/auth/index.js';
import { migrateSubgraphs, openEmbeddedPostgres, type DatabaseTarget } from '../platform/db/index.js';
import { createLogger } from '../platform/logging/index.js';
import { setMetricsEnabled } from '../platform/metrics/index.js';
import { createLivePubSub, type LivePubSub } from '../platform/pubsub/index.js';
import { repoRoot } from '../subgraphs/registry.js';
import { seedDemoCity } from '../embedded/src/seed-demo-city.js';
import { startSupergraph } from '../embedded/src/supergraph.js';
import { adminQuery } from './admin-database.js';
import { BENCHMARK_QUERIES, BENCHMARK_QUERY_NAMES, benchmarkSenders } from './benchmark-queries.js';
import { METRICS_MODULES, measureCpuShare } from './cpu-share.js';
import { runAlternatingBlocks, runLoad, waitForQuiet, type LoadResult } from './load.js';
import { describeRun, loadSnapshot, runInfo } from './run-info.js';
import { measureTracingCost } from './tracing-cost.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
/** Per query and backend: blocks of BLOCK_REQUESTS per setting, metrics on and off alternating block by block. */
const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 60);
const BLOCK_REQUESTS = 40;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The metrics switch, both ways, labelled as the results name them. */
const METRICS = [
  { label: 'metrics on', enabled: true },
  { label: 'metrics off', enabled: false },
] as const;

interface Backend {
  label: string;
  open(): Promise<{ database: DatabaseTarget; pubsub: LivePubSub; redisUrl?: string; close(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    label: 'embedded (PGlite, in-process pub/sub)',
    async open() {
      const pglite = await openEmbeddedPostgres();
      const pubsub = createLivePubSub({ prefix: 'bench:' });
      return {
        database: { kind: 'pglite', pglite },
        pubsub,
        close: async () => {
          await pubsub.dispose();
          await pglite.close();
        },
      };
    },
  },
  {
    label: 'PostgreSQL + Redis',
    async open() {
      const name = `ridegraph_bench_${randomBytes(4).toString('hex')}`;
      await admin(`CREATE DATABASE "${name}"`);
      const url = new URL(SERVER_URL);
      url.pathname = `/${name}`;
      const pubsub = createLivePubSub({ redisUrl: REDIS_URL, prefix: `bench:${name}:` });
      return {
        database: { kind: 'postgres', url: url.toString() },
        pubsub,
        redisUrl: REDIS_URL,
        close: async () => {
          await pubsub.dispose();
          await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        },
      };
    },
  },
];

const admin = (sql: string) => adminQuery(SERVER_URL, sql);
const WARM_UP = 1000;

interface Measured extends LoadResult {
  sqlStatementsPerRequest: number;
  /** CPU ms per request over the first and the second half of the blocks. */
  cpuMsPerRequestByHalf: [number, number];
  /**
   * This process's CPU time (user + system) per request, ms: the whole supergraph and the load client (with PGlite
   * in embedded mode; not the PostgreSQL server). Another process taking a core lowers req/s, not this.
   */
  cpuMsPerRequest: number;
}

interface BackendResults {
  /** Per query, per metrics setting. */
  results: Record<string, Record<string, Measured>>;
  /** Per query: metrics code's share of the process's busy CPU, in percent, with metrics on (bench/cpu-share.ts). */
  metricsCpuPercent: Record<string, number>;
}

async function measureBackend(backend: Backend): Promise<BackendResults> {
  const opened = await backend.open();
  const authConfig = readAuthConfig({});
  const signingKeys = await loadSigningKeys({ jwks: JSON.stringify(await generateSigningJwks()) });
  const sign = createAccessTokenSigner(signingKeys, authConfig);
  const statements = { 'metrics on': 0, 'metrics off': 0 };
  let counting: keyof typeof statements = 'metrics on';
  try {
    await migrateSubgraphs(opened.database);
    await seedDemoCity(opened.database);
    const supergraph = await startSupergraph({
      database: opened.database,
      pubsub: opened.pubsub,
      redisUrl: opened.redisUrl,
      auth: { config: authConfig, signingKeys, verify: createAccessTokenVerifier({ jwks: signingKeys.publicJwks }, authConfig) },
      logger: createLogger({ level: 'silent' }),
      supergraphPath: join(repoRoot, 'schema/supergraph.graphql'),
      gatewayPort: 0,
      subgraphPorts: 'any',
      host: '127.0.0.1',
      onStatement: () => statements[counting]++,
    });
    try {
      const senders = await benchmarkSenders(supergraph.gateway.url, sign);
      const results: Record<string, Record<string, Measured>> = {};
      const metricsCpuPercent: Record<string, number> = {};
      for (const name of BENCHMARK_QUERY_NAMES) {
        const send = senders[name];
        if (!(await send(0))) throw new Error(`${name} fails on ${backend.label}; fix it before benchmarking`);
        // Warm-up: JIT, pools, query plans. With 50 warm-up requests the runs of 2026-12-07 charged metrics 4–15 % of
        // the CPU per request (the first round, metrics on, ran before the JIT had settled); with 300, −4 to 8 %.
        await runLoad(send, { requests: WARM_UP, concurrency: CONCURRENCY });
        await waitForQuiet(); // the seed's events consumed before the first round, not during it
        // The two settings alternate in blocks of BLOCK_REQUESTS (bench/load.ts runAlternatingBlocks), statements
        // counted per setting.
        const byLabel = await runAlternatingBlocks(
          send,
          [
            { label: 'metrics on', apply: () => (setMetricsEnabled(true), (counting = 'metrics on')) },
            { label: 'metrics off', apply: () => (setMetricsEnabled(false), (counting = 'metrics off')) },
          ],
          { blocks: BLOCKS, blockRequests: BLOCK_REQUESTS, concurrency: CONCURRENCY },
        );
        results[name] = Object.fromEntries(
          METRICS.map(({ label }) => {
            const { load, cpuMsPerRequest, cpuMsPerRequestByHalf } = byLabel[label]!;
            const sqlStatementsPerRequest = Math.round((statements[label] / load.requests) * 100) / 100;
            statements[label] = 0;
            return [label, { ...load, sqlStatementsPerRequest, cpuMsPerRequest, cpuMsPerRequestByHalf }];
          }),
        );
        setMetricsEnabled(true);
        // Profiled apart from the timed rounds (the profiler's own cost would otherwise slow one setting only).
        const { share } = await measureCpuShare({ metrics: METRICS_MODULES }, () =>
          runLoad(send, { requests: Math.ceil(REQUESTS / 2), concurrency: CONCURRENCY }),
        );
        metricsCpuPercent[name] = share.percent.metrics!;
        for (const metrics of METRICS) {
          const m = results[name][metrics.label]!;
          process.stderr.write(
            `${backend.label} · ${name} · ${metrics.label}: ${m.requestsPerSecond} req/s, p99 ${m.latencyMs.p99} ms, ${m.cpuMsPerRequest} CPU ms/request\n`,
          );
        }
        process.stderr.write(`${backend.label} · ${name} · metrics code: ${metricsCpuPercent[name]} % of the process's CPU\n`);
      }
      return { results, metricsCpuPercent };
    } finally {
      await supergraph.stop();
    }
  } finally {
    await opened.close();
  }
}

const loadAtStart = loadSnapshot();
const measured: Record<string, Record<string, Record<string, Measured>>> = {};
const metricsCpuPercent: Record<string, Record<string, number>> = {};
for (const backend of backends) {
  const done = await measureBackend(backend);
  measured[backend.label] = done.results;
  metricsCpuPercent[backend.label] = done.metricsCpuPercent;
}

const [embedded, postgres] = backends.map((b) => measured[b.label]!);
const report = {
  ...runInfo(),
  loadAverage: { atStart: loadAtStart, atEnd: loadSnapshot() },
  settings: { blocks: BLOCKS, blockRequests: BLOCK_REQUESTS, profiledRequests: Math.ceil(REQUESTS / 2), concurrency: CONCURRENCY },
  queries: Object.fromEntries(BENCHMARK_QUERY_NAMES.map((name) => [name, BENCHMARK_QUERIES[name].description])),
  results: measured,
  metricsCpuPercent,
  ratios: Object.fromEntries(
    BENCHMARK_QUERY_NAMES.map((name) => [
      name,
      {
        postgresToEmbeddedThroughput: round2(postgres![name]!['metrics on']!.requestsPerSecond / embedded![name]!['metrics on']!.requestsPerSecond),
        // Throughput lost to metrics, per backend: 1 − on/off (goal: under 5 %).
        metricsCost: Object.fromEntries(
          backends.map((b) => {
            const q = measured[b.label]![name]!;
            return [b.label, round2(1 - q['metrics on']!.requestsPerSecond / q['metrics off']!.requestsPerSecond)];
          }),
        ),
        // The same from CPU per request: 1 − off/on, what a CPU-bound process loses (goal: under 5 %).
        metricsCpuCost: Object.fromEntries(
          backends.map((b) => {
            const q = measured[b.label]![name]!;
            return [b.label, round2(1 - q['metrics off']!.cpuMsPerRequest / q['metrics on']!.cpuMsPerRequest)];
          }),
        ),
        // The same from each half of the blocks alone: when they disagree by more than the goal, the run could not tell.
        metricsCpuCostByHalf: Object.fromEntries(
          backends.map((b) => {
            const q = measured[b.label]![name]!;
            const [on, off] = [q['metrics on']!.cpuMsPerRequestByHalf, q['metrics off']!.cpuMsPerRequestByHalf];
            return [b.label, [round2(1 - off[0] / on[0]), round2(1 - off[1] / on[1])]];
          }),
        ),
      },
    ]),
  ),
};

const dir = join(repoRoot, 'bench/results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'supergraph-queries.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(dir, 'supergraph-queries.md'), markdown(report));
process.stdout.write(markdown(report));

// Tracing off vs on at 100 % sampling, in processes of its own: bench/results/tracing-cost.{json,md}.
await measureTracingCost({ concurrency: CONCURRENCY, serverUrl: SERVER_URL, redisUrl: REDIS_URL });

/** `a: x 1, y 2; b: …` — a record of records on one line, each number followed by `unit`. */
function nested(outer: Record<string, Record<string, number>>, unit = ''): string {
  return Object.entries(outer)
    .map(
      ([key, inner]) =>
        `${key}: ${Object.entries(inner)
          .map(([name, value]) => `${name} ${value}${unit}`)
          .join(', ')}`,
    )
    .join('; ');
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function markdown(r: typeof report): string {
  const lines = [
    `# Supergraph query benchmark`,
    ``,
    `${describeRun(r, r.loadAverage)} · per query and backend, after ${WARM_UP} warm-up requests and a wait until the process is idle: metrics on and off alternating in ${r.settings.blocks} blocks of ${r.settings.blockRequests} requests each (A B, B A, …; each block drained before the next), at concurrency ${r.settings.concurrency}; every request is its own viewer's (one session per load worker), so the gateway shares no fetch between them.`,
    ``,
    `| backend | query | variant | req/s | p50 ms | p95 ms | p99 ms | SQL statements / request | CPU ms / request | errors |`,
    `| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`,
  ];
  for (const [label, queries] of Object.entries(r.results)) {
    for (const [name, variants] of Object.entries(queries)) {
      for (const [variant, m] of Object.entries(variants)) {
        lines.push(
          `| ${label} | ${name} | ${variant} | ${m.requestsPerSecond} | ${m.latencyMs.p50} | ${m.latencyMs.p95} | ${m.latencyMs.p99} | ${m.sqlStatementsPerRequest} | ${m.cpuMsPerRequest} | ${m.errors} |`,
        );
      }
    }
  }
  lines.push('', 'Queries:', ...Object.entries(r.queries).map(([k, v]) => `- ${k}: ${v}`), '');
  lines.push(
    'Throughput ratio PostgreSQL+Redis / embedded: ' +
      Object.entries(r.ratios)
        .map(([k, v]) => `${k} ${v.postgresToEmbeddedThroughput}`)
        .join(', '),
    '',
    'Throughput lost to metrics (1 − on/off; goal < 0.05): ' + nested(Object.fromEntries(Object.entries(r.ratios).map(([k, v]) => [k, v.metricsCost]))),
    '',
    "Lost to metrics from this process's CPU per request (1 − off/on; goal < 0.05; the supergraph and the load client, with PGlite in embedded mode, not the PostgreSQL server; another process taking a core does not move it): " +
      nested(Object.fromEntries(Object.entries(r.ratios).map(([k, v]) => [k, v.metricsCpuCost]))),
    '',
    'The same from the first and from the second half of the blocks alone (how far the run drifted; halves further apart than the goal mean this run cannot tell): ' +
      Object.entries(r.ratios)
        .map(
          ([query, v]) =>
            `${query}: ${Object.entries(v.metricsCpuCostByHalf)
              .map(([backend, [first, second]]) => `${backend} ${first} / ${second}`)
              .join(', ')}`,
        )
        .join('; '),
    '',
    "Metrics code's share of the process's busy CPU with metrics on (V8 sampling profile of a separate run of half the requests; samples in prom-client or platform/metrics; a floor: garbage collection of what they allocate is not counted; in PostgreSQL + Redis mode the database server's CPU is outside the process; goal < 5 %): " +
      nested(r.metricsCpuPercent, ' %'),
    '',
  );
  return lines.join('\n');
}
