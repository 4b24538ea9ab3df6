// Keeps trips' driver_supply read model in step with fleet: the only input is the durable
// `driver.status.changed` event. Idempotent (handleOnce) and order-proof (only a newer version is applied).
import { handleOnce, type AnyEventEnvelope } from '../../../../platform/events/index.js';
import type { TripsPrisma } from '../store/database.js';
import { createDispatchStore } from '../store/dispatch-store.js';

export const SUPPLY_CONSUMER = 'trips.driver-supply';

/**
 * @param onAvailable called after a driver became (or stayed) AVAILABLE with a newer version, or after a pending
 *   offer of a driver who stopped working was withdrawn: dispatch may now find a driver for a waiting trip.
 * @returns the handler to give the event bus; it resolves once the change is committed (or was seen before).
 */
export function createSupplyConsumer(prisma: TripsPrisma, onAvailable: () => void) {
  return async function handle(event: AnyEventEnvelope): Promise<void> {
    if (event.type !== 'driver.status.changed') return;
    const p = event.payload;
    let applied = false;
    let withdrawn = 0;
    await handleOnce(prisma, { schema: 'trips', consumer: SUPPLY_CONSUMER, event }, async (tx) => {
      const dispatch = createDispatchStore(tx);
      applied = await dispatch.applySupply({
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
      // A driver who went OFFLINE (checked out, lost their vehicle, suspended) is not waiting for a trip: their
      // pending offer is withdrawn at once, so they cannot accept it and the trip goes to someone else.
      if (applied && p.status === 'OFFLINE') withdrawn = (await dispatch.withdrawPending({ driverId: p.driverId }, new Date(p.occurredAt))).length;
    });
    if (applied && (p.status === 'AVAILABLE' || withdrawn > 0)) onAvailable();
  };
}
