// The only code that reads fleet's vehicles table.
import type { FleetPrisma } from './database.js';
import type { Vehicle } from './prisma/client.js';

export type VehicleStore = ReturnType<typeof createVehicleStore>;

export function createVehicleStore(prisma: FleetPrisma) {
  return {
    findByIds(ids: readonly string[]): Promise<Vehicle[]> {
      return prisma.vehicle.findMany({ where: { id: { in: [...ids] } } });
    },
  };
}
