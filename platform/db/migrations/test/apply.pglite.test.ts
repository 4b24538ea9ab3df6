// applyMigrations on the embedded PGlite, and proof that Prisma's own engine accepts the history we record
// (and that we accept the history it records): the compatibility `prisma migrate deploy` relies on.
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { applyMigrations } from '../apply.js';
import { readMigrations } from '../migration-files.js';
import { loadSchemaEngineModule, pgliteEngineAdapter } from '../schema-engine.js';
import { pgliteSqlRunner, type SqlRunner } from '../sql-runner.js';
import { describeApplyContract } from './apply-contract.js';
import { tempDir, writeMigrations } from './helpers.js';

let pglite: PGlite;
let runner: SqlRunner;

beforeAll(async () => {
  pglite = await PGlite.create();
  runner = pgliteSqlRunner(pglite);
}, 60_000);

afterAll(async () => {
  await pglite?.close();
});

describeApplyContract('PGlite', () => runner);

describe('pgliteSqlRunner', () => {
  it('is one runner per instance and does not close the PGlite it was given', async () => {
    expect(pgliteSqlRunner(pglite)).toBe(runner);
    await runner.close();
    expect(await runner.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('serialises concurrent applyMigrations sharing the one PGlite session', async () => {
    const dir = tempDir('pglite-concurrent');
    try {
      const migrationsDir = writeMigrations(dir.path, { '20260101000000_a': 'CREATE TABLE "a" ("id" INTEGER);\n' });
      const results = await Promise.all([
        applyMigrations(runner, { schema: 'shared_session', migrationsDir }),
        applyMigrations(pgliteSqlRunner(pglite), { schema: 'shared_session', migrationsDir }),
      ]);
      expect(results).toEqual([{ applied: ['20260101000000_a'] }, { applied: [] }]);
    } finally {
      dir.remove();
    }
  });
});

describe("compatibility with Prisma's schema engine (what prisma migrate deploy runs)", () => {
  const MIGRATIONS = {
    '20260101000000_init':
      '-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "compat";\n\nCREATE TABLE "t" ("id" INTEGER NOT NULL, CONSTRAINT "t_pkey" PRIMARY KEY ("id"));\n',
    '20260102000000_more': 'ALTER TABLE "t" ADD COLUMN "name" TEXT;\n',
  };

  function migrationList(migrationsDir: string): MigrationList {
    return {
      baseDir: migrationsDir,
      lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
      shadowDbInitScript: '',
      migrationDirectories: readMigrations(migrationsDir).map((m) => ({
        path: m.name,
        migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: readFileSync(m.sqlFile, 'utf8') } },
      })),
    };
  }

  /** Prisma's engine on its own PGlite, pointed at schema "compat" the way `?schema=compat` would. */
  async function prismaEngineOn(db: PGlite): Promise<SchemaEngine> {
    // The native engine sets search_path from `?schema=`; over an adapter the session must already have it.
    await db.exec('CREATE SCHEMA IF NOT EXISTS "compat"; SET search_path TO "compat"');
    const { SchemaEngine } = await loadSchemaEngineModule();
    return SchemaEngine.new({ datamodels: undefined }, () => undefined, bindMigrationAwareSqlAdapterFactory(pgliteEngineAdapter(db, 'compat')));
  }

  const filters = { externalTables: [], externalEnums: [] };

  // The engine's applyMigrations arms a 10 s timer (its lock wait timeout) and never clears it, which would
  // keep the jest worker alive after the tests; while the engine runs here, timers are unref'd.
  const realSetTimeout = globalThis.setTimeout;
  beforeAll(() => {
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => realSetTimeout(...args).unref()) as typeof setTimeout;
  });
  afterAll(() => {
    globalThis.setTimeout = realSetTimeout;
  });

  it('Prisma finds our history clean and has nothing to apply; we find its history the same', async () => {
    const dir = tempDir('compat');
    const ours = await PGlite.create();
    const theirs = await PGlite.create();
    const engines: SchemaEngine[] = [];
    try {
      const migrationsDir = writeMigrations(dir.path, MIGRATIONS);
      const list = migrationList(migrationsDir);

      // We apply, Prisma inspects.
      expect((await applyMigrations(pgliteSqlRunner(ours), { schema: 'compat', migrationsDir })).applied).toHaveLength(2);
      const onOurs = await prismaEngineOn(ours);
      engines.push(onOurs);
      expect(await onOurs.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters })).toEqual({
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: true,
        history: null,
      });
      expect(await onOurs.applyMigrations({ migrationsList: list, filters })).toEqual({ appliedMigrationNames: [] });

      // Prisma applies, we inspect: nothing to do, and the records match ours field by field.
      const onTheirs = await prismaEngineOn(theirs);
      engines.push(onTheirs);
      expect((await onTheirs.applyMigrations({ migrationsList: list, filters })).appliedMigrationNames).toHaveLength(2);
      await theirs.exec('RESET search_path');
      expect(await applyMigrations(pgliteSqlRunner(theirs), { schema: 'compat', migrationsDir })).toEqual({ applied: [] });

      const shape = (db: PGlite) =>
        pgliteSqlRunner(db).query(
          `SELECT migration_name, checksum, logs, rolled_back_at, applied_steps_count, finished_at IS NOT NULL AS finished, length(id) AS id_length
             FROM compat._prisma_migrations ORDER BY migration_name`,
        );
      expect(await shape(ours)).toEqual(await shape(theirs));
      const definition = (db: PGlite) =>
        pgliteSqlRunner(db).query(
          `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default, ordinal_position
             FROM information_schema.columns WHERE table_schema = 'compat' AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
        );
      expect(await definition(ours)).toEqual(await definition(theirs));
    } finally {
      for (const engine of engines) engine.free();
      await ours.close();
      await theirs.close();
      dir.remove();
    }
  }, 60_000);
});
