// The cost of tracing: gateway query throughput with tracing off (the default: no SDK registered) and with
// tracing on, sampled at 100 %, exporting OTLP/HTTP to a local sink that discards — in alternating rounds
// (off, on, off, on, …) of separate processes on one PostgreSQL database and Redis, since one process cannot
// unregister the SDK cleanly. Also the off path in isolation: what the instrumentation costs per call with no
// SDK. Writes bench/results/tracing-cost.{json,md}. `npm run bench` runs it after the query benchmark;
// `npm run bench:tracing` alone. BENCH_REQUESTS / BENCH_CONCURRENCY / BENCH_TRACING_ROUNDS tune it.
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
import type { LoadResult } from './load.js';
import { BENCHMARK_QUERY_NAMES } from './benchmark-queries.js';
import { describeRun, loadSnapshot, runInfo, type RunInfo } from './run-info.js';

export interface TracingCostOptions {
  requests: number;
  concurrency: number;
  /** Rounds per variant (each a fresh process). Default 4. */
  rounds?: number;
  serverUrl: string;
  redisUrl: string;
}

type Variant = 'off' | 'on (100 % sampled, OTLP to a discarding sink)';
const VARIANTS: Variant[] = ['off', 'on (100 % sampled, OTLP to a discarding sink)'];

