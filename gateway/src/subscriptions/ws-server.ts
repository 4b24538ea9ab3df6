// The gateway's graphql-ws endpoint: `graphql-transport-ws` on the same /graphql as HTTP (Apollo Sandbox and the
// SDK connect there). Authenticates each connection from `connection_init`, plans each subscription, joins it to
// the shared upstream subscription, and gives each client subscription a bounded queue of its own. Refuses new
// connections over the per-IP limit (HTTP 429 on the upgrade) and closes a socket sending messages too fast (4420).
import type http from 'node:http';
import type { IncomingMessage } from 'node:http';
import { getOperationAST, GraphQLError, OperationTypeNode, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { viewerFromAuthorization, type AccessTokenVerifier, type Viewer } from '../../../platform/auth/index.js';
import { atExpiry, closeForAuthFailure, connectionAuthorization, spreadKeepAlive, WsCloseCode } from '../../../platform/graphql/index.js';
import { OperationRefusal, type OperationGuard } from '../../../platform/graphql/operation-limits/index.js';
import type { Logger } from '../../../platform/logging/index.js';
import { LiveIterator } from '../../../platform/pubsub/index.js';
import { appendForwardedFor } from '../forwarded-for.js';
import type { MessageBudget, RequestRateLimiter } from '../rate-limit/index.js';
import { connectionLimitVerifier } from './connection-limit.js';
import type { ErrorMasker } from './errors.js';
import type { PlannedSubscription, SubscriptionPlanner } from './planner.js';
import type { SharedSubscriptions } from './shared-subscriptions.js';
import { serveGraphqlWs } from '../../../platform/graphql/ws-transport.js';
import { recordSubscriptionEventsDropped } from '../../../platform/metrics/index.js';

export interface SubscriptionLimits {
  /**
   * Events one client subscription may have waiting to be written to its socket. One more closes that client's
   * connection with 4413 (slow consumer). Default 256.
   */
  maxQueuedEventsPerSubscription: number;
  /** Subscriptions one connection may hold at once; more get an `error` with code BAD_REQUEST. Default 100. */
  maxSubscriptionsPerConnection: number;
  /**
   * Messages (of any type) one socket may send: a token bucket of `burst`, refilled at `perSecond`. Past it the
   * socket closes with 4420 and nothing more it sent is read. Undefined: no limit. Default 10/s, bursts of 200
   * (room for `connection_init` and resubscribing SUBSCRIPTIONS_PER_CONNECTION subscriptions at once).
   */
  messageBudget?: MessageBudget;
}

/** Largest message a client may send (a `subscribe` with its document and variables). */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** How long a slow consumer's socket may take to finish closing before it is dropped. */
const SLOW_CONSUMER_GRACE_MS = 3000;

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  maxQueuedEventsPerSubscription: 256,
  maxSubscriptionsPerConnection: 100,
  messageBudget: { perSecond: 10, burst: 200 },
};

export interface GatewayWsServerOptions {
  httpServer: http.Server;
  path: string;
  planner: SubscriptionPlanner;
  shared: SharedSubscriptions;
  verifyAccessToken: AccessTokenVerifier;
  mask: ErrorMasker;
  logger: Logger;
  limits: SubscriptionLimits;
  /** Operation limits: checked before a `subscribe` is validated or planned, with its variables (cost). */
  guard: OperationGuard;
  /** Charged for every upgrade (chargeConnection, by client IP); over the limit → HTTP 429. Undefined: no limit. */
  rateLimiter?: RequestRateLimiter;
  /** Proxies in front of the gateway that append to X-Forwarded-For (the client IP of the connection limit). */
  trustProxyHops: number;
}

interface Connection {
  socket: WebSocket;
  viewer: Viewer;
  authorization: string;
  forwardedFor?: string;
  cancelExpiry: () => void;
  /** Subscriptions started or starting: counted when onSubscribe admits one, uncounted when its stream ends. */
  subscriptions: number;
}

export interface GatewayWsServer {
  /** Open client connections. */
  connections(): number;
  /** Client subscriptions open now. */
  subscriptions(): number;
  /** Closes every client connection with 1001 and stops accepting. */
  dispose(): Promise<void>;
}

