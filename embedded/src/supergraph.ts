// Starts all six subgraphs and the gateway in this process. Used by `npm start` (embedded mode) and by the
// supergraph tests (port 0, real PostgreSQL or PGlite).
import type { DatabaseTarget, StatementListener } from '../../platform/db/index.js';
import { generateGatewaySecret } from '../../platform/auth/index.js';
import { createMemoryEventBus, type EventBus } from '../../platform/events/index.js';
import { serveSubgraph, type RunningSubgraph, type SubgraphAuth } from '../../platform/graphql/index.js';
import type { OperationLimits } from '../../platform/graphql/operation-limits/index.js';
import type { Logger } from '../../platform/logging/index.js';
import type { LivePubSub } from '../../platform/pubsub/index.js';
import { SUBGRAPHS } from '../../subgraphs/registry.js';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../gateway/src/server.js';
import { loadSupergraph } from '../../gateway/src/supergraph.js';
import { SUBGRAPH_FACTORIES } from './subgraph-factories.js';

export interface SupergraphOptions {
  database: DatabaseTarget;
  logger: Logger;
  /** Shared by all six subgraphs; owned (and disposed) by the caller. */
  pubsub: LivePubSub;
  /**
   * The durable event streams shared by all six subgraphs; owned (and disposed, after `stop()`) by the caller.
   * Omitted → a new in-process bus that `stop()` disposes.
   */
  events?: EventBus;
  /**
   * Signing keys (for identity) and the verifier every subgraph and the gateway use. Without `config.gatewaySecret`
   * (GATEWAY_SECRET) the gateway and the subgraphs share one made for this process.
   */
  auth: SubgraphAuth;
  /** Redis for shared state (rate limits); undefined → in-process. */
  redisUrl?: string;
  supergraphPath: string;
  /** Gateway port; 0 = any free port. */
  gatewayPort: number;
  /** 'registry' uses each subgraph's default port (4001-4006); 'any' picks free ports (tests). */
  subgraphPorts: 'registry' | 'any';
  /** Interface the gateway binds; subgraphs always bind 127.0.0.1 in embedded mode (they are internal). */
  host?: string;
  introspection?: boolean;
  sandbox?: boolean;
  /** graphql-ws limits of the gateway (SUBSCRIPTION_QUEUE_LIMIT, SUBSCRIPTIONS_PER_CONNECTION); defaults when omitted. */
  subscriptionLimits?: GatewayOptions['subscriptionLimits'];
  /** The gateway's request rate limits and trusted proxy hops; none when omitted (tests). */
  rateLimits?: GatewayOptions['rateLimits'];
  trustProxyHops?: GatewayOptions['trustProxyHops'];
  /** NODE_ENV=production: see GatewayOptions.production and ServeSubgraphOptions.production. Default false. */
  production?: boolean;
  /** The gateway's CORS_ORIGINS and HSTS_MAX_AGE_SECONDS (GatewayOptions); default: no origins, no HSTS. */
  cors?: GatewayOptions['cors'];
  securityHeaders?: GatewayOptions['securityHeaders'];
  onStatement?: StatementListener;
  /** Operation limits of the gateway and every subgraph; DEFAULT_OPERATION_LIMITS when omitted. */
  operationLimits?: OperationLimits;
  /** How long the gateway waits for a subgraph's answer (the gateway's SUBGRAPH_TIMEOUT_MS); default 10 s. */
  subgraphTimeoutMs?: number;
  /** How a subgraph is built instead of SUBGRAPH_FACTORIES (tests: notifications sending to local fake providers). */
  subgraphFactories?: Partial<typeof SUBGRAPH_FACTORIES>;
  /** Called as each subgraph (by name), then the gateway ('gateway'), starts listening: `npm start`'s timeline. */
  onStarted?: (service: string) => void;
}

export interface RunningSupergraph {
  gateway: RunningGateway;
  subgraphs: RunningSubgraph[];
  /** Stops the gateway first (no new requests reach subgraphs), then every subgraph. */
  stop(): Promise<void>;
}

export async function startSupergraph(options: SupergraphOptions): Promise<RunningSupergraph> {
  const running: RunningSubgraph[] = [];
  const ownEvents = options.events ? undefined : createMemoryEventBus({ logger: options.logger.child({ component: 'events' }) });
  // ownEvents exists whenever options.events does not. The rule misreads a cast on the right of `??` as unneeded.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const events = options.events ?? (ownEvents as EventBus);
  // One process: the secret never leaves it, so a fresh one per start is enough.
  const auth: SubgraphAuth = options.auth.config.gatewaySecret
    ? options.auth
    : { ...options.auth, config: { ...options.auth.config, gatewaySecret: generateGatewaySecret() } };
  const production = options.production ?? false;
  try {
    for (const info of SUBGRAPHS) {
      const logger = options.logger.child({ service: info.name });
      const build = options.subgraphFactories?.[info.name] ?? SUBGRAPH_FACTORIES[info.name];
      const built = await build({
        database: options.database,
        logger,
        pubsub: options.pubsub,
        events,
        auth,
        redisUrl: options.redisUrl,
        onStatement: options.onStatement,
      });
      running.push(
        await serveSubgraph(built, {
          port: options.subgraphPorts === 'registry' ? info.port : 0,
          host: '127.0.0.1',
          logger,
          production,
          operationLimits: options.operationLimits,
          // One process, one registry: the gateway's numbers are the clients'; its fetches are timed per subgraph.
          metrics: false,
        }),
      );
      options.onStarted?.(info.name);
    }
    const supergraph = loadSupergraph(options.supergraphPath, Object.fromEntries(running.map((s) => [s.name, s.url])));
    const gateway = await startGateway({
      supergraph,
      logger: options.logger.child({ service: 'gateway' }),
      port: options.gatewayPort,
      host: options.host,
      introspection: options.introspection ?? true,
      sandbox: options.sandbox ?? true,
      // The same in-process verifier as the subgraphs: identity's keys, no JWKS fetch.
      verifyAccessToken: auth.verify,
      subscriptionLimits: options.subscriptionLimits,
      operationLimits: options.operationLimits,
      subgraphTimeoutMs: options.subgraphTimeoutMs,
      rateLimits: options.rateLimits,
      trustProxyHops: options.trustProxyHops,
      gatewaySecret: auth.config.gatewaySecret,
      production,
      cors: options.cors,
      securityHeaders: options.securityHeaders,
    });
    options.onStarted?.('gateway');
    return {
      gateway,
      subgraphs: running,
      async stop() {
        await gateway.stop();
        await Promise.all(running.map((s) => s.stop()));
        await ownEvents?.dispose();
      },
    };
  } catch (error) {
    await Promise.all(running.map((s) => s.stop().catch(() => undefined)));
    await ownEvents?.dispose();
    throw error;
  }
}
