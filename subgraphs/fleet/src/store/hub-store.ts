// The only code that reads fleet's hubs table.
import type { FleetPrisma } from './database.js';
import type { Hub } from './prisma/client.js';

export type HubStore = ReturnType<typeof createHubStore>;

export function createHubStore(prisma: FleetPrisma) {
  return {
    findByIds(ids: readonly string[]): Promise<Hub[]> {
      return prisma.hub.findMany({ where: { id: { in: [...ids] } } });
    },
    /** The hubs of many fleets in one query, ordered by name within each fleet. */
    findByFleetIds(fleetIds: readonly string[]): Promise<Hub[]> {
      return prisma.hub.findMany({ where: { fleetId: { in: [...fleetIds] } }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    },
  };
}
