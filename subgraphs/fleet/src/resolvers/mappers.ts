// What fleet's resolvers receive as parents (codegen `mappers`).
import type { LiveTopics } from '../../../../platform/pubsub/index.js';
import type { CountedConnection } from '../../../../platform/graphql/index.js';
import type { Attendance, Vehicle } from '../store/prisma/client.js';
import type { DriverDisplay, VehicleDisplay } from '../store/entity-rows.js';

export type {
  Assignment as AssignmentModel,
  Attendance as AttendanceModel,
  Break as BreakModel,
  Fleet as FleetModel,
  Hub as HubModel,
} from '../store/prisma/client.js';

/**
 * What GraphQL shows of a driver (loaders read only these columns; a full row fits too); `name` is fleet's copy of
 * the account's display name (see the `user_names` model).
 */
export type DriverModel = DriverDisplay;
/** What GraphQL shows of a vehicle (loaders read only these columns; a full row fits too). */
export type VehicleModel = VehicleDisplay;

/** A user is identity's entity; fleet knows only its id. */
export interface UserRef {
  id: string;
}

/** An edge of `nearbyDrivers`: the driver row and its distance from the searched point. */
export type { NearbyEdge as NearbyDriverEdgeModel } from '../services/location-service.js';

/** A live position: the event's payload as published (the position at that moment; the driver is loaded by id). */
export type DriverPositionModel = LiveTopics['DRIVER_LOCATION_UPDATED'];

/** Root lists whose totalCount is counted only when selected (platform/graphql/counted-connection.ts). */
export type DriverConnectionModel = CountedConnection<DriverModel>;
export type VehicleConnectionModel = CountedConnection<Vehicle>;
export type AttendanceConnectionModel = CountedConnection<Attendance>;

/**
 * fleet's fields of trips' operations summary, computed when the entity is resolved. `driverHoursOnTrip` is trips'
 * (`@external`): in the representation only when `utilisation` was asked for (`@requires`).
 */
export interface OperationsSummaryModel {
  id: string;
  driverHoursOnTrip?: number;
  driversOnline: number;
  driverHoursOnline: number;
}
