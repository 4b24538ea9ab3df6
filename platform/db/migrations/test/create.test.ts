// createMigration: offline `prisma migrate dev --create-only`, diffing from the newest schema snapshot.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMigration, migrationSlug } from '../create.js';
import { disposeSchemaEngine } from '../schema-engine.js';
import { tempDir, type TempDir } from './helpers.js';

const SCHEMA = `generator client {
  provider     = "prisma-client"
  output       = "../src/store/prisma"
  moduleFormat = "esm"
}

datasource db {
  provider = "postgresql"
}

enum Colour {
  RED
  GREEN
}

model Widget {
  id     String @id @db.Uuid
  name   String
  colour Colour @default(RED)

  @@map("widgets")
}
`;

const ENGINE_TIMEOUT = 60_000; // the first diff starts the WebAssembly engine and its PGlite

let dir: TempDir;
let prismaSchemaFile: string;
let migrationsDir: string;

beforeEach(() => {
  dir = tempDir('create');
  prismaSchemaFile = join(dir.path, 'schema.prisma');
  migrationsDir = join(dir.path, 'migrations');
  writeFileSync(prismaSchemaFile, SCHEMA);
});
afterEach(() => dir.remove());
afterAll(() => disposeSchemaEngine());

const options = (name: string, now: Date) => ({ schema: 'widgets', prismaSchemaFile, migrationsDir, name, now });
const folders = () =>
  readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

it(
  'creates the first migration from empty, with snapshot and lock file, then reports no changes',
  async () => {
    const result = await createMigration(options('Init', new Date('2026-03-04T05:06:07Z')));
    expect(result.created).toBe('20260304050607_init');
    const sql = readFileSync(join(migrationsDir, '20260304050607_init', 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE SCHEMA IF NOT EXISTS "widgets";');
    expect(sql).toContain(`CREATE TYPE "Colour" AS ENUM ('RED', 'GREEN');`);
    expect(sql).toContain('CREATE TABLE "widgets"');
    expect(sql).toBe(result.sql);
    expect(readFileSync(join(migrationsDir, '20260304050607_init', 'schema.snapshot.prisma'), 'utf8')).toBe(SCHEMA);
    expect(readFileSync(join(migrationsDir, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');

    expect(await createMigration(options('again', new Date('2026-03-05T00:00:00Z')))).toEqual({ created: null });
    // A comment or formatting change is no schema change either.
    writeFileSync(prismaSchemaFile, `// just a comment\n${SCHEMA.replace('id     String', 'id String')}`);
    expect(await createMigration(options('again', new Date('2026-03-05T00:00:00Z')))).toEqual({ created: null });
    expect(folders()).toEqual(['20260304050607_init']);
  },
  ENGINE_TIMEOUT,
);

it('diffs from the newest snapshot only, and keeps new folders sorting last', async () => {
  await createMigration(options('init', new Date('2026-03-04T05:06:07Z')));
  writeFileSync(prismaSchemaFile, SCHEMA.replace('  name   String\n', '  name   String\n  weight Int?\n\n  @@index([name])\n'));
  // A clock behind the newest migration must not put the new one before it.
  const result = await createMigration(options('add weight', new Date('2020-01-01T00:00:00Z')));
  expect(result.created).toBe('20260304050608_add_weight');
  expect(result.sql).toContain('ALTER TABLE "widgets" ADD COLUMN     "weight" INTEGER;');
  expect(result.sql).toContain('CREATE INDEX "widgets_name_idx" ON "widgets"("name");');
  expect(result.sql).not.toContain('CREATE TABLE');
  expect(folders()).toEqual(['20260304050607_init', '20260304050608_add_weight']);

  writeFileSync(prismaSchemaFile, SCHEMA);
  const back = await createMigration(options('drop weight', new Date('2026-04-01T00:00:00Z')));
  expect(back.sql).toContain('DROP INDEX "widgets_name_idx";');
  expect(back.sql).toContain('ALTER TABLE "widgets" DROP COLUMN "weight";');
});

it('refuses to guess when the newest migration has no snapshot', async () => {
  await createMigration(options('init', new Date('2026-03-04T05:06:07Z')));
  rmSync(join(migrationsDir, '20260304050607_init', 'schema.snapshot.prisma'));
  writeFileSync(prismaSchemaFile, SCHEMA.replace('  name   String\n', '  name   String\n  weight Int?\n'));
  await expect(createMigration(options('more', new Date()))).rejects.toThrow(/20260304050607_init has no schema\.snapshot\.prisma/);
  expect(folders()).toEqual(['20260304050607_init']);
});

it("reports an invalid schema with Prisma's message and the file name, creating nothing", async () => {
  writeFileSync(prismaSchemaFile, `${SCHEMA}\nmodel Broken {\n  id Int @id\n  oops NotAType\n}\n`);
  await expect(createMigration(options('init', new Date()))).rejects.toThrow(new RegExp(`${prismaSchemaFile.replaceAll('/', '\\/')}[\\s\\S]*NotAType`));
  expect(existsSync(migrationsDir)).toBe(false);
});

it('normalises migration names', () => {
  expect(migrationSlug('Add user nickname!')).toBe('add_user_nickname');
  expect(migrationSlug('  --add-INDEX--  ')).toBe('add_index');
  expect(() => migrationSlug('!!!')).toThrow(/no letters or digits/);
});
