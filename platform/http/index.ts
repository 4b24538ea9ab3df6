export { createGraphQLHttpServer, listen, type GraphQLHttpServerOptions, type ReadinessReport, type PublicReadiness, type Listening, type HttpRoute } from './graphql-http-server.js';
export { stopOnSignals, SHUTDOWN_TIMEOUT_MS, DRAIN_GRACE_MS } from './shutdown.js';
export { handleCors, readCorsPolicy, DEVELOPMENT_CORS_ORIGINS, CORS_ALLOWED_HEADERS, CORS_ALLOWED_METHODS, CORS_MAX_AGE_SECONDS, type CorsPolicy } from './cors.js';
export { setSecurityHeaders, readSecurityHeadersOptions, type SecurityHeadersOptions } from './security-headers.js';
