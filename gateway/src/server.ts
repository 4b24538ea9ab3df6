// Builds and starts the gateway: @apollo/gateway over a static, pre-composed supergraph, served by Apollo
// Server 5 on node:http, with federated subscriptions over graphql-ws on the same port and path.
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { viewerFromAuthorization, type AccessTokenVerifier } from '../../platform/auth/index.js';
import { createErrorFormatter } from '../../platform/errors/index.js';
import { createOperationGuard, DEFAULT_OPERATION_LIMITS, supergraphCostModel, type OperationLimits } from '../../platform/graphql/operation-limits/index.js';
import { createGraphQLHttpServer, DRAIN_GRACE_MS, listen, requestSignal, type CorsPolicy, type SecurityHeadersOptions } from '../../platform/http/index.js';
import type { Logger } from '../../platform/logging/index.js';
import type { GatewayContext } from './context.js';
import { createGatewayEdge, type RequestCharger } from './edge.js';
import { clientIp } from '../../platform/http/client-ip.js';
import { appendForwardedFor } from './forwarded-for.js';
import { landingPagePlugin } from './plugins/landing-page.js';
import { operationCostPlugin } from './plugins/operation-cost.js';
import { operationResolutionPlugin } from './plugins/operation-resolution.js';
import { logRefusedRequest, requestLogPlugin } from './plugins/request-log.js';
import { createRequestRateLimiter, rateLimitedBody, rateLimitHeaders, type RateLimitSettings, type RequestRateLimiter } from './rate-limit/index.js';
import { createReadinessCheck } from './readiness.js';
import { createDataSourceFactory } from './subgraph-data-source.js';
import { attachGatewaySubscriptions, type SubscriptionLimits, type SubscriptionStats } from './subscriptions/index.js';
import type { LoadedSupergraph } from './supergraph.js';
import { tracingPlugin } from '../../platform/tracing/index.js';

export interface GatewayOptions {
  supergraph: LoadedSupergraph;
  logger: Logger;
  port: number;
  host?: string;
  introspection: boolean;
  sandbox: boolean;
  subgraphTimeoutMs?: number;
  /** Share identical in-flight subgraph fetches of queries (subgraph-fetch-dedup.ts). Default true. */
  deduplicateSubgraphFetches?: boolean;
  /**
   * Verifies each request's access token before the operation is planned: an expired, badly signed or wrongly
   * addressed token gets HTTP 401 with code UNAUTHENTICATED and reaches no subgraph. Embedded mode passes the
   * in-process verifier; a gateway run on its own verifies with identity's JWKS (AUTH_JWKS_URL).
   */
  verifyAccessToken: AccessTokenVerifier;
  /** Limits of graphql-ws subscriptions (gateway/src/subscriptions/README.md); defaults when omitted. */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /** Operation limits checked before validation and planning, HTTP and graphql-ws; DEFAULT_OPERATION_LIMITS when omitted. */
  operationLimits?: OperationLimits;
  /**
   * Request rate limits (gateway/src/rate-limit/README.md): per-IP anonymous requests and graphql-ws connections,
   * per-user cost points. Omitted → none (tests, benchmarks; RATE_LIMITS=false).
   */
  rateLimits?: RateLimitSettings;
  /** Proxies in front of the gateway that append to X-Forwarded-For (GATEWAY_TRUST_PROXY_HOPS); default 0. */
  trustProxyHops?: number;
  /**
   * Sent to every subgraph (HTTP requests, readiness probes, upstream graphql-ws sockets) to prove the gateway: only
   * then do subgraphs honour X-Forwarded-For (platform/auth/gateway-hop.ts). GATEWAY_SECRET; embedded mode makes one.
   */
  gatewaySecret?: string;
  /** NODE_ENV=production: no "Did you mean …" suggestions, and /ready answers only `{ ready }`. Default false. */
  production?: boolean;
  /** Browser origins allowed to call (CORS_ORIGINS, platform/http/cors.ts). Default: none. */
  cors?: CorsPolicy;
  /** Strict-Transport-Security (HSTS_MAX_AGE_SECONDS); the other security headers are always sent. */
  securityHeaders?: SecurityHeadersOptions;
}

