// Apollo Server 5 on plain node:http. Apollo's own standalone server hides its http.Server; owning it lets the
// gateway attach a graphql-ws WebSocket server to the same port and path, and adds /health and /ready.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from '../logging/index.js';
import { handleCors, type CorsPolicy } from './cors.js';
import { setSecurityHeaders, type SecurityHeadersOptions } from './security-headers.js';
import { APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, GRAPHQL_RESPONSE_TYPES, isJsonRequestBody, negotiate, parseMediaType } from './media-types.js';
import { BodyTooLargeError, readBody, readRawBody } from './read-body.js';
import { trackRequest } from './request-signal.js';
import { REQUEST_ID_HEADER, requestIdFrom, runInRequestContext } from '../request-context/index.js';
import { traceHttpRequest } from '../tracing/http-server.js';
import { operationMetricsPlugin, recordRefusedRequest, startHttpRequestTimer } from '../metrics/index.js';

export interface ReadinessReport {
  ready: boolean;
  /** One entry per dependency: "ok" or a short reason (never a raw error message). */
  checks: Record<string, string>;
}

/** What /ready shows a caller not entitled to the checks (anyone in production but an authenticated gateway hop). */
export type PublicReadiness = Pick<ReadinessReport, 'ready'>;

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context (viewer, loaders, services). A thrown AppError becomes a GraphQL error. */
  context: (req: IncomingMessage) => Promise<TContext>;
  logger: Logger;
  /** Default "/graphql". */
  path?: string;
  /** Answers GET /ready (503 when not ready); given the request, so it can decide how much to show. Default: always ready. */
  readiness?: (req: IncomingMessage) => Promise<ReadinessReport | PublicReadiness>;
  /** Largest accepted request body. Default 1 MiB; larger bodies get 413. */
  maxBodyBytes?: number;
  /** Extra GET routes by exact path (e.g. `/.well-known/jwks.json`). */
  routes?: Record<string, HttpRoute>;
  /**
   * Extra POST routes by exact path (e.g. a payment provider's webhooks), given the body's bytes as sent, of any
   * content type, at most `maxBodyBytes` (larger: 413). Another method on such a path gets 405 with `Allow: POST`.
   */
  postRoutes?: Record<string, HttpPostRoute>;
  /**
   * Pages by path prefix (ending in "/", e.g. `/dev-pay/`): GET and POST on any path under it, answered with the
   * handler's status, headers and text (HTML by default). POST bodies are read as for `postRoutes`; other methods
   * get 405 with `Allow: GET, POST`.
   */
  pageRoutes?: Record<string, HttpPageRoute>;
  /**
   * The edge checks, run on a well-formed request before Apollo parses, validates, plans or executes anything
   * (operation limits, then — at the gateway — the access token and the rate limit). A refusal is answered as is;
   * `headers` are added to the answer either way (e.g. RateLimit-*).
   */
  admit?: (req: IncomingMessage, request: GraphQLRequestParams) => Promise<Admission> | Admission;
  /**
   * Work on one request stops after this long (requestSignal aborts; per-field work checks it). Undefined: no
   * deadline of its own, but a caller that disconnects still aborts it.
   */
  requestTimeoutMs?: number;
  /** The service answering (`gateway`, `trips`, …), named on its request spans (platform/tracing). Default "http". */
  service?: string;
  /** Browser origins allowed to call (cors.ts); omitted: no CORS headers, every preflight refused (subgraphs). */
  cors?: CorsPolicy;
  /** HSTS and friends (security-headers.ts); the other security headers are always sent. */
  securityHeaders?: SecurityHeadersOptions;
  /**
   * Records HTTP requests and GraphQL operations in the process's metrics (platform/metrics). Default true; off for
   * the subgraphs of a one-process supergraph, whose requests are the gateway's internal hops.
   */
  metrics?: boolean;
}

/** The GraphQL parameters of a request, from the JSON body (POST) or the query string (GET); unchecked. */
export interface GraphQLRequestParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

export interface Admission {
  refuse?: { status: number; body: unknown };
  headers?: Record<string, string>;
}

/** Answers a GET request with a JSON-serialisable body (status 200), or a promise of one, or throws. */
export type HttpRoute = (req: IncomingMessage) => unknown;

/**
 * Answers a POST request given its raw body: the status and JSON body are the handler's. A thrown error is logged
 * and answered 500.
 */
export type HttpPostRoute = (req: IncomingMessage, rawBody: Buffer) => Promise<HttpRouteAnswer> | HttpRouteAnswer;

/** A page under a path prefix: `rest` is the path after the prefix, `rawBody` empty for GET. */
export type HttpPageRoute = (
  req: IncomingMessage,
  request: { method: 'GET' | 'POST'; rest: string; rawBody: Buffer },
) => Promise<HttpPageAnswer> | HttpPageAnswer;

