export { createGraphQLHttpServer, listen, type GraphQLHttpServerOptions, type ReadinessReport, type Listening, type HttpRoute } from './graphql-http-server.js';
export { stopOnSignals } from './shutdown.js';
