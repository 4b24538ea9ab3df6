// Referrals: a user who signed up with someone's referral code (identity's user.registered names the referrer) and
// completes a first paid ride earns the referrer the REFERRAL rule's points, once per referred user. The sign-up
// and the ride may be handled in either order: whichever comes second awards (both run under the referred user's
// lock, so they cannot both miss the other).
import type { DomainEvents } from '../../../../platform/events/index.js';
import { hasRidden, recordReferral } from '../store/earning-facts-store.js';
import { lockUsers, type GamificationTx } from '../store/ledger-store.js';
import { rulesInForce } from '../store/rules-store.js';
import { badgeOf, postAward } from './awards.js';

export interface ReferralFact {
  referrerUserId: string;
  /** When the referred user signed up: the REFERRAL rule version in force then applies. */
  registeredAt: Date;
}

export async function onUserRegistered(tx: GamificationTx, user: DomainEvents['user.registered']): Promise<void> {
  const referrerUserId = user.referrerUserId;
  // Events from before identity named the referrer carry only the code, which gamification cannot map to a user.
  if (!referrerUserId || referrerUserId === user.userId) return;
  await lockUsers(tx, [user.userId, referrerUserId]);
  const referral = { referrerUserId, registeredAt: new Date(user.occurredAt) };
  await recordReferral(tx, user.userId, referrerUserId, referral.registeredAt);
  // A ride handled before the sign-up found no referral: award now.
  if (await hasRidden(tx, user.userId)) await awardReferral(tx, user.userId, referral, referral.registeredAt);
}

/**
 * The referrer's award for `referredUserId`'s first paid ride, by the REFERRAL versions in force at the sign-up. The
 * cause is keyed by rule key and referred user, so later rides and replays write nothing more. Referral points move
 * no leaderboard (they are earned neither riding nor driving). The caller holds both users' locks.
 */
export async function awardReferral(tx: GamificationTx, referredUserId: string, referral: ReferralFact, at: Date): Promise<void> {
  for (const rule of (await rulesInForce(tx, ['REFERRAL'], referral.registeredAt))('REFERRAL')) {
    if (rule.points > 0) {
      await postAward(tx, {
        userId: referral.referrerUserId,
        delta: rule.points,
        reason: 'REFERRAL',
        sourceId: referredUserId,
        ruleId: rule.id,
        ruleKey: rule.key,
        cause: `referral:${rule.key}:${referredUserId}`,
        note: rule.description,
        createdAt: at,
        board: null,
      });
    }
    await badgeOf(tx, rule, referral.referrerUserId, at);
  }
}
