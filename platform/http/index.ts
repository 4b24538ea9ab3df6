export { createGraphQLHttpServer, listen, type GraphQLHttpServerOptions, type ReadinessReport, type Listening, type HttpRoute, type Admission, type GraphQLRequestParams } from './graphql-http-server.js';
export { requestSignal, RequestAbortedError } from './request-signal.js';
export { stopOnSignals } from './shutdown.js';
