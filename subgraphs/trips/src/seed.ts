// Writes trips' part of the demo city (a month of finished trips). Idempotent: existing rows are left as they are.
import type { DemoDataset } from '../../../platform/demo/index.js';
import type { TripsPrisma } from './store/database.js';

export async function seedTrips(prisma: TripsPrisma, demo: DemoDataset): Promise<number> {
  const { count } = await prisma.trip.createMany({
    data: demo.trips.map((trip) => ({
      id: trip.id,
      riderUserId: trip.riderUserId,
      driverId: trip.driverId,
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
  return count;
}
