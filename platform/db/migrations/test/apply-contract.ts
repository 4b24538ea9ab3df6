// What applyMigrations promises, run against each backend (PostgreSQL, PGlite). Each test works in its own
// PostgreSQL schema of the backend's database and its own temporary migrations directory.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyMigrations, MigrationFailedError, MigrationHistoryError } from '../apply.js';
import { migrationChecksum } from '../checksum.js';
import type { SqlRunner } from '../sql-runner.js';
import { freshSchemaName, tempDir, writeMigrations, type TempDir } from './helpers.js';

const M1 = '20260101000000_first';
const M2 = '20260102000000_second';
const M3 = '20260103000000_third';
const FIXTURE = {
  [M1]: '-- CreateTable\nCREATE TABLE "things" ("id" INTEGER NOT NULL, CONSTRAINT "things_pkey" PRIMARY KEY ("id"));\n',
  [M2]: 'ALTER TABLE "things" ADD COLUMN "label" TEXT;\nCREATE INDEX "things_label_idx" ON "things"("label");\n',
};

interface RecordRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

export function describeApplyContract(backend: string, runner: () => SqlRunner): void {
  describe(`applyMigrations on ${backend}`, () => {
    let dir: TempDir;
    beforeEach(() => {
      dir = tempDir('apply');
    });
    afterEach(() => dir.remove());

    const records = (schema: string) => runner().query<RecordRow>(`SELECT * FROM "${schema}"._prisma_migrations ORDER BY migration_name, started_at`);
    const tablesIn = async (schema: string) =>
      (await runner().query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = $1 ORDER BY 1`, [schema])).map((r) => r.t);

    it('applies pending migrations in order into the schema, and a second run applies nothing', async () => {
      const schema = freshSchemaName();
      const migrationsDir = writeMigrations(dir.path, FIXTURE);
      const logs: string[] = [];
      expect(await applyMigrations(runner(), { schema, migrationsDir, log: (m) => logs.push(m) })).toEqual({ applied: [M1, M2] });
      expect(await tablesIn(schema)).toEqual(['_prisma_migrations', 'things']);
      expect(await tablesIn('public')).not.toContain('things');
      expect(logs.some((l) => l.includes(M2))).toBe(true);

      expect(await applyMigrations(runner(), { schema, migrationsDir })).toEqual({ applied: [] });
      expect((await records(schema)).map((r) => r.migration_name)).toEqual([M1, M2]);

      writeMigrations(dir.path, { [M3]: 'ALTER TABLE "things" ADD COLUMN "extra" INTEGER;\n' });
      expect(await applyMigrations(runner(), { schema, migrationsDir })).toEqual({ applied: [M3] });
    });

    it("records what Prisma records, in Prisma's table definition", async () => {
      const schema = freshSchemaName();
      const migrationsDir = writeMigrations(dir.path, FIXTURE);
      await applyMigrations(runner(), { schema, migrationsDir });

      const columns = await runner().query<{
        column_name: string;
        data_type: string;
        character_maximum_length: number | null;
        is_nullable: string;
        column_default: string | null;
      }>(
        `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
           FROM information_schema.columns WHERE table_schema = $1 AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
        [schema],
      );
      expect(columns).toEqual([
        { column_name: 'id', data_type: 'character varying', character_maximum_length: 36, is_nullable: 'NO', column_default: null },
        { column_name: 'checksum', data_type: 'character varying', character_maximum_length: 64, is_nullable: 'NO', column_default: null },
        { column_name: 'finished_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'YES', column_default: null },
        { column_name: 'migration_name', data_type: 'character varying', character_maximum_length: 255, is_nullable: 'NO', column_default: null },
        { column_name: 'logs', data_type: 'text', character_maximum_length: null, is_nullable: 'YES', column_default: null },
        { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'YES', column_default: null },
        { column_name: 'started_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'NO', column_default: 'now()' },
        { column_name: 'applied_steps_count', data_type: 'integer', character_maximum_length: null, is_nullable: 'NO', column_default: '0' },
      ]);
      const [pk] = await runner().query<{ name: string; def: string }>(
        `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
          WHERE conrelid = $1::regclass AND contype = 'p'`,
        [`"${schema}"._prisma_migrations`],
      );
      expect(pk).toEqual({ name: '_prisma_migrations_pkey', def: 'PRIMARY KEY (id)' });

      const [first] = await records(schema);
      expect(first).toMatchObject({
        migration_name: M1,
        checksum: migrationChecksum(FIXTURE[M1]),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(first?.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(first?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(first?.finished_at).toBeInstanceOf(Date);
      expect(first!.finished_at!.getTime()).toBeGreaterThanOrEqual(first!.started_at.getTime());
    });

    it('refuses when an applied migration was edited, and applies nothing else', async () => {
      const schema = freshSchemaName();
      const migrationsDir = writeMigrations(dir.path, FIXTURE);
      await applyMigrations(runner(), { schema, migrationsDir });
      appendFileSync(join(migrationsDir, M1, 'migration.sql'), 'ALTER TABLE "things" ADD COLUMN "sneaky" TEXT;\n');
      writeMigrations(dir.path, { [M3]: 'ALTER TABLE "things" ADD COLUMN "extra" INTEGER;\n' });

      const attempt = applyMigrations(runner(), { schema, migrationsDir });
      await expect(attempt).rejects.toThrow(MigrationHistoryError);
      await expect(attempt).rejects.toThrow(new RegExp(`${M1}.*changed after being applied`, 's'));
      expect((await records(schema)).map((r) => r.migration_name)).toEqual([M1, M2]);
    });

    it('accepts an applied migration whose only change is CRLF line endings (as Prisma does)', async () => {
      const schema = freshSchemaName();
      const migrationsDir = writeMigrations(dir.path, FIXTURE);
      await applyMigrations(runner(), { schema, migrationsDir });
      const file = join(migrationsDir, M1, 'migration.sql');
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('\n', '\r\n'));
      expect(await applyMigrations(runner(), { schema, migrationsDir })).toEqual({ applied: [] });
    });

    it('refuses while a migration is recorded as failed, and retries it once marked rolled back', async () => {
      const schema = freshSchemaName();
      const migrationsDir = writeMigrations(dir.path, { [M1]: FIXTURE[M1] });
      await applyMigrations(runner(), { schema, migrationsDir });
      writeMigrations(dir.path, { [M2]: FIXTURE[M2] });
      // What `prisma migrate deploy` leaves when a script fails half-way.
      await runner().query(
        `INSERT INTO "${schema}"._prisma_migrations (id, checksum, migration_name, logs) VALUES ('f0000000-0000-0000-0000-000000000000', $1, $2, 'boom')`,
        [migrationChecksum(FIXTURE[M2]), M2],
      );
      await expect(applyMigrations(runner(), { schema, migrationsDir })).rejects.toThrow(new RegExp(`${M2} is recorded as failed.*boom`));

      await runner().query(`UPDATE "${schema}"._prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL`);
      expect(await applyMigrations(runner(), { schema, migrationsDir })).toEqual({ applied: [M2] });
    });

    it('rolls a failing migration back entirely, names it and its line, and keeps earlier ones', async () => {
      const schema = freshSchemaName();
      const migrationsDir = writeMigrations(dir.path, {
        [M1]: FIXTURE[M1],
        [M2]: 'CREATE TABLE "half" ("id" INTEGER);\n\nCREATE TABLE "broken" ("id" NO_SUCH_TYPE);\n',
        [M3]: 'CREATE TABLE "never" ("id" INTEGER);\n',
      });
      const [before] = await runner().query<{ path: string }>(`SELECT current_setting('search_path') AS path`);

      const attempt = applyMigrations(runner(), { schema, migrationsDir });
      await expect(attempt).rejects.toThrow(MigrationFailedError);
      await expect(attempt).rejects.toThrow(new RegExp(`migration ${M2} failed.*no_such_type.*migration\\.sql:3`, 's'));
      await attempt.catch((error: MigrationFailedError) => expect(error.migrationName).toBe(M2));

      expect(await tablesIn(schema)).toEqual(['_prisma_migrations', 'things']);
      expect((await records(schema)).map((r) => r.migration_name)).toEqual([M1]);
      const [after] = await runner().query<{ path: string }>(`SELECT current_setting('search_path') AS path`);
      expect(after).toEqual(before);

      writeFileSync(join(migrationsDir, M2, 'migration.sql'), 'CREATE TABLE "half" ("id" INTEGER);\n');
      expect(await applyMigrations(runner(), { schema, migrationsDir })).toEqual({ applied: [M2, M3] });
    });

    it('leaves the session clean: search_path unchanged, advisory lock released, no open transaction', async () => {
      const schema = freshSchemaName();
      const migrationsDir = writeMigrations(dir.path, {
        // A migration that changes the session's search_path for good must not leak it.
        [M1]: `${FIXTURE[M1]}SET search_path TO public;\n`,
      });
      const [before] = await runner().query<{ path: string }>(`SELECT current_setting('search_path') AS path`);
      await applyMigrations(runner(), { schema, migrationsDir });
      const [after] = await runner().query<{ path: string }>(`SELECT current_setting('search_path') AS path`);
      expect(after).toEqual(before);
      const locks = await runner().query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`);
      expect(locks).toEqual([{ n: 0 }]);
      // SAVEPOINT is refused outside a transaction block, so this proves none was left open.
      await expect(runner().exec('SAVEPOINT probe')).rejects.toThrow(/transaction block/);
    });

    it('fails clearly when the migrations directory does not exist', async () => {
      await expect(applyMigrations(runner(), { schema: freshSchemaName(), migrationsDir: join(dir.path, 'nope') })).rejects.toThrow(
        /migrations directory .*nope does not exist/,
      );
    });
  });
}
