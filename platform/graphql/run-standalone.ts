// Entry point body shared by `subgraphs/<name>/src/index.ts`: one subgraph as its own process (distributed mode).
import { readEnv, envVar, readRuntimeConfig, subgraphDatabaseUrl, ConfigError } from '../config/index.js';
import { createLogger } from '../logging/index.js';
import { createLivePubSub } from '../pubsub/index.js';
import { createEventBus } from '../events/index.js';
import { readAuthConfig, requireGatewaySecret, signingProcessAuth, verifyingProcessAuth } from '../auth/index.js';
import { stopOnSignals } from '../http/index.js';
import { startTracing } from '../tracing/index.js';
import { subgraphInfo, type SubgraphName } from '../../subgraphs/registry.js';
import type { BuiltSubgraph, RunningSubgraph } from './subgraph-server.js';
import { readOperationLimits } from './operation-limits/index.js';
import { serveSubgraph } from './subgraph-server.js';
import type { SubgraphDeps } from './subgraph-deps.js';
import { readMetricsConfig, startMetricsServer, type MetricsServer } from '../metrics/index.js';

export async function runStandaloneSubgraph(name: SubgraphName, build: (deps: SubgraphDeps) => Promise<BuiltSubgraph>): Promise<void> {
  const runtime = readRuntimeConfig();
  const logger = createLogger({ level: runtime.logLevel, format: runtime.logFormat, bindings: { service: name } });
  try {
    // OpenTelemetry traces when OTEL_TRACES_EXPORTER asks for them (off by default): platform/tracing/README.md.
    const tracing = startTracing({ serviceName: name });
    const { PORT: port } = readEnv({ PORT: envVar.port(subgraphInfo(name).port) });
    const url = subgraphDatabaseUrl(name);
    if (!url) {
      throw new ConfigError(
        `Set DATABASE_URL (or ${name.toUpperCase()}_DATABASE_URL) to a PostgreSQL URL: a subgraph run on its own needs a shared database. ` +
          '`npm start` runs every subgraph in one process with an embedded database instead.',
      );
    }
    const pubsub = createLivePubSub({ redisUrl: runtime.redisUrl, prefix: runtime.pubsubPrefix, logger });
    // Same Redis and prefix rules as the pub/sub: keys `<prefix>events…` next to the `<prefix>` channels.
    const events = createEventBus({ redisUrl: runtime.redisUrl, prefix: runtime.pubsubPrefix, logger: logger.child({ component: 'events' }) });
    if (!runtime.redisUrl) logger.warn('REDIS_URL is not set: live and domain events reach only this process');
    const production = runtime.nodeEnv === 'production';
    const authConfig = readAuthConfig();
    // The same GATEWAY_SECRET as the gateway's; production refuses to start without one.
    requireGatewaySecret(authConfig, { production, logger });
    const auth = name === 'identity' ? await signingProcessAuth(authConfig, { production, dataDir: runtime.dataDir }) : verifyingProcessAuth(authConfig);
    // Registered before the port opens: a process without a SIGTERM listener dies at once, so a signal arriving
    // right after "listening" (an orchestrator stopping a fresh replica) would otherwise skip the graceful stop.
    let running: RunningSubgraph | undefined;
    let metrics: MetricsServer | undefined;
    stopOnSignals(async () => {
      await running?.stop();
      await events.dispose();
      await pubsub.dispose();
      await tracing.shutdown();
      await metrics?.close();
    }, logger);
    // Its own port (METRICS_PORT, default 9465..9470 in registry order): platform/metrics/README.md.
    metrics = await startMetricsServer(name, readMetricsConfig(name), logger);
    const subgraph = await build({ database: { kind: 'postgres', url }, logger, pubsub, events, auth, redisUrl: runtime.redisUrl });
    running = await serveSubgraph(subgraph, { port, host: runtime.host, logger, production, operationLimits: readOperationLimits() });
  } catch (error) {
    logger.fatal({ err: error }, error instanceof ConfigError ? error.message : `${name} subgraph failed to start`);
    process.exit(1);
  }
}
