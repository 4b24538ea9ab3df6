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
/** How a trip is paid: the rider's choice at request (payments' `PaymentMethodType`; `cardId` only for CARD). */
export type EventPaymentChoice = { method: 'CARD' | 'WALLET' | 'CASH'; cardId: string | null };
/** What a payment was for. */
export type EventPaymentPurpose = 'TRIP_FARE' | 'CANCELLATION_FEE' | 'TOP_UP';
/** Who caused a trip's change. */
export type TripActorRole = 'RIDER' | 'DRIVER' | 'OPERATIONS' | 'SYSTEM';

/** A JSON value, as an audit entry's before/after snapshots are stored. */
export type EventJson = string | number | boolean | null | EventJson[] | { [key: string]: EventJson };

export interface DomainEvents {
  /**
   * any subgraph → identity's audit log (platform/audit): a staff action that changed someone else's data or money,
   * in the transaction that made the change. `before`/`after`: the fields the action touched (null when the
   * target did not exist before / no longer exists). `requestId`: the client request that caused it.
   */
  'audit.recorded': {
    source: 'identity' | 'fleet' | 'trips' | 'payments' | 'gamification' | 'notifications';
    actorId: string;
    actorRoles: EventUserRole[];
    action: string;
    targetType: string;
    targetId: string;
    before: EventJson;
    after: EventJson;
    reason: string | null;
    requestId: string | null;
    occurredAt: string;
  };
  /**
   * identity → whoever must know an account exists (fleet: who may get a driver profile). One per account, in the
   * transaction that created it (a trigger on identity.users, so every way an account is made emits it).
   */
  'user.registered': {
    userId: string;
    roles: EventUserRole[];
    active: boolean;
    /** The referral code the new user signed up with (someone else's `User.referralCode`), if any; absent before it existed. */
    referralCode?: string | null;
    /** Whose code that is (the referrer's user id), null when none; absent before it existed. */
    referrerUserId?: string | null;
    occurredAt: string;
  };
  /**
   * identity → an account's roles or its `active` flag changed (`setUserRoles`, `deactivateUser`), in the same
   * transaction; the payload is the account as it is now. Redelivery can reorder: keep the newest `occurredAt`.
   */
  'user.changed': { userId: string; roles: EventUserRole[]; active: boolean; occurredAt: string };
  /**
   * identity → an account's phone and email as they are now, on creation and on every change of either (a trigger
   * on identity.users): notifications keeps them to send email and SMS. Redelivery can reorder: keep the newest.
   */
  'user.contact.changed': { userId: string; phone: string | null; email: string | null; occurredAt: string };
  /**
   * identity → an account's display name as it is now, on creation and on every change of it (a trigger on
   * identity.users; accounts older than the event were announced once by identity's migration): fleet keeps drivers'
   * names from it, so `Driver.name` is answered without a hop to identity. Redelivery can reorder: keep the newest
   * `occurredAt` (the row's change time, so of two racing renames the one that committed last is the newest).
   */
  'user.name.changed': { userId: string; name: string; occurredAt: string };
  /** identity → a password that existed was replaced (changed or reset): notifications sends a security notice. */
  'user.password.changed': { userId: string; occurredAt: string };
  /**
   * identity → a device signed in (a new session). `firstSession`: the account's first (its sign-up), for which no
   * "new sign-in" notice is sent. A trigger on identity.sessions.
   */
  'session.started': {
    sessionId: string;
    userId: string;
    deviceName: string | null;
    devicePlatform: 'IOS' | 'ANDROID' | 'WEB' | 'OTHER' | null;
    firstSession: boolean;
    occurredAt: string;
  };
  /** identity → a session ended (signed out, revoked, reused refresh token, password reset or change, account deactivated, or the oldest beyond the per-user limit). */
  'session.ended': {
    sessionId: string;
    userId: string;
    reason:
      | 'SIGNED_OUT'
      | 'SIGNED_OUT_EVERYWHERE'
      | 'REVOKED_BY_USER'
      | 'REFRESH_TOKEN_REUSED'
      | 'PASSWORD_RESET'
      | 'USER_DEACTIVATED'
      | 'PASSWORD_CHANGED'
      | 'SESSION_LIMIT';
    occurredAt: string;
  };
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
  /**
   * fleet → identity: a fleet as it is now, on creation and on every change of its name or city (a trigger on
   * fleet.fleets, so createFleet, updateFleet, the demo seed and anything added later emit it; fleets older than the
   * event were announced once by fleet's migration). identity keeps which fleets exist, so `onboardDriver` can refuse
   * an unknown fleet at the mutation. Redelivery can reorder: keep the newest `occurredAt`.
   */
  'fleet.changed': { fleetId: string; name: string; city: string; occurredAt: string };
  /**
   * identity → fleet: staff onboarded a driver (`onboardDriver`): the account exists, holds DRIVER and was checked
   * eligible (active, not staff, not a driver before) under its row lock, in the transaction that wrote this event.
   * fleet makes the driver profile in `fleetId` (once per event). `licenceExpiresOn`: `YYYY-MM-DD` or null;
   * `onboardedBy`: the member of staff.
   */
  'driver.onboarded': {
    userId: string;
    fleetId: string;
    licenceNumber: string;
    licenceExpiresOn: string | null;
    onboardedBy: string;
    occurredAt: string;
  };
  'trip.requested': {
    tripId: string;
    riderUserId: string;
    category: EventVehicleCategory;
    pickup: EventPoint;
    dropoff: EventPoint;
    /** The rider's choice; null: the rider's default method when the trip is settled. Absent in events before it existed. */
    payment?: EventPaymentChoice | null;
    occurredAt: string;
  };
  'trip.assigned': {
    tripId: string;
    riderUserId: string;
    driverId: string;
    driverUserId: string;
    fleetId: string;
    vehicleId: string | null;
    occurredAt: string;
  };
  /**
   * trips → notifications: an offer the driver left unanswered lapsed (the dispatcher marked it EXPIRED and offers the
   * trip to the next driver). Once per offer, in the transaction of the dispatcher pass that expired it. Not emitted
   * for offers declined, withdrawn or accepted.
   */
  'offer.expired': {
    offerId: string;
    tripId: string;
    driverId: string;
    driverUserId: string;
    fleetId: string;
    offeredAt: string;
    /** When the offer was due to lapse; `occurredAt` is when the dispatcher expired it (at or after this). */
    expiresAt: string;
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
    /** The service area (trips' city name) and the category: payments' commission rules depend on them. */
    city?: string | null;
    category?: EventVehicleCategory;
    /** The rider's choice at request; null or absent: the rider's default method. */
    payment?: EventPaymentChoice | null;
    /** The vehicle the trip was driven with (payments finds a vehicle QR payment's trip by it); absent in older events. */
    vehicleId?: string | null;
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
    /** The driver's identity user id and fleet when one was assigned (they earn part of a fee). */
    driverUserId?: string | null;
    fleetId?: string | null;
    city?: string | null;
    category?: EventVehicleCategory;
    /** The rider's choice at request; null or absent: the rider's default method. */
    payment?: EventPaymentChoice | null;
    occurredAt: string;
  };
  /**
   * payments → a charge succeeded (a trip's fare, a cancellation fee, a top-up): notifications send the receipt,
   * loyalty awards points. Once per payment.
   */
  'payment.succeeded': {
    paymentId: string;
    purpose: EventPaymentPurpose;
    payerUserId: string;
    tripId: string | null;
    /** Who earned it (fares and fees with a driver); null otherwise. */
    driverUserId: string | null;
    amount: EventMoney;
    /** What finally paid (a fallback may differ from the rider's choice). */
    method: 'CARD' | 'WALLET' | 'CASH';
    receiptNumber: string;
    occurredAt: string;
  };
  /**
   * payments → a charge attempt failed. `outcome`: RETRYING (another attempt is scheduled), OWED (no method could pay:
   * the rider owes it and cannot request rides until repaid), DECLINED (a top-up: nothing moved).
   */
  'payment.failed': {
    paymentId: string;
    purpose: EventPaymentPurpose;
    payerUserId: string;
    tripId: string | null;
    amount: EventMoney;
    /** Provider's reason, e.g. card_declined, insufficient_funds, provider_unavailable. */
    failureCode: string;
    outcome: 'RETRYING' | 'OWED' | 'DECLINED';
    occurredAt: string;
  };
  /** payments → money went back to the payer (partial or full). Loyalty takes back points in proportion. */
  'payment.refunded': {
    paymentId: string;
    refundId: string;
    purpose: EventPaymentPurpose;
    payerUserId: string;
    tripId: string | null;
    amount: EventMoney;
    /** Refunded so far on this payment, this refund included. */
    refundedTotal: EventMoney;
    /** The payment's amount: refundedTotal = paid means fully refunded. */
    paid: EventMoney;
    reason: string;
    occurredAt: string;
  };
  /**
   * payments → what a rider owes (unpaid fares after every method failed) changed. trips refuses `requestTrip` while
   * `due.amountMinor > 0`. `sequence` grows with every change of that rider's balance due: apply only a newer one.
   */
  'rider.balance_due.changed': { userId: string; due: EventMoney; sequence: number; occurredAt: string };
  /**
   * fleet → payments (cash reconciliation). A driver checked out: the shift's window and the cash handed in
   * (`cashDeposited`, 0 when none). Once per shift, in the check-out's transaction; payments moves the deposit
   * from the driver's cash held to the fleet's cash and compares it with the cash fares of the window.
   */
  'shift.checked_out': {
    /** fleet's Attendance id: the shift. */
    attendanceId: string;
    driverId: string;
    driverUserId: string;
    fleetId: string;
    checkedInAt: string;
    checkedOutAt: string;
    cashDeposited: EventMoney;
    occurredAt: string;
  };
  /**
   * fleet → notifications: a manager (or operations) approved or rejected a finished shift (its check-in selfie and
   * attendance). Once per shift, in the review's transaction (a shift is reviewed once). `note`: the reviewer's
   * reason, required when REJECTED.
   */
  'attendance.reviewed': {
    attendanceId: string;
    driverId: string;
    driverUserId: string;
    fleetId: string;
    approval: 'APPROVED' | 'REJECTED';
    note: string | null;
    checkedInAt: string;
    occurredAt: string;
  };
  /** One per direction: the rider rates the driver (`by: 'RIDER'`) or the driver rates the rider. */
  'trip.rated': { tripId: string; riderUserId: string; driverId: string; by: 'RIDER' | 'DRIVER'; rating: number; occurredAt: string };
  /** payments → a payout reached the driver's bank (the provider confirmed it). Notifications tell the driver. Once per payout item. */
  'payout.paid': { payoutItemId: string; batchId: string; driverId: string; driverUserId: string; amount: EventMoney; occurredAt: string };
  /**
   * payments → a payout failed (the bank refused it, e.g. account_closed): the amount is back in the driver's earnings.
   * Notifications ask the driver to check their bank details. Once per payout item.
   */
  'payout.failed': {
    payoutItemId: string;
    batchId: string;
    driverId: string;
    driverUserId: string;
    amount: EventMoney;
    failureCode: string;
    occurredAt: string;
  };
  /**
   * gamification → notifications: an earning rule (or staff) gave a user points. `reference` is what earned them (a
   * trip id; null for adjustments); `balance` the user's balance right after. Once per ledger entry.
   */
  'points.awarded': {
    userId: string;
    entryId: string;
    points: number;
    reason: string;
    ruleKey: string | null;
    reference: string | null;
    balance: number;
    occurredAt: string;
  };
  /** gamification → notifications: lifetime points lifted a user to a new loyalty level (once per user and level). */
  'level.reached': { userId: string; level: 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM'; lifetimeEarned: number; occurredAt: string };
  /** gamification → notifications: a rule awarded a badge (once per user and badge). */
  'badge.earned': { userId: string; badge: string; reason: string; occurredAt: string };
  /** gamification → notifications: a user spent points (a coupon redemption); `balance` right after. */
  'points.redeemed': { userId: string; entryId: string; points: number; redemptionId: string; balance: number; occurredAt: string };
  /** gamification → notifications: a user bought a coupon; `code` is theirs alone. */
  'coupon.redeemed': { userId: string; redemptionId: string; couponId: string; title: string; code: string; pointsSpent: number; occurredAt: string };
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
  /** W3C trace context of the request that emitted it, when tracing was on (platform/tracing/events.ts). */
  traceparent?: string;
  tracestate?: string;
}

/** Any envelope, narrowed by `type` (`switch (event.type)` types the payload). */
export type AnyEventEnvelope = { [K in DomainEventType]: EventEnvelope<K> }[DomainEventType];
