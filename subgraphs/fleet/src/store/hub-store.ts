// The only code that reads and writes fleet's hubs table.
import type { Hub } from './prisma/client.js';
import type { Db } from './store.js';

export type HubStore = ReturnType<typeof createHubStore>;

export function createHubStore(db: Db) {
  return {
    findByIds(ids: readonly string[]): Promise<Hub[]> {
      return db.hub.findMany({ where: { id: { in: [...ids] } } });
    },
    findById(id: string): Promise<Hub | null> {
      return db.hub.findUnique({ where: { id } });
    },
    /** The hubs of many fleets in one query, ordered by name within each fleet. */
    findByFleetIds(fleetIds: readonly string[]): Promise<Hub[]> {
      return db.hub.findMany({ where: { fleetId: { in: [...fleetIds] } }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    },
    create(data: { fleetId: string; name: string; latitude: number; longitude: number }): Promise<Hub> {
      return db.hub.create({ data });
    },
  };
}
