// The only code that reads trips' trips table.
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';
import type { TripsPrisma } from './database.js';
import type { Trip, TripStatus } from './prisma/client.js';
import { ridersPageStatement, toTrip, type TripRow } from './trip-rows.js';

export type TripStore = ReturnType<typeof createTripStore>;

/** A driver is "on" a trip from accepting it until it ends. */
export const ACTIVE_TRIP_STATUSES: readonly TripStatus[] = ['DRIVER_ASSIGNED', 'DRIVER_ARRIVED', 'IN_PROGRESS'];

export function createTripStore(prisma: TripsPrisma) {
  return {
    findByIds(ids: readonly string[]): Promise<Trip[]> {
      return prisma.trip.findMany({ where: { id: { in: [...ids] } } });
    },
    /**
     * The active trips of many drivers in one query. Oldest first, so that should a driver ever hold two (which
     * dispatch prevents), a by-key map built in this order keeps the newest.
     */
    findActiveByDriverIds(driverIds: readonly string[]): Promise<Trip[]> {
      return prisma.trip.findMany({
        where: { driverId: { in: [...driverIds] }, status: { in: [...ACTIVE_TRIP_STATUSES] } },
        orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
      });
    },
    /**
     * One page of trips, newest first, `take + 1` rows so the caller can tell whether another page follows.
     * @param fleetIds only trips of these fleets; null for every trip. Served by the (fleet_id[, status],
     *   requested_at, id) indexes.
     */
    findPage(page: PageRequest, status: TripStatus | null, fleetIds: readonly string[] | null): Promise<Trip[]> {
      return prisma.trip.findMany({
        where: {
          ...(status ? { status } : {}),
          ...(fleetIds ? { fleetId: { in: [...fleetIds] } } : {}),
          ...afterCursorWhere(page.after, 'requestedAt'),
        },
        orderBy: newestFirst('requestedAt'),
        take: page.take + 1,
      });
    },
    /**
     * The same page (`take + 1` rows, newest first, after the same cursor) of each rider's trips, in ONE statement
     * for all riders: Prisma cannot limit per parent, so rows are numbered per rider with a window function.
     */
    async findPagesByRiderIds(riderIds: readonly string[], page: PageRequest): Promise<Map<string, Trip[]>> {
      const params: unknown[] = [[...riderIds], page.take + 1];
      if (page.after) params.push(page.after.at, page.after.id);
      const rows = await prisma.$queryRawUnsafe<TripRow[]>(ridersPageStatement(page.after !== null), ...params);
      const pages = new Map<string, Trip[]>();
      for (const row of rows) {
        const trip = toTrip(row);
        const list = pages.get(trip.riderUserId);
        if (list) list.push(trip);
        else pages.set(trip.riderUserId, [trip]);
      }
      return pages;
    },
  };
}
