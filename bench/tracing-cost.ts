// The cost of tracing: gateway query throughput and CPU per request with tracing sampled at 100 %, exporting
// OTLP/HTTP to a local sink that discards, against the same process with every trace sampled out — alternating in
// short blocks inside one process (bench/tracing-cost-child.ts says why), on PostgreSQL + Redis. Also the off path in
// isolation: what the instrumentation costs per call with no SDK at all (production's default), and what a sampled-out
// span costs more than that, so the report can say how far "sampled out" is from "no SDK". Writes
// bench/results/tracing-cost.{json,md}. `npm run bench` runs it after the query benchmark; `npm run bench:tracing`
// alone. BENCH_BLOCKS (60 per variant and query) / BENCH_CONCURRENCY / BENCH_TRACING_ROUNDS (processes, 2) tune it.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { context, trace } from '@opentelemetry/api';
import { migrateSubgraphs } from '../platform/db/index.js';
import { injectTraceHeaders, tracer } from '../platform/tracing/index.js';
import { repoRoot } from '../subgraphs/registry.js';
import { seedDemoCity } from '../embedded/src/seed-demo-city.js';
import { adminQuery } from './admin-database.js';
import { nanosecondsPerCall, type AlternatingResult } from './load.js';
import { BENCHMARK_QUERY_NAMES } from './benchmark-queries.js';
import { describeRun, loadSnapshot, runInfo, type RunInfo } from './run-info.js';

export interface TracingCostOptions {
  concurrency: number;
  /** Measuring processes, one after the other, each comparing both variants. Default 2. */
  rounds?: number;
  serverUrl: string;
  redisUrl: string;
}

type Variant = 'off' | 'on';

interface ChildResult {
  tracing: boolean;
  /** Blocks per variant and query, and requests per block. */
  blocks: number;
  blockRequests: number;
  results: Record<string, Record<Variant, AlternatingResult>>;
  spansPerRequest: Record<string, number>;
  tracingCpuPercent: Record<string, number>;
  sampledOutSpanNs: number;
}

interface QuerySummary {
  offRequestsPerSecond: number;
  onRequestsPerSecond: number;
  throughputLossPercent: number;
  offCpuMsPerRequest: number;
  onCpuMsPerRequest: number;
  /** 1 − off/on CPU per request: the throughput a CPU-bound process loses. */
  cpuCostPercent: number;
  /** The same from each process's first and second half of the blocks: the run's own spread. */
  cpuCostPercentByProcessAndHalf: number[];
  offP99Ms: number;
  onP99Ms: number;
  errors: number;
  spansPerRequest: number;
  onTracingCpuPercent: number;
  /** What the spans would cost more sampled out than with no SDK (production's default), as % of the off CPU. */
  sampledOutOverNoSdkPercent: number;
  goal: 'met' | 'missed';
}

