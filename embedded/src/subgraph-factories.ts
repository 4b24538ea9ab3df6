// The build function of each subgraph, by name: what the embedded runner and the supergraph tests boot.
import type { BuiltSubgraph, SubgraphDeps } from '../../platform/graphql/index.js';
import type { SubgraphName } from '../../subgraphs/registry.js';
import { buildFleetSubgraph } from '../../subgraphs/fleet/src/server.js';
import { buildGamificationSubgraph } from '../../subgraphs/gamification/src/server.js';
import { buildIdentitySubgraph } from '../../subgraphs/identity/src/server.js';
import { buildNotificationsSubgraph } from '../../subgraphs/notifications/src/server.js';
import { buildPaymentsSubgraph } from '../../subgraphs/payments/src/server.js';
import { buildTripsSubgraph } from '../../subgraphs/trips/src/server.js';

export const SUBGRAPH_FACTORIES: Record<SubgraphName, (deps: SubgraphDeps) => Promise<BuiltSubgraph>> = {
  identity: buildIdentitySubgraph,
  fleet: buildFleetSubgraph,
  trips: buildTripsSubgraph,
  payments: buildPaymentsSubgraph,
  gamification: buildGamificationSubgraph,
  notifications: buildNotificationsSubgraph,
};
