// The whole supergraph on the embedded defaults: PGlite in memory, migrated as `npm start` does, and the
// in-process pub/sub.
import { migrateSubgraphs, openEmbeddedPostgres } from '../../platform/db/index.js';
import { createMemoryPubSub } from '../../platform/pubsub/index.js';
import { describeSupergraph } from './supergraph-contract.js';

describeSupergraph('embedded PGlite and in-process pub/sub', async () => {
  const pglite = await openEmbeddedPostgres();
  await migrateSubgraphs({ kind: 'pglite', pglite });
  const pubsub = createMemoryPubSub({ prefix: 'embedded:' });
  return {
    database: { kind: 'pglite', pglite },
    pubsub,
    release: async () => {
      await pubsub.dispose();
      await pglite.close();
    },
  };
});