export async function measureTracingCost(options: TracingCostOptions): Promise<void> {
  const rounds = options.rounds ?? 4;
  const loadAtStart = loadSnapshot();
  const name = `ridegraph_bench_tracing_${randomBytes(4).toString('hex')}`;
  const admin = (sql: string) => adminQuery(options.serverUrl, sql);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(options.serverUrl);
  url.pathname = `/${name}`;
  const sink = await startDiscardingSink();
  const runs: Record<Variant, Record<string, LoadResult>[]> = { off: [], 'on (100 % sampled, OTLP to a discarding sink)': [] };
  const cpu: Record<Variant, Record<string, number>[]> = { off: [], 'on (100 % sampled, OTLP to a discarding sink)': [] };
  const cpuPerRequest: Record<Variant, Record<string, number>[]> = { off: [], 'on (100 % sampled, OTLP to a discarding sink)': [] };
  try {
    await migrateSubgraphs({ kind: 'postgres', url: url.toString() });
    await seedDemoCity({ kind: 'postgres', url: url.toString() });
    for (let round = 0; round < rounds; round++) {
      for (const variant of VARIANTS) {
        const on = variant !== 'off';
        const result = await runChild({
          DATABASE_URL: url.toString(),
          REDIS_URL: options.redisUrl,
          BENCH_REQUESTS: String(options.requests),
          BENCH_CONCURRENCY: String(options.concurrency),
          OTEL_TRACES_EXPORTER: on ? 'otlp' : 'none',
          OTEL_TRACES_SAMPLER: 'parentbased_always_on',
          OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
        });
        if (result.tracing !== on) throw new Error(`child process ran with tracing ${result.tracing ? 'on' : 'off'}, expected ${variant}`);
        runs[variant].push(result.results);
        cpu[variant].push(result.tracingCpuPercent);
        cpuPerRequest[variant].push(result.cpuMsPerRequest);
        for (const [query, load] of Object.entries(result.results)) {
          process.stderr.write(
            `tracing ${variant} · round ${round + 1} · ${query}: ${load.requestsPerSecond} req/s, p99 ${load.latencyMs.p99} ms, ${round2(result.cpuMsPerRequest[query]!)} CPU ms/request\n`,
          );
        }
      }
    }
  } finally {
    await sink.close();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  const summary = Object.fromEntries(
    BENCHMARK_QUERY_NAMES.map((query) => {
      const rps = (variant: Variant) => median(runs[variant].map((r) => r[query]!.requestsPerSecond));
      const p99 = (variant: Variant) => median(runs[variant].map((r) => r[query]!.latencyMs.p99));
      const [off, on, offP99, onP99] = [rps(VARIANTS[0]!), rps(VARIANTS[1]!), p99(VARIANTS[0]!), p99(VARIANTS[1]!)];
      const errors = VARIANTS.reduce((sum, variant) => sum + runs[variant].reduce((s, r) => s + r[query]!.errors, 0), 0);
      const throughputLossPercent = round2((1 - on / off) * 100);
      // On faster than off by more than noise: the machine's load changed between rounds, and the run says nothing.
      const goal = throughputLossPercent >= 15 ? 'missed' : throughputLossPercent < -5 ? 'inconclusive (on faster than off: load drift)' : 'met';
      const cpuPercent = (variant: Variant) => median(cpu[variant].map((c) => c[query]!));
      const cpuMs = (variant: Variant) => median(cpuPerRequest[variant].map((c) => c[query]!));
      const [offCpuMs, onCpuMs] = [cpuMs(VARIANTS[0]!), cpuMs(VARIANTS[1]!)];
      return [
        query,
        {
          offRequestsPerSecond: off,
          onRequestsPerSecond: on,
          offP99Ms: offP99,
          onP99Ms: onP99,
          throughputLossPercent,
          errors,
          goal,
          offCpuMsPerRequest: offCpuMs,
          onCpuMsPerRequest: onCpuMs,
          // The same cost as a throughput loss on a CPU-bound process: 1 − off/on CPU per request.
          cpuCostPercent: round2((1 - offCpuMs / onCpuMs) * 100),
          offTracingCpuPercent: cpuPercent(VARIANTS[0]!),
          onTracingCpuPercent: cpuPercent(VARIANTS[1]!),
        },
      ];
    }),
  );
  const report = {
    ...runInfo(),
    loadAverage: { atStart: loadAtStart, atEnd: loadSnapshot() },
    settings: { requests: options.requests, concurrency: options.concurrency, roundsPerVariant: rounds, backend: 'PostgreSQL + Redis' },
    goal: 'throughput loss with tracing sampled at 100 % < 15 %',
    exported: { requests: sink.requests, bytes: sink.bytes },
    offPathNanosecondsPerCall: measureOffPath(),
    summary,
    runs,
    cpuMsPerRequest: cpuPerRequest,
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
  const time = (work: () => void) => {
    for (let i = 0; i < 100_000; i++) work(); // warm-up
    const n = 1_000_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) work();
    return round2(Number(process.hrtime.bigint() - start) / n);
  };
  const headers = new Map<string, string>();
  return {
    noOpSpanInContext: time(() => {
      const span = tracer.startSpan('x');
      context.with(trace.setSpan(context.active(), span), () => span.end());
    }),
    injectTraceHeaders: time(() => injectTraceHeaders((key, value) => headers.set(key, value))),
    sqlOrRedisInsideTraceCheck: time(() => void trace.getSpan(context.active())),
  };
}

interface ChildResult {
  tracing: boolean;
  results: Record<string, LoadResult>;
  tracingCpuPercent: Record<string, number>;
  cpuMsPerRequest: Record<string, number>;
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round2(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function markdown(
  r: RunInfo & {
    loadAverage: { atStart: number[]; atEnd: number[] };
    settings: { requests: number; concurrency: number; roundsPerVariant: number; backend: string };
    goal: string;
    exported: { requests: number; bytes: number };
    offPathNanosecondsPerCall: Record<string, number>;
    summary: Record<
      string,
      {
        offRequestsPerSecond: number;
        onRequestsPerSecond: number;
        offP99Ms: number;
        onP99Ms: number;
        throughputLossPercent: number;
        errors: number;
        goal: string;
        offCpuMsPerRequest: number;
        onCpuMsPerRequest: number;
        cpuCostPercent: number;
        offTracingCpuPercent: number;
        onTracingCpuPercent: number;
      }
    >;
  },
): string {
  const lines = [
    `# Tracing cost`,
    ``,
    `${describeRun(r, r.loadAverage)} · ${r.settings.backend} · ${r.settings.requests} requests per query at concurrency ${r.settings.concurrency} after 1000 warm-up requests · ${r.settings.roundsPerVariant} alternating rounds per variant, each a fresh process; medians shown.`,
    ``,
    `Goal: ${r.goal}.`,
    ``,
    `| query | off req/s | on req/s | throughput loss | off p99 ms | on p99 ms | errors | goal (throughput) | CPU ms per request off → on | loss from CPU per request | tracing code's CPU share off → on |`,
    `| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`,
  ];
  for (const [query, s] of Object.entries(r.summary)) {
    lines.push(
      `| ${query} | ${s.offRequestsPerSecond} | ${s.onRequestsPerSecond} | ${s.throughputLossPercent} % | ${s.offP99Ms} | ${s.onP99Ms} | ${s.errors} | ${s.goal === 'missed' ? '**missed**' : s.goal} | ${s.offCpuMsPerRequest} → ${s.onCpuMsPerRequest} | ${s.cpuCostPercent} % | ${s.offTracingCpuPercent} % → ${s.onTracingCpuPercent} % |`,
    );
  }
  lines.push(
    '',
    "CPU ms per request: the measuring process's CPU time (user + system) over the timed requests — the whole supergraph, the load client and the span export, not PostgreSQL or Redis. Loss from CPU per request: 1 − off/on, the throughput a CPU-bound process loses; unlike req/s it does not move when another process takes a core.",
    '',
    "Tracing code's CPU share: samples of a V8 sampling profile (a separate run of half the requests after each timed one) in @opentelemetry or platform/tracing, over the process's busy samples; a floor (garbage collection of spans and Node's async-context work are not counted). Identical throughput runs on this shared 2-CPU machine have differed by 15–35 %, more than the goal's margin.",
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
    requests: Number(process.env.BENCH_REQUESTS ?? 1500),
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
    rounds: Number(process.env.BENCH_TRACING_ROUNDS ?? 4),
    serverUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  });
}
