// Earning rules applied to durable events (consumer group "gamification", each event through handleOnce, so a
// redelivered event awards nothing twice; every entry also carries a unique cause, so even a replay under another
// event id cannot). Rules are looked up by the event's `occurredAt`: a rule change applies to events from then on
// and never rewrites entries already written. Awards that need two events (a referral and a first ride, a refund and
// its payment, a driver's rating and who the driver is) record the first one and award when the second arrives,
// whichever order they come in (earning-facts-store.ts).
import type { AnyEventEnvelope, DomainEvents } from '../../../../platform/events/index.js';
import { lockPaymentReadingReferral } from '../store/earning-facts-store.js';
import { fleetOfDriver, lockUsers, type GamificationTx } from '../store/ledger-store.js';
import { rulesInForce, type EarningRule } from '../store/rules-store.js';
import { badgeOf, postAward } from './awards.js';
import { onTripRated } from './ratings.js';
import { awardReferral, onUserRegistered } from './referrals.js';
import { applyRefundsOf, onPaymentRefunded } from './refunds.js';
import { utcDay } from './periods.js';

export const EARNING_GROUP = 'gamification';
export const EARNING_TYPES = ['payment.succeeded', 'payment.refunded', 'trip.rated', 'user.registered'] as const;
const S = '"gamification"';

export async function applyEarningEvent(tx: GamificationTx, event: AnyEventEnvelope): Promise<void> {
  if (event.type === 'payment.succeeded') await onPaymentSucceeded(tx, event.payload);
  else if (event.type === 'payment.refunded') await onPaymentRefunded(tx, event.payload);
  else if (event.type === 'trip.rated') await onTripRated(tx, event.payload);
  else if (event.type === 'user.registered') await onUserRegistered(tx, event.payload);
}

/** Points for what was spent on a fare: `points` per whole `perAmountMinor` (currency is not converted). */
export function farePoints(rule: Pick<EarningRule, 'points' | 'perAmountMinor'>, amountMinor: number): number {
  const per = rule.perAmountMinor ?? 0;
  return per > 0 ? Math.floor(amountMinor / per) * rule.points : 0;
}

