// checkSubgraphs: migrations vs schema.prisma, proven by building both in PGlite and comparing catalogs.
// One checkSubgraphs call checks many fixture "subgraphs" at once (each is its own PostgreSQL schema).
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSubgraphs, type CheckTarget, type SubgraphCheckResult } from '../check.js';
import { createMigration } from '../create.js';
import { readMigrations } from '../migration-files.js';
import { disposeSchemaEngine } from '../schema-engine.js';
import { subgraphInfo } from '../../../../subgraphs/registry.js';
import { tempDir, type TempDir } from './helpers.js';

const SCHEMA = `datasource db {
  provider = "postgresql"
}

enum Colour {
  RED
  GREEN
}

model Widget {
  id        String   @id @default(uuid()) @db.Uuid
  name      String   @unique
  colour    Colour   @default(RED)
  createdAt DateTime @default(now()) @map("created_at") @db.Timestamptz(3)

  @@map("widgets")
}
`;
const WITH_NICKNAME = SCHEMA.replace('  name      String   @unique\n', '  name      String   @unique\n  nickname  String?\n');

let dir: TempDir;
beforeAll(() => {
  dir = tempDir('check');
});
afterAll(async () => {
  dir.remove();
  await disposeSchemaEngine();
});

/** A fixture subgraph named `name` whose migrations were made from SCHEMA by createMigration. */
async function fixture(name: string): Promise<CheckTarget> {
  const base = join(dir.path, name);
  mkdirSync(base, { recursive: true });
  const target = { name, prismaSchemaFile: join(base, 'schema.prisma'), migrationsDir: join(base, 'migrations') };
  writeFileSync(target.prismaSchemaFile, SCHEMA);
  await createMigration({ schema: name, prismaSchemaFile: target.prismaSchemaFile, migrationsDir: target.migrationsDir, name: 'init' });
  return target;
}

function resultFor(results: SubgraphCheckResult[], name: string): SubgraphCheckResult {
  const result = results.find((r) => r.subgraph === name);
  if (!result) throw new Error(`no result for ${name}`);
  return result;
}

it('tells agreeing subgraphs from each kind of disagreement, naming the subgraph, the difference and the fix', async () => {
  const agrees = await fixture('agrees');

  // Someone added a column to schema.prisma and did not create a migration.
  const drift = await fixture('drift');
  writeFileSync(drift.prismaSchemaFile, WITH_NICKNAME);

  // Someone edited the applied migration by hand (the unique index is gone).
  const edited = await fixture('edited');
  const [editedInit] = readMigrations(edited.migrationsDir);
  writeFileSync(editedInit!.sqlFile, readFileSync(editedInit!.sqlFile, 'utf8').replace(/-- CreateIndex\nCREATE UNIQUE INDEX[^\n]*\n/, ''));

  // The migrations match schema.prisma, but the snapshot the next create diffs from does not.
  const stale = await fixture('stale');
  writeFileSync(readMigrations(stale.migrationsDir)[0]!.snapshotFile, WITH_NICKNAME);

  const broken = await fixture('broken');
  appendFileSync(readMigrations(broken.migrationsDir)[0]!.sqlFile, '\nALTER TABLE "nope" ADD COLUMN "x" INTEGER;\n');

  const unmigrated = { name: 'unmigrated', prismaSchemaFile: join(dir.path, 'unmigrated.prisma'), migrationsDir: join(dir.path, 'none') };
  writeFileSync(unmigrated.prismaSchemaFile, SCHEMA);
  const notYet = { name: 'notyet', prismaSchemaFile: join(dir.path, 'absent', 'schema.prisma'), migrationsDir: join(dir.path, 'absent', 'migrations') };

  const results = await checkSubgraphs([agrees, drift, edited, stale, broken, unmigrated, notYet, subgraphInfo('identity')]);

  expect(resultFor(results, 'agrees')).toMatchObject({ status: 'ok', problems: [], migrations: 1 });
  expect(resultFor(results, 'identity')).toMatchObject({ status: 'ok', problems: [] });
  expect(resultFor(results, 'notyet')).toMatchObject({ status: 'skipped', note: expect.stringContaining('absent/schema.prisma') });

  const driftProblems = resultFor(results, 'drift');
  expect(driftProblems.status).toBe('failed');
  expect(driftProblems.problems.join('\n')).toMatch(/^drift: the database its migrations build differs from .*drift\/schema\.prisma/);
  expect(driftProblems.problems.join('\n')).toContain('column widgets.nickname (text NULL): in schema.prisma, not made by the migrations');
  expect(driftProblems.problems.join('\n')).toContain(
    'schema.prisma was changed without creating a migration. Run: npm run db:migration:create -- --subgraph drift --name <what_changed>',
  );

  const editedProblems = resultFor(results, 'edited').problems.join('\n');
  expect(editedProblems).toContain(
    'index widgets_name_key (CREATE UNIQUE INDEX widgets_name_key ON edited.widgets USING btree (name)): in schema.prisma, not made by the migrations',
  );
  expect(editedProblems).toContain('the migrations were edited by hand');

  expect(resultFor(results, 'stale').problems.join('\n')).toMatch(
    /stale: the migrations build exactly what schema\.prisma describes, but the newest migration's schema\.snapshot\.prisma is stale/,
  );
  expect(resultFor(results, 'broken').problems.join('\n')).toMatch(
    /broken: the migrations do not apply to an empty database: migration \S+_init failed .*"nope" does not exist/s,
  );
  expect(resultFor(results, 'unmigrated').problems.join('\n')).toContain('npm run db:migration:create -- --subgraph unmigrated --name init');
}, 120_000);

it('passes again once the missing migration is created with db:migration:create', async () => {
  const target = await fixture('fixed');
  writeFileSync(target.prismaSchemaFile, WITH_NICKNAME);
  expect((await checkSubgraphs([target]))[0]?.status).toBe('failed');

  const { created } = await createMigration({
    schema: 'fixed',
    prismaSchemaFile: target.prismaSchemaFile,
    migrationsDir: target.migrationsDir,
    name: 'add nickname',
  });
  expect(created).toMatch(/_add_nickname$/);
  expect(await checkSubgraphs([target])).toEqual([expect.objectContaining({ subgraph: 'fixed', status: 'ok', problems: [], migrations: 2 })]);
}, 120_000);
