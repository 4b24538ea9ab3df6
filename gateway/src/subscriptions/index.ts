// Federated subscriptions for the gateway; how they work: README.md in this folder.
import type http from 'node:http';
import type { OperationGuard } from '../../../platform/graphql/operation-limits/index.js';
import type { ApolloGateway, GraphQLDataSource } from '@apollo/gateway';
import type { AccessTokenVerifier } from '../../../platform/auth/index.js';
import type { Logger } from '../../../platform/logging/index.js';
import type { RequestRateLimiter } from '../rate-limit/index.js';
import { createErrorMasker } from './errors.js';
import { SubscriptionPlanner } from './planner.js';
import { SharedSubscriptions, type SharedSubscriptionStats } from './shared-subscriptions.js';
import { UpstreamPool } from './upstream-pool.js';
import { attachGatewayWsServer, DEFAULT_SUBSCRIPTION_LIMITS, type SubscriptionLimits } from './ws-server.js';

export type { SubscriptionLimits } from './ws-server.js';

export interface SubscriptionStats extends SharedSubscriptionStats {
  /** Client WebSocket connections. */
  connections: number;
  /** Client subscriptions (each shares an upstream subscription). */
  clientSubscriptions: number;
  /** Upstream graphql-ws connections, one per (subgraph, identity scope) in use. */
  upstreamConnections: number;
}

export interface GatewaySubscriptions {
  stats(): SubscriptionStats;
  /** Closes client connections (1001), then upstream connections. */
  dispose(): Promise<void>;
}

export interface GatewaySubscriptionsOptions {
  httpServer: http.Server;
  /** Registered before the gateway loads: each supergraph load or update rebuilds the planner. */
  gateway: ApolloGateway;
  dataSourceFor: (subgraph: { name: string; url: string }) => GraphQLDataSource;
  /** Subgraph URL by name: the deployment's overrides, else the supergraph's. */
  urlOf: (name: string, supergraphUrl: string) => string;
  verifyAccessToken: AccessTokenVerifier;
  logger: Logger;
  limits?: Partial<SubscriptionLimits>;
  /** The operation limits, checked on each `subscribe` before it is validated or planned. */
  guard: OperationGuard;
  /** Limits new connections per client IP (chargeConnection); undefined: no limit. Owned by the caller. */
  rateLimiter?: RequestRateLimiter;
  /** Proxies in front of the gateway appending to X-Forwarded-For; default 0 (the gateway is the edge). */
  trustProxyHops?: number;
  /** Proves the gateway to subgraphs on its upstream sockets (platform/auth/gateway-hop.ts). */
  gatewaySecret?: string;
  /** Default "/graphql". */
  path?: string;
}

export function attachGatewaySubscriptions(options: GatewaySubscriptionsOptions): GatewaySubscriptions {
  const { logger } = options;
  const mask = createErrorMasker(logger);
  const planner = new SubscriptionPlanner({ dataSourceFor: options.dataSourceFor, urlOf: options.urlOf, logger });
  options.gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    planner.load(coreSupergraphSdl, apiSchema);
    logger.debug('subscription planner rebuilt for the loaded supergraph');
  });
  const pool = new UpstreamPool({ logger, gatewaySecret: options.gatewaySecret });
  const shared = new SharedSubscriptions({ pool, urlOf: (name) => planner.urlOfSubgraph(name), mask, logger });
  const ws = attachGatewayWsServer({
    httpServer: options.httpServer,
    path: options.path ?? '/graphql',
    planner,
    shared,
    verifyAccessToken: options.verifyAccessToken,
    mask,
    logger,
    limits: { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.limits },
    guard: options.guard,
    rateLimiter: options.rateLimiter,
    trustProxyHops: options.trustProxyHops ?? 0,
  });
  return {
    stats: () => ({ ...shared.stats(), connections: ws.connections(), clientSubscriptions: ws.subscriptions(), upstreamConnections: pool.size }),
    async dispose() {
      await ws.dispose();
      await pool.dispose();
    },
  };
}
