// Seeds the demo city: each subgraph writes its own part through its own client (no cross-schema writes).
// Idempotent, so the embedded runner can call it on every start.
import { buildDemoDataset } from '../../platform/demo/index.js';
import type { DatabaseTarget } from '../../platform/db/index.js';
import { openFleetDatabase } from '../../subgraphs/fleet/src/store/database.js';
import { seedFleet } from '../../subgraphs/fleet/src/seed.js';
import { openGamificationDatabase } from '../../subgraphs/gamification/src/store/database.js';
import { seedGamification } from '../../subgraphs/gamification/src/seed.js';
import { openIdentityDatabase } from '../../subgraphs/identity/src/store/database.js';
import { seedIdentity } from '../../subgraphs/identity/src/seed.js';
import { openNotificationsDatabase } from '../../subgraphs/notifications/src/store/database.js';
import { seedNotifications } from '../../subgraphs/notifications/src/seed.js';
import { openPaymentsDatabase } from '../../subgraphs/payments/src/store/database.js';
import { seedPayments } from '../../subgraphs/payments/src/seed.js';
import { openTripsDatabase } from '../../subgraphs/trips/src/store/database.js';
import { seedTrips } from '../../subgraphs/trips/src/seed.js';

interface Disconnectable {
  $disconnect(): Promise<void>;
}

async function withClient<C extends Disconnectable>(client: C, seed: (client: C) => Promise<unknown>): Promise<void> {
  try {
    await seed(client);
  } finally {
    await client.$disconnect();
  }
}

/** Writes the demo city into every subgraph's schema. Safe to run again: existing rows are kept. */
export async function seedDemoCity(target: DatabaseTarget): Promise<void> {
  const demo = buildDemoDataset();
  await withClient(openIdentityDatabase(target), (db) => seedIdentity(db, demo));
  await withClient(openFleetDatabase(target), (db) => seedFleet(db, demo));
  await withClient(openTripsDatabase(target), (db) => seedTrips(db, demo));
  await withClient(openPaymentsDatabase(target), (db) => seedPayments(db, demo));
  await withClient(openGamificationDatabase(target), (db) => seedGamification(db, demo));
  await withClient(openNotificationsDatabase(target), (db) => seedNotifications(db, demo));
}
