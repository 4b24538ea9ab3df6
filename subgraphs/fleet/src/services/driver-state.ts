// The rules of a driver's status and the durable event that reports it. Every change of status, vehicle or
// fleet goes through `changeDriverState` inside the transaction of the change, so the `driver.status.changed`
// outbox row (with the driver's next `version`) commits exactly when the change does.
import { outboxEvent, type DomainEvents, type OutboxRow } from '../../../../platform/events/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import type { DriverStateChange } from '../store/driver-store.js';
import type { Driver, DriverStatus, Vehicle, VehicleCategory } from '../store/prisma/client.js';
import type { FleetStores } from '../store/store.js';
import { haversineMeters } from '../../../../platform/geo/index.js';

/** Wakes the outbox relay after a commit so events leave at once instead of at the next poll. */
export interface OutboxNotifier {
  wake(): void;
}

/** Movement sampling: a working driver's position goes to the durable stream when it moved this far... */
export const SAMPLE_DISTANCE_METERS = 250;
/** ...or this long after the previous event. Every update still goes to live pub/sub. */
export const SAMPLE_INTERVAL_MS = 30_000;

/**
 * The status of a driver who is not on a trip or a break: AVAILABLE only when on shift with a vehicle, so
 * dispatch never offers a trip to someone without a car or off duty.
 */
export function workingStatus(onShift: boolean, hasVehicle: boolean): DriverStatus {
  return onShift && hasVehicle ? 'AVAILABLE' : 'OFFLINE';
}

/** @throws AppError ILLEGAL_STATE_TRANSITION naming the driver's current status in `extensions.status`. */
export function illegalTransition(message: string, status: DriverStatus): AppError {
  return new AppError('ILLEGAL_STATE_TRANSITION', message, { extensions: { status } });
}

export function statusChangedEvent(driver: Driver, category: VehicleCategory | null, at: Date): OutboxRow<'driver.status.changed'> {
  const position = driver.latitude !== null && driver.longitude !== null ? { latitude: driver.latitude, longitude: driver.longitude } : null;
  const payload: DomainEvents['driver.status.changed'] = {
    driverId: driver.id,
    userId: driver.userId,
    fleetId: driver.fleetId,
    status: driver.status,
    vehicleId: driver.currentVehicleId,
    category,
    position,
    version: driver.version,
    occurredAt: at.toISOString(),
  };
  return outboxEvent('driver.status.changed', payload, at);
}

/**
 * Applies the change, bumps the version and writes the event. Call inside a transaction holding the driver's row lock.
 * @param knownVehicle a vehicle the caller read in this transaction already, so the event's category costs no read.
 */
export async function changeDriverState(stores: FleetStores, driver: Driver, change: DriverStateChange, at: Date, knownVehicle?: Vehicle): Promise<Driver> {
  const suspended = change.suspendedAt !== undefined ? change.suspendedAt !== null : driver.suspendedAt !== null;
  // The one place every status change passes: a suspended driver never becomes AVAILABLE or ON_BREAK, whichever
  // path asks (a vehicle assigned on shift, a trip ending), so dispatch never sees them as supply.
  const safe = suspended && (change.status === 'AVAILABLE' || change.status === 'ON_BREAK') ? { ...change, status: 'OFFLINE' as const } : change;
  const updated = await stores.drivers.changeState(driver.id, safe, at, { latitude: driver.latitude, longitude: driver.longitude });
  await stores.outbox.add(statusChangedEvent(updated, await categoryOf(stores, updated, knownVehicle), at));
  return updated;
}

export async function categoryOf(stores: FleetStores, driver: Driver, knownVehicle?: Vehicle): Promise<VehicleCategory | null> {
  if (!driver.currentVehicleId) return null;
  if (knownVehicle?.id === driver.currentVehicleId) return knownVehicle.category;
  return (await stores.vehicles.findById(driver.currentVehicleId))?.category ?? null;
}

/** Whether a new position of this driver should also go to the durable stream (see SAMPLE_*). */
export function shouldSamplePosition(driver: Driver, position: { latitude: number; longitude: number }, at: Date): boolean {
  if (driver.status === 'OFFLINE') return false;
  if (!driver.eventAt || driver.eventLatitude === null || driver.eventLongitude === null) return true;
  if (at.getTime() - driver.eventAt.getTime() >= SAMPLE_INTERVAL_MS) return true;
  return haversineMeters({ latitude: driver.eventLatitude, longitude: driver.eventLongitude }, position) >= SAMPLE_DISTANCE_METERS;
}
