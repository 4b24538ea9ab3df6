// applyMigrations against the real PostgreSQL server (DATABASE_URL), in a database created for this file.
import { PGlite } from '@electric-sql/pglite';
import { applyMigrations } from '../apply.js';
import { compareCatalogs, dumpCatalog } from '../catalog.js';
import { readMigrations } from '../migration-files.js';
import { pgliteSqlRunner, pgSqlRunner, type SqlRunner } from '../sql-runner.js';
import { describeApplyContract } from './apply-contract.js';
import { createTestDatabase, freshSchemaName, tempDir, writeMigrations, type TestDatabase } from './helpers.js';
import { subgraphInfo } from '../../../../subgraphs/registry.js';

let database: TestDatabase;
let runner: SqlRunner;

beforeAll(async () => {
  database = await createTestDatabase('migrations_apply');
  runner = await pgSqlRunner(database.url);
});

afterAll(async () => {
  await runner?.close();
  await database?.drop();
});

describeApplyContract('PostgreSQL', () => runner);

describe('applyMigrations on PostgreSQL, several sessions', () => {
  it('serialises concurrent runners: the migrations are applied exactly once and both calls succeed', async () => {
    const dir = tempDir('concurrent');
    const schema = freshSchemaName('concurrent');
    const migrationsDir = writeMigrations(dir.path, {
      // Slow enough that the second runner surely arrives while the first holds the lock.
      '20260101000000_slow': 'CREATE TABLE "counter" ("id" INTEGER PRIMARY KEY);\nSELECT pg_sleep(0.5);\nINSERT INTO "counter" VALUES (1);\n',
      '20260102000000_after': 'INSERT INTO "counter" VALUES (2);\n',
    });
    const [a, b] = await Promise.all([pgSqlRunner(database.url), pgSqlRunner(database.url)]);
    try {
      const logs: string[] = [];
      const results = await Promise.all([
        applyMigrations(a, { schema, migrationsDir, log: (m) => logs.push(`a: ${m}`) }),
        applyMigrations(b, { schema, migrationsDir, log: (m) => logs.push(`b: ${m}`) }),
      ]);
      const applied = results.flatMap((r) => r.applied).sort();
      expect(applied).toEqual(['20260101000000_slow', '20260102000000_after']);
      expect(results.some((r) => r.applied.length === 0)).toBe(true);
      expect(logs.some((l) => l.includes('waiting for another migration runner'))).toBe(true);
      expect(await runner.query(`SELECT id FROM "${schema}"."counter" ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);
      expect(await runner.query(`SELECT count(*)::int AS n FROM "${schema}"._prisma_migrations`)).toEqual([{ n: 2 }]);
    } finally {
      await a?.close();
      await b?.close();
      dir.remove();
    }
  });

  it("applies the identity subgraph's real migrations, building the same catalog as on PGlite", async () => {
    const { migrationsDir } = subgraphInfo('identity');
    expect(await applyMigrations(runner, { schema: 'identity', migrationsDir })).toEqual({
      applied: readMigrations(migrationsDir).map((m) => m.name),
    });
    const pglite = await PGlite.create();
    try {
      await applyMigrations(pgliteSqlRunner(pglite), { schema: 'identity', migrationsDir });
      const onPostgres = await dumpCatalog(runner, 'identity');
      expect(onPostgres.get('column users.created_at')).toBe('timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP');
      expect(compareCatalogs(onPostgres, await dumpCatalog(pgliteSqlRunner(pglite), 'identity'))).toEqual([]);
    } finally {
      await pglite.close();
    }
  }, 60_000);

  it('reports an unreachable server as a connection error', async () => {
    await expect(pgSqlRunner('postgresql://postgres@127.0.0.1:1/nothing')).rejects.toThrow(/ECONNREFUSED/);
  });
});
