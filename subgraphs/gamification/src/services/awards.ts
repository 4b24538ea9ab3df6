// One movement of a user's points with everything that goes with it, in the caller's transaction: the ledger entry,
// the leaderboards, and the events (points.awarded, level.reached). The caller holds the user's lock (lockUsers).
import {
  addToLeaderboards,
  boardKey,
  emit,
  insertBadge,
  insertEntry,
  totalsOf,
  type GamificationTx,
  type LeaderboardScope,
  type NewEntry,
} from '../store/ledger-store.js';
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
  const occurredAt = award.createdAt.toISOString();
  if (award.delta > 0) {
    await emit(tx, 'points.awarded', {
      userId: award.userId,
      entryId,
      points: award.delta,
      reason: award.reason,
      ruleKey: award.ruleKey ?? null,
      reference: award.sourceId ?? null,
      balance: totals.balance,
      occurredAt,
    });
    const before = loyaltyStanding(totals.lifetimeEarned - award.delta).level;
    const after = loyaltyStanding(totals.lifetimeEarned).level;
    if (before !== after) await emit(tx, 'level.reached', { userId: award.userId, level: after, lifetimeEarned: totals.lifetimeEarned, occurredAt });
  }
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
