// How the gateway talks to a subgraph: proves it is the gateway (GATEWAY_SECRET, platform/auth/gateway-hop.ts),
// forwards the caller's Authorization (every subgraph verifies it again) and X-Forwarded-For with the caller's
// address appended (which subgraphs honour only because of that proof), reuses keep-alive connections (a lean
// http.request client, subgraph-http-client.ts), and bounds each request in time.
import { AsyncLocalStorage } from 'node:async_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { OperationTypeNode } from 'graphql';
import { GATEWAY_HOP_HEADER } from '../../platform/auth/index.js';
import { AppError } from '../../platform/errors/index.js';
import { REQUEST_ID_HEADER, currentRequestId } from '../../platform/request-context/index.js';
import type { Logger } from '../../platform/logging/index.js';
import { injectTraceHeaders } from '../../platform/tracing/index.js';
import type { GatewayContext } from './context.js';
import { deduplicateInFlight, type FetchSharing } from './subgraph-fetch-dedup.js';
import { createSubgraphHttpClient, type SubgraphPost } from './subgraph-http-client.js';
import { unreachableSubgraphResponse } from './unreachable-subgraph-response.js';
import { timedSubgraphFetch } from './subgraph-fetch-metrics.js';

/**
 * What the fetcher must know about the client request a subgraph fetch is made for: its abort signal, and whether it
 * is a query (only a query's fetches may be shared: subgraph-fetch-dedup.ts). Apollo's data source builds the fetch
 * itself and passes neither, so `process` runs inside this store and the fetcher reads it: a client that disconnects
 * cancels its subgraph requests, and the subgraph, seeing its connection close, stops resolving.
 */
const clientRequest = new AsyncLocalStorage<FetchSharing>();

/**
 * The fetcher Apollo's data source calls: the lean keep-alive client (subgraph-http-client.ts), cancelled with the
 * client's request, bounded by the subgraph timeout, and — unless `deduplicate` is false — sharing identical
 * in-flight fetches of queries (subgraph-fetch-dedup.ts).
 */
export function subgraphFetcher(timeoutMs: number, deduplicate = true): Fetcher {
  const client = createSubgraphHttpClient(timeoutMs);
  const sharing = deduplicate ? deduplicateInFlight(client) : (url: string, request: SubgraphPost, { signal }: FetchSharing) => client(url, request, signal);
  return (url, init) =>
    sharing(
      url,
      { method: init?.method ?? 'POST', headers: init?.headers ?? {}, body: typeof init?.body === 'string' ? init.body : (init?.body?.toString('utf8') ?? '') },
      clientRequest.getStore() ?? { shareable: false },
    );
}

/**
 * @param gatewaySecret sent on every subgraph request; undefined: subgraphs treat the gateway like any caller.
 * @param deduplicate share identical in-flight fetches of queries (GATEWAY_DEDUPLICATE_FETCHES; default on).
 */
export function createDataSourceFactory(timeoutMs: number, logger: Logger, gatewaySecret?: string, deduplicate = true) {
  const fetcher = subgraphFetcher(timeoutMs, deduplicate);
  return ({ name, url }: { name: string; url?: string }) => new SubgraphDataSource(name, logger, gatewaySecret, { url, fetcher });
}

class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    private readonly logger: Logger,
    private readonly gatewaySecret: string | undefined,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(config);
  }

  /**
   * A subgraph that cannot be reached (refused, reset, timed out) is a retryable outage for the client, not an
   * internal error; the network details stay in the log.
   */
  override didEncounterError(error: Error, request: unknown, response?: unknown): void {
    if (response === undefined && error.name === 'AbortError') {
      throw new AppError('REQUEST_ABORTED', 'The client went away; its subgraph requests were cancelled');
    }
    if (response === undefined) {
      this.logger.warn({ err: error, subgraph: this.serviceName }, 'subgraph unreachable');
      throw new AppError('SERVICE_UNAVAILABLE', `The ${this.serviceName} service is temporarily unavailable; retry later`);
    }
    throw error;
  }

  /**
   * Runs inside the client's abort signal and operation type (see clientRequest). A client's fetch that found the subgraph unreachable
   * answers with SERVICE_UNAVAILABLE at the path of every field it asked for, so each null in the client's response
   * has its error and the rest of the response stands.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      const sharing: FetchSharing = {
        signal: (options.context as Partial<GatewayContext>).abortSignal,
        // The gateway's own requests (health checks, schema loading) have no incoming operation: never shared.
        shareable: 'incomingRequestContext' in options && options.incomingRequestContext.operation?.operation === OperationTypeNode.QUERY,
      };
      const fetch = () => clientRequest.run(sharing, () => super.process(options));
      // Clients' fetches are timed; the gateway's own (health checks, schema loading) are not.
      return await ('incomingRequestContext' in options ? timedSubgraphFetch(this.serviceName, fetch) : fetch());
    } catch (error) {
      // Health checks and schema loading are the gateway's own requests: they keep failing loudly.
      if (!('incomingRequestContext' in options) || !(error instanceof AppError) || error.code !== 'SERVICE_UNAVAILABLE') throw error;
      return unreachableSubgraphResponse(options.request, { message: error.message, extensions: { ...error.extensions } });
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Requests the gateway makes on its own (health checks) carry an empty context.
    const { authorization, forwardedFor } = context as Partial<GatewayContext>;
    if (this.gatewaySecret) request.http?.headers.set(GATEWAY_HOP_HEADER, this.gatewaySecret);
    if (authorization) request.http?.headers.set('authorization', authorization);
    if (forwardedFor) request.http?.headers.set('x-forwarded-for', forwardedFor);
    // The subgraph's log lines and audit entries carry the id of the client request that caused them.
    const requestId = currentRequestId();
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
    // W3C traceparent of the gateway.fetch span Apollo runs this in: the subgraph's spans continue this trace.
    injectTraceHeaders((name, value) => request.http?.headers.set(name, value));
  }
}
