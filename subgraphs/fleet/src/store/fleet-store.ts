// The only code that reads and writes fleet's fleets table.
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
    findByName(name: string): Promise<Fleet | null> {
      return db.fleet.findUnique({ where: { name } });
    },
    /** Reads the row and locks it until the transaction ends (so the audit entry's "before" is what was changed). */
    async lockById(id: string): Promise<Fleet | null> {
      await db.$executeRawUnsafe('select 1 from "fleet".fleets where id = $1::uuid for update', id);
      return db.fleet.findUnique({ where: { id } });
    },
    /** @throws Prisma P2002 when another fleet has the name. */
    create(data: { name: string; city: string }): Promise<Fleet> {
      return db.fleet.create({ data });
    },
    /** @throws Prisma P2002 when another fleet has the name. */
    update(id: string, data: { name?: string; city?: string }): Promise<Fleet> {
      return db.fleet.update({ where: { id }, data });
    },
  };
}
