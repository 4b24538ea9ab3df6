// What every subgraph factory (`buildXSubgraph`) receives. The embedded runner, the standalone entry points and
// the tests all build subgraphs through this one shape.
import type { AccessTokenVerifier, AuthConfig, SigningKeys } from '../auth/index.js';
import type { DatabaseTarget, StatementListener } from '../db/index.js';
import type { EventBus } from '../events/index.js';
import type { Logger } from '../logging/index.js';
import type { LivePubSub } from '../pubsub/index.js';

export interface SubgraphDeps {
  /** Where the subgraph's schema namespace lives; its migrations must already be applied. */
  database: DatabaseTarget;
  logger: Logger;
  /** The process's live pub/sub (Redis or in-process); owned and disposed by the caller. */
  pubsub: LivePubSub;
  auth: SubgraphAuth;
  /** The process's durable event streams (Redis Streams or in-process); owned and disposed by the caller. */
  events: EventBus;
  /** Redis for shared state such as rate limits; undefined → in-process (embedded mode). */
  redisUrl?: string;
  /** Observes every SQL statement the subgraph sends (tests count them). */
  onStatement?: StatementListener;
}

export interface SubgraphAuth {
  config: AuthConfig;
  /** Verifies the access token of each request (every subgraph verifies on its own). */
  verify: AccessTokenVerifier;
  /** identity only: the private keys it signs access tokens with. */
  signingKeys?: SigningKeys;
}
