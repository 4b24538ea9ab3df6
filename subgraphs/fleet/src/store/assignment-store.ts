// The only code that reads and writes fleet's assignments table.
import { afterCursorWhere, newestFirst, type PageRequest } from '../../../../platform/graphql/index.js';
import type { Assignment } from './prisma/client.js';
import type { Db } from './store.js';

export type AssignmentStore = ReturnType<typeof createAssignmentStore>;

export interface AssignmentFilter {
  /** Only assignments of these fleets; null for every fleet. */
  fleetIds: readonly string[] | null;
  driverId?: string | null;
  vehicleId?: string | null;
  active?: boolean | null;
}

export function createAssignmentStore(db: Db) {
  return {
    findById(id: string): Promise<Assignment | null> {
      return db.assignment.findUnique({ where: { id } });
    },
    /** The active assignments of these drivers (at most one each: the unique slot column). */
    findActiveByDriverIds(driverIds: readonly string[]): Promise<Assignment[]> {
      return db.assignment.findMany({ where: { activeDriverId: { in: [...driverIds] } } });
    },
    findActiveByVehicleIds(vehicleIds: readonly string[]): Promise<Assignment[]> {
      return db.assignment.findMany({ where: { activeVehicleId: { in: [...vehicleIds] } } });
    },
    /**
     * Starts an assignment holding both slots.
     * @throws Prisma P2002 when the driver or the vehicle already has an active assignment (see isUniqueViolation).
     */
    create(data: { driverId: string; vehicleId: string; fleetId: string; assignedByUserId: string | null; at: Date }): Promise<Assignment> {
      const { driverId, vehicleId, fleetId, assignedByUserId, at } = data;
      return db.assignment.create({
        data: { driverId, vehicleId, fleetId, assignedByUserId, activeDriverId: driverId, activeVehicleId: vehicleId, createdAt: at },
      });
    },
    /** Ends it and frees both slots. @returns null when it had ended already (a concurrent end won). */
    async end(id: string, endedByUserId: string | null, at: Date): Promise<Assignment | null> {
      const { count } = await db.assignment.updateMany({
        where: { id, endedAt: null },
        data: { endedAt: at, endedByUserId, activeDriverId: null, activeVehicleId: null },
      });
      return count === 1 ? db.assignment.findUnique({ where: { id } }) : null;
    },
    /** `take + 1` assignments, newest first; the per-driver, per-vehicle and per-fleet indexes serve the filters. */
    findPage(filter: AssignmentFilter, page: PageRequest): Promise<Assignment[]> {
      return db.assignment.findMany({
        where: {
          ...(filter.fleetIds ? { fleetId: { in: [...filter.fleetIds] } } : {}),
          ...(filter.driverId ? { driverId: filter.driverId } : {}),
          ...(filter.vehicleId ? { vehicleId: filter.vehicleId } : {}),
          ...(typeof filter.active === 'boolean' ? { endedAt: filter.active ? null : { not: null } } : {}),
          ...afterCursorWhere(page.after),
        },
        orderBy: newestFirst(),
        take: page.take + 1,
      });
    },
  };
}
