// Serialises migration runners that target the same PostgreSQL schema: several replicas of a subgraph start at
// once and each runs its migrations on boot.
import { createHash } from 'node:crypto';
import type { SqlRunner } from './sql-runner.js';

/**
 * The 64-bit advisory lock key of a schema, as a decimal string (pg's bigint). A hash rather than a constant so
 * different subgraphs sharing one database migrate in parallel; the prefix keeps it apart from other lock users.
 */
export function migrationLockKey(schema: string): string {
  return createHash('sha256').update(`ridegraph:migrations:${schema}`).digest().readBigInt64BE(0).toString();
}

/**
 * Runs `fn` holding the session-level advisory lock `key` on `runner`'s session, waiting for it as long as
 * another session holds it (logging that it waits). The lock is released in all cases; if the session died,
 * PostgreSQL released it already.
 */
export async function withAdvisoryLock<T>(runner: SqlRunner, key: string, log: (msg: string) => void, fn: () => Promise<T>): Promise<T> {
  const [attempt] = await runner.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key]);
  if (!attempt?.locked) {
    log(`waiting for another migration runner to finish (advisory lock ${key})`);
    await runner.query('SELECT pg_advisory_lock($1::bigint)', [key]);
  }
  let failed = false;
  try {
    return await fn();
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    try {
      await runner.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
    } catch (unlockError) {
      // After a failure the original error matters more; a lost session has dropped the lock anyway.
      if (!failed) throw unlockError;
    }
  }
}
