// The part of every subgraph's `server.ts` that is the same for all six: schema from its SDL file with its
// declared authorization enforced, forwarded headers honoured only from the gateway, the viewer from the request's
// access token, readiness from its database, and closing the database on stop.
import type { IncomingMessage } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
// Not re-exported from the package root; the type of one { typeDefs, resolvers } module.
import type { GraphQLSchemaModule } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { BaseContext } from '@apollo/server';
import { subgraphInfo, type SubgraphName } from '../../subgraphs/registry.js';
import { applyAuthorization, createGatewayHop, requestThroughHop, viewerFromAuthorization, type AccessTokenVerifier, type Viewer } from '../auth/index.js';
import { requestSignal } from '../http/index.js';
import { loadTypeDefs } from './load-type-defs.js';
import type { Logger } from '../logging/index.js';
import { stopWhenAborted } from './stop-when-aborted.js';
import type { BuiltSubgraph } from './subgraph-server.js';

/** What a subgraph needs from its Prisma client here. */
export interface SubgraphDatabase {
  $queryRawUnsafe(sql: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

export interface SubgraphDefinition<TContext extends BaseContext> {
  name: SubgraphName;
  /** The generated `Resolvers` of the subgraph. */
  resolvers: NonNullable<GraphQLSchemaModule['resolvers']>;
  database: SubgraphDatabase;
  /** Verifies the request's access token; the viewer it yields is handed to `createContext`. */
  verifyAccessToken: AccessTokenVerifier;
  /**
   * The gateway's secret (`deps.auth.config.gatewaySecret`, platform/auth/gateway-hop.ts). Only a request carrying it
   * keeps its forwarded headers (X-Forwarded-For, …); undefined: no request does.
   */
  gatewaySecret: string | undefined;
  /** Where readiness failures are logged (their details never go into the /ready body). */
  logger: Logger;
  /**
   * Builds a fresh context — with fresh DataLoaders — for every request. `req` carries forwarded headers only when
   * the request came from the gateway (`fromGateway`); otherwise its socket peer is the client.
   */
  createContext: (request: { req: IncomingMessage; viewer: Viewer | null; fromGateway: boolean }) => Promise<TContext> | TContext;
  /** Extra HTTP routes served next to /graphql, e.g. identity's JWKS. */
  routes?: BuiltSubgraph['routes'];
  /** Extra POST routes given the raw body, e.g. payments' `/webhooks/payments`. */
  postRoutes?: BuiltSubgraph['postRoutes'];
  /** Pages by path prefix, e.g. payments' development checkout pages `/dev-pay/`. */
  pageRoutes?: BuiltSubgraph['pageRoutes'];
  /**
   * Stops what the subgraph started besides serving requests (outbox relay, event consumers, timers). Runs on
   * close before the database is disconnected, so background work can finish its statements.
   */
  onClose?: () => Promise<void>;
}

/**
 * @throws AuthorizationSchemaError when a field of the subgraph's SDL has no authorization rule (on itself or its
 *   type) or names an unknown role: the subgraph refuses to build rather than serve an unguarded field.
 */
export function defineSubgraph<TContext extends BaseContext & { viewer: Viewer | null }>(definition: SubgraphDefinition<TContext>): BuiltSubgraph<TContext> {
  const { name, resolvers, database } = definition;
  const gatewayHop = createGatewayHop(definition.gatewaySecret);
  return {
    name,
    // Authorization wraps first, so the abort check runs before it: an abandoned request stops at the next object.
    schema: stopWhenAborted(applyAuthorization(buildSubgraphSchema([{ typeDefs: loadTypeDefs(subgraphInfo(name).schemaFile), resolvers }]))),
    createContext: async (incoming) => {
      const { request: req, fromGateway } = requestThroughHop(incoming, gatewayHop);
      const viewer = await viewerFromAuthorization(req.headers.authorization, definition.verifyAccessToken);
      const context = await definition.createContext({ req, viewer, fromGateway });
      return Object.assign(context, { abortSignal: requestSignal(incoming) });
    },
    gatewayHop,
    routes: definition.routes,
    postRoutes: definition.postRoutes,
    pageRoutes: definition.pageRoutes,
    readiness: async () => {
      try {
        await database.$queryRawUnsafe('select 1');
        return { ready: true, checks: { database: 'ok' } };
      } catch (error) {
        // The reason goes to the log: a driver's message can name hosts, users and databases.
        definition.logger.warn({ err: error, subgraph: name }, 'readiness: database not answering');
        return { ready: false, checks: { database: 'not answering' } };
      }
    },
    close: async () => {
      try {
        await definition.onClose?.();
      } finally {
        await database.$disconnect();
      }
    },
  };
}
