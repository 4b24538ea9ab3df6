// Our `prisma migrate deploy`: applies a subgraph's migration folders to its PostgreSQL schema through a
// SqlRunner, so it works on PostgreSQL and PGlite without Prisma's native schema engine, and keeps the
// `_prisma_migrations` records Prisma itself would keep.
import { randomUUID } from 'node:crypto';
import { scriptMatchesChecksum } from './checksum.js';
import { migrationLockKey, withAdvisoryLock } from './advisory-lock.js';
import { readMigrations, type MigrationFolder } from './migration-files.js';
import {
  ensureMigrationsTable,
  readMigrationRecords,
  recordMigrationFinished,
  recordMigrationStarted,
  MIGRATIONS_TABLE,
  type MigrationRecord,
} from './migrations-table.js';
import { inSchemaTransaction } from './schema-transaction.js';
import type { SqlRunner } from './sql-runner.js';
import { lineOfErrorPosition, quoteIdent } from './sql-text.js';

export interface ApplyMigrationsOptions {
  /** PostgreSQL schema the migrations target and where `_prisma_migrations` lives (the subgraph's name). */
  schema: string;
  /** A Prisma migrations directory (`<name>/migration.sql` folders). */
  migrationsDir: string;
  log?: (msg: string) => void;
}

/** Thrown when a migration's SQL fails; the migration was rolled back entirely and not recorded. */
export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
  constructor(
    readonly migrationName: string,
    readonly schema: string,
    message: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** Thrown when the database's migration history does not allow applying anything (edited or failed migrations). */
export class MigrationHistoryError extends Error {
  override readonly name = 'MigrationHistoryError';
}

/**
 * Applies the pending migrations of `migrationsDir` to `schema`, oldest first, each in one transaction together
 * with its `_prisma_migrations` row. Creates the schema and the table if missing. Concurrent callers (replicas
 * booting together, or two calls sharing one session) are serialised; the loser finds nothing left to apply.
 * Idempotent. A migration recorded in the database but missing from the folder is only logged, as Prisma does
 * (an older release may boot after a newer one migrated).
 *
 * Migrations must be transactional: their own BEGIN/COMMIT or statements that cannot run in a transaction
 * (CREATE INDEX CONCURRENTLY) are not supported.
 *
 * @returns the names of the migrations this call applied.
 * @throws Error when the directory or a migration.sql is missing (nothing touched).
 * @throws MigrationHistoryError when an applied migration's file changed (checksum mismatch) or a migration is
 *   recorded as failed (by `prisma migrate deploy`): nothing is applied.
 * @throws MigrationFailedError naming the migration (and line) whose SQL failed; earlier ones stay applied.
 */
export async function applyMigrations(runner: SqlRunner, options: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const { schema, migrationsDir } = options;
  const log = options.log ?? (() => undefined);
  const migrations = readMigrations(migrationsDir);
  // Advisory locks are re-entrant within one session, so callers sharing a runner queue in-process first.
  return serialisePerRunner(runner, () =>
    withAdvisoryLock(runner, migrationLockKey(schema), log, async () => {
      const [saved] = await runner.query<{ path: string }>(`SELECT current_setting('search_path') AS path`);
      let failed = false;
      try {
        await runner.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
        await ensureMigrationsTable(runner, schema);
        const applied = checkHistory(await readMigrationRecords(runner, schema), migrations, schema, log);
        const pending = migrations.filter((m) => !applied.has(m.name));
        if (pending.length === 0) log(`schema "${schema}": up to date (${migrations.length} migrations)`);
        for (const migration of pending) {
          const started = Date.now();
          await applyOne(runner, schema, migration);
          log(`schema "${schema}": applied ${migration.name} (${Date.now() - started} ms)`);
        }
        return { applied: pending.map((m) => m.name) };
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        // SET LOCAL already ended with each transaction; this undoes a plain SET inside a migration script.
        // After a failure on a dead connection, the original error is the one worth reporting.
        if (saved)
          await runner.query(`SELECT set_config('search_path', $1, false)`, [saved.path]).catch((e: unknown) => {
            if (!failed) throw e;
          });
      }
    }),
  );
}

/**
 * Validates the recorded history against the folder the way `prisma migrate deploy` reads it (rolled-back rows
 * are ignored) and returns the names already applied.
 */
function checkHistory(records: MigrationRecord[], migrations: MigrationFolder[], schema: string, log: (msg: string) => void): Set<string> {
  const live = records.filter((r) => r.rolled_back_at === null);
  const failed = live.filter((r) => r.finished_at === null);
  if (failed.length > 0) {
    const names = failed.map((r) => r.migration_name).join(', ');
    throw new MigrationHistoryError(
      `schema "${schema}": migration ${names} is recorded as failed in ${schema}.${MIGRATIONS_TABLE} ` +
        `(started ${failed[0]?.started_at.toISOString()}${failed[0]?.logs ? `: ${failed[0].logs}` : ''}). ` +
        `Repair what it left behind by hand, then mark it rolled back so it is retried ` +
        `(what \`prisma migrate resolve --rolled-back\` does): ` +
        `UPDATE ${quoteIdent(schema)}.${MIGRATIONS_TABLE} SET rolled_back_at = now() ` +
        `WHERE migration_name IN (${failed.map((r) => `'${r.migration_name.replaceAll("'", "''")}'`).join(', ')}) ` +
        `AND finished_at IS NULL AND rolled_back_at IS NULL;`,
    );
  }
  const byName = new Map(migrations.map((m) => [m.name, m]));
  const edited: string[] = [];
  for (const record of live) {
    const migration = byName.get(record.migration_name);
    if (!migration) {
      log(`schema "${schema}": applied migration ${record.migration_name} is not in the migrations directory`);
    } else if (!scriptMatchesChecksum(migration.sql, record.checksum)) {
      edited.push(`${migration.name} (${migration.sqlFile}: applied with checksum ${record.checksum}, file now ${migration.checksum})`);
    }
  }
  if (edited.length > 0) {
    throw new MigrationHistoryError(
      `schema "${schema}": migration ${edited.join('; ')} changed after being applied. ` +
        `Applied migrations must not be edited: restore the file, and put the change in a new migration ` +
        `(npm run db:migration:create -- --subgraph ${schema} --name <what_changed>).`,
    );
  }
  return new Set(live.map((r) => r.migration_name));
}

async function applyOne(runner: SqlRunner, schema: string, migration: MigrationFolder): Promise<void> {
  const id = randomUUID();
  try {
    await inSchemaTransaction(runner, schema, async () => {
      await recordMigrationStarted(runner, schema, { id, name: migration.name, checksum: migration.checksum });
      await runner.exec(migration.sql);
      await recordMigrationFinished(runner, schema, id);
    });
  } catch (error) {
    const line = lineOfErrorPosition(migration.sql, error);
    const where = line === undefined ? migration.sqlFile : `${migration.sqlFile}:${line}`;
    throw new MigrationFailedError(
      migration.name,
      schema,
      `migration ${migration.name} failed on schema "${schema}" and was rolled back (nothing of it applied, ` +
        `not recorded): ${(error as Error).message} (at ${where})`,
      { cause: error },
    );
  }
}

const queues = new WeakMap<SqlRunner, Promise<unknown>>();

function serialisePerRunner<T>(runner: SqlRunner, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(runner) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  // Store a settled-either-way tail so one failure does not poison the queue.
  queues.set(
    runner,
    next.catch(() => undefined),
  );
  return next;
}
