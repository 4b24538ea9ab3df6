// createRidegraphClient: typed requests (HTTP) and subscriptions (graphql-ws) with a session that refreshes itself.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode } from 'graphql';
import { RidegraphError } from './errors.js';
import { postOperation, prepareOperation, type FetchLike } from './http.js';
import { createSessionKeeper, type RidegraphSession, type SessionListener } from './session.js';
import { createSubscriptionTransport, type SubscriptionSink, type SubscriptionTransport } from './subscriptions.js';

export interface RidegraphClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://api.example.com/graphql`. */
  url: string;
  /** The WebSocket endpoint for `subscribe`, e.g. `wss://api.example.com/graphql`. Without it, `subscribe` fails. */
  wsUrl?: string;
  /** A session to start with (e.g. read from secure storage); none means anonymous until `setSession`. */
  session?: RidegraphSession | null;
  /**
   * Called with the new session whenever it changes — a refresh, `setSession`, `clearSession`, or a refused
   * refresh (null). Persist it here: after a refresh the old refresh token is spent, and presenting it again ends
   * the session. The client waits for a returned promise before using the new tokens; if it rejects, the requests
   * waiting on that refresh reject with its error (the new session is kept in memory).
   */
  onSessionChange?: SessionListener;
  /** A fetch implementation (default `globalThis.fetch`), e.g. to add headers, tracing or timeouts. */
  fetch?: FetchLike;
  /** The WebSocket class for graphql-ws where there is no global one (Node 20: `import WebSocket from 'ws'`). */
  webSocketImpl?: unknown;
}

/** Variables as an argument: optional when the operation has none or only optional ones, required otherwise. */
export type VariablesArgument<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export interface RidegraphClient {
  /**
   * Runs a query or mutation and resolves with its data, typed by the document.
   *
   * With a session, sends its access token. When the answer is UNAUTHENTICATED (expired or revoked access token)
   * for the whole request (no data) and the session has a refresh token, refreshes the session once — concurrent requests share that one refresh,
   * never a second with the same token — and retries the request once with the new access token.
   *
   * @throws RidegraphError
   *   - any GraphQL error in the answer, even with partial data (`error.data`): `FORBIDDEN`, `BAD_USER_INPUT`,
   *     `RATE_LIMITED` (`extensions.retryAfterSeconds`), `NOT_FOUND`, …;
   *   - `UNAUTHENTICATED` when there is no session, the session holds no refresh token, the refresh was refused
   *     (the session is then cleared and `onSessionChange(null)` called: sign in again) or the retry is refused too;
   *   - `NETWORK_ERROR` / `BAD_RESPONSE` when no GraphQL answer came, also from the refresh (the session is kept:
   *     its refresh token may be unspent; the next request tries again).
   */
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    ...variables: VariablesArgument<TVariables>
  ): Promise<TData>;
  /**
   * Starts a subscription over graphql-ws (`graphql-transport-ws`), sending the session's access token in
   * `connection_init` as `{ authorization: 'Bearer …' }`. The WebSocket opens with the first subscription and
   * closes when the last one ends. The gateway closes the WebSocket (4401) when the access token expires; the
   * client then refreshes the session (the same single-flight refresh as `request`) and resubscribes, so the
   * subscription continues — events published during that reconnection (typically well under a second) are
   * missed. When the refresh is refused, `sink.error` gets UNAUTHENTICATED.
   *
   * @returns a function that ends the subscription (safe to call more than once).
   * Failures arrive at `sink.error` (see {@link SubscriptionSink}), never as exceptions; without `wsUrl`,
   * `sink.error` gets `SUBSCRIPTIONS_UNAVAILABLE`.
   */
  subscribe<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    sink: SubscriptionSink<TData>,
  ): () => void;
  /** The session held now, or null. */
  getSession(): RidegraphSession | null;
  /** Holds this session from now on (e.g. the tokens of `signIn`); calls `onSessionChange`. */
  setSession(session: RidegraphSession): Promise<void>;
  /** Forgets the session (after `signOut`, or to sign out locally); calls `onSessionChange(null)`. */
  clearSession(): Promise<void>;
  /** Closes the WebSocket, if open. Requests keep working. */
  dispose(): Promise<void>;
}

/**
 * Creates a client for the Ridegraph API. Sign in with `request(SignInDocument, …)` (or `VerifyOtpDocument`,
 * `RegisterDocument`), then hand the payload's tokens to `setSession`; see sdk/README.md.
 * @throws Error when no fetch is given and there is no global `fetch`.
 */
export function createRidegraphClient(options: RidegraphClientOptions): RidegraphClient {
  const fetchImpl: FetchLike | undefined = options.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
  if (!fetchImpl) throw new Error('createRidegraphClient: no global fetch; pass options.fetch');
  const session = createSessionKeeper({ url: options.url, fetch: fetchImpl, initial: options.session ?? null, onChange: options.onSessionChange });
  let subscriptions: SubscriptionTransport | undefined;

  const send = (document: DocumentNode, variables: Record<string, unknown> | undefined, sent: RidegraphSession | null) =>
    postOperation(fetchImpl, options.url, prepareOperation(document), variables, sent?.accessToken);

  return {
    async request<TData, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TData, TVariables>,
      ...[variables]: VariablesArgument<TVariables>
    ): Promise<TData> {
      // A refresh in flight means the current access token was just refused: wait for its successor.
      await session.pending()?.catch(() => undefined);
      const sent = session.current();
      try {
        return (await send(document, variables, sent)) as TData;
      } catch (error) {
        // Retry only a request refused as a whole (the gateway answers 401 before running anything), so a
        // mutation never runs twice.
        const refusedWhole = error instanceof RidegraphError && error.hasCode('UNAUTHENTICATED') && (error.data === undefined || error.data === null);
        if (!sent || !refusedWhole) throw error;
        const renewed = await session.renew(sent, error);
        return (await send(document, variables, renewed)) as TData;
      }
    },

    subscribe<TData, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TData, TVariables>,
      variables: TVariables,
      sink: SubscriptionSink<TData>,
    ) {
      if (!options.wsUrl) {
        sink.error?.(new RidegraphError({ code: 'SUBSCRIPTIONS_UNAVAILABLE', message: 'createRidegraphClient was given no wsUrl' }));
        return () => undefined;
      }
      subscriptions ??= createSubscriptionTransport({
        wsUrl: options.wsUrl,
        accessToken: () => session.current()?.accessToken,
        renewAccessToken: async (refused) => {
          await session.pending()?.catch(() => undefined);
          const current = session.current();
          if (!current) return false;
          if (current.accessToken !== refused) return true; // renewed meanwhile (another subscription, a request)
          try {
            await session.renew(current, new RidegraphError({ code: 'UNAUTHENTICATED', message: 'The access token of the subscription connection expired' }));
            return true;
          } catch {
            return false;
          }
        },
        webSocketImpl: options.webSocketImpl,
      });
      return subscriptions.subscribe(document, variables, sink);
    },

    getSession: () => session.current(),
    setSession: (next) => session.set(next),
    clearSession: () => session.set(null),
    async dispose() {
      await subscriptions?.dispose();
      subscriptions = undefined;
    },
  };
}
