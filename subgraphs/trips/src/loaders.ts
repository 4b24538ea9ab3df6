// Per-request DataLoaders for trips. Every lookup — root fields, `_entities`, User.trips, Driver.activeTrip,
// Driver.trips, Driver.pendingOffer, Trip.history and ratings — goes through these, so 50 parents cost the same
// single statement as 5.
import DataLoader from 'dataloader';
import { seesEverything, type Viewer } from '../../../platform/auth/index.js';
import { createByIdLoader, createByKeyLoader, createGroupLoader, createPagedListLoader, type PageRequest } from '../../../platform/graphql/index.js';
import type { TripRating, TripStatusChange } from './store/prisma/client.js';
import type { Clock } from './clock.js';
import { createPricingLoaders, createTripCountLoaders } from './pricing-loaders.js';
import type { TripsStore } from './store/store.js';
import type { BoardFilter, DriverTripsVisibility } from './store/trip-store.js';

export interface TripPageKey extends BoardFilter {
  page: PageRequest;
}

export type TripsLoaders = ReturnType<typeof createTripsLoaders>;

export function createTripsLoaders(store: TripsStore, viewer: Viewer | null, clock: Clock) {
  // A driver's list shows what the viewer may see: all for operations, else what they drove or their fleets'.
  const driverTripsVisibility: DriverTripsVisibility | null = seesEverything(viewer)
    ? null
    : { driverUserId: viewer?.userId ?? '00000000-0000-0000-0000-000000000000', fleetIds: viewer?.roles.includes('FLEET_MANAGER') ? viewer.fleetIds : [] };
  return {
    ...createTripCountLoaders(store, driverTripsVisibility),
    ...createPricingLoaders(store, clock),
    tripById: createByIdLoader((ids) => store.trips.findByIds(ids)),
    // Riders' names as trips learned them (`Trip.rider { name }`, provided here): one statement per request.
    userNameById: createByKeyLoader(
      (userIds) => store.userNames.findByUserIds(userIds),
      (row) => row.userId,
    ),
    // Rows come from `driver_id in (...)`, so driverId is never null here.
    activeTripByDriverId: createByKeyLoader(
      (driverIds) => store.trips.findActiveByDriverIds(driverIds),
      (trip) => trip.driverId ?? '',
    ),
    pendingOfferByDriverId: createByKeyLoader(
      (driverIds) => store.dispatch.findPendingByDriverIds(driverIds),
      (offer) => offer.driverId,
    ),
    offerById: createByIdLoader((ids) => store.dispatch.findOffersByIds(ids)),
    tripsByRiderId: createPagedListLoader((riderIds, page) => store.trips.findPagesByRiderIds(riderIds, page)),
    tripsByDriverId: createPagedListLoader((driverIds, page) => store.trips.findPagesByDriverIds(driverIds, page, driverTripsVisibility)),
    historyByTripId: createGroupLoader<TripStatusChange>(
      (ids) => store.trips.findHistories(ids),
      (change) => change.tripId,
    ),
    ratingsByTripId: createGroupLoader<TripRating>(
      (ids) => store.ratings.findByTripIds(ids),
      (rating) => rating.tripId,
    ),
    // The root list is one ordered scan per distinct argument set; the loader lets aliases share one result.
    tripPage: new DataLoader<TripPageKey, Awaited<ReturnType<TripsStore['trips']['findPage']>>, string>(
      (keys) => Promise.all(keys.map(({ page, ...filter }) => store.trips.findPage(page, filter))),
      {
        cacheKeyFn: ({ page, status, fleetIds, requestedAfter, requestedBefore }) =>
          JSON.stringify([
            status,
            fleetIds,
            requestedAfter?.toISOString(),
            requestedBefore?.toISOString(),
            page.take,
            page.after?.at.toISOString(),
            page.after?.id,
          ]),
      },
    ),
  };
}
