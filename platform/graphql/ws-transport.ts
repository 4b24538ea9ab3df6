// graphql-ws' server core on a `ws` WebSocketServer — what graphql-ws' own `useServer` does (it invites copying
// and adjusting), plus the one thing it cannot do: drop a socket's messages before the protocol sees them. With
// `useServer` a message listener of ours could close a flooding socket but not stop graphql-ws from handling every
// message already received; here a message over the socket's budget is never handed to graphql-ws at all.
// Keep-alive is not here (spreadKeepAlive pings every socket from one timer).
import type { IncomingMessage } from 'node:http';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logging/index.js';
import { TokenBucket, type MessageBudget } from '../rate-limit/index.js';
import { WsCloseCode } from './ws-close-codes.js';
import { wsConnectionOpened } from '../metrics/index.js';
import { withWsMetrics } from './ws-metrics.js';

export interface WsExtra {
  readonly socket: WebSocket;
  /** The upgrade request; may be dropped (set undefined) once the connection is authenticated. */
  request: IncomingMessage | undefined;
  /**
   * Set by the server's onConnect for a peer exempt from the message budget: a subgraph's socket from the gateway,
   * which carries every subscription of one identity across all its clients (they are limited at the gateway).
   */
  exempt?: boolean;
}

export interface GraphqlWsTransportOptions {
  logger: Logger;
  /** Messages one socket may send (of any type); past it the socket closes with 4420 (TooManyMessages). Undefined: no limit. */
  messages?: MessageBudget;
  /** Counts connections, subscriptions and events in the process's metrics (ws-metrics.ts). Default true. */
  metrics?: boolean;
}

/** How long a flooding socket may take to finish closing before it is dropped. */
const FLOOD_CLOSE_GRACE_MS = 3000;

/** @returns disposes: closes every socket with 1001 and stops the WebSocketServer. */
export function serveGraphqlWs<P extends Record<string, unknown>>(
  wss: WebSocketServer,
  serverOptions: ServerOptions<P, WsExtra>,
  options: GraphqlWsTransportOptions,
): { dispose(): Promise<void> } {
  const { logger, messages } = options;
  const metrics = options.metrics ?? true;
  const server = makeServer<P, WsExtra>(metrics ? withWsMetrics(serverOptions) : serverOptions);
  wss.options.handleProtocols = handleProtocols;
  wss.on('error', (error) => logger.error({ err: error }, 'WebSocket server error'));

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    if (metrics) socket.once('close', wsConnectionOpened());
    socket.once('error', (error) => {
      logger.warn({ err: error }, 'WebSocket client error; closing it');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    const budget = messages ? new TokenBucket(messages) : undefined;
    const extra: WsExtra = { socket, request };
    let flooded = false;
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            if (flooded) return; // closing: nothing more reaches graphql-ws
            if (budget && !extra.exempt && !budget.take()) {
              flooded = true;
              logger.warn({ limit: messages }, 'closed a graphql-ws client that sent messages too fast');
              socket.close(WsCloseCode.TooManyMessages, `Too many messages: at most ${messages!.perSecond}/s (bursts of ${messages!.burst})`);
              // Do not hold the socket for ws' 30 s closing handshake if the client does not answer.
              setTimeout(() => socket.terminate(), FLOOD_CLOSE_GRACE_MS).unref();
              return;
            }
            handle(String(data)).catch((error: unknown) => {
              logger.error({ err: error }, 'graphql-ws message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      extra,
    );
    socket.once('close', (code, reason) => {
      closed(code, String(reason)).catch((error: unknown) => logger.error({ err: error }, 'graphql-ws close handling failed'));
    });
  });

  return {
    async dispose() {
      for (const client of wss.clients) client.close(WsCloseCode.GoingAway, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
