// Prometheus metrics of one process (README.md in this folder: every metric, its labels, ports, scraping, security).
export { registry, renderMetrics, setMetricsService, setMetricsEnabled, metricsEnabled, secondsSince, type MetricsService } from './registry.js';
export { startMetricsServer, readMetricsConfig, createMetricsHttpServer, DEFAULT_METRICS_PORTS, type MetricsConfig, type MetricsServer } from './server.js';
export { startHttpRequestTimer, methodLabel } from './http.js';
export {
  operationMetricsPlugin,
  recordOperation,
  recordErrorCodes,
  recordRefusedRequest,
  operationTypeOf,
  errorCodeLabel,
  type OperationType,
  type OperationOutcome,
} from './graphql.js';
export { operationLabel, SDK_OPERATION_NAMES } from './operation-names.js';
export { startSubgraphFetchTimer, type SubgraphFetchOutcome } from './subgraph-fetch.js';
export { wsConnectionOpened, wsSubscriptionStarted, recordSubscriptionEventDelivered, recordSubscriptionEventsDropped } from './ws.js';
export { recordEventsRelayed, recordEventConsumed, addOutboxBacklogSource, addConsumerLagSource, type ConsumeOutcome } from './events.js';
export { addDbPool, startQueryTimer, type PoolCounts } from './db.js';
export { recordRateLimitRejection, recordCostLimitRejection, type RateLimitName } from './limits.js';
