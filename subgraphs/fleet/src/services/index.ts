// fleet's services, built once per subgraph (not per request): they hold no per-request state.
import type { Logger } from '../../../../platform/logging/index.js';
import type { LivePubSub } from '../../../../platform/pubsub/index.js';
import type { RateLimiter } from '../../../../platform/rate-limit/index.js';
import type { FleetConfig } from '../config.js';
import type { FleetStore } from '../store/store.js';
import { createAssignmentService } from './assignment-service.js';
import { createAttendanceService } from './attendance-service.js';
import { createDriverAdminService } from './driver-admin-service.js';
import { createFleetAdminService } from './fleet-admin-service.js';
import type { OutboxNotifier } from './driver-state.js';
import { createLocationService } from './location-service.js';
import { createOperationsOnlineService } from './operations-online.js';
import { createOpsService } from './ops-service.js';

export interface FleetServicesDeps {
  store: FleetStore;
  config: FleetConfig;
  now: () => Date;
  outbox: OutboxNotifier;
  pubsub: LivePubSub;
  logger: Logger;
  locationLimiter: RateLimiter;
}

export type FleetServices = ReturnType<typeof createFleetServices>;

export function createFleetServices(deps: FleetServicesDeps) {
  const { store, config, now, outbox } = deps;
  return {
    ops: createOpsService({ store, now, outbox }),
    operationsOnline: createOperationsOnlineService({ store, now }),
    fleetAdmin: createFleetAdminService({ store, now, outbox }),
    driverAdmin: createDriverAdminService({ store, now, outbox }),
    assignments: createAssignmentService({ store, now, outbox }),
    attendance: createAttendanceService({ store, config, now, outbox }),
    location: createLocationService({ store, config, now, outbox, pubsub: deps.pubsub, logger: deps.logger, limiter: deps.locationLimiter }),
  };
}
