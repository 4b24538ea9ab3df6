// Prisma's bookkeeping table, `<schema>._prisma_migrations`, byte-compatible with what `prisma migrate deploy`
// creates and reads, so either tool can take over a database the other migrated.
import type { SqlRunner } from './sql-runner.js';
import { quoteIdent } from './sql-text.js';

export const MIGRATIONS_TABLE = '_prisma_migrations';

/** One row of `_prisma_migrations`, as Prisma defines it. */
export interface MigrationRecord {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

function table(schema: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(MIGRATIONS_TABLE)}`;
}

/** Creates the table with Prisma's exact definition (prisma-engines, postgres flavour) unless it exists. */
export async function ensureMigrationsTable(runner: SqlRunner, schema: string): Promise<void> {
  await runner.exec(`CREATE TABLE IF NOT EXISTS ${table(schema)} (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`);
}

/** All rows, oldest first. */
export async function readMigrationRecords(runner: SqlRunner, schema: string): Promise<MigrationRecord[]> {
  return runner.query<MigrationRecord>(
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM ${table(schema)} ORDER BY started_at, migration_name`,
  );
}

/** Inserts the "started" row, as Prisma does before running a script (finished_at stays null until it succeeds). */
export async function recordMigrationStarted(runner: SqlRunner, schema: string, record: { id: string; name: string; checksum: string }): Promise<void> {
  await runner.query(
    `INSERT INTO ${table(schema)} (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, clock_timestamp(), 0)`,
    [record.id, record.checksum, record.name],
  );
}

/** Marks the row finished; Prisma counts a whole PostgreSQL script as one step. */
export async function recordMigrationFinished(runner: SqlRunner, schema: string, id: string): Promise<void> {
  await runner.query(`UPDATE ${table(schema)} SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`, [id]);
}
