// `npm run db:migrate`: applies every subgraph's pending migrations to DATABASE_URL (or a subgraph's own
// <NAME>_DATABASE_URL). Distributed deployments run it once per release, before starting the services.
import { ConfigError, readRuntimeConfig, subgraphDatabaseUrl } from '../platform/config/index.js';
import { migrateSubgraphs } from '../platform/db/index.js';
import { createLogger } from '../platform/logging/index.js';
import { SUBGRAPHS } from '../subgraphs/registry.js';

const logger = createLogger({ level: readRuntimeConfig().logLevel, bindings: { task: 'db:migrate' } });
try {
  for (const { name } of SUBGRAPHS) {
    const url = subgraphDatabaseUrl(name);
    if (!url) throw new ConfigError(`Set DATABASE_URL (or ${name.toUpperCase()}_DATABASE_URL) to the PostgreSQL server to migrate.`);
    const applied = await migrateSubgraphs({ kind: 'postgres', url }, [name]);
    logger.info({ subgraph: name, applied: applied[name] }, applied[name]?.length ? 'migrated' : 'up to date');
  }
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  process.exit(1);
}