export async function measureTracingCost(options: TracingCostOptions): Promise<void> {
  const rounds = options.rounds ?? 2;
  const loadAtStart = loadSnapshot();
  const name = `ridegraph_bench_tracing_${randomBytes(4).toString('hex')}`;
  const admin = (sql: string) => adminQuery(options.serverUrl, sql);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(options.serverUrl);
  url.pathname = `/${name}`;
  const sink = await startDiscardingSink();
  const children: ChildResult[] = [];
  try {
    await migrateSubgraphs({ kind: 'postgres', url: url.toString() });
    await seedDemoCity({ kind: 'postgres', url: url.toString() });
    for (let round = 0; round < rounds; round++) {
      const child = await runChild({
        DATABASE_URL: url.toString(),
        REDIS_URL: options.redisUrl,
        BENCH_CONCURRENCY: String(options.concurrency),
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
      });
      if (!child.tracing) throw new Error('the measuring process did not register the tracing SDK');
      children.push(child);
      for (const [query, byVariant] of Object.entries(child.results)) {
        for (const [variant, r] of Object.entries(byVariant)) {
          process.stderr.write(
            `tracing ${variant} · process ${round + 1} · ${query}: ${r.load.requestsPerSecond} req/s, p99 ${r.load.latencyMs.p99} ms, ${r.cpuMsPerRequest} CPU ms/request (halves ${r.cpuMsPerRequestByHalf.join(' / ')})\n`,
          );
        }
      }
    }
  } finally {
    await sink.close();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  const offPath = measureOffPath();
  const summary: Record<string, QuerySummary> = Object.fromEntries(
    BENCHMARK_QUERY_NAMES.map((query) => {
      const all = (variant: Variant) => children.map((c) => c.results[query]![variant]);
      const requests = (variant: Variant) => all(variant).reduce((n, r) => n + r.load.requests, 0);
      const rps = (variant: Variant) => requests(variant) / all(variant).reduce((n, r) => n + r.load.seconds, 0);
      const cpuMs = (variant: Variant) => all(variant).reduce((n, r) => n + r.cpuMsPerRequest * r.load.requests, 0) / requests(variant);
      const worstP99 = (variant: Variant) => Math.max(...all(variant).map((r) => r.load.latencyMs.p99));
      const throughputLossPercent = round2((1 - rps('on') / rps('off')) * 100);
      const spansPerRequest = round2(children.reduce((n, c) => n + c.spansPerRequest[query]!, 0) / children.length);
      const sampledOutSpanNs = children.reduce((n, c) => n + c.sampledOutSpanNs, 0) / children.length;
      return [
        query,
        {
          offRequestsPerSecond: round2(rps('off')),
          onRequestsPerSecond: round2(rps('on')),
          throughputLossPercent,
          offCpuMsPerRequest: round3(cpuMs('off')),
          onCpuMsPerRequest: round3(cpuMs('on')),
          cpuCostPercent: round2((1 - cpuMs('off') / cpuMs('on')) * 100),
          cpuCostPercentByProcessAndHalf: children.flatMap((c) => {
            const [off, on] = [c.results[query]!.off.cpuMsPerRequestByHalf, c.results[query]!.on.cpuMsPerRequestByHalf];
            return [0, 1].map((half) => round2((1 - off[half]! / on[half]!) * 100));
          }),
          offP99Ms: worstP99('off'),
          onP99Ms: worstP99('on'),
          errors: (['off', 'on'] as const).reduce((n, variant) => n + all(variant).reduce((m, r) => m + r.load.errors, 0), 0),
          spansPerRequest,
          onTracingCpuPercent: round2(children.reduce((n, c) => n + c.tracingCpuPercent[query]!, 0) / children.length),
          sampledOutOverNoSdkPercent: round2((((sampledOutSpanNs - offPath.noOpSpanInContext!) * spansPerRequest) / 1e6 / cpuMs('off')) * 100),
          goal: throughputLossPercent < 15 ? 'met' : 'missed',
        } satisfies QuerySummary,
      ];
    }),
  );
  const report = {
    ...runInfo(),
    loadAverage: { atStart: loadAtStart, atEnd: loadSnapshot() },
    settings: {
      processes: rounds,
      blocksPerVariant: children[0]?.blocks ?? 0,
      blockRequests: children[0]?.blockRequests ?? 0,
      concurrency: options.concurrency,
      backend: 'PostgreSQL + Redis',
    },
    goal: 'throughput loss with tracing sampled at 100 % < 15 %',
    exported: { requests: sink.requests, bytes: sink.bytes },
    offPathNanosecondsPerCall: offPath,
    sampledOutSpanNanoseconds: children.map((c) => c.sampledOutSpanNs),
    summary,
    processes: children.map((c) => c.results),
  };
  const dir = join(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'tracing-cost.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'tracing-cost.md'), markdown(report));
  process.stdout.write(markdown(report));
}

/**
 * With no SDK registered (this process never registers one), what each instrumentation point costs per call: the
 * HTTP server span (no-op span + context), the traceparent injection per subgraph fetch, the SQL/Redis check.
 */
function measureOffPath(): Record<string, number> {
  const headers = new Map<string, string>();
  return {
    noOpSpanInContext: nanosecondsPerCall(() => {
      const span = tracer.startSpan('x');
      context.with(trace.setSpan(context.active(), span), () => span.end());
    }),
    injectTraceHeaders: nanosecondsPerCall(() => injectTraceHeaders((key, value) => headers.set(key, value))),
    sqlOrRedisInsideTraceCheck: nanosecondsPerCall(() => void trace.getSpan(context.active())),
  };
}

function runChild(env: Record<string, string>): Promise<ChildResult> {
  const script = join(fileURLToPath(new URL('.', import.meta.url)), 'tracing-cost-child.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script], { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`tracing bench child failed: ${error.message}\n${stderr}`));
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as ChildResult);
      } catch {
        reject(new Error(`tracing bench child printed no result:\n${stdout}\n${stderr}`));
      }
    });
  });
}

