// Per-request DataLoaders for fleet. Every entity lookup — root fields, `_entities` and foreign keys — goes
// through these, so a page of drivers with their vehicles and fleets costs one query per table, not per row.
import DataLoader from 'dataloader';
import { createByIdLoader, createByKeyLoader, createGroupLoader, type PageRequest } from '../../../platform/graphql/index.js';
import type { AssignmentFilter } from './store/assignment-store.js';
import type { AttendanceFilter } from './store/attendance-store.js';
import type { DriverFilter } from './store/driver-store.js';
import type { FleetStores } from './store/store.js';
import type { VehicleFilter } from './store/vehicle-store.js';

/** A root list request: its filter and page. */
export interface PageKey<Filter> {
  filter: Filter;
  page: PageRequest;
}

export type FleetLoaders = ReturnType<typeof createFleetLoaders>;

export function createFleetLoaders({ fleets, hubs, vehicles, drivers, assignments, attendances }: FleetStores) {
  return {
    fleetById: createByIdLoader((ids) => fleets.findByIds(ids)),
    hubById: createByIdLoader((ids) => hubs.findByIds(ids)),
    vehicleById: createByIdLoader((ids) => vehicles.findDisplaysByIds(ids)),
    driverById: createByIdLoader((ids) => drivers.findDisplaysByIds(ids)),
    driverByUserId: createByKeyLoader(
      (userIds) => drivers.findByUserIds(userIds),
      (driver) => driver.userId,
    ),
    hubsByFleetId: createGroupLoader(
      (fleetIds) => hubs.findByFleetIds(fleetIds),
      (hub) => hub.fleetId,
    ),
    activeAssignmentByDriverId: createByKeyLoader(
      (ids) => assignments.findActiveByDriverIds(ids),
      (a) => a.driverId,
    ),
    activeAssignmentByVehicleId: createByKeyLoader(
      (ids) => assignments.findActiveByVehicleIds(ids),
      (a) => a.vehicleId,
    ),
    openAttendanceByDriverId: createByKeyLoader(
      (ids) => attendances.findOpenByDriverIds(ids),
      (a) => a.driverId,
    ),
    breaksByAttendanceId: createGroupLoader(
      (ids) => attendances.findBreaksByAttendanceIds(ids),
      (b) => b.attendanceId,
    ),
    fleetsByName: createListLoader(
      (_all: 'all') => fleets.listByName(),
      () => 'all',
    ),
    driverPage: createPageLoader((key: PageKey<DriverFilter>) => drivers.findPage(key.filter, key.page)),
    vehiclePage: createPageLoader((key: PageKey<VehicleFilter>) => vehicles.findPage(key.filter, key.page)),
    assignmentPage: createPageLoader((key: PageKey<AssignmentFilter>) => assignments.findPage(key.filter, key.page)),
    attendancePage: createPageLoader((key: PageKey<AttendanceFilter>) => attendances.findPage(key.filter, key.page)),
    // totalCount, only when selected; aliases with one filter share one count.
    driverCount: createCountLoader((filter: DriverFilter) => drivers.count(filter)),
    vehicleCount: createCountLoader((filter: VehicleFilter) => vehicles.count(filter)),
    attendanceCount: createCountLoader((filter: AttendanceFilter) => attendances.count(filter)),
  };
}

/**
 * Root lists are separate ordered scans and cannot share a query, but going through a loader still lets aliases
 * asking for the same list in one request share a single result.
 */
function createListLoader<Key, Row>(fetch: (key: Key) => Promise<Row[]>, cacheKeyOf: (key: Key) => string) {
  return new DataLoader<Key, Row[], string>((keys) => Promise.all(keys.map(fetch)), { cacheKeyFn: cacheKeyOf });
}

function createCountLoader<Filter>(count: (filter: Filter) => Promise<number>) {
  return new DataLoader<Filter, number, string>((filters) => Promise.all(filters.map(count)), { cacheKeyFn: (filter) => JSON.stringify(filter) });
}

function createPageLoader<Filter, Row>(fetch: (key: PageKey<Filter>) => Promise<Row[]>) {
  return createListLoader(fetch, ({ filter, page }) => JSON.stringify([filter, page.take, page.after?.at.toISOString(), page.after?.id]));
}
