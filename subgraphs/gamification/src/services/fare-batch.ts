// Paid fares awarded in batches: one transaction with one statement per step instead of one per award (the
// consumer's hot path; LOYALTY.md "Batches"). The one-at-a-time path (earning.ts, the batch's fallback) is a batch of
// one, so both award by this code.
// Same locks in the same order (every payment of the batch in id order, then every user — riders, drivers,
// referrers — in id order), then the facts read under them; the awards are worked out in memory, event after event,
// as separate transactions one after another would write them. The rare parts (a
// referrer's award, refunds handled before their payment) go through the one-at-a-time functions at the end, in the
// same transaction.
import type { DomainEvents } from '../../../../platform/events/index.js';
import { outboxEvent } from '../../../../platform/events/index.js';
import {
  addToLeaderboardsAtOnce,
  fleetsOfDrivers,
  insertBadges,
  insertEntries,
  lockPaymentsReadingReferrals,
  lockUsersAtOnce,
  recordRideDaysReadingFacts,
  totalsOfUsers,
  type NewBadge,
} from '../store/fare-batch-store.js';
import { boardKey, emitRows, type GamificationTx } from '../store/ledger-store.js';
import type { EarningRule, RuleTrigger } from '../store/rules-store.js';
import { awardEvents, type Award } from './awards.js';
import { periodKeys, utcDay } from './periods.js';
import { awardReferral } from './referrals.js';
import { applyRefundsOf } from './refunds.js';

/** Points for what was spent on a fare: `points` per whole `perAmountMinor` (currency is not converted). */
export function farePoints(rule: Pick<EarningRule, 'points' | 'perAmountMinor'>, amountMinor: number): number {
  const per = rule.perAmountMinor ?? 0;
  return per > 0 ? Math.floor(amountMinor / per) * rule.points : 0;
}

export type PaidFare = DomainEvents['payment.succeeded'] & { tripId: string };

/** Whether a payment earns points (a trip's fare): the payments the batch awards; others earn nothing. */
export const isPaidFare = (payment: DomainEvents['payment.succeeded']): payment is PaidFare => payment.purpose === 'TRIP_FARE' && !!payment.tripId;

const TRIGGERS: RuleTrigger[] = ['TRIP_PAID_RIDER', 'TRIP_PAID_DRIVER', 'FIRST_RIDE', 'RIDE_STREAK'];
const DAY = 86_400_000;
const dayKey = (time: number) => new Date(time).toISOString().slice(0, 10);
const dayTime = (key: string) => Date.parse(`${key}T00:00:00.000Z`);

