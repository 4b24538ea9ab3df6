// Earning rules applied to durable events (consumer group "gamification", each event through handleOnce, so a
// redelivered event awards nothing twice; every entry also carries a unique cause, so even a replay under another
// event id cannot). Rules are looked up by the event's `occurredAt`: a rule change applies to events from then on
// and never rewrites entries already written.
import type { AnyEventEnvelope, DomainEvents } from '../../../../platform/events/index.js';
import { fleetOfDriver, lockUsers, totalsOf, type GamificationTx } from '../store/ledger-store.js';
import { rulesInForce, type EarningRule } from '../store/rules-store.js';
import { giveBadge, postAward } from './awards.js';
import { utcDay } from './periods.js';

export const EARNING_GROUP = 'gamification';
export const EARNING_TYPES = ['payment.succeeded', 'payment.refunded', 'trip.rated'] as const;
const S = '"gamification"';

export async function applyEarningEvent(tx: GamificationTx, event: AnyEventEnvelope): Promise<void> {
  if (event.type === 'payment.succeeded') await onPaymentSucceeded(tx, event.payload);
  else if (event.type === 'payment.refunded') await onPaymentRefunded(tx, event.payload);
  else if (event.type === 'trip.rated') await onTripRated(tx, event.payload);
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
  await lockUsers(tx, driver ? [rider, driver] : [rider]);
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
  const earlier = await tx.$queryRawUnsafe<unknown[]>(`select 1 from ${S}.ride_days where user_id = $1::uuid and day < $2::date limit 1`, rider, utcDay(at));
  await tx.$executeRawUnsafe(`insert into ${S}.ride_days (user_id, day) values ($1::uuid, $2::date) on conflict do nothing`, rider, utcDay(at));
  const once = { sourceId: payment.tripId, createdAt: at };
  for (const rule of earlier.length ? [] : rules('FIRST_RIDE')) {
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
  for (const rule of rules('RIDE_STREAK')) await applyStreak(tx, rule, rider, at, payment.tripId);
}

/**
 * A streak of N: paid rides on N consecutive UTC days. Awarded on the Nth day of a run and on every Nth day after it
 * (day 3, 6, 9… of a run of 3); each such day is a cause of its own, so redelivery awards it once. A day that arrives
 * late (reordered events) is counted with the run it completes.
 */
async function applyStreak(tx: GamificationTx, rule: EarningRule, userId: string, at: Date, tripId: string): Promise<void> {
  const n = rule.streakDays ?? 0;
  if (n < 2) return;
  const days = await tx.$queryRawUnsafe<{ day: Date }[]>(
    `select day from ${S}.ride_days where user_id = $1::uuid and day between $2::date - 400 and $2::date + 400 order by day`,
    userId,
    utcDay(at),
  );
  const DAY = 86_400_000;
  const today = utcDay(at).getTime();
  const times = days.map((row) => new Date(row.day).getTime());
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

async function onTripRated(tx: GamificationTx, rated: DomainEvents['trip.rated']): Promise<void> {
  // Ratings riders give. A driver's rating carries the driver profile id, not a user id, so drivers are not awarded.
  if (rated.by !== 'RIDER') return;
  const at = new Date(rated.occurredAt);
  await lockUsers(tx, [rated.riderUserId]);
  for (const rule of (await rulesInForce(tx, ['RATING_GIVEN'], at))('RATING_GIVEN')) {
    if (rule.points > 0) {
      await postAward(tx, {
        userId: rated.riderUserId,
        delta: rule.points,
        reason: 'TRIP_RATED',
        sourceId: rated.tripId,
        ruleId: rule.id,
        ruleKey: rule.key,
        cause: `rated:${rule.id}:${rated.tripId}:RIDER`,
        note: rule.description,
        createdAt: at,
        board: { scope: 'RIDERS', at },
      });
    }
    await badgeOf(tx, rule, rated.riderUserId, at);
  }
}

/**
 * A refund takes back the points earned for the payment (fare and driven trip) in proportion to the refunded total
 * (`refundedTotal / paid`), minus what earlier refunds took back — so refunds handled in any order take back the same
 * total. Never more than the user's balance: spent points are not clawed into a negative balance.
 */
async function onPaymentRefunded(tx: GamificationTx, refund: DomainEvents['payment.refunded']): Promise<void> {
  const earned = await tx.pointsEntry.findMany({
    where: { paymentId: refund.paymentId, reason: { in: ['TRIP_PAID', 'TRIP_DRIVEN'] }, delta: { gt: 0 } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  if (earned.length === 0 || refund.paid.amountMinor <= 0) return;
  await lockUsers(
    tx,
    earned.map((entry) => entry.userId),
  );
  const at = new Date(refund.occurredAt);
  const share = Math.min(refund.refundedTotal.amountMinor, refund.paid.amountMinor) / refund.paid.amountMinor;
  for (const entry of earned) {
    const target = Math.floor(entry.delta * share);
    const taken = await tx.pointsEntry.aggregate({ where: { reversesEntryId: entry.id }, _sum: { delta: true } });
    const already = -(taken._sum.delta ?? 0);
    const { balance } = await totalsOf(tx, entry.userId);
    const take = Math.min(target - already, Math.max(balance, 0));
    if (take <= 0) continue;
    await postAward(tx, {
      userId: entry.userId,
      delta: -take,
      reason: 'REFUND',
      sourceId: entry.sourceId,
      paymentId: refund.paymentId,
      reversesEntryId: entry.id,
      fleetId: entry.fleetId,
      cause: `refund:${refund.refundId}:${entry.id}`,
      note: `refund of ${refund.amount.amountMinor} ${refund.amount.currency}`,
      createdAt: at,
      // Counted against the periods the points were earned in.
      board: { scope: entry.reason === 'TRIP_DRIVEN' ? 'DRIVERS' : 'RIDERS', at: entry.createdAt },
    });
  }
}

async function badgeOf(tx: GamificationTx, rule: EarningRule, userId: string, at: Date): Promise<void> {
  if (rule.badge) await giveBadge(tx, userId, rule.badge, rule.id, rule.description, at);
}
