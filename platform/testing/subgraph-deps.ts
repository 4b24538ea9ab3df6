// Dependencies for building one subgraph in a test: silent logs, an in-process pub/sub of its own, real tokens.
import { randomBytes } from 'node:crypto';
import type { DatabaseTarget, StatementListener } from '../db/index.js';
import type { SubgraphDeps } from '../graphql/index.js';
import { createLogger } from '../logging/index.js';
import { createMemoryPubSub } from '../pubsub/index.js';
import { createTestAuth, type TestAuth } from './auth.js';

/** @param testAuth share one between subgraphs and the tokens a test sends; default: a new one. */
export async function testSubgraphDeps(database: DatabaseTarget, onStatement?: StatementListener, testAuth?: TestAuth): Promise<SubgraphDeps> {
  return {
    database,
    logger: createLogger({ level: 'silent' }),
    pubsub: createMemoryPubSub({ prefix: `test:${randomBytes(4).toString('hex')}:` }),
    auth: (testAuth ?? (await createTestAuth())).auth,
    onStatement,
  };
}
