// Keeps trips' driver_supply read model in step with fleet: the only input is the durable
// `driver.status.changed` event. Idempotent (handleOnce) and order-proof (only a newer version is applied).
import { handleOnce, type AnyEventEnvelope } from '../../../../platform/events/index.js';
import type { TripsPrisma } from '../store/database.js';
import { createDispatchStore } from '../store/dispatch-store.js';

export const SUPPLY_CONSUMER = 'trips.driver-supply';

/**
 * @param onAvailable called after a driver became (or stayed) AVAILABLE with a newer version: dispatch may now
 *   find them for a waiting trip.
 * @returns the handler to give the event bus; it resolves once the change is committed (or was seen before).
 */
export function createSupplyConsumer(prisma: TripsPrisma, onAvailable: () => void) {
  return async function handle(event: AnyEventEnvelope): Promise<void> {
    if (event.type !== 'driver.status.changed') return;
    const p = event.payload;
    let applied = false;
    await handleOnce(prisma, { schema: 'trips', consumer: SUPPLY_CONSUMER, event }, async (tx) => {
      applied = await createDispatchStore(tx).applySupply({
        driverId: p.driverId,
        userId: p.userId,
        fleetId: p.fleetId,
        vehicleId: p.vehicleId,
        category: p.category,
        status: p.status,
        latitude: p.position?.latitude ?? null,
        longitude: p.position?.longitude ?? null,
        // The position is as old as the event that carried it.
        positionAt: p.position ? new Date(p.occurredAt) : null,
        version: p.version,
      });
    });
    if (applied && p.status === 'AVAILABLE') onAvailable();
  };
}
