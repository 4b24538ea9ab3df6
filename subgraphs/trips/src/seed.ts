// Writes trips' part of the demo city (a month of finished trips). Idempotent: existing rows are left as they are.
// Each trip carries its driver's user and fleet from the demo dataset (trips never reads fleet's tables).
import type { DemoDataset, DemoDriver } from '../../../platform/demo/index.js';
import type { TripsPrisma } from './store/database.js';

export async function seedTrips(prisma: TripsPrisma, demo: DemoDataset): Promise<number> {
  const drivers = new Map(demo.drivers.map((driver) => [driver.id, driver]));
  const driverOf = (driverId: string): DemoDriver => {
    const driver = drivers.get(driverId);
    if (!driver) throw new Error(`demo trip references unknown driver ${driverId}`);
    return driver;
  };
  const { count } = await prisma.trip.createMany({
    data: demo.trips.map((trip) => ({
      id: trip.id,
      riderUserId: trip.riderUserId,
      driverId: trip.driverId,
      driverUserId: driverOf(trip.driverId).userId,
      fleetId: driverOf(trip.driverId).fleetId,
      vehicleId: trip.vehicleId,
      category: trip.category,
      status: trip.status,
      fareMinor: trip.fareMinor,
      currency: trip.currency,
      distanceMeters: trip.distanceMeters,
      requestedAt: trip.requestedAt,
      completedAt: trip.completedAt,
    })),
    skipDuplicates: true,
  });
  await backfillDriverColumns(prisma, demo, driverOf);
  return count;
}

/**
 * Demo trips seeded before trips had `driver_user_id`/`fleet_id` (an existing `.data` folder) get them now, so a
 * fleet manager's board is not empty after an upgrade. One statement per driver, and none once filled.
 */
async function backfillDriverColumns(prisma: TripsPrisma, demo: DemoDataset, driverOf: (driverId: string) => DemoDriver): Promise<void> {
  const tripIdsByDriver = new Map<string, string[]>();
  for (const trip of demo.trips) tripIdsByDriver.set(trip.driverId, [...(tripIdsByDriver.get(trip.driverId) ?? []), trip.id]);
  const unfilled = await prisma.trip.count({ where: { id: { in: demo.trips.map((t) => t.id) }, fleetId: null, driverId: { not: null } } });
  if (unfilled === 0) return;
  for (const [driverId, ids] of tripIdsByDriver) {
    const driver = driverOf(driverId);
    await prisma.trip.updateMany({ where: { id: { in: ids }, fleetId: null }, data: { fleetId: driver.fleetId, driverUserId: driver.userId } });
  }
}
