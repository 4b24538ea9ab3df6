// Runs the gateway as its own process: `node dist/gateway/src/index.js [--supergraph PATH] [--port N]`.
import { requireGatewaySecret, verifyingProcessAuth } from '../../platform/auth/index.js';
import { ConfigError, readRuntimeConfig } from '../../platform/config/index.js';
import { stopOnSignals } from '../../platform/http/index.js';
import { createLogger } from '../../platform/logging/index.js';
import { startTracing } from '../../platform/tracing/index.js';
import { readGatewayConfig } from './config.js';
import { startGateway, type RunningGateway } from './server.js';
import { loadSupergraph } from './supergraph.js';
import { readMetricsConfig, startMetricsServer, type MetricsServer } from '../../platform/metrics/index.js';

const logger = createLogger({ level: readRuntimeConfig().logLevel, format: readRuntimeConfig().logFormat, bindings: { service: 'gateway' } });
try {
  // OpenTelemetry traces when OTEL_TRACES_EXPORTER asks for them (off by default): platform/tracing/README.md.
  const tracing = startTracing({ serviceName: 'gateway' });
  const config = readGatewayConfig(process.env, process.argv.slice(2));
  // Verifies with identity's published keys; without AUTH_JWKS_URL this stops with a ConfigError saying so.
  const { verify } = verifyingProcessAuth(config.auth);
  // The same GATEWAY_SECRET as every subgraph's; production refuses to start without one.
  const gatewaySecret = requireGatewaySecret(config.auth, { production: config.production, logger });
  // Registered before the port opens: a process without a SIGTERM listener dies at once, so a signal arriving
  // right after "listening" would otherwise skip the graceful stop.
  let gateway: RunningGateway | undefined;
  let metrics: MetricsServer | undefined;
  stopOnSignals(async () => {
    await gateway?.stop();
    await tracing.shutdown();
    await metrics?.close();
  }, logger);
  // Its own port (METRICS_PORT, default 9464), never the client port: platform/metrics/README.md.
  metrics = await startMetricsServer('gateway', readMetricsConfig('gateway'), logger);
  gateway = await startGateway({
    supergraph: loadSupergraph(config.supergraphPath, config.subgraphUrls),
    logger,
    port: config.port,
    host: config.host,
    introspection: config.introspection,
    sandbox: config.sandbox,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    deduplicateSubgraphFetches: config.deduplicateSubgraphFetches,
    subscriptionLimits: config.subscriptionLimits,
    operationLimits: config.operationLimits,
    rateLimits: config.rateLimits,
    trustProxyHops: config.trustProxyHops,
    verifyAccessToken: verify,
    gatewaySecret,
    production: config.production,
    cors: config.cors,
    securityHeaders: config.securityHeaders,
  });
} catch (error) {
  logger.fatal({ err: error }, error instanceof ConfigError ? error.message : 'gateway failed to start');
  process.exit(1);
}
