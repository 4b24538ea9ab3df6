// Keeps payments' driver profiles (store/driver-profiles.ts) in step with fleet: the only input is the durable
// `driver.status.changed` event. Idempotent (handleOnce) and order-proof (only a newer `version` is applied).
import { handleOnce, type AnyEventEnvelope, type DomainEventType } from '../../../../platform/events/index.js';
import type { PaymentsPrisma } from '../store/database.js';
import type { Tx } from '../store/db.js';
import { applyDriverProfile, type DriverProfile } from '../store/driver-profiles.js';
import { SCHEMA } from '../store/db.js';

/** The consumer group: its own, so profile updates never queue behind settlement. */
export const DRIVER_DIRECTORY_GROUP = 'payments.drivers';
export const DRIVER_DIRECTORY_TYPES = ['driver.status.changed'] as const satisfies readonly DomainEventType[];

/**
 * Called in the same transaction after a newer profile was stored (e.g. rental plans put a driver on the plan of a
 * vehicle just assigned). `before` is null for a driver payments had not seen.
 */
export type DriverProfileListener = (tx: Tx, before: DriverProfile | null, after: DriverProfile) => Promise<void>;

export function createDriverDirectory(prisma: PaymentsPrisma, listeners: readonly DriverProfileListener[] = []) {
  return async function handle(event: AnyEventEnvelope): Promise<boolean> {
    if (event.type !== 'driver.status.changed') return false;
    const p = event.payload;
    return handleOnce(prisma, { schema: SCHEMA, consumer: 'payments.driver-directory', event }, async (tx) => {
      const { before, after } = await applyDriverProfile(tx, {
        driverId: p.driverId,
        userId: p.userId,
        fleetId: p.fleetId,
        vehicleId: p.vehicleId,
        category: p.category,
        version: p.version,
        at: new Date(p.occurredAt),
      });
      if (!after) return;
      for (const listener of listeners) await listener(tx, before, after);
    });
  };
}
