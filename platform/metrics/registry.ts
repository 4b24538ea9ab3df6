// One Prometheus registry per process. Every series carries `service` (the process: gateway, a subgraph's name, or
// `embedded` for `npm start`, which runs everything in one process); names start with `ridegraph_`. Recording can
// be switched off as a whole (METRICS_PORT=0, or the benchmark's "metrics off" run): every helper of this folder
// then returns at once, so the cost of metrics is measurable by turning them off.
import { collectDefaultMetrics, Registry } from 'prom-client';

/** What a process is called in the `service` label. */
export type MetricsService = 'gateway' | 'identity' | 'fleet' | 'trips' | 'payments' | 'gamification' | 'notifications' | 'embedded';

/** The process's registry: everything this folder defines is registered on it. */
export const registry = new Registry();

// Until an entry point says otherwise (tests, benchmarks, scripts run everything in one process).
registry.setDefaultLabels({ service: 'embedded' });
// Node runtime metrics (event loop lag, heap, GC, CPU, handles), read when scraped.
collectDefaultMetrics({ register: registry, prefix: 'ridegraph_' });
// Gauges prom-client names `…_total`, which Prometheus reserves for counters (promtool check metrics refuses
// them); the same numbers by type stay (ridegraph_nodejs_active_handles{type}, …_requests, …_resources).
for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) {
  registry.removeSingleMetric(`ridegraph_${name}`);
}

let enabled = true;

/** Names the process in every series. Call once, at start, before anything is recorded. */
export function setMetricsService(service: MetricsService): void {
  registry.setDefaultLabels({ service });
}

/** Whether recording is on (default on). */
export function metricsEnabled(): boolean {
  return enabled;
}

/** Turns recording on or off for the whole process (METRICS_PORT=0; the benchmark's comparison). */
export function setMetricsEnabled(on: boolean): void {
  enabled = on;
}

/** The Prometheus text exposition of everything recorded so far. */
export function renderMetrics(): Promise<string> {
  return registry.metrics();
}

/** Seconds since `startedAt` (a `performance.now()` reading), for histograms. */
export function secondsSince(startedAt: number): number {
  return (performance.now() - startedAt) / 1000;
}

/**
 * Buckets of request-like latencies (seconds): 5 ms … 10 s, dense where GraphQL operations usually fall.
 * prom-client's default stops at 10 s too but is coarser below 100 ms.
 */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Buckets of SQL statements (seconds): 0.5 ms … 5 s. */
export const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];
