// Apollo Server 5 on plain node:http. Apollo's own standalone server hides its http.Server; owning it lets the
// gateway attach a graphql-ws WebSocket server to the same port and path, and adds /health and /ready.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from '../logging/index.js';
import { BodyTooLargeError, readBody } from './read-body.js';

export interface ReadinessReport {
  ready: boolean;
  /** One entry per dependency: "ok" or a short reason. */
  checks: Record<string, string>;
}

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context (viewer, loaders, services). A thrown AppError becomes a GraphQL error. */
  context: (req: IncomingMessage) => Promise<TContext>;
  logger: Logger;
  /** Default "/graphql". */
  path?: string;
  /** Answers GET /ready; default: always ready once listening. */
  readiness?: () => Promise<ReadinessReport>;
  /** Largest accepted request body. Default 1 MiB; larger bodies get 413. */
  maxBodyBytes?: number;
  /** Extra GET routes by exact path (e.g. `/.well-known/jwks.json`). */
  routes?: Record<string, HttpRoute>;
}

/** Answers a GET request with a JSON-serialisable body (status 200), or throws. */
export type HttpRoute = (req: IncomingMessage) => Promise<unknown> | unknown;

/** Creates (does not start) the HTTP server. Call `apollo.start()` before serving requests. */
export function createGraphQLHttpServer<TContext extends BaseContext>(options: GraphQLHttpServerOptions<TContext>): http.Server {
  const path = options.path ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, 'unhandled error in HTTP handler');
      if (!res.headersSent) sendJson(res, 500, graphqlErrorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else res.destroy();
    });
  });
  // Longer than typical load balancer idle timeouts (60 s), so the balancer closes idle connections first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      const report = options.readiness ? await options.readiness() : { ready: true, checks: {} };
      return sendJson(res, report.ready ? 200 : 503, report);
    }
    const route = options.routes?.[url.pathname];
    if (route && req.method === 'GET') return sendJson(res, 200, await route(req));
    if (url.pathname !== path) return sendJson(res, 404, { error: `not found; GraphQL is served at ${path}` });

    let body: unknown;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return sendJson(res, 413, graphqlErrorBody(`Request body exceeds ${maxBodyBytes} bytes`, 'BAD_REQUEST'));
        throw error;
      }
      body = parseBody(raw, req.headers['content-type']);
      if (body === INVALID_JSON) return sendJson(res, 400, graphqlErrorBody('Request body is not valid JSON', 'BAD_REQUEST'));
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
      context: () => options.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

const INVALID_JSON = Symbol('invalid JSON');

// Apollo decides what a missing or wrong content type means (it answers 400); only JSON bodies are parsed here.
function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!contentType?.toLowerCase().includes('json')) return raw;
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

function graphqlErrorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(payload));
}

export interface Listening {
  /** e.g. http://127.0.0.1:4003/graphql */
  url: string;
  port: number;
}

/**
 * Listens on `port` (0 = any free port).
 * @throws when the port is taken (EADDRINUSE) — the message names the port.
 */
export async function listen(server: http.Server, port: number, host = '127.0.0.1', path = '/graphql'): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} is already in use; set PORT to another port`) : error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return { url: `http://${shownHost}:${actual}${path}`, port: actual };
}
