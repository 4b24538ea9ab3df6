// Writes gamification's part of the demo city: points for every completed demo trip and a welcome bonus per
// rider, and the days demo riders rode (first rides and streaks). Idempotent: ids derive from (reason, source, user).
import { demoId, type DemoDataset } from '../../../platform/demo/index.js';
import type { GamificationPrisma } from './store/database.js';
import type { PointsReason } from './store/prisma/client.js';

/** Demo earning rule: 10 points per whole dollar (100 minor units) of fare. */
const POINTS_PER_MAJOR_UNIT = 10;
export const WELCOME_BONUS_POINTS = 100;
const WELCOME_SOURCE = 'welcome';
// Before the first demo trip (1 October 2026), so the bonus is the oldest entry of every rider.
const WELCOME_AT = new Date(Date.UTC(2026, 8, 30));

export async function seedGamification(prisma: GamificationPrisma, demo: DemoDataset): Promise<number> {
  const entry = (reason: PointsReason, sourceId: string, userId: string, delta: number, createdAt: Date) => ({
    id: demoId('points-entry', `${reason}:${sourceId}:${userId}`),
    userId,
    delta,
    reason,
    sourceId,
    createdAt,
  });
  const tripPoints = demo.trips.flatMap((trip) =>
    trip.status === 'COMPLETED' && trip.fareMinor !== null && trip.completedAt
      ? [entry('TRIP_COMPLETED', trip.id, trip.riderUserId, Math.floor(trip.fareMinor / 100) * POINTS_PER_MAJOR_UNIT, trip.completedAt)]
      : [],
  );
  const welcome = demo.users
    .filter((user) => user.roles.includes('RIDER'))
    .map((user) => entry('PROMOTION', WELCOME_SOURCE, user.id, WELCOME_BONUS_POINTS, WELCOME_AT));
  const { count } = await prisma.pointsEntry.createMany({ data: [...welcome, ...tripPoints], skipDuplicates: true });
  // The days demo riders rode: their next real ride is no "first ride", and streaks continue from them.
  const rideDays = demo.trips.flatMap((trip) =>
    trip.status === 'COMPLETED' && trip.completedAt ? [{ userId: trip.riderUserId, day: new Date(trip.completedAt.toISOString().slice(0, 10)) }] : [],
  );
  await prisma.rideDay.createMany({ data: rideDays, skipDuplicates: true });
  return count;
}
