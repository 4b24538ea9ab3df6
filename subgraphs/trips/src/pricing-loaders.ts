// Per-request DataLoaders of pricing administration and of trip counts: `cities` with each city's prices in force
// and history, and `TripConnection.totalCount` — one statement per batch, however many cities or parents.
import DataLoader from 'dataloader';
import { createByIdLoader, createValueLoader, type PageRequest } from '../../../platform/graphql/index.js';
import type { Clock } from './clock.js';
import type { PricingRule, VehicleCategory } from './store/prisma/client.js';
import type { TripsStore } from './store/store.js';
import type { BoardFilter, DriverTripsVisibility } from './store/trip-store.js';

export interface PricingHistoryKey {
  cityId: string;
  category: VehicleCategory | null;
  page: PageRequest;
}

export function createPricingLoaders(store: TripsStore, clock: Clock) {
  // One instant per request: every city's "in force" is read at the same moment.
  const now = clock.now();
  return {
    cityById: createByIdLoader((ids) => store.pricingVersions.findCitiesByIds(ids)),
    /** Every category's version in force now, per city. */
    pricingInForceByCityId: new DataLoader<string, PricingRule[]>(async (cityIds) => {
      const rows = await store.pricingVersions.findInForce(cityIds, now);
      return cityIds.map((id) => rows.filter((row) => row.cityId === id));
    }),
    /** One page of a city's versions; cities asking for the same category and page share one statement. */
    pricingHistory: new DataLoader<PricingHistoryKey, PricingRule[], string>(
      async (keys) => {
        const groups = new Map<string, PricingHistoryKey[]>();
        for (const key of keys) {
          const group = JSON.stringify([key.category, key.page.take, key.page.after?.at.toISOString(), key.page.after?.id]);
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const pages = new Map<PricingHistoryKey, PricingRule[]>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const first = group[0]!;
            const rows = await store.pricingVersions.findHistoryPages(
              group.map((key) => key.cityId),
              first.category,
              first.page,
            );
            for (const key of group) pages.set(key, rows.get(key.cityId) ?? []);
          }),
        );
        return keys.map((key) => pages.get(key) ?? []);
      },
      { cacheKeyFn: (key) => JSON.stringify([key.cityId, key.category, key.page.take, key.page.after?.at.toISOString(), key.page.after?.id]) },
    ),
  };
}

export function createTripCountLoaders(store: TripsStore, driverTripsVisibility: DriverTripsVisibility | null) {
  return {
    /** Trips on the board per distinct filter (aliases with one filter share one count). */
    boardCount: new DataLoader<BoardFilter, number, string>((filters) => Promise.all(filters.map((filter) => store.tripCounts.board(filter))), {
      cacheKeyFn: ({ status, fleetIds, requestedAfter, requestedBefore }) =>
        JSON.stringify([status, fleetIds, requestedAfter?.toISOString(), requestedBefore?.toISOString()]),
    }),
    tripCountByRiderId: createValueLoader((riderIds) => store.tripCounts.byRiders(riderIds), 0),
    tripCountByDriverId: createValueLoader((driverIds) => store.tripCounts.byDrivers(driverIds, driverTripsVisibility), 0),
  };
}
