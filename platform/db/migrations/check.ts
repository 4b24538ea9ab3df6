// Proves, per subgraph, that its migrations and its schema.prisma describe the same database: build it both ways
// in throwaway in-memory PGlite databases and compare their catalogs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import { applyMigrations } from './apply.js';
import { compareCatalogs, dumpCatalog, type CatalogDifference } from './catalog.js';
import { readMigrations, SNAPSHOT_FILE, type MigrationFolder } from './migration-files.js';
import { diffSql } from './schema-engine.js';
import { inSchemaTransaction } from './schema-transaction.js';
import { pgliteSqlRunner, type SqlRunner } from './sql-runner.js';
import { quoteIdent } from './sql-text.js';

/** What the check needs of a subgraph (a `SubgraphInfo` from subgraphs/registry.ts fits). */
export interface CheckTarget {
  /** Subgraph name, which is also its PostgreSQL schema. */
  readonly name: string;
  readonly prismaSchemaFile: string;
  readonly migrationsDir: string;
}

export interface SubgraphCheckResult {
  subgraph: string;
  /** skipped: no prisma/schema.prisma yet. */
  status: 'ok' | 'failed' | 'skipped';
  /** Each a full sentence naming the subgraph, what differs and the command that fixes it. */
  problems: string[];
  /** Why it was skipped. */
  note?: string;
  migrations: number;
  ms: number;
}

/**
 * Checks each target that has a schema.prisma: (a) its migrations applied with applyMigrations and (b) the SQL
 * Prisma generates for schema.prisma from empty must yield the same catalog (see dumpCatalog for what counts),
 * and the newest migration's schema.snapshot.prisma must be equivalent to schema.prisma (otherwise the next
 * `db:migration:create` would diff from the wrong place). (a) and (b) each get their own in-memory PGlite,
 * shared by all targets (each target lives in its own PostgreSQL schema, as in production), closed at the end.
 * Takes ~5 s for the first target (mostly starting PGlite twice, once for the engine), well under a second for
 * each further one.
 *
 * Never throws for a subgraph's problem (that is a "failed" result); throws only if PGlite cannot start.
 */
export async function checkSubgraphs(targets: readonly CheckTarget[], options: { log?: (msg: string) => void } = {}): Promise<SubgraphCheckResult[]> {
  const log = options.log ?? (() => undefined);
  const results: SubgraphCheckResult[] = [];
  let databases: { viaMigrations: PGliteInterface; viaSchema: PGliteInterface } | undefined;
  try {
    for (const target of targets) {
      const started = Date.now();
      if (!existsSync(target.prismaSchemaFile)) {
        results.push({ subgraph: target.name, status: 'skipped', problems: [], note: `no ${target.prismaSchemaFile} yet`, migrations: 0, ms: 0 });
        continue;
      }
      if (!databases) {
        const viaMigrations = await PGlite.create();
        // A clone of a still-empty instance is just as fresh and takes ~0.5 s instead of a ~2.5 s start.
        const viaSchema = await viaMigrations.clone().catch(async (error: unknown) => {
          await viaMigrations.close();
          throw error;
        });
        databases = { viaMigrations, viaSchema };
      }
      log(`${target.name}: checking`);
      const { problems, migrations } = await checkOne(target, pgliteSqlRunner(databases.viaMigrations), pgliteSqlRunner(databases.viaSchema)).catch(
        // e.g. a migration folder without migration.sql: still this subgraph's problem, not the whole run's.
        (error: unknown) => ({ problems: [`${target.name}: could not be checked: ${(error as Error).message}`], migrations: 0 }),
      );
      results.push({ subgraph: target.name, status: problems.length ? 'failed' : 'ok', problems, migrations, ms: Date.now() - started });
    }
  } finally {
    await databases?.viaMigrations.close();
    await databases?.viaSchema.close();
  }
  return results;
}

function createCommand(subgraph: string): string {
  return `npm run db:migration:create -- --subgraph ${subgraph} --name <what_changed>`;
}