export interface RunningGateway {
  /** e.g. http://127.0.0.1:4000/graphql (graphql-ws subscriptions: the same URL with ws:). */
  url: string;
  port: number;
  /** Live numbers of the subscription side: connections, client and upstream subscriptions, events executed. */
  subscriptionStats: () => SubscriptionStats;
  /** The request rate limiter, when `rateLimits` were given (closed by `stop`). */
  rateLimiter?: RequestRateLimiter;
  /** Closes subscription connections (1001, clients reconnect elsewhere), then drains HTTP. */
  stop: () => Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { supergraph, logger } = options;
  const rateLimiter = options.rateLimits ? createRequestRateLimiter(options.rateLimits, logger.child({ component: 'rate-limit' })) : undefined;
  const urls = new Map(supergraph.subgraphs.map((s) => [s.name, s.url]));
  const production = options.production ?? false;
  const dataSourceFor = createDataSourceFactory(options.subgraphTimeoutMs ?? 10_000, logger, options.gatewaySecret, options.deduplicateSubgraphFetches ?? true);
  let loaded = false;
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.sdl,
    // URLs come from the supergraph file unless this deployment overrides them (SUBGRAPH_<NAME>_URL).
    buildService: ({ name, url }) => dataSourceFor({ name, url: urls.get(name) ?? url }),
    logger,
  });
  gateway.onSchemaLoadOrUpdate(() => {
    loaded = true;
  });

  const operationLimits = options.operationLimits ?? DEFAULT_OPERATION_LIMITS;
  const guard = createOperationGuard(supergraphCostModel(supergraph.sdl), operationLimits);
  const edge = createGatewayEdge({
    guard,
    verifyAccessToken: options.verifyAccessToken,
    charge: rateLimiter && chargeWith(rateLimiter, options.trustProxyHops ?? 0),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // stopOnSignals (platform/http/shutdown.ts) owns SIGTERM/SIGINT; Apollo's own handler would hang the shutdown.
    stopOnTerminationSignals: false,
    introspection: options.introspection,
    // Every operation arrives as text and is checked at the edge with its variables; a stored hash would skip that.
    persistedQueries: false,
    parseOptions: { maxTokens: operationLimits.maxTokens },
    // Suggestions ("Did you mean …") would recover the schema without introspection.
    hideSchemaDetailsFromClientErrors: production,
    plugins: [
      landingPagePlugin(options.sandbox),
      operationResolutionPlugin<GatewayContext>(),
      operationCostPlugin(operationLimits.maxCost),
      tracingPlugin<GatewayContext>(),
      requestLogPlugin(logger),
    ],
  });
  const httpServer = createGraphQLHttpServer({
    apollo,
    context: async (req: IncomingMessage): Promise<GatewayContext> => {
      const admitted = edge.admitted(req);
      return {
        // Verified at the edge, before Apollo parsed anything; verified here only for a request the edge let through
        // without a query (it throws 401/503 as the edge would).
        viewer: admitted ? admitted.viewer : await viewerFromAuthorization(req.headers.authorization, options.verifyAccessToken),
        authorization: req.headers.authorization,
        forwardedFor: appendForwardedFor(req),
        abortSignal: requestSignal(req),
        operationCost: admitted?.cost,
        clientAddress: clientIp(req, options.trustProxyHops ?? 0),
      };
    },
    logger,
    service: 'gateway',
    cors: options.cors,
    securityHeaders: options.securityHeaders,
    readiness: createReadinessCheck({ subgraphs: supergraph.subgraphs, isLoaded: () => loaded, logger, production, gatewaySecret: options.gatewaySecret }),
    admit: async (req, params) => {
      const startedAt = performance.now();
      const admission = await edge.admit(req, params);
      if (admission.refuse) {
        const { status, body } = admission.refuse;
        logRefusedRequest(logger, { req, params, status, body, viewer: edge.admitted(req)?.viewer }, options.trustProxyHops ?? 0, startedAt);
      }
      return admission;
    },
  });
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: DRAIN_GRACE_MS }));
  // graphql-ws on the same port and path; registered before start so the first supergraph load builds its planner.
  const subscriptions = attachGatewaySubscriptions({
    httpServer,
    gateway,
    dataSourceFor,
    urlOf: (name, url) => urls.get(name) ?? url,
    verifyAccessToken: options.verifyAccessToken,
    logger,
    limits: options.subscriptionLimits,
    guard,
    rateLimiter,
    trustProxyHops: options.trustProxyHops,
    gatewaySecret: options.gatewaySecret,
  });
  await apollo.start();
  const { url, port } = await listen(httpServer, options.port, options.host);
  logger.info({ url, subgraphs: supergraph.subgraphs }, 'gateway listening');
  return {
    url,
    port,
    subscriptionStats: () => subscriptions.stats(),
    rateLimiter,
    async stop() {
      // Upgraded sockets are outside the HTTP server's drain: close them first.
      await subscriptions.dispose();
      await apollo.stop();
      await rateLimiter?.dispose();
    },
  };
}

/**
 * Signed-in requests draw their operation's cost from the user's bucket (at least 1 point: every request costs
 * something); anonymous ones count one request against the client address. Over the budget: 429 RATE_LIMITED
 * with Retry-After; RateLimit-* headers on every answer either way.
 */
function chargeWith(rateLimiter: RequestRateLimiter, trustProxyHops: number): RequestCharger {
  return async ({ req, viewer, cost }) => {
    const outcome = viewer
      ? await rateLimiter.chargeUser(viewer.userId, Math.max(1, Math.ceil(cost)))
      : await rateLimiter.chargeAnonymous(clientIp(req, trustProxyHops));
    const headers = rateLimitHeaders(outcome);
    return outcome.allowed ? { headers } : { headers, refuse: { status: 429, body: rateLimitedBody(outcome) } };
  };
}
