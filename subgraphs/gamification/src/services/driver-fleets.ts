// Which fleet each driver works for, from fleet's durable driver.status.changed (its own consumer group, so it never
// queues behind earning). Idempotent (handleOnce) and order-proof: only a newer `version` replaces what is stored.
import { handleOnce, type AnyEventEnvelope, type DomainEventType } from '../../../../platform/events/index.js';
import type { GamificationPrisma } from '../store/database.js';

export const DRIVER_FLEETS_GROUP = 'gamification.drivers';
export const DRIVER_FLEETS_TYPES = ['driver.status.changed'] as const satisfies readonly DomainEventType[];

export function createDriverFleets(prisma: GamificationPrisma) {
  return async function handle(event: AnyEventEnvelope): Promise<boolean> {
    if (event.type !== 'driver.status.changed') return false;
    const { userId, fleetId, version } = event.payload;
    return handleOnce(prisma, { schema: 'gamification', consumer: 'gamification.driver-fleets', event }, async (tx) => {
      await tx.$executeRawUnsafe(
        `insert into "gamification".driver_fleets (user_id, fleet_id, version, updated_at) values ($1::uuid, $2::uuid, $3, now())
         on conflict (user_id) do update set fleet_id = excluded.fleet_id, version = excluded.version, updated_at = now()
         where driver_fleets.version < excluded.version`,
        userId,
        fleetId,
        version,
      );
    });
  };
}
