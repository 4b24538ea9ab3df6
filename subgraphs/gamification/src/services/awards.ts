// One movement of a user's points with everything that goes with it, in the caller's transaction: the ledger entry,
// the leaderboards, and the events (points.awarded, level.reached). The caller holds the user's lock (lockUsers).
import {
  addToLeaderboards,
  boardKey,
  emit,
  emitRows,
  insertBadge,
  insertEntry,
  totalsOf,
  type GamificationTx,
  type LeaderboardScope,
  type NewEntry,
} from '../store/ledger-store.js';
import { outboxEvent, type OutboxRow } from '../../../../platform/events/index.js';
import type { EarningRule } from '../store/rules-store.js';
import { loyaltyStanding } from './loyalty-level.js';
import { periodKeys } from './periods.js';

export interface Award extends NewEntry {
  /** The rule's key, for the event; null for staff adjustments. */
  ruleKey?: string | null;
  /**
   * The leaderboard the points count on (null: none, e.g. spending) and the instant whose periods they count in; with
   * `fleetId` (NewEntry) also that fleet's board.
   */
  board?: { scope: LeaderboardScope; at: Date } | null;
}

/**
 * The events of one written award, given the user's totals right after it: `points.awarded` for a gain, and
 * `level.reached` when that gain crossed a level. One place for both paths (postAward here, fare-batch.ts's batches).
 */
export function awardEvents(award: Award, entryId: string, after: { balance: number; lifetimeEarned: number }): OutboxRow[] {
  if (award.delta <= 0) return [];
  const occurredAt = award.createdAt.toISOString();
  const events: OutboxRow[] = [
    outboxEvent('points.awarded', {
      userId: award.userId,
      entryId,
      points: award.delta,
      reason: award.reason,
      ruleKey: award.ruleKey ?? null,
      reference: award.sourceId ?? null,
      balance: after.balance,
      occurredAt,
    }),
  ];
  const before = loyaltyStanding(after.lifetimeEarned - award.delta).level;
  const level = loyaltyStanding(after.lifetimeEarned).level;
  if (before !== level) events.push(outboxEvent('level.reached', { userId: award.userId, level, lifetimeEarned: after.lifetimeEarned, occurredAt }));
  return events;
}

/** @returns the new entry's id and the balance after it, or null when its cause had been written before. */
export async function postAward(tx: GamificationTx, award: Award): Promise<{ entryId: string; balance: number } | null> {
  const entryId = await insertEntry(tx, award);
  if (!entryId) return null;
  if (award.board) {
    const periods = periodKeys(award.board.at);
    await addToLeaderboards(tx, boardKey(award.board.scope), award.userId, award.delta, periods);
    if (award.fleetId) await addToLeaderboards(tx, boardKey(award.board.scope, award.fleetId), award.userId, award.delta, periods);
  }
  const totals = await totalsOf(tx, award.userId);
  await emitRows(tx, awardEvents(award, entryId, totals));
  return { entryId, balance: totals.balance };
}

/**
 * Gives the badge unless the user has it (for `occasion`: badges earned again per week carry the week); emits
 * badge.earned when it is new.
 */
export async function giveBadge(
  tx: GamificationTx,
  userId: string,
  badge: string,
  ruleId: string | null,
  reason: string,
  at: Date,
  occasion = '',
): Promise<void> {
  if (await insertBadge(tx, { userId, badge, ruleId, reason, awardedAt: at, occasion })) {
    await emit(tx, 'badge.earned', { userId, badge, reason, occurredAt: at.toISOString() });
  }
}

/** The rule's badge, if it has one, to the user (see giveBadge). */
export async function badgeOf(tx: GamificationTx, rule: EarningRule, userId: string, at: Date, occasion = ''): Promise<void> {
  if (rule.badge) await giveBadge(tx, userId, rule.badge, rule.id, rule.description, at, occasion);
}
