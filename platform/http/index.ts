export {
  createGraphQLHttpServer,
  listen,
  type GraphQLHttpServerOptions,
  type ReadinessReport,
  type PublicReadiness,
  type Listening,
  type HttpRoute,
  type HttpPostRoute,
  type HttpPageRoute,
  type HttpPageAnswer,
  type HttpRouteAnswer,
  type Admission,
  type GraphQLRequestParams,
} from './graphql-http-server.js';
export { requestSignal, RequestAbortedError } from './request-signal.js';
export { stopOnSignals, SHUTDOWN_TIMEOUT_MS, DRAIN_GRACE_MS } from './shutdown.js';
export {
  handleCors,
  readCorsPolicy,
  DEVELOPMENT_CORS_ORIGINS,
  CORS_ALLOWED_HEADERS,
  CORS_ALLOWED_METHODS,
  CORS_MAX_AGE_SECONDS,
  type CorsPolicy,
} from './cors.js';
export { setSecurityHeaders, readSecurityHeadersOptions, type SecurityHeadersOptions } from './security-headers.js';
