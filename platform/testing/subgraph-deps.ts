// Dependencies for building one subgraph in a test: silent logs and an in-process pub/sub of its own.
import { randomBytes } from 'node:crypto';
import type { DatabaseTarget, StatementListener } from '../db/index.js';
import type { SubgraphDeps } from '../graphql/index.js';
import { createLogger } from '../logging/index.js';
import { createMemoryPubSub } from '../pubsub/index.js';

export function testSubgraphDeps(database: DatabaseTarget, onStatement?: StatementListener): SubgraphDeps {
  return {
    database,
    logger: createLogger({ level: 'silent' }),
    pubsub: createMemoryPubSub({ prefix: `test:${randomBytes(4).toString('hex')}:` }),
    onStatement,
  };
}
