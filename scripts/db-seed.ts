// `npm run db:seed`: writes the demo city into DATABASE_URL (idempotent). Embedded mode seeds by itself.
import { ConfigError, readRuntimeConfig } from '../platform/config/index.js';
import { createLogger } from '../platform/logging/index.js';
import { seedDemoCity } from '../embedded/src/seed-demo-city.js';

const logger = createLogger({ level: readRuntimeConfig().logLevel, bindings: { task: 'db:seed' } });
try {
  const { databaseUrl } = readRuntimeConfig();
  if (!databaseUrl) throw new ConfigError('Set DATABASE_URL to the PostgreSQL server to seed (run `npm run db:migrate` first).');
  await seedDemoCity({ kind: 'postgres', url: databaseUrl });
  logger.info('demo city seeded');
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  process.exit(1);
}
