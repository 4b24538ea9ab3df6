// Names SQL statements so node-postgres prepares each text once per connection and then only binds and executes it:
// PostgreSQL skips parsing, analysing and (after a few runs, with a generic plan) planning a statement it has seen,
// and the driver skips sending its text. The subgraphs' hot reads have one text per loader (`= any($1)`,
// rows-by-ids.ts), so a few dozen names cover nearly every statement a request sends.
//
// Bounded, because every name is a prepared statement kept by each pooled connection for its life (and by
// PostgreSQL for its backend): at most MAX_NAMED_STATEMENTS texts per process are named, and never a text with more
// than MAX_NAMED_PARAMETERS parameters — Prisma's `IN ($1, …, $n)` lists make one text per list length, which would
// fill the table with texts seldom seen twice. Everything else runs as before, as an unnamed statement.
//
// Off (`?pgbouncer=true` in DATABASE_URL, the convention Prisma's own engine used) behind a pooler in transaction
// mode that does not keep prepared statements per client (PgBouncer before 1.21).
import type { SqlQuery } from '@prisma/driver-adapter-utils';

export const MAX_NAMED_STATEMENTS = 500;
export const MAX_NAMED_PARAMETERS = 16;

/** @returns a function giving each SQL text its process-wide name, or undefined for a text left unnamed. */
export function createStatementNamer(limits = { statements: MAX_NAMED_STATEMENTS, parameters: MAX_NAMED_PARAMETERS }): (query: SqlQuery) => string | undefined {
  const names = new Map<string, string>();
  return (query) => {
    if (query.args.length > limits.parameters) return undefined;
    const known = names.get(query.sql);
    if (known !== undefined || names.size >= limits.statements) return known;
    // Unique per process, so per connection: a name is never given to two texts (node-postgres refuses that).
    const name = `rg${names.size.toString(36)}`;
    names.set(query.sql, name);
    return name;
  };
}

/** Whether the connection string asks for unnamed statements only (`pgbouncer=true`). */
export function preparedStatementsAllowed(connectionString: string): boolean {
  try {
    return new URL(connectionString).searchParams.get('pgbouncer') !== 'true';
  } catch {
    return true;
  }
}
