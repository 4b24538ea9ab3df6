// Total counts of trip lists (`TripConnection.totalCount`), with the same filters as their pages and no cursor.
// Only called when a client selects totalCount; per-parent counts are one grouped statement for all parents.
import type { Db } from './store.js';
import { boardWhere, type BoardFilter, type DriverTripsVisibility } from './trip-store.js';

export type TripCountStore = ReturnType<typeof createTripCountStore>;

export function createTripCountStore(db: Db) {
  async function countBy(keyColumn: 'rider_user_id' | 'driver_id', keys: readonly string[], visibility: DriverTripsVisibility | null) {
    const params: unknown[] = [[...keys]];
    let extra = '';
    if (visibility) {
      params.push(visibility.driverUserId, [...visibility.fleetIds]);
      extra = 'and (t.driver_user_id = $2::uuid or t.fleet_id = any($3::uuid[]))';
    }
    const rows = await db.$queryRawUnsafe<{ key: string; count: number }[]>(
      `select t.${keyColumn} as key, count(*)::int as count from "trips"."trips" t
       where t.${keyColumn} = any($1::uuid[]) ${extra} group by t.${keyColumn}`,
      ...params,
    );
    return new Map(rows.map((row) => [row.key, row.count]));
  }

  return {
    /** Trips on the board with this filter (served by the board's indexes). */
    board(filter: BoardFilter): Promise<number> {
      return db.trip.count({ where: boardWhere(filter) });
    },

    /** Trips each rider requested; riders without trips are absent. */
    byRiders(riderUserIds: readonly string[]): Promise<Map<string, number>> {
      return countBy('rider_user_id', riderUserIds, null);
    },

    /** Trips each driver drove that `visibility` lets the viewer list (null: all); drivers without any are absent. */
    byDrivers(driverIds: readonly string[], visibility: DriverTripsVisibility | null): Promise<Map<string, number>> {
      return countBy('driver_id', driverIds, visibility);
    },
  };
}
