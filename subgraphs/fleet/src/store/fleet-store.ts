// The only code that reads fleet's fleets table.
import type { FleetPrisma } from './database.js';
import type { Fleet } from './prisma/client.js';

export type FleetStore = ReturnType<typeof createFleetStore>;

export function createFleetStore(prisma: FleetPrisma) {
  return {
    findByIds(ids: readonly string[]): Promise<Fleet[]> {
      return prisma.fleet.findMany({ where: { id: { in: [...ids] } } });
    },
    /** Every fleet, by name; there are a handful per operator, so no paging. */
    listByName(): Promise<Fleet[]> {
      return prisma.fleet.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    },
  };
}