/** Awards the fares (each payment once: a payment twice in the batch counts as one) in the caller's transaction. */
export async function awardFareBatch(tx: GamificationTx, fares: readonly PaidFare[]): Promise<void> {
  const payments = [...new Map(fares.map((fare) => [fare.paymentId, fare])).values()];
  if (payments.length === 0) return;
  const paymentIds = payments.map((p) => p.paymentId);
  const riders = [...new Set(payments.map((p) => p.payerUserId))];
  const drivers = [...new Set(payments.flatMap((p) => (p.driverUserId ? [p.driverUserId] : [])))];

  const referrals = await lockPaymentsReadingReferrals(tx, paymentIds, riders);
  await lockUsersAtOnce(tx, [...riders, ...drivers, ...[...referrals.values()].map((r) => r.referrerUserId)]);
  const fleets = await fleetsOfDrivers(tx, drivers);
  const rulesAt = await rulesForBatch(
    tx,
    payments.map((p) => new Date(p.occurredAt)),
  );
  const facts = await recordRideDaysReadingFacts(
    tx,
    payments.map((p) => ({ userId: p.payerUserId, day: dayKey(utcDay(new Date(p.occurredAt)).getTime()) })),
    paymentIds,
  );
  for (const rider of riders) {
    if ((facts.riders.get(rider)?.referrerUserId ?? null) !== (referrals.get(rider)?.referrerUserId ?? null)) {
      throw new Error(`the referral of ${rider} was recorded while their payment was handled: retrying`);
    }
  }

  // The awards in the order the one-at-a-time path writes them; the ride days of earlier fares in the batch count as
  // recorded before the later ones (as they would be, one transaction after another).
  const awards: Award[] = [];
  const badges: NewBadge[] = [];
  const after: ((tx: GamificationTx) => Promise<void>)[] = [];
  const daysSeen = new Map<string, number[]>();
  const badgeOf = (rule: EarningRule, userId: string, at: Date) => {
    if (rule.badge) badges.push({ userId, badge: rule.badge, ruleId: rule.id, reason: rule.description, awardedAt: at });
  };
  for (const payment of payments) {
    const at = new Date(payment.occurredAt);
    const rules = rulesAt(at);
    const rider = payment.payerUserId;
    const driver = payment.driverUserId;
    const common = { sourceId: payment.tripId, paymentId: payment.paymentId, createdAt: at };
    for (const rule of rules('TRIP_PAID_RIDER')) {
      const delta = farePoints(rule, payment.amount.amountMinor);
      if (delta <= 0) continue;
      awards.push({
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
      badgeOf(rule, rider, at);
    }
    if (driver) {
      for (const rule of rules('TRIP_PAID_DRIVER')) {
        if (rule.points <= 0) continue;
        awards.push({
          ...common,
          userId: driver,
          delta: rule.points,
          reason: 'TRIP_DRIVEN',
          ruleId: rule.id,
          ruleKey: rule.key,
          cause: `driven:${rule.id}:${payment.paymentId}`,
          fleetId: fleets.get(driver) ?? null,
          note: rule.description,
          board: { scope: 'DRIVERS', at },
        });
        badgeOf(rule, driver, at);
      }
    }

    const today = utcDay(at).getTime();
    const known = facts.riders.get(rider);
    const seen = daysSeen.get(rider) ?? [];
    daysSeen.set(rider, [...seen, today]);
    const earlier = (known?.firstDay != null && dayTime(known.firstDay) < today) || seen.some((day) => day < today);
    // The days the one-at-a-time path would read: 400 days either side of this one.
    const rideDays = [...new Set([...(known?.days ?? []).map(dayTime), ...seen, today])]
      .filter((day) => Math.abs(day - today) <= 400 * DAY)
      .sort((a, b) => a - b);
    const referral = referrals.get(rider);
    if (referral && !earlier) after.push((t) => awardReferral(t, rider, referral, at));
    for (const rule of earlier ? [] : rules('FIRST_RIDE')) {
      if (rule.points > 0) {
        awards.push({
          sourceId: payment.tripId,
          createdAt: at,
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
      badgeOf(rule, rider, at);
    }
    for (const rule of rules('RIDE_STREAK')) {
      for (const day of streakDays(rule, today, rideDays)) {
        if (rule.points > 0) {
          awards.push({
            userId: rider,
            delta: rule.points,
            reason: 'RIDE_STREAK',
            sourceId: payment.tripId,
            ruleId: rule.id,
            ruleKey: rule.key,
            cause: `streak:${rule.key}:${rider}:${dayKey(day)}`,
            note: rule.description,
            createdAt: at,
            board: { scope: 'RIDERS', at },
          });
        }
        badgeOf(rule, rider, at);
      }
    }
    if (facts.refunded.has(payment.paymentId)) after.push((t) => applyRefundsOf(t, payment.paymentId));
  }

  await writeAwards(tx, awards, badges);
  for (const step of after) await step(tx);
}

/** Every version of the triggers that may be in force at one of the instants; `(at) => rules` as rulesInForce's. */
async function rulesForBatch(tx: GamificationTx, instants: readonly Date[]) {
  const times = instants.map((at) => at.getTime());
  const [first, last] = [new Date(Math.min(...times)), new Date(Math.max(...times))];
  const rules = await tx.earningRule.findMany({
    where: { trigger: { in: TRIGGERS }, effectiveFrom: { lte: last }, OR: [{ retiredAt: null }, { retiredAt: { gt: first } }] },
    orderBy: [{ key: 'asc' }],
  });
  return (at: Date) => {
    const inForce = rules.filter((rule) => rule.effectiveFrom <= at && (rule.retiredAt === null || rule.retiredAt > at));
    return (trigger: RuleTrigger) => inForce.filter((rule) => rule.trigger === trigger);
  };
}

/**
 * The days a streak rule of N awards for a ride on `today`: paid rides on N consecutive UTC days, awarded on the Nth
 * day of a run and every Nth day after it (day 3, 6, 9… of a run of 3), each a cause of its own; a day that arrives
 * late (reordered events) counts with the run it completes.
 */
function streakDays(rule: EarningRule, today: number, times: readonly number[]): number[] {
  const n = rule.streakDays ?? 0;
  if (n < 2) return [];
  const index = times.indexOf(today);
  if (index < 0) return [];
  let start = index;
  while (start > 0 && times[start - 1] === times[start]! - DAY) start -= 1;
  let end = index;
  while (end < times.length - 1 && times[end + 1] === times[end]! + DAY) end += 1;
  const days: number[] = [];
  for (let i = start + n - 1; i <= end; i += n) days.push(times[i]!);
  return days;
}

/**
 * postAward and giveBadge for all of them at once: the entries (causes written before write nothing), the boards'
 * scores summed per row, the users' totals once, and the events (points.awarded with the balance after each entry,
 * level.reached, badge.earned) in one insert. Every award here is positive.
 */
async function writeAwards(tx: GamificationTx, all: readonly Award[], allBadges: readonly NewBadge[]): Promise<void> {
  const awards = [...new Map(all.map((award) => [award.cause, award])).values()];
  const badges = [...new Map(allBadges.map((badge) => [`${badge.userId}|${badge.badge}`, badge])).values()];
  const ids = await insertEntries(tx, awards);
  const written = awards.filter((award) => ids.has(award.cause));

  const scores = new Map<string, { board: string; period: string; userId: string; delta: number }>();
  for (const award of written) {
    if (!award.board) continue;
    const boards = [boardKey(award.board.scope), ...(award.fleetId ? [boardKey(award.board.scope, award.fleetId)] : [])];
    for (const board of boards) {
      for (const period of periodKeys(award.board.at)) {
        const key = `${board}|${period}|${award.userId}`;
        const row = scores.get(key) ?? { board, period, userId: award.userId, delta: 0 };
        row.delta += award.delta;
        scores.set(key, row);
      }
    }
  }
  await addToLeaderboardsAtOnce(tx, [...scores.values()]);

  // Totals after the whole batch; walking the user's entries backwards gives the totals after each one.
  const totals = await totalsOfUsers(
    tx,
    written.map((award) => award.userId),
  );
  const events: ReturnType<typeof outboxEvent>[] = [];
  const running = new Map([...totals].map(([userId, t]) => [userId, { ...t }]));
  const afterEach = new Map<Award, { balance: number; lifetimeEarned: number }>();
  for (const award of [...written].reverse()) {
    const t = running.get(award.userId) ?? { balance: 0, lifetimeEarned: 0 };
    afterEach.set(award, { ...t });
    running.set(award.userId, { balance: t.balance - award.delta, lifetimeEarned: t.lifetimeEarned - award.delta });
  }
  for (const award of written) events.push(...awardEvents(award, ids.get(award.cause)!, afterEach.get(award)!));
  const newBadges = await insertBadges(tx, badges);
  for (const badge of badges) {
    if (newBadges.has(`${badge.userId}|${badge.badge}`)) {
      events.push(outboxEvent('badge.earned', { userId: badge.userId, badge: badge.badge, reason: badge.reason, occurredAt: badge.awardedAt.toISOString() }));
    }
  }
  await emitRows(tx, events);
}