/** Parsed and validated documents by text, for one schema at a time; bounded. */
class DocumentCache {
  #schema: GraphQLSchema | undefined;
  readonly #entries = new Map<string, DocumentNode | GraphQLError[]>();
  readonly #texts = new WeakMap<DocumentNode, string>();

  constructor(private readonly maxEntries = 1000) {}

  /** The document, or the errors (with codes) that refuse it. */
  get(schema: GraphQLSchema, query: string): DocumentNode | GraphQLError[] {
    if (schema !== this.#schema) {
      this.#schema = schema; // a supergraph update: validate against the new schema
      this.#entries.clear();
    }
    let entry = this.#entries.get(query);
    if (!entry) {
      entry = parseAndValidate(schema, query);
      if (!Array.isArray(entry)) this.#texts.set(entry, query);
      if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
      this.#entries.set(query, entry);
    }
    return entry;
  }

  /** What identical subscriptions share by, and plans are cached by: the document's text and operation name. */
  keyOf(document: DocumentNode, operationName: string | null | undefined): string {
    return `${operationName ?? ''}\u0000${this.#texts.get(document) ?? ''}`;
  }
}

function parseAndValidate(schema: GraphQLSchema, query: string): DocumentNode | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
  }
  const invalid = validate(schema, document);
  if (invalid.length) return invalid.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
  return document;
}