/** An OTLP/HTTP endpoint on loopback that answers every export 200 and keeps only counts. */
async function startDiscardingSink() {
  const counts = { requests: 0, bytes: 0 };
  const server = createServer((req, res) => {
    counts.requests++;
    req.on('data', (chunk: Buffer) => (counts.bytes += chunk.length));
    req.on('end', () => {
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return counts.requests;
    },
    get bytes() {
      return counts.bytes;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function markdown(
  r: RunInfo & {
    loadAverage: { atStart: number[]; atEnd: number[] };
    settings: { processes: number; blocksPerVariant: number; blockRequests: number; concurrency: number; backend: string };
    goal: string;
    exported: { requests: number; bytes: number };
    offPathNanosecondsPerCall: Record<string, number>;
    sampledOutSpanNanoseconds: number[];
    summary: Record<string, QuerySummary>;
  },
): string {
  const s = r.settings;
  const lines = [
    `# Tracing cost`,
    ``,
    `${describeRun(r, r.loadAverage)} · ${s.backend} · ${s.processes} measuring processes, one after the other; in each, per query after 1,000 warm-up requests and a wait until idle, tracing on and off alternating in ${s.blocksPerVariant} blocks of ${s.blockRequests} requests per variant (A B, B A, …) at concurrency ${s.concurrency}; every load worker its own viewer.`,
    ``,
    `Goal: ${r.goal}.`,
    ``,
    `| query | off req/s | on req/s | throughput loss | goal | CPU ms per request off → on | loss from CPU per request | the same per process and half of the blocks | spans per request | off p99 ms | on p99 ms | errors | tracing code's CPU share (on) |`,
    `| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`,
  ];
  for (const [query, q] of Object.entries(r.summary)) {
    lines.push(
      `| ${query} | ${q.offRequestsPerSecond} | ${q.onRequestsPerSecond} | ${q.throughputLossPercent} % | ${q.goal === 'missed' ? '**missed**' : q.goal} | ${q.offCpuMsPerRequest} → ${q.onCpuMsPerRequest} | ${q.cpuCostPercent} % | ${q.cpuCostPercentByProcessAndHalf.map((v) => `${v} %`).join(', ')} | ${q.spansPerRequest} | ${q.offP99Ms} | ${q.onP99Ms} | ${q.errors} | ${q.onTracingCpuPercent} % |`,
    );
  }
  lines.push(
    '',
    '"Off" is the SDK registered with every trace sampled out (one process switching its sampler between blocks: two processes running the same code differed by ±15 % here). Production\'s default registers no SDK at all, which is cheaper still: a sampled-out span cost ' +
      `${r.sampledOutSpanNanoseconds.map((ns) => `${ns} ns`).join(' / ')} against ${r.offPathNanosecondsPerCall.noOpSpanInContext} ns for the no-SDK span, so "sampled out" overstates the off cost by ` +
      Object.entries(r.summary)
        .map(([query, q]) => `${q.sampledOutOverNoSdkPercent} % (${query})`)
        .join(', ') +
      ' of its CPU per request — the true loss is larger than the one shown by that much.',
    '',
    "CPU ms per request: the measuring process's CPU time (user + system) during each variant's blocks over its requests — the whole supergraph, the load client and the span export, not PostgreSQL or Redis. Loss from CPU per request: 1 − off/on, the throughput a CPU-bound process loses.",
    '',
    "Tracing code's CPU share: samples of a V8 sampling profile (300 requests after the blocks, tracing on) in @opentelemetry or platform/tracing, over the process's busy samples; a floor (garbage collection of spans and Node's async-context work are not counted).",
    '',
    `Exported while on: ${r.exported.requests} OTLP requests, ${Math.round(r.exported.bytes / 1024)} KiB (the sink discards them).`,
    '',
    `Off path (no SDK registered), ns per call: ${Object.entries(r.offPathNanosecondsPerCall)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
  );
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await measureTracingCost({
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
    rounds: Number(process.env.BENCH_TRACING_ROUNDS ?? 2),
    serverUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  });
}
