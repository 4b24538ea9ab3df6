// The only code that reads and writes trips' trips table and its status history.
import type { PageRequest } from '../../../../platform/graphql/index.js';
import type { Prisma, Trip, TripStatus, TripStatusChange } from './prisma/client.js';
import { ROLLUP_NONE } from './operations-store.js';
import type { Db } from './store.js';
import { boardPageStatement, pagesStatement, toTrip, TRIP_SELECT, type TripDisplay, type TripRow } from './trip-rows.js';

export type TripStore = ReturnType<typeof createTripStore>;

/** A driver is "on" a trip from accepting it until it ends. */
export const ACTIVE_TRIP_STATUSES: readonly TripStatus[] = ['DRIVER_ASSIGNED', 'DRIVER_ARRIVED', 'IN_PROGRESS'];

export interface BoardFilter {
  status: TripStatus | null;
  /** Only trips of these fleets; null for every fleet. */
  fleetIds: readonly string[] | null;
  /** requestedAt ≥ this. */
  requestedAfter: Date | null;
  /** requestedAt < this. */
  requestedBefore: Date | null;
}

/** Which of a driver's trips a viewer may list: all (null), or those they drove or of their fleets. */
export interface DriverTripsVisibility {
  driverUserId: string;
  fleetIds: readonly string[];
}

/**
 * The board's filter as a Prisma `where` (no cursor), for its total count. The page reads the same trips with
 * boardPageStatement (trip-rows.ts): a change here must be made there too (trips' board-page test compares them).
 */
export function boardWhere(filter: BoardFilter): Prisma.TripWhereInput {
  const requestedAt = {
    ...(filter.requestedAfter ? { gte: filter.requestedAfter } : {}),
    ...(filter.requestedBefore ? { lt: filter.requestedBefore } : {}),
  };
  return {
    AND: [
      filter.status ? { status: filter.status } : {},
      filter.fleetIds ? { fleetId: { in: [...filter.fleetIds] } } : {},
      Object.keys(requestedAt).length ? { requestedAt } : {},
    ],
  };
}

export type NewStatusChange = Omit<Prisma.TripStatusChangeUncheckedCreateInput, 'id'>;

