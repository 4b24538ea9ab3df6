export { createGraphQLHttpServer, listen, type GraphQLHttpServerOptions, type ReadinessReport, type Listening } from './graphql-http-server.js';
export { stopOnSignals } from './shutdown.js';
