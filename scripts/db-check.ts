// npm run db:check — exits 1 when any subgraph's migrations and schema.prisma disagree (see
// platform/db/migrations/check.ts for how that is proven).
import { checkSubgraphs } from '../platform/db/migrations/check.js';
import { disposeSchemaEngine } from '../platform/db/migrations/schema-engine.js';
import { SUBGRAPHS } from '../subgraphs/registry.js';

async function main(): Promise<number> {
  const results = await checkSubgraphs(SUBGRAPHS);
  for (const r of results) {
    if (r.status === 'skipped') console.log(`${r.subgraph}: skipped (${r.note})`);
    else if (r.status === 'ok') console.log(`${r.subgraph}: ok — ${r.migrations} migration(s) build exactly schema.prisma (${r.ms} ms)`);
    else for (const problem of r.problems) console.error(`${r.subgraph}: FAILED — ${problem.replace(`${r.subgraph}: `, '')}`);
  }
  const failed = results.filter((r) => r.status === 'failed');
  if (failed.length > 0) console.error(`db:check failed for ${failed.map((r) => r.subgraph).join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

void main()
  .catch((error: unknown) => {
    console.error('db:check could not run:', error);
    return 1;
  })
  .then(async (code) => {
    await disposeSchemaEngine();
    process.exitCode = code;
  });
