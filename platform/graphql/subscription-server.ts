// graphql-ws (`graphql-transport-ws`) on a subgraph's own /graphql, next to HTTP: what the gateway subscribes the
// primary part of a federated subscription on, one upstream socket per identity. The connection is authenticated
// like an HTTP request (the subgraph verifies the token itself, so its port reached directly is no bypass), the
// schema's authorization rules apply to Subscription fields as to any field, and every event is executed with a
// fresh context — fresh DataLoaders — exactly as if it were its own request, so no cache outlives one event.
import type http from 'node:http';
import type { IncomingMessage } from 'node:http';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  validate,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { WebSocketServer } from 'ws';
import type { Viewer } from '../auth/index.js';
import { createErrorFormatter } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { atExpiry, closeForAuthFailure, connectionAuthorization, connectionGatewayProof, requestWithAuthorization } from './ws-connection-auth.js';
import { OperationRefusal, type OperationGuard } from './operation-limits/index.js';
import { WsCloseCode } from './ws-close-codes.js';
import { spreadKeepAlive } from './ws-keepalive.js';
import { serveGraphqlWs } from './ws-transport.js';
import type { GatewayHop } from '../auth/index.js';
import type { MessageBudget } from '../rate-limit/index.js';

export interface SubscriptionServerOptions<TContext> {
  httpServer: http.Server;
  schema: GraphQLSchema;
  /** The subgraph's HTTP context factory; it is given a request carrying the connection's authorization. */
  createContext: (req: IncomingMessage) => Promise<TContext>;
  logger: Logger;
  /** Default "/graphql" (the HTTP path: WebSocket upgrades and HTTP requests share it). */
  path?: string;
  /** The operation limits, checked on each `subscribe` before it is validated (as for HTTP requests). */
  guard?: OperationGuard;
  /**
   * Messages one socket may send; past it the socket closes with 4420. A socket whose connection_init proves the
   * gateway (`gatewayHop`) is exempt: it carries every subscription of one identity, limited at the gateway.
   * Default SUBGRAPH_MESSAGE_BUDGET; undefined in the object turns it off.
   */
  messages?: MessageBudget;
  gatewayHop?: GatewayHop;
  /** Counts connections, subscriptions and events in the process's metrics. Default true. */
  metrics?: boolean;
}

/** A subgraph port is reachable by others than the gateway: the same budget as the gateway's clients get. */
export const SUBGRAPH_MESSAGE_BUDGET: MessageBudget = { perSecond: 10, burst: 200 };

export interface SubscriptionServer {
  /** Subscriptions open now, over every connection (tests count them; the gateway's de-duplication shows here). */
  activeSubscriptions(): number;
  /** Open WebSocket connections. */
  connections(): number;
  /** Closes every connection with 1001 (clients reconnect to another replica) and stops accepting. */
  dispose(): Promise<void>;
}

interface ConnectionState {
  request: IncomingMessage;
  cancelExpiry?: () => void;
}

/**
 * Attaches the WebSocket server to `httpServer`. Connection rules:
 * - the token comes in `connection_init` (`{ authorization: "Bearer …" }`); missing, malformed, expired or badly
 *   signed → close 4401; the verifier unavailable → 4503; the socket closes with 4401 when the token expires;
 * - only subscriptions are served over the socket (queries and mutations go over HTTP): others get an `error`
 *   message with code BAD_REQUEST;
 * - errors are masked exactly like HTTP responses (unexpected ones become INTERNAL_SERVER_ERROR and are logged).
 */
