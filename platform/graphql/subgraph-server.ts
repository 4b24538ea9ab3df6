// Serves a built subgraph over HTTP. Shared by every subgraph so they all get the same error masking,
// health/readiness endpoints, limits and shutdown behaviour.
import type { IncomingMessage } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { GATEWAY_HOP_HEADER, type GatewayHop } from '../auth/index.js';
import { createErrorFormatter } from '../errors/index.js';
import {
  createGraphQLHttpServer,
  DRAIN_GRACE_MS,
  listen,
  type HttpPageRoute,
  type HttpPostRoute,
  type HttpRoute,
  type ReadinessReport,
} from '../http/index.js';
import type { Logger } from '../logging/index.js';
import { checkOperationLimits, createOperationGuard, DEFAULT_OPERATION_LIMITS, type OperationLimits } from './operation-limits/index.js';
import { gatewayOnlySchemaAccessPlugin } from './gateway-only-schema-access.js';
import { attachSubscriptionServer, type SubscriptionServer } from './subscription-server.js';
import { tracingPlugin } from '../tracing/index.js';

/** What a subgraph's `server.ts` factory returns: everything needed to serve it, nothing listening yet. */
export interface BuiltSubgraph<TContext extends BaseContext = BaseContext> {
  name: string;
  schema: GraphQLSchema;
  createContext: (req: IncomingMessage) => Promise<TContext>;
  /** Checks the subgraph's own dependencies (its database) for GET /ready. */
  readiness: () => Promise<ReadinessReport>;
  /** Releases what the subgraph opened (database pools). Does not stop the HTTP server. */
  close: () => Promise<void>;
  /** Extra GET routes by path, served next to /graphql. */
  routes?: Record<string, HttpRoute>;
  /** Extra POST routes by path, given the raw body (e.g. payments' provider webhooks); see GraphQLHttpServerOptions. */
  postRoutes?: Record<string, HttpPostRoute>;
  /** Pages by path prefix (GET and POST, text answers); see GraphQLHttpServerOptions.pageRoutes. */
  pageRoutes?: Record<string, HttpPageRoute>;
  /**
   * Tells requests of the gateway (GATEWAY_SECRET) from others: in production only they get introspection, `_service`
   * and the /ready checks. Absent (a hand-built test subgraph): no request is the gateway's.
   */
  gatewayHop?: GatewayHop;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  /**
   * The graphql-ws server on the same /graphql, when the schema has a Subscription type (see
   * subscription-server.ts); undefined otherwise.
   */
  subscriptions?: Pick<SubscriptionServer, 'activeSubscriptions' | 'connections'>;
  /** Closes WebSocket connections (1001: clients reconnect), drains in-flight requests, then closes the subgraph's resources. */
  stop: () => Promise<void>;
}

export interface ServeSubgraphOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  logger: Logger;
  /**
   * Operation limits, checked on every request and subscription before validation, as at the gateway: a subgraph port is reachable
   * too. Default DEFAULT_OPERATION_LIMITS; processes pass readOperationLimits() (OPERATION_MAX_* variables).
   */
  operationLimits?: OperationLimits;
  /** Work on one request stops after this long. Default 15 s: past the gateway's 10 s, whose disconnect stops it first. */
  requestTimeoutMs?: number;
  /**
   * NODE_ENV=production: schema introspection, `_service` and the /ready checks only for the gateway (others get
   * 403 GATEWAY_ONLY, and `{ ready }`); no "Did you mean …" suggestions in validation errors. Default false.
   */
  production?: boolean;
  /**
   * Records its HTTP requests, GraphQL operations and graphql-ws traffic in the process's metrics. Default true;
   * false for the subgraphs of a one-process supergraph (embedded mode), whose traffic is the gateway's internal hops.
   */
  metrics?: boolean;
}

export async function serveSubgraph<TContext extends BaseContext>(subgraph: BuiltSubgraph<TContext>, options: ServeSubgraphOptions): Promise<RunningSubgraph> {
  const operationLimits = options.operationLimits ?? DEFAULT_OPERATION_LIMITS;
  const production = options.production ?? false;
  const fromGateway = (req: IncomingMessage) => subgraph.gatewayHop?.proves(req.headers[GATEWAY_HOP_HEADER]) ?? false;
  const apollo = new ApolloServer<TContext>({
    schema: subgraph.schema,
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    // stopOnSignals (platform/http/shutdown.ts) owns SIGTERM/SIGINT; Apollo's own handler would hang the shutdown.
    stopOnTerminationSignals: false,
    // Introspection is on for the gateway and for development; gatewayOnlySchemaAccessPlugin refuses it to others in
    // production. Suggestions ("Did you mean …") would recover the schema field by field, so production has none.
    introspection: true,
    // Parsed again here after the edge check; the same bound, in case a caller reaches Apollo some other way.
    parseOptions: { maxTokens: operationLimits.maxTokens },
    persistedQueries: false, // the gateway sends full documents; a stored hash would skip the edge check
    hideSchemaDetailsFromClientErrors: production,
    // Inline traces feed Apollo Studio, which Ridegraph does not report to; they cost time on every request.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // No schema has cache hints; the plugin's hook on every resolved field is pure cost. `cache-control: no-store`
      // comes from the HTTP server (platform/http/graphql-http-server.ts) instead.
      ApolloServerPluginCacheControlDisabled(),
      tracingPlugin<TContext>(),
      ...(production ? [gatewayOnlySchemaAccessPlugin<TContext>(subgraph.gatewayHop)] : []),
    ],
  });
  // Costed on the subgraph's own schema: no entity hops here, each subgraph counts what it resolves.
  const guard = createOperationGuard({ schema: subgraph.schema }, operationLimits);
  const httpServer = createGraphQLHttpServer({
    apollo,
    context: subgraph.createContext,
    logger: options.logger,
    service: subgraph.name,
    readiness: async (req) => {
      const report = await subgraph.readiness();
      return !production || fromGateway(req) ? report : { ready: report.ready };
    },
    routes: subgraph.routes,
    postRoutes: subgraph.postRoutes,
    pageRoutes: subgraph.pageRoutes,
    // The gateway costs a client's whole operation; its fetches here are parts of it, batched by what the data holds
    // (a list assumed to be 10 long may hold 40), so a proven gateway hop passes the size limits but not the cost.
    admit: (req, params) => checkOperationLimits(guard, params, { skipCost: fromGateway(req) }),
    requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
    metrics: options.metrics,
  });
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: DRAIN_GRACE_MS }));
  // Upgraded sockets leave the HTTP server's bookkeeping, so draining HTTP would not close them: close them first.
  const subscriptions = subgraph.schema.getSubscriptionType()
    ? attachSubscriptionServer({
        httpServer,
        schema: subgraph.schema,
        createContext: subgraph.createContext,
        logger: options.logger,
        guard,
        gatewayHop: subgraph.gatewayHop,
        metrics: options.metrics,
      })
    : undefined;
  await apollo.start();
  const { url, port } = await listen(httpServer, options.port, options.host);
  options.logger.info({ url, subscriptions: subscriptions !== undefined }, `${subgraph.name} subgraph listening`);
  return {
    name: subgraph.name,
    url,
    port,
    subscriptions,
    async stop() {
      await subscriptions?.dispose();
      await apollo.stop();
      await subgraph.close();
    },
  };
}
