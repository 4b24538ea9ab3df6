// The one database session the migration tools talk through, so the same code runs on PostgreSQL (pg) and on
// the embedded PGlite without Prisma's native engine.
import pg from 'pg';
import type { PGliteInterface } from '@electric-sql/pglite';

/**
 * One database session. Everything sent through a runner runs on the same connection, in order, which is what
 * session-level advisory locks, `BEGIN`/`COMMIT` sent as separate statements and `SET LOCAL` rely on.
 */
export interface SqlRunner {
  /** One statement, optionally with `$1`-style parameters; resolves to its rows (empty for DDL). */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A script of several statements without parameters (simple query protocol), e.g. a migration.sql. */
  exec(script: string): Promise<void>;
  /** Releases what the runner opened; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens a single `pg.Client` (not a pool: a pool could hand each statement to a different connection, breaking
 * advisory locks and transactions).
 *
 * @throws when the server cannot be reached or refuses the login (the pg error, with the host in its message).
 */
export async function pgSqlRunner(connectionString: string): Promise<SqlRunner> {
  const client = new pg.Client({ connectionString });
  // An idle connection dropped by the server emits 'error'; without a listener that crashes the process.
  // The next query on this client rejects with a clear "not queryable" error, which is where callers see it.
  client.on('error', () => undefined);
  await client.connect();
  let closed = false;
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      // pg's generic requires T extends QueryResultRow; the runner's callers describe their own row shapes.
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
    async exec(script: string): Promise<void> {
      // No parameters → pg uses the simple query protocol, which accepts several statements at once.
      await client.query(script);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await client.end();
    },
  };
}

// PGlite is one single-user session: two runners over one instance would share a session anyway. Handing out
// one runner per instance lets applyMigrations serialise callers that share it (it keys its queue on the runner).
const pgliteRunners = new WeakMap<PGliteInterface, SqlRunner>();

/**
 * Wraps an open PGlite (a `PGlite`, or a clone of one). `close()` does nothing: the instance belongs to the
 * caller, who closes it. Returns the same runner for the same instance.
 */
export function pgliteSqlRunner(pglite: PGliteInterface): SqlRunner {
  const existing = pgliteRunners.get(pglite);
  if (existing) return existing;
  const runner: SqlRunner = {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const result = await pglite.query<T>(sql, params);
      return result.rows;
    },
    async exec(script: string): Promise<void> {
      await pglite.exec(script);
    },
    async close(): Promise<void> {},
  };
  pgliteRunners.set(pglite, runner);
  return runner;
}