export function attachSubscriptionServer<TContext extends object>(options: SubscriptionServerOptions<TContext>): SubscriptionServer {
  const { schema, logger } = options;
  const formatError = createErrorFormatter(logger);
  // The same 1 MiB bound as an HTTP request body (ws' default would accept 100 MiB messages).
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path ?? '/graphql', maxPayload: 1024 * 1024 });
  const states = new WeakMap<object, ConnectionState>();
  /** Subscription context → how to build the fresh context of one event. */
  const eventContexts = new WeakMap<object, () => Promise<TContext>>();
  let active = 0;

  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map((error) => formatError(error.toJSON(), error));

  const server = serveGraphqlWs<Record<string, unknown>>(
    wss,
    {
      schema,
      onConnect: async (ctx) => {
        const request = ctx.extra.request;
        const socket = ctx.extra.socket;
        // onConnect runs once per connection, before the request is dropped below.
        if (!request) return false;
        const authorization = connectionAuthorization(ctx.connectionParams, request);
        if (authorization === undefined) {
          socket.close(WsCloseCode.Unauthorized, 'Missing access token: send { authorization: "Bearer <token>" } in connection_init');
          return false;
        }
        const gatewayProof = connectionGatewayProof(ctx.connectionParams);
        const authorized = requestWithAuthorization(request, authorization, gatewayProof);
        let viewer: Viewer | null;
        try {
          viewer = ((await options.createContext(authorized)) as { viewer?: Viewer | null }).viewer ?? null;
        } catch (error) {
          const { code, reason } = closeForAuthFailure(error);
          socket.close(code, reason);
          return false;
        }
        const state: ConnectionState = { request: authorized };
        if (viewer)
          state.cancelExpiry = atExpiry(viewer.expiresAt, () =>
            socket.close(WsCloseCode.Unauthorized, 'Access token expired: refresh the session and reconnect'),
          );
        states.set(ctx, state);
        ctx.extra.exempt = options.gatewayHop?.proves(gatewayProof) ?? false;
        // graphql-ws keeps `extra` for the connection's life; the upgrade request is not needed past this point.
        ctx.extra.request = undefined;
        return true;
      },
      onClose: (ctx) => states.get(ctx)?.cancelExpiry?.(),
      onSubscribe: (ctx, _id, payload) => {
        try {
          options.guard?.check(payload);
        } catch (error) {
          if (error instanceof OperationRefusal) return [error.toGraphQLError()];
          throw error;
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: options.guard?.limits.maxTokens });
        } catch (error) {
          return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document);
        if (invalid.length) return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Unable to identify the operation', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
        if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [
            new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', { extensions: { code: 'BAD_REQUEST' } }),
          ];
        }
        const state = states.get(ctx);
        if (!state) return [new GraphQLError('Connection is not authenticated', { extensions: { code: 'UNAUTHENTICATED' } })];
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: async (ctx) => {
        const state = states.get(ctx) as ConnectionState; // onSubscribe refused operations of unknown connections
        const contextValue = await options.createContext(state.request);
        eventContexts.set(contextValue, () => options.createContext(state.request));
        return contextValue;
      },
      subscribe: async (args) => {
        const freshContext = eventContexts.get(args.contextValue as object);
        const stream = await createSourceEventStream(args);
        // Refused at start (the field's rule, an ownership check, a bad argument): fail the first next(), so the
        // client gets an `error` message carrying the code rather than an empty `next` and `complete`.
        if (!isAsyncIterator(stream)) return refusal(stream as ExecutionResult);
        active++;
        return mapEvents(
          stream,
          async (event) => execute({ ...args, rootValue: event, contextValue: freshContext ? await freshContext() : args.contextValue }),
          () => active--,
        );
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors?.length ? { ...result, errors: format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    // Keep-alive: spreadKeepAlive below, not one interval and one pong timer per socket.
    { logger, messages: 'messages' in options ? options.messages : SUBGRAPH_MESSAGE_BUDGET, metrics: options.metrics },
  );
  const stopKeepAlive = spreadKeepAlive(wss);

  return {
    activeSubscriptions: () => active,
    connections: () => wss.clients.size,
    dispose: async () => {
      stopKeepAlive();
      await server.dispose();
    },
  };
}

function refusal(result: ExecutionResult): AsyncIterableIterator<ExecutionResult> {
  const error = result.errors?.[0] ?? new GraphQLError('The subscription could not start', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  let failed = false;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: async () => {
      if (failed) return { done: true, value: undefined };
      failed = true;
      throw error;
    },
    return: async () => ({ done: true, value: undefined }),
  } as AsyncIterableIterator<ExecutionResult>;
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

function isAsyncIterator(value: unknown): value is AsyncIterableIterator<unknown> {
  return typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/**
 * Maps each source event through `map`. Hand-written so that `return()` (client `complete` or disconnect) ends the
 * source at once, even while a `next()` waits for the next event.
 */
function mapEvents<T, R>(source: AsyncIterator<T>, map: (event: T) => Promise<R>, onEnd: () => void): AsyncIterableIterator<R> {
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      let result: IteratorResult<T>;
      try {
        result = await source.next();
      } catch (error) {
        end();
        throw error;
      }
      if (result.done) {
        end();
        return done;
      }
      return { done: false, value: await map(result.value) };
    },
    async return() {
      end();
      await source.return?.();
      return done;
    },
    async throw(error?: unknown) {
      end();
      await source.return?.();
      throw error;
    },
  } as AsyncIterableIterator<R>;
}
