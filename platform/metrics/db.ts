// Database: connections of the process's pg pools (read when scraped; summed over the subgraphs' pools of one
// process) and the time of each SQL statement Prisma sends (PostgreSQL and PGlite alike).
import { Gauge, Histogram } from 'prom-client';
import { metricsEnabled, QUERY_BUCKETS, registry, secondsSince } from './registry.js';
import { GaugeSources } from './sources.js';

/** What node-postgres' Pool exposes about itself. */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

const pools = new GaugeSources();

new Gauge({
  name: 'ridegraph_db_pool_connections',
  help: 'Connections of the PostgreSQL pools: total (open), idle, and waiting (requests queued for a connection).',
  labelNames: ['state'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!metricsEnabled()) return;
    for (const [state, count] of await pools.read()) this.set({ state }, count);
  },
});

const queries = new Histogram({
  name: 'ridegraph_db_query_duration_seconds',
  help: 'Time of SQL statements sent by Prisma, from sending to the answer.',
  buckets: QUERY_BUCKETS,
  registers: [registry],
});

/** Counts a pool's connections while it lives; @returns unregisters it. */
export function addDbPool(pool: PoolCounts): () => void {
  return pools.add(
    () =>
      new Map([
        ['total', pool.totalCount],
        ['idle', pool.idleCount],
        ['waiting', pool.waitingCount],
      ]),
  );
}

/** Starts timing one SQL statement; call the result when it settles. */
export function startQueryTimer(): () => void {
  if (!metricsEnabled()) return () => undefined;
  const startedAt = performance.now();
  return () => queries.observe(secondsSince(startedAt));
}