async function onPaymentSucceeded(tx: GamificationTx, payment: DomainEvents['payment.succeeded']): Promise<void> {
  if (payment.purpose !== 'TRIP_FARE' || !payment.tripId) return;
  const at = new Date(payment.occurredAt);
  const rider = payment.payerUserId;
  const driver = payment.driverUserId;
  // The payment first (its refunds wait for it), then the users in id order, the rider's referrer among them.
  const referral = await lockPaymentReadingReferral(tx, payment.paymentId, rider);
  await lockUsers(tx, [rider, ...(driver ? [driver] : []), ...(referral ? [referral.referrerUserId] : [])]);
  const common = { sourceId: payment.tripId, paymentId: payment.paymentId, createdAt: at };
  const rules = await rulesInForce(tx, ['TRIP_PAID_RIDER', 'TRIP_PAID_DRIVER', 'FIRST_RIDE', 'RIDE_STREAK'], at);

  for (const rule of rules('TRIP_PAID_RIDER')) {
    const delta = farePoints(rule, payment.amount.amountMinor);
    if (delta <= 0) continue;
    await postAward(tx, {
      ...common,
      userId: rider,
      delta,
      reason: 'TRIP_PAID',
      ruleId: rule.id,
      ruleKey: rule.key,
      cause: `fare:${rule.id}:${payment.paymentId}`,
      note: rule.description,
      board: { scope: 'RIDERS', at },
    });
    await badgeOf(tx, rule, rider, at);
  }
  if (driver) {
    // The fleet as known now: a driver whose first driver.status.changed is still on its way counts on no fleet board.
    const fleetId = await fleetOfDriver(tx, driver);
    for (const rule of rules('TRIP_PAID_DRIVER')) {
      if (rule.points <= 0) continue;
      await postAward(tx, {
        ...common,
        userId: driver,
        delta: rule.points,
        reason: 'TRIP_DRIVEN',
        ruleId: rule.id,
        ruleKey: rule.key,
        cause: `driven:${rule.id}:${payment.paymentId}`,
        fleetId,
        note: rule.description,
        board: { scope: 'DRIVERS', at },
      });
      await badgeOf(tx, rule, driver, at);
    }
  }

  // First ride and streaks count days with a paid ride. Not tied to the payment: a refund does not take them back.
  // A first ride is one with no paid ride on an earlier day (the demo seed records its riders' days too).
  // The referral is read again under the rider's lock: a sign-up handled between the first read and the lock (which
  // found no ride yet) would otherwise be missed by both; the event is retried, locking the referrer in order.
  // One statement records the ride day and reads, as they were before it: an earlier ride day, the referral, whether
  // refunds of this payment were handled before it, and the ride days around this one (for streaks).
  const [facts] = await tx.$queryRawUnsafe<{ earlier: boolean; referrer: string | null; refunded: boolean; days: string | null }[]>(
    `with recorded as (insert into ${S}.ride_days (user_id, day) values ($1::uuid, $2::date) on conflict do nothing)
     select exists (select 1 from ${S}.ride_days where user_id = $1::uuid and day < $2::date) as earlier,
            (select referrer_user_id::text from ${S}.referrals where user_id = $1::uuid) as referrer,
            exists (select 1 from ${S}.payment_refunds where payment_id = $3::uuid) as refunded,
            (select string_agg(to_char(day, 'YYYY-MM-DD'), ',' order by day) from ${S}.ride_days
              where user_id = $1::uuid and day between $2::date - 400 and $2::date + 400) as days`,
    rider,
    utcDay(at),
    payment.paymentId,
  );
  if ((facts?.referrer ?? null) !== (referral?.referrerUserId ?? null)) {
    throw new Error(`the referral of ${rider} was recorded while their payment was handled: retrying`);
  }
  const earlier = facts?.earlier === true;
  // The statement's snapshot predates its own insert: add this ride's day. (Text, not an array: the same on PGlite.)
  const knownDays = facts?.days ? facts.days.split(',').map((day) => Date.parse(`${day}T00:00:00.000Z`)) : [];
  const rideDays = [...new Set([...knownDays, utcDay(at).getTime()])].sort((a, b) => a - b);
  // A referred rider's first paid ride earns their referrer (once per referred user: the cause is keyed by them).
  if (referral && !earlier) await awardReferral(tx, rider, referral, at);
  const once = { sourceId: payment.tripId, createdAt: at };
  for (const rule of earlier ? [] : rules('FIRST_RIDE')) {
    // Keyed by the rule's key (not its version): a user has one first ride whatever later versions say.
    if (rule.points > 0) {
      await postAward(tx, {
        ...once,
        userId: rider,
        delta: rule.points,
        reason: 'FIRST_RIDE',
        ruleId: rule.id,
        ruleKey: rule.key,
        cause: `first-ride:${rule.key}:${rider}`,
        note: rule.description,
        board: { scope: 'RIDERS', at },
      });
    }
    await badgeOf(tx, rule, rider, at);
  }
  for (const rule of rules('RIDE_STREAK')) await applyStreak(tx, rule, rider, at, payment.tripId, rideDays);
  // Refunds handled before this payment (another replica took them first) take their share back now; the payment's
  // lock, held since the start, makes any refund that committed before it visible here.
  if (facts?.refunded) await applyRefundsOf(tx, payment.paymentId);
}

/**
 * A streak of N: paid rides on N consecutive UTC days. Awarded on the Nth day of a run and on every Nth day after it
 * (day 3, 6, 9… of a run of 3); each such day is a cause of its own, so redelivery awards it once. A day that arrives
 * late (reordered events) is counted with the run it completes.
 */
async function applyStreak(tx: GamificationTx, rule: EarningRule, userId: string, at: Date, tripId: string, times: readonly number[]): Promise<void> {
  const n = rule.streakDays ?? 0;
  if (n < 2) return;
  const DAY = 86_400_000;
  const today = utcDay(at).getTime();
  const index = times.indexOf(today);
  if (index < 0) return;
  let start = index;
  while (start > 0 && times[start - 1] === times[start]! - DAY) start -= 1;
  let end = index;
  while (end < times.length - 1 && times[end + 1] === times[end]! + DAY) end += 1;
  for (let i = start + n - 1; i <= end; i += n) {
    const day = new Date(times[i]!);
    const key = day.toISOString().slice(0, 10);
    if (rule.points > 0) {
      await postAward(tx, {
        userId,
        delta: rule.points,
        reason: 'RIDE_STREAK',
        sourceId: tripId,
        ruleId: rule.id,
        ruleKey: rule.key,
        cause: `streak:${rule.key}:${userId}:${key}`,
        note: rule.description,
        createdAt: at,
        board: { scope: 'RIDERS', at },
      });
    }
    await badgeOf(tx, rule, userId, at);
  }
}
