export { loadTypeDefs } from './load-type-defs.js';
export { serveSubgraph, type BuiltSubgraph, type RunningSubgraph, type ServeSubgraphOptions } from './subgraph-server.js';
export { createByIdLoader, createByKeyLoader, createValueLoader, createPagedListLoader } from './loaders.js';
export { isUuid } from './ids.js';
export { toGraphQLInt, IntOutOfRangeError } from './graphql-int.js';
export * from './pagination.js';
export { DateTimeScalar } from './scalars.js';
export type { SubgraphDeps } from './subgraph-deps.js';
export { runStandaloneSubgraph } from './run-standalone.js';
