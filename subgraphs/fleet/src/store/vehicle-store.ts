// The only code that reads and writes fleet's vehicles table.
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';
import type { Vehicle, VehicleCategory, VehicleStatus } from './prisma/client.js';
import type { Db } from './store.js';
import { vehicleDisplaysByIds, type VehicleDisplay } from './entity-rows.js';

export type VehicleStore = ReturnType<typeof createVehicleStore>;

export interface VehicleFilter {
  /** Only vehicles of these fleets; null for every fleet. */
  fleetIds: readonly string[] | null;
  status?: VehicleStatus | null;
  category?: VehicleCategory | null;
}

/** The filter of a vehicles list as a Prisma `where`, shared by its pages and its total count. */
const vehicleFilterWhere = (filter: VehicleFilter) => ({
  ...(filter.fleetIds ? { fleetId: { in: [...filter.fleetIds] } } : {}),
  ...(filter.status ? { status: filter.status } : {}),
  ...(filter.category ? { category: filter.category } : {}),
});

export interface NewVehicle {
  fleetId: string;
  homeHubId: string | null;
  plate: string;
  make: string;
  model: string;
  year: number;
  category: VehicleCategory;
}

export interface VehicleChanges {
  status?: VehicleStatus;
  homeHubId?: string | null;
  plate?: string;
  make?: string;
  model?: string;
  year?: number;
  colour?: string | null;
  category?: VehicleCategory;
}

export function createVehicleStore(db: Db) {
  return {
    /** What GraphQL shows of these vehicles, in one statement text whatever the number of ids. */
    findDisplaysByIds(ids: readonly string[]): Promise<VehicleDisplay[]> {
      return vehicleDisplaysByIds(db, ids);
    },
    findById(id: string): Promise<Vehicle | null> {
      return db.vehicle.findUnique({ where: { id } });
    },
    /** Reads the row and locks it until the transaction ends (assignments and status changes serialise on it). */
    async lockById(id: string): Promise<Vehicle | null> {
      await db.$executeRawUnsafe('select 1 from "fleet".vehicles where id = $1::uuid for update', id);
      return db.vehicle.findUnique({ where: { id } });
    },
    /**
     * Records an odometer reading unless the vehicle's last reading is higher (readings only grow): one
     * conditional UPDATE, so two racing readings cannot both pass a stale check.
     * @returns null when recorded, else the higher reading already stored.
     */
    async recordOdometer(id: string, km: number): Promise<number | null> {
      const { count } = await db.vehicle.updateMany({ where: { id, OR: [{ odometerKm: null }, { odometerKm: { lte: km } }] }, data: { odometerKm: km } });
      if (count === 1) return null;
      return (await db.vehicle.findUnique({ where: { id }, select: { odometerKm: true } }))?.odometerKm ?? null;
    },
    findByPlate(plate: string): Promise<Vehicle | null> {
      return db.vehicle.findUnique({ where: { plate } });
    },
    create(data: NewVehicle): Promise<Vehicle> {
      return db.vehicle.create({ data });
    },
    /** Fields left undefined stay; `homeHubId` or `colour` null clears it. @throws Prisma P2002 for a plate in use. */
    update(id: string, data: VehicleChanges): Promise<Vehicle> {
      return db.vehicle.update({ where: { id }, data });
    },
    /** `take + 1` vehicles, newest first; the (fleet_id, created_at, id) index serves the per-fleet case. */
    findPage(filter: VehicleFilter, page: PageRequest): Promise<Vehicle[]> {
      return db.vehicle.findMany({ where: { ...vehicleFilterWhere(filter), ...afterCursorWhere(page.after) }, orderBy: newestFirst(), take: page.take + 1 });
    },
    /** How many vehicles the filter selects across all pages (`VehicleConnection.totalCount`). */
    count(filter: VehicleFilter): Promise<number> {
      return db.vehicle.count({ where: vehicleFilterWhere(filter) });
    },
  };
}
