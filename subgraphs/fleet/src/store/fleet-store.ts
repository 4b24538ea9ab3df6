// The only code that reads fleet's fleets table.
import type { Fleet } from './prisma/client.js';
import type { Db } from './store.js';

export type FleetTableStore = ReturnType<typeof createFleetStore>;

export function createFleetStore(db: Db) {
  return {
    findByIds(ids: readonly string[]): Promise<Fleet[]> {
      return db.fleet.findMany({ where: { id: { in: [...ids] } } });
    },
    findById(id: string): Promise<Fleet | null> {
      return db.fleet.findUnique({ where: { id } });
    },
    /** Every fleet, by name; there are a handful per operator, so no paging. */
    listByName(): Promise<Fleet[]> {
      return db.fleet.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    },
  };
}
