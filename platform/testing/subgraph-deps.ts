// Dependencies for building one subgraph in a test: silent logs, an in-process pub/sub and event bus of its own,
// real tokens.
import { randomBytes } from 'node:crypto';
import type { DatabaseTarget, StatementListener } from '../db/index.js';
import { createMemoryEventBus, type EventBus } from '../events/index.js';
import type { SubgraphDeps } from '../graphql/index.js';
import { createLogger } from '../logging/index.js';
import { createMemoryPubSub } from '../pubsub/index.js';
import { createTestAuth, type TestAuth } from './auth.js';

/**
 * @param testAuth share one between subgraphs and the tokens a test sends; default: a new one.
 * @param events share one (`createMemoryEventBus()`) between subgraphs whose events a test follows across them;
 *   default: a new in-process bus for this subgraph alone. The test disposes a bus it passes.
 */
export async function testSubgraphDeps(
  database: DatabaseTarget,
  onStatement?: StatementListener,
  testAuth?: TestAuth,
  events?: EventBus,
): Promise<SubgraphDeps> {
  const logger = createLogger({ level: 'silent' });
  return {
    database,
    logger,
    pubsub: createMemoryPubSub({ prefix: `test:${randomBytes(4).toString('hex')}:` }),
    auth: (testAuth ?? (await createTestAuth())).auth,
    // Short retry delay: a test waiting for a retried handler should not wait production backoffs.
    events: events ?? createMemoryEventBus({ logger, retryDelayMs: 20 }),
    onStatement,
  };
}
