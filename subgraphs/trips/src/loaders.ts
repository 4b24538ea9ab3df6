// Per-request DataLoaders for trips. Every lookup — root fields, `_entities`, User.trips and Driver.activeTrip —
// goes through these, so 50 users' trip pages cost the same single statement as 5.
import DataLoader from 'dataloader';
import { createByIdLoader, createByKeyLoader, createPagedListLoader, type PageRequest } from '../../../platform/graphql/index.js';
import type { TripStatus } from './store/prisma/client.js';
import type { TripStore } from './store/trip-store.js';

export interface TripPageKey {
  page: PageRequest;
  status: TripStatus | null;
  /** Only trips of these fleets; null for every fleet. */
  fleetIds: readonly string[] | null;
}

export type TripsLoaders = ReturnType<typeof createTripsLoaders>;

export function createTripsLoaders(trips: TripStore) {
  return {
    tripById: createByIdLoader((ids) => trips.findByIds(ids)),
    // Rows come from `driver_id in (...)`, so driverId is never null here.
    activeTripByDriverId: createByKeyLoader((driverIds) => trips.findActiveByDriverIds(driverIds), (trip) => trip.driverId ?? ''),
    tripsByRiderId: createPagedListLoader((riderIds, page) => trips.findPagesByRiderIds(riderIds, page)),
    // The root list is one ordered scan per distinct argument set; the loader lets aliases share one result.
    tripPage: new DataLoader<TripPageKey, Awaited<ReturnType<TripStore['findPage']>>, string>(
      (keys) => Promise.all(keys.map(({ page, status, fleetIds }) => trips.findPage(page, status, fleetIds))),
      { cacheKeyFn: ({ page, status, fleetIds }) => JSON.stringify([status, fleetIds, page.take, page.after?.at.toISOString(), page.after?.id]) },
    ),
  };
}
