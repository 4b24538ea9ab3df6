// Applies every subgraph's migrations to a database target (embedded start-up, `npm run db:migrate`, tests).
import { SUBGRAPHS, type SubgraphName } from '../../subgraphs/registry.js';
import { applyMigrations } from './migrations/apply.js';
import { pgSqlRunner, pgliteSqlRunner } from './migrations/sql-runner.js';
import type { DatabaseTarget } from './target.js';

/**
 * Brings each named subgraph's schema namespace up to date. Safe to run from several processes at once
 * (serialised by an advisory lock per schema).
 * @returns the migrations applied now, per subgraph (empty when already up to date).
 * @throws when a migration fails or an applied migration's file changed; the message names it.
 */
export async function migrateSubgraphs(
  target: DatabaseTarget,
  names: readonly SubgraphName[] = SUBGRAPHS.map((s) => s.name),
  log?: (message: string) => void,
): Promise<Record<string, string[]>> {
  const applied: Record<string, string[]> = {};
  for (const info of SUBGRAPHS.filter((s) => names.includes(s.name))) {
    const runner = target.kind === 'postgres' ? await pgSqlRunner(target.url) : pgliteSqlRunner(target.pglite);
    try {
      applied[info.name] = (await applyMigrations(runner, { schema: info.name, migrationsDir: info.migrationsDir, log })).applied;
    } finally {
      await runner.close();
    }
  }
  return applied;
}
