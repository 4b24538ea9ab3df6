// The only code that reads fleet's drivers table.
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';
import type { FleetPrisma } from './database.js';
import type { Driver } from './prisma/client.js';

export type DriverStore = ReturnType<typeof createDriverStore>;

export function createDriverStore(prisma: FleetPrisma) {
  return {
    findByIds(ids: readonly string[]): Promise<Driver[]> {
      return prisma.driver.findMany({ where: { id: { in: [...ids] } } });
    },
    findByUserIds(userIds: readonly string[]): Promise<Driver[]> {
      return prisma.driver.findMany({ where: { userId: { in: [...userIds] } } });
    },
    /**
     * One page of drivers, newest first, `take + 1` rows so the caller can tell whether another page follows.
     * @param fleetIds only drivers of these fleets; null for every fleet. The (fleet_id, created_at, id) index
     *   serves the per-fleet case as one range scan.
     */
    findPage(page: PageRequest, fleetIds: readonly string[] | null): Promise<Driver[]> {
      return prisma.driver.findMany({
        where: { ...(fleetIds ? { fleetId: { in: [...fleetIds] } } : {}), ...afterCursorWhere(page.after) },
        orderBy: newestFirst(),
        take: page.take + 1,
      });
    },
  };
}