export function attachGatewayWsServer(options: GatewayWsServerOptions): GatewayWsServer {
  const { planner, shared, limits, mask } = options;
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    // The same 1 MiB bound as an HTTP request body (ws' default would accept 100 MiB messages).
    maxPayload: MAX_MESSAGE_BYTES,
    // New connections per client IP: over the limit, HTTP 429 on the upgrade.
    verifyClient: options.rateLimiter ? connectionLimitVerifier(options.rateLimiter, options.trustProxyHops, options.logger) : undefined,
  });
  const connections = new WeakMap<object, Connection>();
  // Clients send the same few documents thousands of times: parse and validate each text once, and let every
  // subscription of it share one AST instead of holding its own.
  const documents = new DocumentCache();
  let open = 0;

  const server = serveGraphqlWs<Record<string, unknown>>(
    wss,
    {
      schema: () => planner.schema as GraphQLSchema,
      onConnect: async (ctx) => {
        const { socket } = ctx.extra;
        const request = ctx.extra.request as IncomingMessage;
        const authorization = connectionAuthorization(ctx.connectionParams, request);
        if (authorization === undefined) {
          socket.close(WsCloseCode.Unauthorized, 'Missing access token: send { authorization: "Bearer <token>" } in connection_init');
          return false;
        }
        let viewer: Viewer | null;
        try {
          viewer = await viewerFromAuthorization(authorization, options.verifyAccessToken);
        } catch (error) {
          const { code, reason } = closeForAuthFailure(error);
          socket.close(code, reason);
          return false;
        }
        if (!viewer) {
          socket.close(WsCloseCode.Unauthorized, 'Missing access token');
          return false;
        }
        // Decided policy: a connection lives as long as its token. At `exp` it closes with 4401; the client
        // refreshes its session and reconnects (the SDK does this itself), resubscribing with the new token.
        const cancelExpiry = atExpiry(viewer.expiresAt, () =>
          socket.close(WsCloseCode.Unauthorized, 'Access token expired: refresh the session and reconnect'),
        );
        connections.set(ctx, { socket, viewer, authorization, forwardedFor: appendForwardedFor(request), cancelExpiry, subscriptions: 0 });
        // graphql-ws keeps `extra` for the connection's life; the upgrade request (a stream with its headers) is
        // not needed past this point, and at 10,000 connections it is a good part of the memory per connection.
        ctx.extra.request = undefined;
        return true;
      },
      onClose: (ctx) => connections.get(ctx)?.cancelExpiry(),
      onSubscribe: (ctx, _id, payload) => {
        const connection = connections.get(ctx);
        if (!connection) return [new GraphQLError('Connection is not authenticated', { extensions: { code: 'UNAUTHENTICATED' } })];
        const schema = planner.schema;
        if (!schema) return [new GraphQLError('The gateway has not loaded its supergraph yet; retry', { extensions: { code: 'SERVICE_UNAVAILABLE' } })];
        // Checked here and counted below, in this one synchronous call (onSubscribe must never await): graphql-ws
        // awaits between this hook and `subscribe`, so counting in `subscribe` let a burst of `subscribe` messages
        // all pass the check before any was counted. The stream's end uncounts it (`subscribe` always follows an
        // admitted onSubscribe).
        if (connection.subscriptions >= limits.maxSubscriptionsPerConnection) {
          return [new GraphQLError(`At most ${limits.maxSubscriptionsPerConnection} subscriptions per connection`, { extensions: { code: 'BAD_REQUEST' } })];
        }
        try {
          options.guard.check(payload);
        } catch (error) {
          if (error instanceof OperationRefusal) return [error.toGraphQLError()];
          throw error;
        }
        const checked = documents.get(schema, payload.query);
        if (Array.isArray(checked)) return checked;
        const document = checked;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation)
          return [new GraphQLError('Unable to identify the operation; name one with operationName', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
        if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [
            new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', { extensions: { code: 'BAD_REQUEST' } }),
          ];
        }
        try {
          // Planned here so a refusal is an `error` message; `subscribe` gets the cached plan.
          planner.plan(document, payload.operationName ?? undefined, documents.keyOf(document, payload.operationName));
        } catch (error) {
          return mask([error as Error]);
        }
        connection.subscriptions++; // admitted: nothing below refuses
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables ?? {}, contextValue: connection };
      },
      subscribe: async (args) => {
        const connection = args.contextValue as Connection;
        const documentKey = documents.keyOf(args.document, args.operationName);
        let planned: PlannedSubscription;
        try {
          planned = planner.plan(args.document, args.operationName ?? undefined, documentKey);
        } catch (error) {
          connection.subscriptions--;
          return { errors: mask([error as Error]) } as ExecutionResult; // the supergraph changed since onSubscribe
        }
        open++;
        let leave: () => void = () => undefined;
        let failUpstream: (error: GraphQLError) => void = () => undefined;
        const stream: LiveIterator<ExecutionResult> = new LiveIterator<ExecutionResult>(
          (push) => {
            // Rejecting `ready` later ends the iterator with that error: graphql-ws sends it as an `error` message.
            const failed = new Promise<void>((_resolve, reject) => (failUpstream = reject));
            leave = shared.join(
              {
                planned,
                documentKey,
                variables: args.variableValues ?? {},
                viewer: connection.viewer,
                authorization: connection.authorization,
                forwardedFor: connection.forwardedFor,
              },
              { push, fail: (error) => failUpstream(error), complete: () => stream.close() },
            );
            return { ready: failed, stop: () => leave() };
          },
          () => {
            connection.subscriptions--;
            open--;
          },
          {
            maxBuffered: limits.maxQueuedEventsPerSubscription,
            onOverflow: (overflow) => {
              // What it had not read and the event that did not fit are discarded with the connection.
              recordSubscriptionEventsDropped(overflow.maxBuffered + 1);
              options.logger.warn(
                { userId: connection.viewer.userId, limit: limits.maxQueuedEventsPerSubscription },
                'closed a subscription client that read too slowly',
              );
              connection.socket.close(WsCloseCode.SlowConsumer, `Slow consumer: more than ${limits.maxQueuedEventsPerSubscription} events waiting`);
              // The close frame queues behind what the client is not reading; do not hold its buffers for ws'
              // 30 s closing handshake.
              setTimeout(() => connection.socket.terminate(), SLOW_CONSUMER_GRACE_MS).unref();
            },
          },
        );
        return stream;
      },
      onError: (_ctx, _id, _payload, errors) => mask(errors).map((error) => error.toJSON()),
    },
    { logger: options.logger, messages: limits.messageBudget },
  );
  const stopKeepAlive = spreadKeepAlive(wss);

  return {
    connections: () => wss.clients.size,
    subscriptions: () => open,
    dispose: async () => {
      stopKeepAlive();
      await server.dispose();
    },
  };
}
