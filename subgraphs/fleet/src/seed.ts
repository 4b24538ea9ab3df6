// Writes fleet's part of the demo city (fleets, hubs, vehicles, driver profiles). Idempotent: existing rows are
// left as they are. Parents are written before children because of the foreign keys inside fleet's schema.
import type { DemoDataset } from '../../../platform/demo/index.js';
import type { FleetPrisma } from './store/database.js';

export async function seedFleet(prisma: FleetPrisma, demo: DemoDataset): Promise<number> {
  const fleets = await prisma.fleet.createMany({
    data: demo.fleets.map(({ id, name, city, managerUserId }) => ({ id, name, city, managerUserId })),
    skipDuplicates: true,
  });
  const hubs = await prisma.hub.createMany({
    data: demo.hubs.map(({ id, fleetId, name, latitude, longitude }) => ({ id, fleetId, name, latitude, longitude })),
    skipDuplicates: true,
  });
  const vehicles = await prisma.vehicle.createMany({
    data: demo.vehicles.map(({ id, fleetId, homeHubId, plate, make, model, year, category }) => ({
      id, fleetId, homeHubId, plate, make, model, year, category,
    })),
    skipDuplicates: true,
  });
  // Every demo driver starts the day signed off; going online is something the demo shows happening.
  const drivers = await prisma.driver.createMany({
    data: demo.drivers.map(({ id, userId, fleetId, vehicleId, licenceNumber, rating }) => ({
      id, userId, fleetId, currentVehicleId: vehicleId, licenceNumber, rating, status: 'OFFLINE' as const,
    })),
    skipDuplicates: true,
  });
  return fleets.count + hubs.count + vehicles.count + drivers.count;
}
