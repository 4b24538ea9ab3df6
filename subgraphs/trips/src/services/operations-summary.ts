// The operations dashboard's numbers (Query.operationsSummary): who may ask for which scope, the range rules, and
// the shaping of the store's aggregates into the API's fields. The arithmetic over trips happens in SQL
// (store/operations-store.ts, over the rollups trips' triggers keep); here only ratios of its totals and zero-filling
// of statuses, roles and hours.
import { hasAnyRole, seesEverything, type Viewer } from '../../../../platform/auth/index.js';
import { AppError, badInput } from '../../../../platform/errors/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { TripsConfig } from '../config.js';
import type { OperationsScope, OfferAggregates, TripAggregates } from '../store/operations-store.js';
import type { TripActorRole, TripStatus } from '../store/prisma/client.js';
import type { TripsStore } from '../store/store.js';

/**
 * Longest a summary's statements may run, below the store transaction's 10 s: a range too big to aggregate in time
 * (a city's year on this hardware) is answered QUERY_TIMEOUT instead of failing as an internal error.
 */
export const SUMMARY_STATEMENT_TIMEOUT_MS = 8000;

/** A year and a day: a leap year fits, with room for a range that starts and ends mid-day. */
export const MAX_SUMMARY_DAYS = 366;
const HOUR_MS = 3_600_000;
const STATUSES: readonly TripStatus[] = ['REQUESTED', 'DRIVER_ASSIGNED', 'DRIVER_ARRIVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];
const CANCELLERS: readonly TripActorRole[] = ['RIDER', 'DRIVER', 'OPERATIONS', 'SYSTEM'];

export interface SummaryArgs {
  /** Valid instants already: the DateTime scalar refuses anything else with BAD_USER_INPUT. */
  from: Date;
  to: Date;
  fleetId?: string | null;
  city?: string | null;
}

export interface OperationsSummary {
  from: Date;
  to: Date;
  fleetId: string | null;
  city: string | null;
  tripsRequested: number;
  tripsByStatus: { status: TripStatus; count: number }[];
  tripsByHour: { hour: Date; requested: number; completed: number; cancelled: number }[];
  completionRate: number | null;
  cancellationRate: number | null;
  cancellationsBy: { by: TripActorRole; count: number }[];
  offersMade: number;
  offerAcceptanceRate: number | null;
  averagePickupSeconds: number | null;
  revenue: { amountMinor: string; currency: string }[];
  driversOnTrip: number;
  driverHoursOnTrip: number;
}

/**
 * Which trips the viewer may summarise for these arguments.
 * @throws AppError BAD_USER_INPUT when `to` is not after `from`, the range exceeds MAX_SUMMARY_DAYS or `fleetId` is
 *   not a UUID; FORBIDDEN for a FLEET_MANAGER naming a fleet they do not manage, and for any other role.
 */
export function summaryScope(viewer: Viewer | null, args: SummaryArgs): OperationsScope {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'operationsSummary requires a signed-in user');
  const { from, to } = args;
  if (to.getTime() <= from.getTime()) throw badInput('`to` must be later than `from`', 'to');
  if (to.getTime() - from.getTime() > MAX_SUMMARY_DAYS * 24 * HOUR_MS) throw badInput(`the range may span at most ${MAX_SUMMARY_DAYS} days`, 'to');
  const fleetId = args.fleetId ?? null;
  if (fleetId !== null && !isUuid(fleetId)) throw badInput('fleetId is not a valid id', 'fleetId');
  const city = args.city ?? null;
  if (city !== null && (city.length === 0 || city.length > 200)) throw badInput('city must be 1 to 200 characters', 'city');
  let fleetIds: readonly string[] | null;
  if (seesEverything(viewer)) fleetIds = fleetId === null ? null : [fleetId];
  else if (hasAnyRole(viewer, ['FLEET_MANAGER'])) {
    if (fleetId !== null && !viewer.fleetIds.includes(fleetId)) throw new AppError('FORBIDDEN', 'a fleet manager may summarise only the fleets they manage');
    fleetIds = fleetId === null ? viewer.fleetIds : [fleetId];
  } else throw new AppError('FORBIDDEN', 'operationsSummary is for operations staff and fleet managers');
  return { from, to, fleetIds, city };
}

/** The UTC hours from the one holding `from` to the one holding the last instant before `to`, with the counts of those that had requests. */
function everyHour(scope: OperationsScope, counted: TripAggregates['byHour']): OperationsSummary['tripsByHour'] {
  const byTime = new Map(counted.map((h) => [h.hour.getTime(), h]));
  const first = Math.floor(scope.from.getTime() / HOUR_MS) * HOUR_MS;
  const last = Math.floor((scope.to.getTime() - 1) / HOUR_MS) * HOUR_MS;
  const hours: OperationsSummary['tripsByHour'] = [];
  for (let at = first; at <= last; at += HOUR_MS) hours.push(byTime.get(at) ?? { hour: new Date(at), requested: 0, completed: 0, cancelled: 0 });
  return hours;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function shapeSummary(args: SummaryArgs, scope: OperationsScope, trips: TripAggregates, offers: OfferAggregates): OperationsSummary {
  const byStatus = new Map(trips.byStatus.map((s) => [s.status, s.count]));
  const byCanceller = new Map(trips.byCancelledBy.map((c) => [c.by, c.count]));
  const { totals } = trips;
  return {
    from: scope.from,
    to: scope.to,
    fleetId: args.fleetId ?? null,
    city: scope.city,
    tripsRequested: totals.trips,
    tripsByStatus: STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    tripsByHour: everyHour(scope, trips.byHour),
    completionRate: ratio(totals.completed, totals.trips),
    cancellationRate: ratio(totals.cancelled, totals.trips),
    cancellationsBy: CANCELLERS.map((by) => ({ by, count: byCanceller.get(by) ?? 0 })),
    offersMade: offers.made,
    offerAcceptanceRate: ratio(offers.accepted, offers.answered),
    averagePickupSeconds: totals.pickupSeconds,
    revenue: trips.revenue,
    driversOnTrip: totals.drivers,
    driverHoursOnTrip: totals.onTripSeconds / 3600,
  };
}

/** Query.operationsSummary: two aggregate statements (trips, offers) in one transaction with JIT off. */
export async function operationsSummary(
  deps: { store: TripsStore; config: TripsConfig; statementTimeoutMs?: number },
  viewer: Viewer | null,
  args: SummaryArgs,
): Promise<OperationsSummary> {
  const { store } = deps;
  const scope = summaryScope(viewer, args);
  // One read transaction: SET LOCAL needs it, and both aggregates see the same snapshot.
  let aggregates: { trips: TripAggregates; offers: OfferAggregates };
  try {
    aggregates = await store.transaction(async ({ operations }) => {
      await operations.withoutJit();
      await operations.limitStatementTime(deps.statementTimeoutMs ?? SUMMARY_STATEMENT_TIMEOUT_MS);
      return { trips: await operations.tripAggregates(scope), offers: await operations.offerAggregates(scope) };
    });
  } catch (error) {
    if (isStatementTimeout(error)) {
      throw new AppError('QUERY_TIMEOUT', 'The summary took too long to compute: ask for a shorter range, one fleet or one city');
    }
    throw error;
  }
  return shapeSummary(args, scope, aggregates.trips, aggregates.offers);
}

/** PostgreSQL's "canceling statement due to statement timeout" (SQLSTATE 57014), however the driver wrapped it. */
function isStatementTimeout(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? null)}` : String(error);
  return text.includes('57014') || text.includes('statement timeout');
}
