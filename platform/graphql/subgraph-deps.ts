// What every subgraph factory (`buildXSubgraph`) receives. The embedded runner, the standalone entry points and
// the tests all build subgraphs through this one shape.
import type { DatabaseTarget, StatementListener } from '../db/index.js';
import type { Logger } from '../logging/index.js';

export interface SubgraphDeps {
  /** Where the subgraph's schema namespace lives; its migrations must already be applied. */
  database: DatabaseTarget;
  logger: Logger;
  /** Observes every SQL statement the subgraph sends (tests count them). */
  onStatement?: StatementListener;
}
