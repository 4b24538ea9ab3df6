// What the earning consumer remembers from events beyond the ledger, for awards that need two events which may
// arrive in either order: who referred whom (user.registered), which user a driver profile is
// (driver.status.changed), the ratings of trips (trip.rated) and the refunds of payments (payment.refunded).
import type { GamificationTx } from './ledger-store.js';

const S = '"gamification"';

/** Transaction-scoped lock on one payment's points: its award and its refunds never interleave (replicas). */
export async function lockPayment(tx: GamificationTx, paymentId: string): Promise<void> {
  await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(hashtextextended('gamification.payment:' || $1, 0))`, paymentId);
}

/** Transaction-scoped lock on one driver profile: its ratings and the learning of its user never interleave. */
export async function lockDriverProfile(tx: GamificationTx, driverId: string): Promise<void> {
  await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(hashtextextended('gamification.driver:' || $1, 0))`, driverId);
}

// --- referrals ---

/** Records that `userId` signed up with `referrerUserId`'s code (the first record wins). */
export async function recordReferral(tx: GamificationTx, userId: string, referrerUserId: string, registeredAt: Date): Promise<void> {
  await tx.$executeRawUnsafe(
    `insert into ${S}.referrals (user_id, referrer_user_id, registered_at) values ($1::uuid, $2::uuid, $3) on conflict (user_id) do nothing`,
    userId,
    referrerUserId,
    registeredAt,
  );
}

/** Whether the user has had a paid ride (any day). */
export async function hasRidden(tx: GamificationTx, userId: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<unknown[]>(`select 1 from ${S}.ride_days where user_id = $1::uuid limit 1`, userId);
  return rows.length > 0;
}

// --- driver profiles and ratings ---

/** Records which user a driver profile is. @returns whether it was not known before. */
export async function recordDriverProfile(tx: GamificationTx, driverId: string, userId: string): Promise<boolean> {
  const inserted = await tx.$executeRawUnsafe(
    `insert into ${S}.driver_profiles (driver_id, user_id, learnt_at) values ($1::uuid, $2::uuid, now()) on conflict (driver_id) do nothing`,
    driverId,
    userId,
  );
  return inserted > 0;
}

export async function userOfDriver(tx: GamificationTx, driverId: string): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ user_id: string }[]>(
    `select user_id::text as user_id from ${S}.driver_profiles where driver_id = $1::uuid`,
    driverId,
  );
  return rows[0]?.user_id ?? null;
}

export interface TripRatingFact {
  tripId: string;
  by: 'RIDER' | 'DRIVER';
  driverId: string;
  riderUserId: string;
  rating: number;
  occurredAt: Date;
}

/** Records a rating (one per trip and side; a replay changes nothing). */
export async function recordTripRating(tx: GamificationTx, rating: TripRatingFact): Promise<void> {
  await tx.$executeRawUnsafe(
    `insert into ${S}.trip_ratings (trip_id, by, driver_id, rider_user_id, rating, occurred_at) values ($1::uuid, $2, $3::uuid, $4::uuid, $5, $6)
     on conflict (trip_id, by) do nothing`,
    rating.tripId,
    rating.by,
    rating.driverId,
    rating.riderUserId,
    rating.rating,
    rating.occurredAt,
  );
}

/** The ratings a driver profile gave riders (awarded once its user is known). */
export async function ratingsGivenByDriver(tx: GamificationTx, driverId: string): Promise<TripRatingFact[]> {
  const rows = await tx.$queryRawUnsafe<{ trip_id: string; driver_id: string; rider_user_id: string; rating: number; occurred_at: Date }[]>(
    `select trip_id::text as trip_id, driver_id::text as driver_id, rider_user_id::text as rider_user_id, rating, occurred_at
     from ${S}.trip_ratings where driver_id = $1::uuid and by = 'DRIVER' order by occurred_at, trip_id`,
    driverId,
  );
  return rows.map((row) => ({
    tripId: row.trip_id,
    by: 'DRIVER',
    driverId: row.driver_id,
    riderUserId: row.rider_user_id,
    rating: row.rating,
    occurredAt: new Date(row.occurred_at),
  }));
}

/**
 * The drivers (users) whose ratings by riders in [from, to) number at least `minRatings` and are all 5; drivers whose
 * user is not known yet are left out (a later run finds them). One grouped scan of the period's ratings.
 */
export async function fiveStarDrivers(tx: GamificationTx, from: Date, to: Date, minRatings: number): Promise<{ userId: string; ratings: number }[]> {
  const rows = await tx.$queryRawUnsafe<{ user_id: string; ratings: bigint }[]>(
    `select p.user_id::text as user_id, count(*)::bigint as ratings
     from ${S}.trip_ratings r join ${S}.driver_profiles p on p.driver_id = r.driver_id
     where r.by = 'RIDER' and r.occurred_at >= $1 and r.occurred_at < $2
     group by p.user_id
     having min(r.rating) = 5 and count(*) >= $3
     order by p.user_id`,
    from,
    to,
    minRatings,
  );
  return rows.map((row) => ({ userId: row.user_id, ratings: Number(row.ratings) }));
}

// --- refunds ---

export interface RefundFact {
  refundId: string;
  paymentId: string;
  amountMinor: number;
  refundedTotalMinor: number;
  paidMinor: number;
  currency: string;
  occurredAt: Date;
}

/** Records a refund (a replay changes nothing). */
export async function recordRefund(tx: GamificationTx, refund: RefundFact): Promise<void> {
  await tx.$executeRawUnsafe(
    `insert into ${S}.payment_refunds (refund_id, payment_id, amount_minor, refunded_total_minor, paid_minor, currency, occurred_at)
     values ($1::uuid, $2::uuid, $3, $4, $5, $6, $7) on conflict (refund_id) do nothing`,
    refund.refundId,
    refund.paymentId,
    refund.amountMinor,
    refund.refundedTotalMinor,
    refund.paidMinor,
    refund.currency,
    refund.occurredAt,
  );
}

/** Every refund recorded for the payment, largest refunded total first (the later ones then take nothing more). */
export async function refundsOf(tx: GamificationTx, paymentId: string): Promise<RefundFact[]> {
  const rows = await tx.$queryRawUnsafe<
    { refund_id: string; amount_minor: number; refunded_total_minor: number; paid_minor: number; currency: string; occurred_at: Date }[]
  >(
    `select refund_id::text as refund_id, amount_minor, refunded_total_minor, paid_minor, currency, occurred_at
     from ${S}.payment_refunds where payment_id = $1::uuid order by refunded_total_minor desc, refund_id`,
    paymentId,
  );
  return rows.map((row) => ({
    refundId: row.refund_id,
    paymentId,
    amountMinor: row.amount_minor,
    refundedTotalMinor: row.refunded_total_minor,
    paidMinor: row.paid_minor,
    currency: row.currency,
    occurredAt: new Date(row.occurred_at),
  }));
}
