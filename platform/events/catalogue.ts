// The durable domain events: name → payload. The one place an event type is declared; producers write them
// to their outbox, consumers receive them typed. Payloads are JSON: ISO strings for instants, null not undefined.
// Add fields freely (consumers ignore what they do not read); never change the meaning of an existing field.

/** Service level of a vehicle (fleet's VehicleCategory). */
export type EventVehicleCategory = 'ECONOMY' | 'COMFORT' | 'XL' | 'AUTO' | 'BIKE';
export type EventDriverStatus = 'OFFLINE' | 'AVAILABLE' | 'ON_TRIP' | 'ON_BREAK';
export type EventMoney = { amountMinor: number; currency: string };
export type EventPoint = { latitude: number; longitude: number };
/** A role of an identity user. */
export type EventUserRole = 'SUPER_ADMIN' | 'OPERATIONS' | 'FLEET_MANAGER' | 'DRIVER' | 'RIDER';
/** Who caused a trip's change. */
export type TripActorRole = 'RIDER' | 'DRIVER' | 'OPERATIONS' | 'SYSTEM';

export interface DomainEvents {
  /**
   * identity → whoever must know an account exists (fleet: who may get a driver profile). One per account, in the
   * transaction that created it (a trigger on identity.users, so every way an account is made emits it).
   */
  'user.registered': { userId: string; roles: EventUserRole[]; active: boolean; occurredAt: string };
  /**
   * identity → an account's roles or its `active` flag changed (`setUserRoles`, `deactivateUser`), in the same
   * transaction; the payload is the account as it is now. Redelivery can reorder: keep the newest `occurredAt`.
   */
  'user.changed': { userId: string; roles: EventUserRole[]; active: boolean; occurredAt: string };
  /**
   * fleet → trips (dispatch supply). Emitted whenever a driver's status, vehicle or fleet changes, and when a
   * working driver's position moved far or long enough since the last emission (fleet decides the thresholds;
   * every location update goes to live pub/sub, only these samples to the durable stream).
   * `version` grows by one with every change of that driver: apply only a version newer than the one stored,
   * because redelivery can reorder events.
   */
  'driver.status.changed': {
    driverId: string;
    userId: string;
    fleetId: string;
    status: EventDriverStatus;
    vehicleId: string | null;
    category: EventVehicleCategory | null;
    /** Last known position, null before the first location update. */
    position: EventPoint | null;
    version: number;
    occurredAt: string;
  };
  'trip.requested': { tripId: string; riderUserId: string; category: EventVehicleCategory; pickup: EventPoint; dropoff: EventPoint; occurredAt: string };
  'trip.assigned': {
    tripId: string;
    riderUserId: string;
    driverId: string;
    driverUserId: string;
    fleetId: string;
    vehicleId: string | null;
    occurredAt: string;
  };
  'trip.arrived': { tripId: string; riderUserId: string; driverId: string; occurredAt: string };
  'trip.started': { tripId: string; riderUserId: string; driverId: string; occurredAt: string };
  'trip.completed': {
    tripId: string;
    riderUserId: string;
    driverId: string;
    driverUserId: string;
    fleetId: string;
    fare: EventMoney;
    distanceMeters: number;
    durationSeconds: number;
    occurredAt: string;
  };
  'trip.cancelled': {
    tripId: string;
    riderUserId: string;
    /** The driver who held the trip, null when it was cancelled before assignment. */
    driverId: string | null;
    cancelledBy: TripActorRole;
    reason: string;
    /** Charged to the rider; null when no fee applies. */
    cancellationFee: EventMoney | null;
    occurredAt: string;
  };
  /** One per direction: the rider rates the driver (`by: 'RIDER'`) or the driver rates the rider. */
  'trip.rated': { tripId: string; riderUserId: string; driverId: string; by: 'RIDER' | 'DRIVER'; rating: number; occurredAt: string };
}

export type DomainEventType = Extract<keyof DomainEvents, string>;

/** An event as it travels: a globally unique id (consumers deduplicate on it), its type, where it came from. */
export interface EventEnvelope<K extends DomainEventType = DomainEventType> {
  /** UUID, assigned when the event is written to the outbox. */
  id: string;
  type: K;
  /** The subgraph that emitted it. */
  source: string;
  occurredAt: string;
  payload: DomainEvents[K];
}

/** Any envelope, narrowed by `type` (`switch (event.type)` types the payload). */
export type AnyEventEnvelope = { [K in DomainEventType]: EventEnvelope<K> }[DomainEventType];
