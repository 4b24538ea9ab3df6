// HTTP requests of a process's GraphQL server (platform/http): counted by method, route and status, timed by
// method and route. Routes are the server's known paths, so a scan of random URLs adds no series.
import { Counter, Histogram } from 'prom-client';
import { LATENCY_BUCKETS, metricsEnabled, registry, secondsSince } from './registry.js';

const requests = new Counter({
  name: 'ridegraph_http_requests_total',
  help: 'HTTP requests answered, by method, route (a known path or "other") and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

const duration = new Histogram({
  name: 'ridegraph_http_request_duration_seconds',
  help: 'Time from receiving an HTTP request to the end of its answer, by method and route.',
  labelNames: ['method', 'route'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

const METHODS = new Set(['GET', 'POST', 'OPTIONS', 'HEAD', 'PUT', 'PATCH', 'DELETE']);

/** A method as a label: the common ones as they are, anything else "other". */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? 'GET').toUpperCase();
  return METHODS.has(upper) ? upper : 'other';
}

/**
 * Starts timing one HTTP request; the returned function records it when the answer is finished.
 * @param route a bounded label: one of the server's paths, a page prefix, or "other".
 */
export function startHttpRequestTimer(): (method: string | undefined, route: string, status: number) => void {
  if (!metricsEnabled()) return () => undefined;
  const startedAt = performance.now();
  return (method, route, status) => {
    const methodValue = methodLabel(method);
    requests.inc({ method: methodValue, route, status: String(status) });
    duration.observe({ method: methodValue, route }, secondsSince(startedAt));
  };
}
