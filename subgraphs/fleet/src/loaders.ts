// Per-request DataLoaders for fleet. Every entity lookup — root fields, `_entities` and foreign keys — goes
// through these, so a page of drivers with their vehicles and fleets costs one query per table, not per row.
import DataLoader from 'dataloader';
import { createByIdLoader, createByKeyLoader, isUuid, type PageRequest } from '../../../platform/graphql/index.js';
import type { DriverStore } from './store/driver-store.js';
import type { FleetStore } from './store/fleet-store.js';
import type { HubStore } from './store/hub-store.js';
import type { VehicleStore } from './store/vehicle-store.js';

export interface FleetStores {
  fleets: FleetStore;
  hubs: HubStore;
  vehicles: VehicleStore;
  drivers: DriverStore;
}

export interface DriverPageKey {
  page: PageRequest;
  /** Only drivers of these fleets; null for every fleet. */
  fleetIds: readonly string[] | null;
}

export type FleetLoaders = ReturnType<typeof createFleetLoaders>;

export function createFleetLoaders({ fleets, hubs, vehicles, drivers }: FleetStores) {
  return {
    fleetById: createByIdLoader((ids) => fleets.findByIds(ids)),
    hubById: createByIdLoader((ids) => hubs.findByIds(ids)),
    vehicleById: createByIdLoader((ids) => vehicles.findByIds(ids)),
    driverById: createByIdLoader((ids) => drivers.findByIds(ids)),
    driverByUserId: createByKeyLoader((userIds) => drivers.findByUserIds(userIds), (driver) => driver.userId),
    hubsByFleetId: createGroupLoader((fleetIds) => hubs.findByFleetIds(fleetIds), (hub) => hub.fleetId),
    fleetsByName: createListLoader((_all: 'all') => fleets.listByName(), () => 'all'),
    driverPage: createListLoader(
      ({ page, fleetIds }: DriverPageKey) => drivers.findPage(page, fleetIds),
      ({ page, fleetIds }) => JSON.stringify([fleetIds, page.take, page.after?.at.toISOString(), page.after?.id]),
    ),
  };
}

/** Loads the rows belonging to each key (e.g. hubs per fleet) with one query per batch; rows keep the fetch order. */
function createGroupLoader<Row>(fetch: (keys: readonly string[]) => Promise<Row[]>, keyOf: (row: Row) => string) {
  return new DataLoader<string, Row[]>(async (keys) => {
    const wellFormed = keys.filter(isUuid);
    const rows = wellFormed.length ? await fetch(wellFormed) : [];
    const groups = new Map<string, Row[]>();
    for (const row of rows) {
      const group = groups.get(keyOf(row));
      if (group) group.push(row);
      else groups.set(keyOf(row), [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * Root lists are separate ordered scans and cannot share a query, but going through a loader still lets aliases
 * asking for the same list in one request share a single result.
 */
function createListLoader<Key, Row>(fetch: (key: Key) => Promise<Row[]>, cacheKeyOf: (key: Key) => string) {
  return new DataLoader<Key, Row[], string>((keys) => Promise.all(keys.map(fetch)), { cacheKeyFn: cacheKeyOf });
}
