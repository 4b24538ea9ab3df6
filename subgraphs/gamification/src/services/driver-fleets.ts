// Which fleet each driver works for, and which user each driver profile is, from fleet's durable
// driver.status.changed (its own consumer group, so it never queues behind earning). Idempotent (handleOnce) and
// order-proof: only a newer `version` replaces the stored fleet; a profile's user never changes. When a profile is
// learnt for the first time, the ratings that driver gave before (trip_ratings) are awarded (ratings.ts).
import { handleOnce, type AnyEventEnvelope, type DomainEventType } from '../../../../platform/events/index.js';
import type { GamificationPrisma } from '../store/database.js';
import { lockDriverProfile, ratingsGivenByDriver, recordDriverProfile } from '../store/earning-facts-store.js';
import { awardRatingByDriver } from './ratings.js';

export const DRIVER_FLEETS_GROUP = 'gamification.drivers';
export const DRIVER_FLEETS_TYPES = ['driver.status.changed'] as const satisfies readonly DomainEventType[];

export function createDriverFleets(prisma: GamificationPrisma) {
  /** @returns whether the event was handled now (false: another type, or handled before). */
  return async function handle(event: AnyEventEnvelope): Promise<boolean> {
    if (event.type !== 'driver.status.changed') return false;
    const { driverId, userId, fleetId, version } = event.payload;
    return handleOnce(prisma, { schema: 'gamification', consumer: 'gamification.driver-fleets', event }, async (tx) => {
      // The profile's lock first, as the rating handler takes it (then the user's): no two handlers wait in a cycle.
      await lockDriverProfile(tx, driverId);
      await tx.$executeRawUnsafe(
        `insert into "gamification".driver_fleets (user_id, fleet_id, version, updated_at) values ($1::uuid, $2::uuid, $3, now())
         on conflict (user_id) do update set fleet_id = excluded.fleet_id, version = excluded.version, updated_at = now()
         where driver_fleets.version < excluded.version`,
        userId,
        fleetId,
        version,
      );
      if (await recordDriverProfile(tx, driverId, userId)) {
        for (const rating of await ratingsGivenByDriver(tx, driverId)) await awardRatingByDriver(tx, userId, rating);
      }
    });
  };
}
