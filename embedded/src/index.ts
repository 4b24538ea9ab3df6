// `npm start`: the whole supergraph in one process with embedded defaults — PGlite under DATA_DIR unless
// DATABASE_URL is set, in-process pub/sub unless REDIS_URL is set, demo data seeded.
import { resolve } from 'node:path';
import { ConfigError, readEnv, envVar, readRuntimeConfig } from '../../platform/config/index.js';
import { describeTarget, migrateSubgraphs, openEmbeddedPostgres, type DatabaseTarget } from '../../platform/db/index.js';
import { stopOnSignals } from '../../platform/http/index.js';
import { createLogger } from '../../platform/logging/index.js';
import { startTracing } from '../../platform/tracing/index.js';
import { createLivePubSub } from '../../platform/pubsub/index.js';
import { createEventBus } from '../../platform/events/index.js';
import { readAuthConfig, signingProcessAuth } from '../../platform/auth/index.js';
import { repoRoot } from '../../subgraphs/registry.js';
import { readGatewayConfig } from '../../gateway/src/config.js';
import { seedDemoCityOnce } from './demo-seed-once.js';
import { seedDemoCity } from './seed-demo-city.js';
import { startSupergraph, type RunningSupergraph } from './supergraph.js';
import { readMetricsConfig, startMetricsServer, type MetricsServer } from '../../platform/metrics/index.js';
import { startupTimeline } from './startup-timeline.js';

// Every import above has loaded by now: the first mark is Node's boot plus module loading.
const startup = startupTimeline();
startup.mark('modules');

const runtime = readRuntimeConfig();
const logger = createLogger({ level: runtime.logLevel, format: runtime.logFormat, bindings: { mode: 'embedded' } });
try {
  // One process for every service, so one service.name ("ridegraph"); spans name the service in `ridegraph.service`.
  const tracing = startTracing({ serviceName: 'ridegraph' });
  const gatewayConfig = readGatewayConfig(process.env, process.argv.slice(2));
  const { SEED_DEMO_DATA: seed } = readEnv({ SEED_DEMO_DATA: envVar.boolean(true) });
  const pglite = runtime.databaseUrl ? undefined : await openEmbeddedPostgres(resolve(repoRoot, runtime.dataDir));
  startup.mark('pglite');
  const database: DatabaseTarget = pglite ? { kind: 'pglite', pglite } : { kind: 'postgres', url: runtime.databaseUrl as string };
  logger.info({ database: describeTarget(database) }, 'applying migrations');
  await migrateSubgraphs(database, undefined, (message) => logger.info(message));
  startup.mark('migrations');
  if (seed) {
    // The PGlite folder is seeded once per version of the demo seed (demo-seed-once.ts); DATABASE_URL every start.
    const outcome = pglite ? await seedDemoCityOnce(pglite, database) : (await seedDemoCity(database), 'seeded');
    logger.info(
      outcome === 'seeded' ? 'demo city seeded (see README for the demo phone numbers)' : 'demo city already seeded (see README for the demo phone numbers)',
    );
    startup.mark('seed');
  }
  const pubsub = createLivePubSub({ redisUrl: runtime.redisUrl, prefix: runtime.pubsubPrefix, logger });
  // One bus for the process: in-process unless REDIS_URL is set (then Redis Streams, shareable with other processes).
  const events = createEventBus({ redisUrl: runtime.redisUrl, prefix: runtime.pubsubPrefix, logger: logger.child({ component: 'events' }) });
  const auth = await signingProcessAuth(readAuthConfig(), { production: runtime.nodeEnv === 'production', dataDir: resolve(repoRoot, runtime.dataDir) });
  startup.mark('buses+auth');
  // Registered before any port opens: a process without a SIGTERM listener dies at once, so a signal arriving
  // right after "listening" would otherwise skip the graceful stop.
  let supergraph: RunningSupergraph | undefined;
  let metrics: MetricsServer | undefined;
  stopOnSignals(async () => {
    await supergraph?.stop();
    await events.dispose();
    await pubsub.dispose();
    await pglite?.close();
    await tracing.shutdown();
    await metrics?.close();
  }, logger);
  // One process, one registry, one endpoint (METRICS_PORT, default 9464): platform/metrics/README.md.
  metrics = await startMetricsServer('embedded', readMetricsConfig('embedded'), logger);
  startup.mark('metrics');
  supergraph = await startSupergraph({
    database,
    logger,
    pubsub,
    events,
    auth,
    redisUrl: runtime.redisUrl,
    supergraphPath: gatewayConfig.supergraphPath,
    gatewayPort: gatewayConfig.port,
    subgraphPorts: 'registry',
    host: gatewayConfig.host,
    introspection: gatewayConfig.introspection,
    sandbox: gatewayConfig.sandbox,
    subscriptionLimits: gatewayConfig.subscriptionLimits,
    operationLimits: gatewayConfig.operationLimits,
    rateLimits: gatewayConfig.rateLimits,
    trustProxyHops: gatewayConfig.trustProxyHops,
    production: gatewayConfig.production,
    cors: gatewayConfig.cors,
    securityHeaders: gatewayConfig.securityHeaders,
    onStarted: (service) => startup.mark(service),
  });
  logger.info(
    { startupMs: startup.marks, startupCpuMs: startup.cpuMarks, processStartedAt: startup.processStartedAt },
    `Ridegraph is running: ${supergraph.gateway.url.replace('127.0.0.1', 'localhost')}`,
  );
} catch (error) {
  logger.fatal({ err: error }, error instanceof ConfigError ? error.message : 'Ridegraph failed to start');
  process.exit(1);
}
