// Runs SQL "inside" a PostgreSQL schema: unqualified names in Prisma's generated DDL land in that schema, the
// way `?schema=<name>` makes the native engine do it.
import type { SqlRunner } from './sql-runner.js';
import { quoteIdent } from './sql-text.js';

/**
 * `BEGIN`, `SET LOCAL search_path` to `schema` (which must exist), `fn`, `COMMIT`; `ROLLBACK` if `fn` throws,
 * rethrowing its error. SET LOCAL ends with the transaction, so the session's search_path is untouched after.
 * Statements that refuse to run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM) fail here.
 *
 * @throws fn's error; if the ROLLBACK fails too (connection lost) fn's error still wins.
 */
export async function inSchemaTransaction<T>(runner: SqlRunner, schema: string, fn: () => Promise<T>): Promise<T> {
  await runner.exec('BEGIN');
  try {
    await runner.exec(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
    const result = await fn();
    await runner.exec('COMMIT');
    return result;
  } catch (error) {
    await runner.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
