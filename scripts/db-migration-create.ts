// npm run db:migration:create -- --subgraph <name|all> --name <slug>
// Creates the next Prisma migration of a subgraph offline (see platform/db/migrations/create.ts).
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createMigration } from '../platform/db/migrations/create.js';
import { disposeSchemaEngine } from '../platform/db/migrations/schema-engine.js';
import { SUBGRAPHS, repoRoot } from '../subgraphs/registry.js';

const usage = 'usage: db-migration-create --subgraph <name|all> --name <what_changed>';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { subgraph: { type: 'string' }, name: { type: 'string' } } });
  if (!values.subgraph || !values.name) {
    console.error(usage);
    return 2;
  }
  const targets = values.subgraph === 'all' ? SUBGRAPHS : SUBGRAPHS.filter((s) => s.name === values.subgraph);
  if (targets.length === 0) {
    console.error(`unknown subgraph "${values.subgraph}" (known: ${SUBGRAPHS.map((s) => s.name).join(', ')}, all)\n${usage}`);
    return 2;
  }
  let failed = false;
  for (const subgraph of targets) {
    if (!existsSync(subgraph.prismaSchemaFile)) {
      const message = `${subgraph.name}: skipped, no ${relative(repoRoot, subgraph.prismaSchemaFile)} yet`;
      // Asked for by name, a missing schema is an error; with "all" it is a subgraph not started yet.
      if (values.subgraph === 'all') console.log(message);
      else {
        console.error(message);
        failed = true;
      }
      continue;
    }
    try {
      const result = await createMigration({
        schema: subgraph.name,
        prismaSchemaFile: subgraph.prismaSchemaFile,
        migrationsDir: subgraph.migrationsDir,
        name: values.name,
      });
      console.log(
        result.dir
          ? `${subgraph.name}: created ${relative(repoRoot, result.dir)}/ (migration.sql, schema.snapshot.prisma) — review the SQL before committing`
          : `${subgraph.name}: no changes`,
      );
    } catch (error) {
      console.error(`${subgraph.name}: ${(error as Error).message}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

void main()
  .catch((error: unknown) => {
    console.error(error);
    return 1;
  })
  .then(async (code) => {
    await disposeSchemaEngine();
    process.exitCode = code;
  });
