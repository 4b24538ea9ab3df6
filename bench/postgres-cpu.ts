// The CPU PostgreSQL spends on one database during a benchmark round: the server processes serving it (its
// pg_stat_activity rows: client backends, and autovacuum workers while they work on it), read from /proc (the
// server must run on this machine). Backends come and go with the pools, so they are sampled every 250 ms: a
// backend first seen mid-round counts from zero (it started during the round), one that exits counts up to its
// last sample. Watched from a connection to the server's admin database, so the watching is not counted.
import pg from 'pg';
import { cpuSeconds } from './processes.js';

const SAMPLE_EVERY_MS = 250;

export interface PostgresUsage {
  /** CPU seconds (user + system) of the database's server processes over the watch. */
  cpuSeconds: number;
  /** How many distinct server processes served it meanwhile. */
  backends: number;
}

export async function watchPostgres(serverUrl: string, databaseName: string): Promise<{ stop(): Promise<PostgresUsage> }> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const sample = async (initial: boolean) => {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [databaseName]);
    for (const { pid } of rows) {
      const seconds = cpuSeconds(pid);
      if (seconds === undefined) continue;
      if (!first.has(pid)) first.set(pid, initial ? seconds : 0);
      last.set(pid, seconds);
    }
  };
  await sample(true);
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(() => sample(false)).catch(() => undefined);
  }, SAMPLE_EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      await sample(false);
      await client.end();
      let total = 0;
      for (const [pid, end] of last) total += end - first.get(pid)!;
      return { cpuSeconds: total, backends: last.size };
    },
  };
}
