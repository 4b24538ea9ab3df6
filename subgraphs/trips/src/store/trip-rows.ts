// The raw SQL the trips store cannot express through Prisma's query API, and the mapping of its rows back to the
// Prisma model shape, so callers never see which way a row was read.
import type { Trip } from './prisma/client.js';

type Kind = 'plain' | 'enum' | 'date';

/** Every column of "trips"."trips": model field → [column, how it comes back from raw SQL]. */
const TRIP_COLUMNS: Record<keyof Trip, [string, Kind]> = {
  id: ['id', 'plain'],
  riderUserId: ['rider_user_id', 'plain'],
  driverId: ['driver_id', 'plain'],
  driverUserId: ['driver_user_id', 'plain'],
  fleetId: ['fleet_id', 'plain'],
  vehicleId: ['vehicle_id', 'plain'],
  category: ['category', 'enum'],
  status: ['status', 'enum'],
  fareMinor: ['fare_minor', 'plain'],
  currency: ['currency', 'plain'],
  distanceMeters: ['distance_meters', 'plain'],
  requestedAt: ['requested_at', 'date'],
  completedAt: ['completed_at', 'date'],
  updatedAt: ['updated_at', 'date'],
  pickupLatitude: ['pickup_latitude', 'plain'],
  pickupLongitude: ['pickup_longitude', 'plain'],
  dropoffLatitude: ['dropoff_latitude', 'plain'],
  dropoffLongitude: ['dropoff_longitude', 'plain'],
  pricingRuleId: ['pricing_rule_id', 'plain'],
  quoteId: ['quote_id', 'plain'],
  estimatedFareMinor: ['estimated_fare_minor', 'plain'],
  estimatedDistanceMeters: ['estimated_distance_meters', 'plain'],
  estimatedDurationSeconds: ['estimated_duration_seconds', 'plain'],
  surgeTenths: ['surge_tenths', 'plain'],
  durationSeconds: ['duration_seconds', 'plain'],
  assignedAt: ['assigned_at', 'date'],
  arrivedAt: ['arrived_at', 'date'],
  startedAt: ['started_at', 'date'],
  cancelledAt: ['cancelled_at', 'date'],
  cancelledBy: ['cancelled_by', 'enum'],
  cancelledByUserId: ['cancelled_by_user_id', 'plain'],
  cancellationReason: ['cancellation_reason', 'plain'],
  cancellationFeeMinor: ['cancellation_fee_minor', 'plain'],
  activeRiderId: ['active_rider_id', 'plain'],
  activeDriverId: ['active_driver_id', 'plain'],
  paymentMethod: ['payment_method', 'enum'],
  paymentCardId: ['payment_card_id', 'plain'],
};

/** A trips row as `$queryRawUnsafe` returns it with `TRIP_SELECT` (model field names; enums as text). */
export type TripRow = Record<keyof Trip, unknown>;

/** The select list for table alias `t`, aliased to the model's field names. */
export const TRIP_SELECT = Object.entries(TRIP_COLUMNS)
  .map(([field, [column, kind]]) => `t.${column}${kind === 'enum' ? '::text' : ''} as "${field}"`)
  .join(', ');

/**
 * Up to $2 trips per parent key ($1, the values of `keyColumn`), newest first by (requested_at, id), optionally
 * strictly after the keyset cursor ($3, $4), and optionally only where `extraWhere` holds (its parameters follow).
 * PostgreSQL stops numbering each parent's rows once `position <= $2` is passed (a window run condition, 15+).
 */
export function pagesStatement(keyColumn: 'rider_user_id' | 'driver_id', afterCursor: boolean, extraWhere = ''): string {
  const after = afterCursor ? 'and (t.requested_at, t.id) < ($3::timestamptz, $4::uuid)' : '';
  const keyField = keyColumn === 'rider_user_id' ? 'riderUserId' : 'driverId';
  return `select * from (
    select ${TRIP_SELECT}, row_number() over (partition by t.${keyColumn} order by t.requested_at desc, t.id desc) as position
    from "trips"."trips" t
    where t.${keyColumn} = any($1::uuid[]) ${after} ${extraWhere}
  ) ranked
  where position <= $2::int
  order by ranked."${keyField}", position`;
}

export function toTrip(row: TripRow): Trip {
  const trip: Record<string, unknown> = {};
  for (const [field, [, kind]] of Object.entries(TRIP_COLUMNS)) {
    const value = row[field as keyof Trip];
    // Enum columns hold one of the Prisma enum's values, so their text is one too.
    trip[field] = kind === 'date' && value !== null ? new Date(value as string | Date) : value;
  }
  return trip as unknown as Trip;
}
