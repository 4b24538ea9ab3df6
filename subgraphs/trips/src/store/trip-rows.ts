// The raw SQL the trips store cannot express through Prisma's query API, and the mapping of its snake_case rows
// back to the Prisma model shape, so callers never see which way a row was read.
import type { Trip, TripStatus, VehicleCategory } from './prisma/client.js';

/** A trips row as `$queryRawUnsafe` returns it (column names as in the table; enums cast to text). */
export interface TripRow {
  id: string;
  rider_user_id: string;
  driver_id: string | null;
  driver_user_id: string | null;
  fleet_id: string | null;
  vehicle_id: string | null;
  category: string;
  status: string;
  fare_minor: number | null;
  currency: string;
  distance_meters: number | null;
  requested_at: Date;
  completed_at: Date | null;
  updated_at: Date;
}

const COLUMNS = `id, rider_user_id, driver_id, driver_user_id, fleet_id, vehicle_id, category::text as category, status::text as status, fare_minor,
  currency, distance_meters, requested_at, completed_at, updated_at`;

/**
 * Up to $2 trips per rider in $1, newest first by (requested_at, id), optionally strictly after the keyset cursor
 * ($3, $4). Served by the (rider_user_id, requested_at, id) index; PostgreSQL stops numbering each rider's rows
 * once the `position <= $2` bound is passed (a window run condition, PostgreSQL 15+).
 */
export function ridersPageStatement(afterCursor: boolean): string {
  const after = afterCursor ? 'and (t.requested_at, t.id) < ($3::timestamptz, $4::uuid)' : '';
  return `select ${COLUMNS} from (
    select t.*, row_number() over (partition by t.rider_user_id order by t.requested_at desc, t.id desc) as position
    from "trips"."trips" t
    where t.rider_user_id = any($1::uuid[]) ${after}
  ) ranked
  where position <= $2::int
  order by rider_user_id, position`;
}

export function toTrip(row: TripRow): Trip {
  return {
    id: row.id,
    riderUserId: row.rider_user_id,
    driverId: row.driver_id,
    driverUserId: row.driver_user_id,
    fleetId: row.fleet_id,
    vehicleId: row.vehicle_id,
    // The columns are the Prisma enums themselves, so their text is always one of the enum's values.
    category: row.category as VehicleCategory,
    status: row.status as TripStatus,
    fareMinor: row.fare_minor,
    currency: row.currency,
    distanceMeters: row.distance_meters,
    requestedAt: new Date(row.requested_at),
    completedAt: row.completed_at === null ? null : new Date(row.completed_at),
    updatedAt: new Date(row.updated_at),
  };
}