export interface HttpPageAnswer {
  status: number;
  /** Sent as is. */
  body: string;
  /** Default `text/html; charset=utf-8`. */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface HttpRouteAnswer {
  status: number;
  /** Sent as JSON. */
  body: unknown;
}

/** Creates (does not start) the HTTP server. Call `apollo.start()` before serving requests. */
export function createGraphQLHttpServer<TContext extends BaseContext>(options: GraphQLHttpServerOptions<TContext>): http.Server {
  const path = options.path ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const metrics = options.metrics ?? true;
  if (metrics) {
    try {
      options.apollo.addPlugin(operationMetricsPlugin());
    } catch {
      // Apollo already started (a caller that starts it first): HTTP requests are still recorded, operations not.
    }
  }
  const server = http.createServer((req, res) => {
    if (metrics) {
      const recordRequest = startHttpRequestTimer();
      res.once('close', () => recordRequest(req.method, routeLabel(req.url), res.statusCode));
    }
    // Every answer names its request (the caller's x-request-id when acceptable), and all work below runs in it.
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const startedAt = performance.now();
    runInRequestContext({ requestId }, () =>
      traceHttpRequest(options.service ?? 'http', req, res, async () => {
        await handle(req, res);
        // Debug: one line per answered request in every process, carrying the request id (the logger's mixin).
        options.logger.debug(
          { method: req.method, path: req.url?.split('?')[0], status: res.statusCode, durationMs: Math.round(performance.now() - startedAt) },
          'http request',
        );
      }),
    ).catch((error: unknown) => {
      options.logger.error({ err: error }, 'unhandled error in HTTP handler');
      if (!res.headersSent) sendJson(res, 500, graphqlErrorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else res.destroy();
    });
  });
  // Longer than typical load balancer idle timeouts (60 s), so the balancer closes idle connections first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;

  /** The metrics' route label: one of this server's paths or page prefixes, else "other" (bounded). */
  function routeLabel(url: string | undefined): string {
    const pathname = new URL(url ?? '/', 'http://localhost').pathname;
    if (pathname === path || pathname === '/health' || pathname === '/ready') return pathname;
    if (Object.hasOwn(options.routes ?? {}, pathname) || Object.hasOwn(options.postRoutes ?? {}, pathname)) return pathname;
    return Object.keys(options.pageRoutes ?? {}).find((prefix) => pathname.startsWith(prefix)) ?? 'other';
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Edge headers first, so every answer below carries them; a CORS preflight is answered here and goes no further.
    setSecurityHeaders(res, options.securityHeaders);
    if (handleCors(req, res, options.cors ?? NO_CORS)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      const report = options.readiness ? await options.readiness(req) : { ready: true };
      return sendJson(res, report.ready ? 200 : 503, report);
    }
    const route = options.routes?.[url.pathname];
    if (route && req.method === 'GET') return sendJson(res, 200, await route(req));
    const postRoute = options.postRoutes?.[url.pathname];
    if (postRoute) return answerPostRoute(req, res, postRoute);
    const pagePrefix = Object.keys(options.pageRoutes ?? {}).find((prefix) => url.pathname.startsWith(prefix));
    if (pagePrefix) return answerPageRoute(req, res, options.pageRoutes![pagePrefix]!, url.pathname.slice(pagePrefix.length));
    if (url.pathname !== path) return sendJson(res, 404, { error: `not found; GraphQL is served at ${path}` });

    // GraphQL over HTTP: the checks below answer a request that is not well-formed before any context is built
    // (no token verified, nothing planned or executed); Apollo Server does the rest, CSRF prevention included.
    const method = (req.method ?? 'GET').toUpperCase();
    const accept = req.headers.accept;
    if (method !== 'GET' && method !== 'POST') {
      res.setHeader('allow', 'GET, POST');
      return sendError(res, 405, accept, `${method} is not supported: send queries by GET or POST, mutations by POST`, 'BAD_REQUEST');
    }
    // GET may also ask for the landing page (text/html); an operation's answer is JSON or, for @defer, multipart.
    const answerable = method === 'GET' ? [...GRAPHQL_RESPONSE_TYPES, 'text/html'] : GRAPHQL_RESPONSE_TYPES;
    if (negotiate(accept, answerable) === null) {
      return sendError(res, 406, undefined, `The Accept header allows none of ${GRAPHQL_RESPONSE_TYPES.join(', ')}`, 'BAD_REQUEST');
    }

    let body: unknown;
    if (method === 'POST') {
      // Only application/json bodies: this also refuses the content types a browser may send cross-site without
      // a CORS preflight (text/plain, forms), so such a POST never reaches execution.
      if (!isJsonRequestBody(req.headers['content-type'])) {
        req.resume();
        return sendError(res, 415, accept, 'POST requests must have Content-Type: application/json (UTF-8)', 'BAD_REQUEST');
      }
      let raw: string;
      try {
        raw = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return sendError(res, 413, accept, `Request body exceeds ${maxBodyBytes} bytes`, 'BAD_REQUEST');
        throw error;
      }
      body = parseJsonBody(raw);
      if (body === INVALID_JSON) return sendError(res, 400, accept, 'Request body is not valid JSON', 'BAD_REQUEST');
    }

    trackRequest(req, res, options.requestTimeoutMs);
    if (options.admit) {
      const admittedAt = performance.now();
      const params = method === 'POST' ? paramsOfBody(body) : paramsOfSearch(url.searchParams);
      const admission = await options.admit(req, params);
      for (const [key, value] of Object.entries(admission.headers ?? {})) res.setHeader(key, value);
      if (admission.refuse) {
        if (metrics) recordRefusedRequest(params, admission.refuse.body, admittedAt);
        const type = negotiate(accept, [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) ?? APPLICATION_JSON;
        res.statusCode = admission.refuse.status;
        res.setHeader('content-type', `${type}; charset=utf-8`);
        res.end(JSON.stringify(admission.refuse.body));
        return;
      }
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: () => options.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    // GraphQL answers hold personal data: never stored by a browser or proxy. Apollo's cache-control plugin says the
    // same where it runs (the gateway); subgraphs run without it (no type or field has cache hints, and its hook on
    // every resolved field cost ~0.8 % of the request path's CPU), so the rule is here, for every GraphQL answer.
    if (!response.headers.has('cache-control')) res.setHeader('cache-control', 'no-store');
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.statusCode = statusForMediaType(res.statusCode, response.headers.get('content-type'), response.body.string);
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function answerPageRoute(req: IncomingMessage, res: ServerResponse, route: HttpPageRoute, rest: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'POST') {
      req.resume();
      res.setHeader('allow', 'GET, POST');
      return sendJson(res, 405, { error: `${method} is not supported here: GET or POST` });
    }
    let rawBody: Buffer = Buffer.alloc(0);
    if (method === 'POST') {
      try {
        rawBody = await readRawBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: `Request body exceeds ${maxBodyBytes} bytes` });
        throw error;
      }
    } else req.resume();
    const answer = await route(req, { method, rest, rawBody });
    for (const [key, value] of Object.entries(answer.headers ?? {})) res.setHeader(key, value);
    res.statusCode = answer.status;
    res.setHeader('content-type', answer.contentType ?? 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(answer.body);
  }

  async function answerPostRoute(req: IncomingMessage, res: ServerResponse, route: HttpPostRoute): Promise<void> {
    if (req.method !== 'POST') {
      req.resume();
      res.setHeader('allow', 'POST');
      return sendJson(res, 405, { error: `${req.method ?? 'GET'} is not supported here: send a POST` });
    }
    let rawBody: Buffer;
    try {
      rawBody = await readRawBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: `Request body exceeds ${maxBodyBytes} bytes` });
      throw error;
    }
    const answer = await route(req, rawBody);
    return sendJson(res, answer.status, answer.body);
  }
}

const NO_CORS: CorsPolicy = { origins: new Set() };
const INVALID_JSON = Symbol('invalid JSON');

function paramsOfBody(body: unknown): GraphQLRequestParams {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
}

function paramsOfSearch(search: URLSearchParams): GraphQLRequestParams {
  const variables = search.get('variables');
  let parsed: unknown;
  try {
    parsed = variables ? (JSON.parse(variables) as unknown) : undefined;
  } catch {
    parsed = undefined; // Apollo Server answers the malformed parameter itself
  }
  return { query: search.get('query') ?? undefined, operationName: search.get('operationName') ?? undefined, variables: parsed };
}

function parseJsonBody(raw: string): unknown {
  if (raw === '') return undefined; // Apollo answers 400: no body
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/**
 * Whether an error is one of a well-formed request whose document cannot be executed: it does not parse, does not
 * validate against the schema, names no operation of the document, or its variables do not coerce.
 */
function isGraphQLRequestError(error: { message?: unknown; extensions?: { code?: unknown } }): boolean {
  switch (error.extensions?.code) {
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'OPERATION_RESOLUTION_FAILURE':
      return true;
    case 'BAD_USER_INPUT': // Apollo's code for variable coercion; resolvers' BAD_USER_INPUT errors come with data
      return typeof error.message === 'string' && error.message.startsWith('Variable "$');
    default:
      return false;
  }
}

/**
 * Apollo Server answers a document that does not parse or validate, or whose variables do not coerce, with 400
 * whatever the response type. That is right for application/graphql-response+json; with application/json, whose
 * clients may not read a 4xx body as a GraphQL response, the spec asks for 200. Only that case changes: a body of
 * errors without `data`, every one of them such a request error. Refused requests (CSRF, 401, 405, ...) keep theirs.
 */
function statusForMediaType(status: number, contentType: string | undefined, body: string): number {
  if (status !== 400 || parseMediaType(contentType ?? '')?.essence !== APPLICATION_JSON) return status;
  try {
    const result = JSON.parse(body) as { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
    const errors = result.errors ?? [];
    return !('data' in result) && errors.length > 0 && errors.every(isGraphQLRequestError) ? 200 : status;
  } catch {
    return status;
  }
}

function graphqlErrorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** A request refused by this layer: a GraphQL error body in the response type the client prefers. */
function sendError(res: ServerResponse, status: number, accept: string | undefined, message: string, code: string): void {
  const type = negotiate(accept, [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) ?? APPLICATION_JSON;
  res.statusCode = status;
  res.setHeader('content-type', `${type}; charset=utf-8`);
  res.end(JSON.stringify(graphqlErrorBody(message, code)));
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
