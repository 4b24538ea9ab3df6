// The whole supergraph in one process on port 0 against this machine's real PostgreSQL (a fresh database) and
// real Redis (a channel prefix of its own).
import { randomBytes } from 'node:crypto';
import { createLogger } from '../../platform/logging/index.js';
import { createRedisPubSub } from '../../platform/pubsub/index.js';
import { createRedisEventBus } from '../../platform/events/index.js';
import { createTestDatabase, testRedisUrl } from '../../platform/testing/index.js';
import { describeSupergraph } from './supergraph-contract.js';

describeSupergraph('PostgreSQL and Redis', async () => {
  const db = await createTestDatabase();
  const prefix = `test:${randomBytes(4).toString('hex')}:`;
  const logger = createLogger({ level: 'silent' });
  const pubsub = createRedisPubSub({ url: testRedisUrl(), prefix, logger });
  const events = createRedisEventBus({ url: testRedisUrl(), prefix, logger, retryDelayMs: 50 });
  return {
    database: db.target,
    pubsub,
    events,
    release: async () => {
      await pubsub.dispose();
      await events.dispose();
      await db.drop();
    },
  };
});
