// The operations dashboard's numbers (Query.operationsSummary): who may ask for which scope, the range rules, and
// the shaping of the store's aggregates into the API's fields. The arithmetic over trips happens in SQL
// (store/operations-store.ts, over the rollups trips' triggers keep); here only ratios of its totals and zero-filling
// of statuses, roles and hours.
import type { Viewer } from '../../../../platform/auth/index.js';
import {
  encodeSummaryId,
  isStatementTimeout,
  SUMMARY_STATEMENT_TIMEOUT_MS,
  summaryScope,
  summaryTimedOut,
  type SummaryArgs,
} from '../../../../platform/operations-summary/index.js';
import type { TripsConfig } from '../config.js';
import type { OperationsScope, OfferAggregates, TripAggregates } from '../store/operations-store.js';
import type { TripActorRole, TripStatus } from '../store/prisma/client.js';
import type { TripsStore } from '../store/store.js';

// The scope rule and the range limits are shared with payments and fleet, which resolve the summary's other fields.
export { MAX_SUMMARY_DAYS, SUMMARY_STATEMENT_TIMEOUT_MS, summaryScope, type SummaryArgs } from '../../../../platform/operations-summary/index.js';
const HOUR_MS = 3_600_000;
const STATUSES: readonly TripStatus[] = ['REQUESTED', 'DRIVER_ASSIGNED', 'DRIVER_ARRIVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];
const CANCELLERS: readonly TripActorRole[] = ['RIDER', 'DRIVER', 'OPERATIONS', 'SYSTEM'];

export interface OperationsSummary {
  /** The entity key payments and fleet resolve their fields by (encodeSummaryId of the arguments). */
  id: string;
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
    id: encodeSummaryId({ from: scope.from, to: scope.to, fleetId: args.fleetId ?? null, city: scope.city }),
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
    if (isStatementTimeout(error)) throw summaryTimedOut();
    throw error;
  }
  return shapeSummary(args, scope, aggregates.trips, aggregates.offers);
}
