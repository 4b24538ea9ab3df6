export { createTestDatabase, type TestDatabase } from './database.js';
export { startInProcess, ENTITIES_QUERY, type InProcessSubgraph, type InProcessResult, type InProcessOptions } from './in-process.js';
export { testDatabaseServerUrl, testRedisUrl } from './env.js';
export { postGraphQL, type GraphQLResponse } from './http-client.js';
export { testSubgraphDeps } from './subgraph-deps.js';
export { createTestAuth, type TestAuth } from './auth.js';
export { EVENT_WAIT_MS, readUntil } from './read-until.js';
