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
    /** The hubs in use (not retired) of many fleets in one query, ordered by name within each fleet. */
    findByFleetIds(fleetIds: readonly string[]): Promise<Hub[]> {
      return db.hub.findMany({ where: { fleetId: { in: [...fleetIds] }, retiredAt: null }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    },
    /** Reads the row and locks it until the transaction ends: a vehicle or driver given this home hub waits. */
    async lockById(id: string): Promise<Hub | null> {
      await db.$executeRawUnsafe('select 1 from "fleet".hubs where id = $1::uuid for update', id);
      return db.hub.findUnique({ where: { id } });
    },
    update(id: string, data: { name?: string; latitude?: number; longitude?: number; retiredAt?: Date }): Promise<Hub> {
      return db.hub.update({ where: { id }, data });
    },
    /** How many vehicles that are not retired, and how many drivers, have this home hub. */
    async homeOf(id: string): Promise<{ vehicles: number; drivers: number }> {
      const [vehicles, drivers] = await Promise.all([
        db.vehicle.count({ where: { homeHubId: id, status: { not: 'RETIRED' } } }),
        db.driver.count({ where: { homeHubId: id } }),
      ]);
      return { vehicles, drivers };
    },
    create(data: { fleetId: string; name: string; latitude: number; longitude: number }): Promise<Hub> {
      return db.hub.create({ data });
    },
  };
}
