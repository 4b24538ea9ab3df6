export { createGraphQLHttpServer, listen, type GraphQLHttpServerOptions, type ReadinessReport, type PublicReadiness, type Listening, type HttpRoute } from './graphql-http-server.js';
export { stopOnSignals, SHUTDOWN_TIMEOUT_MS, DRAIN_GRACE_MS } from './shutdown.js';
