// One graphql-ws connection per (subgraph, identity scope), shared by every upstream subscription of that pair
// and closed when the last one ends. A dropped connection (subgraph restart, network) is reopened with back-off
// and graphql-ws resubscribes every subscription on it, so clients of the gateway do not notice.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { GATEWAY_HOP_HEADER } from '../../../platform/auth/index.js';
import type { Logger } from '../../../platform/logging/index.js';
import type { IdentityScope } from './identity-scope.js';

export interface UpstreamLease {
  client: Client;
  /** Gives the connection back; the last release closes it. Idempotent. */
  release(): void;
}

export interface UpstreamPoolOptions {
  logger: Logger;
  /** Longest wait between reconnection attempts (ms). Default 2000. */
  maxRetryWaitMs?: number;
  /** Sent in every `connection_init` so the subgraph knows the gateway (platform/auth/gateway-hop.ts). */
  gatewaySecret?: string;
}

/**
 * Disposes a client. graphql-ws rejects `dispose()` with the close event when the socket was still connecting (or
 * had just closed itself, "All Subscriptions Gone"); nothing is left to release then, so that is not an error.
 */
function closeQuietly(client: Client): Promise<void> {
  return Promise.resolve(client.dispose()).catch(() => undefined);
}

export class UpstreamPool {
  readonly #connections = new Map<string, { client: Client; leases: number }>();
  readonly #logger: Logger;
  readonly #maxRetryWaitMs: number;
  readonly #gatewayProof: Record<string, string>;

  constructor(options: UpstreamPoolOptions) {
    this.#logger = options.logger;
    this.#maxRetryWaitMs = options.maxRetryWaitMs ?? 2000;
    this.#gatewayProof = options.gatewaySecret ? { [GATEWAY_HOP_HEADER]: options.gatewaySecret } : {};
  }

  /** Open upstream connections (tests and stats). */
  get size(): number {
    return this.#connections.size;
  }

  acquire(subgraph: string, httpUrl: string, scope: IdentityScope): UpstreamLease {
    const key = `${subgraph}\u0000${scope.key}`;
    let entry = this.#connections.get(key);
    if (!entry) {
      entry = { client: this.#connect(subgraph, httpUrl, scope), leases: 0 };
      this.#connections.set(key, entry);
    }
    entry.leases++;
    const leased = entry;
    let released = false;
    return {
      client: leased.client,
      release: () => {
        if (released) return;
        released = true;
        if (--leased.leases > 0) return;
        if (this.#connections.get(key) === leased) this.#connections.delete(key);
        void closeQuietly(leased.client);
      },
    };
  }

  /** Closes every connection (gateway shutdown). */
  async dispose(): Promise<void> {
    const clients = [...this.#connections.values()].map((entry) => entry.client);
    this.#connections.clear();
    await Promise.all(clients.map(closeQuietly));
  }

  #connect(subgraph: string, httpUrl: string, scope: IdentityScope): Client {
    const url = httpUrl.replace(/^http/, 'ws');
    const maxWait = this.#maxRetryWaitMs;
    const logger = this.#logger;
    const gatewayProof = this.#gatewayProof;
    return createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: true,
      lazyCloseTimeout: 0,
      // Read at every (re)connection: the freshest token of the scope, not the one the connection started with.
      connectionParams: () => ({ authorization: scope.authorization(), ...gatewayProof }),
      // A subgraph may be restarting: keep trying for as long as anyone is subscribed (the pool closes the
      // client when nobody is). Fatal codes (4401 …) are not retried by graphql-ws; see shared-subscriptions.ts.
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: async (retries) => {
        const wait = Math.min(100 * 2 ** retries, maxWait);
        await new Promise((resolve) => setTimeout(resolve, wait / 2 + Math.random() * (wait / 2)));
      },
      keepAlive: 15_000,
      on: {
        closed: (event) => {
          const code = (event as { code?: number }).code;
          if (code !== 1000) logger.debug({ subgraph, code }, 'upstream subscription connection closed');
        },
        error: (error) => logger.debug({ subgraph, err: error }, 'upstream subscription connection failed'),
      },
    });
  }
}