export function createTripStore(db: Db) {
  async function pages(keyColumn: 'rider_user_id' | 'driver_id', keys: readonly string[], page: PageRequest, visibility: DriverTripsVisibility | null = null) {
    const params: unknown[] = [[...keys], page.take + 1];
    if (page.after) params.push(page.after.at, page.after.id);
    let extra = '';
    if (visibility) {
      params.push(visibility.driverUserId, [...visibility.fleetIds]);
      extra = `and (t.driver_user_id = $${params.length - 1}::uuid or t.fleet_id = any($${params.length}::uuid[]))`;
    }
    const rows = await db.$queryRawUnsafe<TripDisplay[]>(pagesStatement(keyColumn, page.after !== null, extra), ...params);
    const result = new Map<string, TripDisplay[]>();
    for (const trip of rows) {
      const key = (keyColumn === 'rider_user_id' ? trip.riderUserId : trip.driverId) ?? '';
      const list = result.get(key);
      if (list) list.push(trip);
      else result.set(key, [trip]);
    }
    return result;
  }

  return {
    findByIds(ids: readonly string[]): Promise<Trip[]> {
      return db.trip.findMany({ where: { id: { in: [...ids] } } });
    },

    findById(id: string): Promise<Trip | null> {
      return db.trip.findUnique({ where: { id } });
    },

    /**
     * Reads the trip and locks its row until the transaction ends. Every change of a trip (and every offer made for
     * it) takes this lock first, so writers of one trip queue in one order and never deadlock.
     * @param skipLocked return null instead of waiting when another transaction holds the row (background work).
     */
    async lock(id: string, skipLocked = false): Promise<Trip | null> {
      const rows = await db.$queryRawUnsafe<TripRow[]>(
        `select ${TRIP_SELECT} from "trips"."trips" t where t.id = $1::uuid for update${skipLocked ? ' skip locked' : ''}`,
        id,
      );
      return rows[0] ? toTrip(rows[0]) : null;
    },

    /** @throws Prisma P2002 when the rider already has an active trip (active_rider_id) or the quote was used. */
    create(data: Prisma.TripUncheckedCreateInput): Promise<Trip> {
      return db.trip.create({ data });
    },

    /** @throws Prisma P2002 when `activeDriverId` is set and that driver is on another active trip. */
    update(id: string, data: Prisma.TripUncheckedUpdateInput): Promise<Trip> {
      return db.trip.update({ where: { id }, data });
    },

    /**
     * The active trips of many drivers in one query. Oldest first, so that should a driver ever hold two (which
     * the active_driver_id slot prevents), a by-key map built in this order keeps the newest.
     */
    findActiveByDriverIds(driverIds: readonly string[]): Promise<Trip[]> {
      return db.trip.findMany({
        where: { driverId: { in: [...driverIds] }, status: { in: [...ACTIVE_TRIP_STATUSES] } },
        orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
      });
    },

    /** The rider's trip that is not COMPLETED/CANCELLED yet, if any. */
    findActiveByRider(riderUserId: string): Promise<Trip | null> {
      return db.trip.findUnique({ where: { activeRiderId: riderUserId } });
    },

    /**
     * One page of the trips board, newest first, `take + 1` rows so the caller can tell whether another page
     * follows, with only the columns GraphQL shows (boardPageStatement). Served by the (fleet_id[, status],
     * requested_at, id) and (status, requested_at, id) indexes.
     */
    findPage(page: PageRequest, filter: BoardFilter): Promise<TripDisplay[]> {
      const { sql, params } = boardPageStatement(filter, page);
      return db.$queryRawUnsafe<TripDisplay[]>(sql, ...params);
    },

    /**
     * The same page (`take + 1` rows, newest first, after the same cursor) of each rider's trips, in ONE statement
     * for all riders: Prisma cannot limit per parent, so rows are numbered per rider with a window function.
     */
    findPagesByRiderIds(riderIds: readonly string[], page: PageRequest): Promise<Map<string, TripDisplay[]>> {
      return pages('rider_user_id', riderIds, page);
    },

    /** Like findPagesByRiderIds, per driver, limited to what `visibility` allows (null: everything). */
    findPagesByDriverIds(driverIds: readonly string[], page: PageRequest, visibility: DriverTripsVisibility | null): Promise<Map<string, TripDisplay[]>> {
      return pages('driver_id', driverIds, page, visibility);
    },

    addStatusChange(data: NewStatusChange): Promise<TripStatusChange> {
      return db.tripStatusChange.create({ data });
    },

    /** Histories of many trips in one query, oldest change first. */
    findHistories(tripIds: readonly string[]): Promise<TripStatusChange[]> {
      return db.tripStatusChange.findMany({ where: { tripId: { in: [...tripIds] } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    },

    /**
     * REQUESTED longer than `before`: the dispatcher cancels them. Claimed with SKIP LOCKED so replicas split them.
     * Returned in the key order of the operations rollup (hour of request, pricing rule, currency; their fleet is
     * none yet), so that cancelling them one by one locks rollup rows in the order every other transaction does.
     */
    async claimStaleRequested(before: Date, limit: number): Promise<Trip[]> {
      const rows = await db.$queryRawUnsafe<TripRow[]>(
        `select * from (
           select ${TRIP_SELECT} from "trips"."trips" t
           where t.status = 'REQUESTED' and t.requested_at < $1::timestamptz
           order by t.requested_at limit $2::int for update skip locked) stale
         order by date_trunc('hour', stale."requestedAt" at time zone 'UTC'),
                  coalesce(stale."pricingRuleId", '${ROLLUP_NONE}'::uuid), stale.currency, stale."requestedAt", stale.id`,
        before,
        limit,
      );
      return rows.map(toTrip);
    },

    /** Ids of REQUESTED trips no driver holds an offer for (a driver may have come online since). */
    async findUnofferedRequestedIds(limit: number): Promise<string[]> {
      const rows = await db.$queryRawUnsafe<{ id: string }[]>(
        `select t.id from "trips"."trips" t
         where t.status = 'REQUESTED'
           and not exists (select 1 from "trips"."dispatch_offers" o where o.pending_trip_id = t.id)
         order by t.requested_at limit $1::int`,
        limit,
      );
      return rows.map((row) => row.id);
    },
  };
}
