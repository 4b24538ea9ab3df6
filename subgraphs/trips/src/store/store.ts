// trips' stores over one Prisma client, and transactions across them: `transaction(fn)` hands `fn` the same
// stores bound to one database transaction (committed when `fn` resolves, rolled back when it throws).
import type { OutboxRow } from '../../../../platform/events/index.js';
import { createBalanceStore } from './balance-store.js';
import { createCityStore } from './city-store.js';
import type { TripsPrisma } from './database.js';
import { createDispatchStore } from './dispatch-store.js';
import { createOperationsStore } from './operations-store.js';
import { createPricingStore } from './pricing-store.js';
import { createPricingVersionStore } from './pricing-version-store.js';
import type { Prisma } from './prisma/client.js';
import { createRatingStore } from './rating-store.js';
import { createTripCountStore } from './trip-count-store.js';
import { createTripStore } from './trip-store.js';
import { createUserNameStore } from './user-name-store.js';

/** The client or an open transaction: every store method works on either. */
export type Db = TripsPrisma | Prisma.TransactionClient;

export type TripsStores = ReturnType<typeof bindStores>;

function bindStores(db: Db) {
  return {
    trips: createTripStore(db),
    tripCounts: createTripCountStore(db),
    dispatch: createDispatchStore(db),
    pricing: createPricingStore(db),
    pricingVersions: createPricingVersionStore(db),
    cities: createCityStore(db),
    ratings: createRatingStore(db),
    balances: createBalanceStore(db),
    operations: createOperationsStore(db),
    userNames: createUserNameStore(db),
    outbox: {
      /** Writes a domain event; call inside the transaction of the change it reports. */
      add: async (row: OutboxRow): Promise<void> => {
        await db.outboxEvent.create({ data: { id: row.id, type: row.type, payload: row.payload, occurredAt: row.occurredAt } });
      },
    },
  };
}

export type TripsStore = TripsStores & {
  transaction<T>(work: (stores: TripsStores) => Promise<T>): Promise<T>;
};

export function createTripsStore(prisma: TripsPrisma): TripsStore {
  return {
    ...bindStores(prisma),
    // Short: every transaction here locks one trip row and writes a handful of rows.
    transaction: (work) => prisma.$transaction((tx) => work(bindStores(tx)), { maxWait: 5000, timeout: 10_000 }),
  };
}

export { isUniqueViolation } from '../../../../platform/db/index.js';
