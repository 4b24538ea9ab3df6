// The part of every subgraph's `server.ts` that is the same for all six: schema from its SDL file with its
// declared authorization enforced, the viewer from the request's access token, readiness from its database,
// and closing the database on stop.
import type { IncomingMessage } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
// Not re-exported from the package root; the type of one { typeDefs, resolvers } module.
import type { GraphQLSchemaModule } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { BaseContext } from '@apollo/server';
import { subgraphInfo, type SubgraphName } from '../../subgraphs/registry.js';
import { applyAuthorization, viewerFromAuthorization, type AccessTokenVerifier, type Viewer } from '../auth/index.js';
import { requestSignal } from '../http/index.js';
import { loadTypeDefs } from './load-type-defs.js';
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
  /** Builds a fresh context — with fresh DataLoaders — for every request. */
  createContext: (request: { req: IncomingMessage; viewer: Viewer | null }) => Promise<TContext> | TContext;
  /** Extra HTTP routes served next to /graphql, e.g. identity's JWKS. */
  routes?: BuiltSubgraph['routes'];
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
  return {
    name,
    // Authorization wraps first, so the abort check runs before it: an abandoned request stops at the next object.
    schema: stopWhenAborted(applyAuthorization(buildSubgraphSchema([{ typeDefs: loadTypeDefs(subgraphInfo(name).schemaFile), resolvers }]))),
    createContext: async (req) => {
      const viewer = await viewerFromAuthorization(req.headers.authorization, definition.verifyAccessToken);
      const context = await definition.createContext({ req, viewer });
      return Object.assign(context, { abortSignal: requestSignal(req) });
    },
    routes: definition.routes,
    readiness: async () => {
      try {
        await database.$queryRawUnsafe('select 1');
        return { ready: true, checks: { database: 'ok' } };
      } catch (error) {
        return { ready: false, checks: { database: (error as Error).message } };
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
