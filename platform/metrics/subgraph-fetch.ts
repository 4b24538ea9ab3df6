// The gateway's requests to subgraphs: timed per subgraph and outcome (ok, error: the subgraph answered with
// errors, unreachable: refused, reset or timed out, aborted: the client went away), failures counted per subgraph.
import { Counter, Histogram } from 'prom-client';
import { LATENCY_BUCKETS, metricsEnabled, registry, secondsSince } from './registry.js';

export type SubgraphFetchOutcome = 'ok' | 'error' | 'unreachable' | 'aborted';

const duration = new Histogram({
  name: 'ridegraph_gateway_subgraph_fetch_duration_seconds',
  help: "The gateway's requests to a subgraph, by subgraph and outcome (ok, error, unreachable, aborted).",
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

const failures = new Counter({
  name: 'ridegraph_gateway_subgraph_fetch_errors_total',
  help: "The gateway's requests to a subgraph that failed: unreachable, or answered with errors.",
  labelNames: ['subgraph'] as const,
  registers: [registry],
});

/** Starts timing one subgraph request; call the result once with its outcome. */
export function startSubgraphFetchTimer(subgraph: string): (outcome: SubgraphFetchOutcome) => void {
  if (!metricsEnabled()) return () => undefined;
  const startedAt = performance.now();
  return (outcome) => {
    duration.observe({ subgraph, outcome }, secondsSince(startedAt));
    if (outcome === 'error' || outcome === 'unreachable') failures.inc({ subgraph });
  };
}
