// What every subgraph factory (`buildXSubgraph`) receives. The embedded runner, the standalone entry points and
// the tests all build subgraphs through this one shape.
import type { DatabaseTarget, StatementListener } from '../db/index.js';
import type { Logger } from '../logging/index.js';
import type { LivePubSub } from '../pubsub/index.js';

export interface SubgraphDeps {
  /** Where the subgraph's schema namespace lives; its migrations must already be applied. */
  database: DatabaseTarget;
  logger: Logger;
  /** The process's live pub/sub (Redis or in-process); owned and disposed by the caller. */
  pubsub: LivePubSub;
  /** Observes every SQL statement the subgraph sends (tests count them). */
  onStatement?: StatementListener;
}
