// Subscriptions over graphql-ws (the `graphql-transport-ws` protocol). One WebSocket per client, opened on the
// first subscription and closed when the last one ends; the access token travels in `connection_init`. The gateway
// closes the socket with 4401 when that token expires: the transport then renews the session once and resubscribes,
// so a long subscription outlives its 15-minute token (events published in the moment between are missed).
import { createClient, type Client } from 'graphql-ws/client';
import type { DocumentNode } from 'graphql';
import { RidegraphError, type RidegraphGraphQLError } from './errors.js';
import { prepareOperation } from './http.js';

/** Receives a subscription's events. After `error` or `complete` nothing more arrives. */
export interface SubscriptionSink<TData> {
  /** One event's data. */
  next(data: TData): void;
  /**
   * The subscription failed and ended: GraphQL errors (the event's or the server's `error` message, with their
   * `code`), `UNAUTHENTICATED`/`FORBIDDEN` when the server closed the connection with 4401/4403, else
   * `NETWORK_ERROR`. Without this handler, errors are dropped.
   */
  error?(error: RidegraphError): void;
  /** The server ended the subscription. */
  complete?(): void;
}

export interface SubscriptionTransport {
  subscribe<TData>(document: DocumentNode, variables: Record<string, unknown> | undefined, sink: SubscriptionSink<TData>): () => void;
  dispose(): Promise<void>;
}

export function createSubscriptionTransport(options: {
  wsUrl: string;
  /** Read at every (re)connection, so a refreshed token is used when the socket reconnects. */
  accessToken: () => string | undefined;
  /**
   * Called when the server refused `refusedToken` with 4401 (expired while connected, or at connection). Resolves
   * true when a different token is now available (renewed, or already renewed by someone else) — the transport
   * then resubscribes — and false when there is none (no session, refresh refused): the sink gets UNAUTHENTICATED.
   */
  renewAccessToken?: (refusedToken: string | undefined) => Promise<boolean>;
  webSocketImpl?: unknown;
}): SubscriptionTransport {
  let client: Client | undefined;
  /** The token the current connection presented. */
  let presented: string | undefined;
  const connect = () =>
    (client ??= createClient({
      url: options.wsUrl,
      webSocketImpl: options.webSocketImpl,
      lazy: true,
      // A refused token (4401/4403) is reported at once rather than retried with the same token; dropped
      // connections are retried (graphql-ws: 5 attempts, randomised exponential back-off).
      shouldRetry: (event) => !isAuthClose(event) && isCloseEvent(event),
      connectionParams: () => {
        const token = options.accessToken();
        presented = token;
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    }));

  return {
    subscribe<TData>(document: DocumentNode, variables: Record<string, unknown> | undefined, sink: SubscriptionSink<TData>) {
      const { query, operationName } = prepareOperation(document);
      let ended = false;
      let stop: (() => void) | undefined;
      /** The token last refused for this subscription: a second refusal of the same token gives up. */
      let lastRefused: string | undefined;
      const end = () => {
        ended = true;
        stop?.();
      };
      const fail = (error: unknown) => {
        if (ended) return;
        ended = true;
        sink.error?.(toRidegraphError(error));
      };
      const start = () => {
        stop = connect().subscribe<TData>(
          { query, operationName, variables: variables ?? {} },
          {
            next: (result) => {
              if (ended) return;
              if (result.errors?.length) {
                end();
                sink.error?.(new RidegraphError({ errors: result.errors, data: result.data ?? undefined }));
                return;
              }
              if (result.data !== undefined && result.data !== null) sink.next(result.data);
            },
            error: (error) => {
              if (ended) return;
              const refused = presented;
              if (!isCloseEvent(error) || error.code !== 4401 || !options.renewAccessToken || (lastRefused !== undefined && refused === lastRefused))
                return fail(error);
              lastRefused = refused;
              options.renewAccessToken(refused).then(
                (renewed) => {
                  if (ended) return;
                  if (renewed) start();
                  else fail(error);
                },
                () => fail(error),
              );
            },
            complete: () => {
              if (ended) return;
              ended = true;
              sink.complete?.();
            },
          },
        );
      };
      start();
      if (ended) stop?.();
      return end;
    },
    async dispose() {
      const disposing = client?.dispose();
      client = undefined;
      await disposing;
    },
  };
}

function isCloseEvent(event: unknown): event is { code: number; reason?: string } {
  return typeof event === 'object' && event !== null && typeof (event as { code?: unknown }).code === 'number';
}

function isAuthClose(event: unknown): boolean {
  return isCloseEvent(event) && (event.code === 4401 || event.code === 4403);
}

/** graphql-ws reports GraphQL errors as an array, a closed socket as a CloseEvent, anything else as an Error. */
function toRidegraphError(error: unknown): RidegraphError {
  if (Array.isArray(error)) return new RidegraphError({ errors: error as RidegraphGraphQLError[] });
  if (isCloseEvent(error)) {
    const { code, reason } = error;
    const mapped = code === 4401 ? 'UNAUTHENTICATED' : code === 4403 ? 'FORBIDDEN' : 'NETWORK_ERROR';
    return new RidegraphError({ code: mapped, message: `WebSocket closed (${code}${reason ? `: ${reason}` : ''})`, cause: error });
  }
  return new RidegraphError({ code: 'NETWORK_ERROR', message: error instanceof Error ? error.message : 'WebSocket failed', cause: error });
}