async function checkOne(target: CheckTarget, viaMigrations: SqlRunner, viaSchema: SqlRunner): Promise<{ problems: string[]; migrations: number }> {
  const { name } = target;
  const schemaText = readFileSync(target.prismaSchemaFile, 'utf8');
  const migrations = existsSync(target.migrationsDir) ? readMigrations(target.migrationsDir) : [];
  if (migrations.length === 0) {
    return {
      problems: [
        `${name}: ${target.prismaSchemaFile} has no migrations in ${target.migrationsDir}. Run: ${createCommand(name).replace('<what_changed>', 'init')}`,
      ],
      migrations: 0,
    };
  }

  let expectedSql: string;
  try {
    expectedSql = await diffSql(null, schemaText, { schema: name, toPath: target.prismaSchemaFile });
  } catch (error) {
    return { problems: [`${name}: ${(error as Error).message}`], migrations: migrations.length };
  }
  const problems: string[] = [];
  const snapshotChanged = await snapshotDiffers(target, migrations, schemaText, problems);

  try {
    await applyMigrations(viaMigrations, { schema: name, migrationsDir: target.migrationsDir });
  } catch (error) {
    problems.push(`${name}: the migrations do not apply to an empty database: ${(error as Error).message}`);
    return { problems, migrations: migrations.length };
  }
  try {
    await viaSchema.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(name)}`);
    await inSchemaTransaction(viaSchema, name, () => viaSchema.exec(expectedSql));
  } catch (error) {
    // Prisma's own SQL failing on PGlite would be an engine/PGlite incompatibility, not the subgraph's fault.
    problems.push(`${name}: the SQL Prisma generates for ${target.prismaSchemaFile} fails on PGlite: ${(error as Error).message}`);
    return { problems, migrations: migrations.length };
  }

  const declared = readHandWritten(target.prismaSchemaFile);
  const differences = compareCatalogs(await dumpCatalog(viaMigrations, name), await dumpCatalog(viaSchema, name)).filter(
    // What schema.prisma cannot express (CHECK constraints, NULLS NOT DISTINCT, sequences), declared next to it with
    // the exact definition the migrations must make: a change to one of them is still a difference.
    (d) => !(d.left !== undefined && declared[d.key] === d.left),
  );
  if (differences.length > 0) {
    const fix = snapshotChanged
      ? `schema.prisma was changed without creating a migration. Run: ${createCommand(name)}`
      : `the migrations were edited by hand (the newest snapshot matches schema.prisma). Put the missing change in a new migration ` +
        `(write its migration.sql by hand and copy schema.prisma as its ${SNAPSHOT_FILE}), or revert the hand edit`;
    problems.push(
      `${name}: the database its migrations build differs from ${target.prismaSchemaFile}:\n` +
        differences.map((d) => `    ${describe(d)}`).join('\n') +
        `\n  Fix: ${fix}.`,
    );
  } else if (snapshotChanged) {
    problems.push(
      `${name}: the migrations build exactly what schema.prisma describes, but the newest migration's ${SNAPSHOT_FILE} is stale ` +
        `(the next db:migration:create would diff from it). Fix: copy ${target.prismaSchemaFile} over ${migrations.at(-1)?.snapshotFile}.`,
    );
  }
  return { problems, migrations: migrations.length };
}

/**
 * `prisma/hand-written.json` next to schema.prisma: catalog key → the definition the migrations make (as db:check
 * prints it). Absent: nothing declared.
 */
function readHandWritten(prismaSchemaFile: string): Record<string, string> {
  const file = join(dirname(prismaSchemaFile), HAND_WRITTEN_FILE);
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { objects?: Record<string, string> };
  return parsed.objects ?? {};
}

export const HAND_WRITTEN_FILE = 'hand-written.json';

/** Whether the newest snapshot is missing or not equivalent to schema.prisma; records a problem if missing. */
async function snapshotDiffers(target: CheckTarget, migrations: MigrationFolder[], schemaText: string, problems: string[]): Promise<boolean> {
  const newest = migrations.at(-1);
  if (!newest) return true;
  if (!existsSync(newest.snapshotFile)) {
    problems.push(`${target.name}: the newest migration ${newest.dir} has no ${SNAPSHOT_FILE}; db:migration:create needs it to diff from.`);
    return true;
  }
  try {
    const sql = await diffSql(readFileSync(newest.snapshotFile, 'utf8'), schemaText, {
      schema: target.name,
      fromPath: newest.snapshotFile,
      toPath: target.prismaSchemaFile,
    });
    return sql !== '';
  } catch (error) {
    problems.push(`${target.name}: ${(error as Error).message}`);
    return true;
  }
}

function describe({ key, left, right }: CatalogDifference): string {
  if (right === undefined) return `${key} (${left}): made by the migrations, not in schema.prisma`;
  if (left === undefined) return `${key} (${right}): in schema.prisma, not made by the migrations`;
  return `${key}: migrations make "${left}", schema.prisma says "${right}"`;
}
