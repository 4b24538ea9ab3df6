// fleet's stores over one Prisma client, and transactions across them: `transaction(fn)` hands `fn` the same
// stores bound to one database transaction (committed when `fn` resolves, rolled back when it throws).
import type { FleetPrisma } from './database.js';
import type { Prisma } from './prisma/client.js';
import { createAssignmentStore } from './assignment-store.js';
import { createAttendanceStore } from './attendance-store.js';
import { createDriverStore } from './driver-store.js';
import { createFleetStore } from './fleet-store.js';
import { createHubStore } from './hub-store.js';
import { createKnownUserStore } from './known-user-store.js';
import { createOutboxStore } from './outbox-store.js';
import { createShiftSummaryStore } from './shift-summary-store.js';
import { createUserNameStore } from './user-name-store.js';
import { createVehicleStore } from './vehicle-store.js';

/** The client or an open transaction: every store method works on either. */
export type Db = FleetPrisma | Prisma.TransactionClient;

export type FleetStores = ReturnType<typeof bindFleetStores>;

export function bindFleetStores(db: Db) {
  return {
    fleets: createFleetStore(db),
    hubs: createHubStore(db),
    vehicles: createVehicleStore(db),
    drivers: createDriverStore(db),
    assignments: createAssignmentStore(db),
    attendances: createAttendanceStore(db),
    outbox: createOutboxStore(db),
    knownUsers: createKnownUserStore(db),
    userNames: createUserNameStore(db),
    shiftSummary: createShiftSummaryStore(db),
  };
}

export type FleetStore = FleetStores & {
  transaction<T>(work: (stores: FleetStores) => Promise<T>): Promise<T>;
};

export function createFleetStores(prisma: FleetPrisma): FleetStore {
  return {
    ...bindFleetStores(prisma),
    transaction: (work) => prisma.$transaction((tx) => work(bindFleetStores(tx)), { maxWait: 5000, timeout: 10_000 }),
  };
}

export { isUniqueViolation } from '../../../../platform/db/index.js';
