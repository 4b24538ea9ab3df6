// trips' services, built once per subgraph (not per request): they hold no per-request state.
import type { Viewer } from '../../../../platform/auth/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { LivePubSub } from '../../../../platform/pubsub/index.js';
import type { Clock } from '../clock.js';
import type { TripsConfig } from '../config.js';
import type { TripsStore } from '../store/store.js';
import { createCityAdminService } from './city-admin.js';
import { createDispatchService } from './dispatch-service.js';
import { operationsSummary, type SummaryArgs } from './operations-summary.js';
import { createTripsLive } from './live.js';
import { createPricingAdminService } from './pricing-admin.js';
import { createPricingService } from './pricing-service.js';
import { createTripService } from './trip-service.js';

export interface TripsServicesDeps {
  store: TripsStore;
  config: TripsConfig;
  clock: Clock;
  logger: Logger;
  pubsub: LivePubSub;
  /** Asks the outbox relay to publish now (after a commit that wrote events). */
  wakeRelay: () => void;
}

export type TripsServices = ReturnType<typeof createTripsServices>;

export function createTripsServices(deps: TripsServicesDeps) {
  const { store, config, clock, logger } = deps;
  const live = createTripsLive(deps.pubsub, logger, deps.wakeRelay);
  const pricing = createPricingService({ store, config, clock });
  const dispatch = createDispatchService({ store, config, clock, logger, live, wakeRelay: deps.wakeRelay });
  const trips = createTripService({ store, config, clock, live, pricing, dispatch });
  const pricingAdmin = createPricingAdminService({ store, config, clock, wakeRelay: deps.wakeRelay });
  const cityAdmin = createCityAdminService({ store, clock, wakeRelay: deps.wakeRelay });
  const operations = { summary: (viewer: Viewer | null, args: SummaryArgs) => operationsSummary({ store, config }, viewer, args) };
  return { pricing, dispatch, trips, pricingAdmin, cityAdmin, operations };
}
