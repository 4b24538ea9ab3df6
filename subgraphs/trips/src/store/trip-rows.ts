// The raw SQL the trips store cannot express through Prisma's query API, or reads slimmer than Prisma would (the
// board's page), and the mapping of its rows back to the Prisma model shape, so callers never see which way a row
// was read.
import { selectList, type SlimColumns } from '../../../../platform/db/index.js';
import type { PageRequest } from '../../../../platform/graphql/index.js';
import type { Trip } from './prisma/client.js';
import type { BoardFilter } from './trip-store.js';

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
 * strictly after the keyset cursor ($3, $4), and optionally only where `extraWhere` holds (its parameters follow),
 * with only the columns GraphQL shows (rows in TripDisplay's shape).
 * PostgreSQL stops numbering each parent's rows once `position <= $2` is passed (a window run condition, 15+).
 */
export function pagesStatement(keyColumn: 'rider_user_id' | 'driver_id', afterCursor: boolean, extraWhere = ''): string {
  const after = afterCursor ? 'and (t.requested_at, t.id) < ($3::timestamptz, $4::uuid)' : '';
  const keyField = keyColumn === 'rider_user_id' ? 'riderUserId' : 'driverId';
  const fields = Object.keys(TRIP_DISPLAY_COLUMNS)
    .map((field) => `ranked."${field}"`)
    .join(', ');
  return `select ${fields} from (
    select ${selectList(TRIP_DISPLAY_COLUMNS)}, row_number() over (partition by t.${keyColumn} order by t.requested_at desc, t.id desc) as position
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

/** Columns no `Trip` field shows and no access check reads: lists shown through GraphQL leave them unread. */
const HIDDEN_FIELDS = [
  'quoteId',
  'pricingRuleId',
  'estimatedDistanceMeters',
  'estimatedDurationSeconds',
  'activeRiderId',
  'activeDriverId',
  'cancelledByUserId',
  'paymentCardId',
  'updatedAt',
] as const;

/** A trip as GraphQL shows it (the resolvers' parent type): a full row fits too. */
export type TripDisplay = Omit<Trip, (typeof HIDDEN_FIELDS)[number]>;

const TRIP_DISPLAY_COLUMNS = Object.fromEntries(
  Object.entries(TRIP_COLUMNS)
    .filter(([field]) => !(HIDDEN_FIELDS as readonly string[]).includes(field))
    .map(([field, [column, kind]]) => [field, `t.${column}${kind === 'enum' ? '::text' : ''}`]),
) as SlimColumns<TripDisplay>;

/**
 * One page of the trips board (`take + 1` rows, newest first by (requested_at, id), strictly after the keyset cursor)
 * with only the columns GraphQL shows, as Prisma's `findMany` with boardWhere + afterCursorWhere selected them: one
 * statement text per combination of filters given (not per value), the fleets as one array parameter. Rows come back
 * in the model's shape (enums as text, timestamps as Date).
 */
export function boardPageStatement(filter: BoardFilter, page: PageRequest): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
  const where: string[] = [];
  if (filter.status) where.push(`t.status = ${param(filter.status, '"trips"."TripStatus"')}`);
  if (filter.fleetIds) where.push(`t.fleet_id = any(${param([...filter.fleetIds], 'uuid[]')})`);
  if (filter.requestedAfter) where.push(`t.requested_at >= ${param(filter.requestedAfter, 'timestamptz')}`);
  if (filter.requestedBefore) where.push(`t.requested_at < ${param(filter.requestedBefore, 'timestamptz')}`);
  if (page.after) where.push(`(t.requested_at, t.id) < (${param(page.after.at, 'timestamptz')}, ${param(page.after.id, 'uuid')})`);
  const sql = `select ${selectList(TRIP_DISPLAY_COLUMNS)} from "trips"."trips" t${where.length ? ` where ${where.join(' and ')}` : ''}
    order by t.requested_at desc, t.id desc limit ${param(page.take + 1, 'int')}`;
  return { sql, params };
}
