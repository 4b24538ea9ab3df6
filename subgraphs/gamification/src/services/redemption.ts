// Buying a coupon with points, atomically, in one transaction:
//   1. the buyer's lock (lockUsers): their balance check, limit check and spending cannot interleave with another
//      of their own purchases or awards;
//   2. a conditional stock update (`stock = stock - 1 where stock > 0`): the row lock serializes buyers of one coupon
//      and re-checks the condition after waiting, so stock is never oversold;
//   3. the redemption (unique code) and the REDEMPTION ledger entry, and the events, in the same commit.
// Any refusal returns before the stock update; anything failing after it rolls back all of it.
import { randomBytes } from 'node:crypto';
import type { Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { GamificationPrisma } from '../store/database.js';
import { emit, lockUsers, totalsOf, type GamificationTx } from '../store/ledger-store.js';
import type { CouponRedemption } from '../store/prisma/client.js';
import { postAward } from './awards.js';
import { idempotencyKeyProblem, userError, type LoyaltyUserError } from './user-errors.js';

export interface RedeemResult {
  redemption: CouponRedemption | null;
  userErrors: LoyaltyUserError[];
}

// Crockford-like alphabet without look-alikes (0/O, 1/I/L): codes are read out loud and typed.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** "RG-XXXX-XXXX-XXXX": 12 random characters (about 59 bits); the unique index refuses the unlikely repeat. */
export function newCouponCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `RG-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export function createRedemptionService(prisma: GamificationPrisma, wakeRelay: () => void) {
  return {
    async redeem(viewer: Viewer, couponId: string, idempotencyKey: string): Promise<RedeemResult> {
      const keyProblem = idempotencyKeyProblem(idempotencyKey);
      if (keyProblem) return { redemption: null, userErrors: [keyProblem] };
      if (!isUuid(couponId)) return { redemption: null, userErrors: [userError('COUPON_NOT_FOUND', 'no such coupon', ['couponId'])] };
      const userId = viewer.userId;
      const result = await prisma.$transaction((tx) => redeemIn(tx, userId, couponId, idempotencyKey));
      if (result.fresh) wakeRelay();
      return { redemption: result.redemption, userErrors: result.userErrors };
    },
  };
}

async function redeemIn(tx: GamificationTx, userId: string, couponId: string, idempotencyKey: string): Promise<RedeemResult & { fresh: boolean }> {
  const refuse = (error: LoyaltyUserError) => ({ redemption: null, userErrors: [error], fresh: false });
  await lockUsers(tx, [userId]);
  const earlier = await tx.couponRedemption.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } } });
  if (earlier) {
    if (earlier.couponId !== couponId) throw new AppError('CONFLICT', 'this idempotencyKey was used to buy another coupon');
    return { redemption: earlier, userErrors: [], fresh: false };
  }
  const coupon = await tx.coupon.findUnique({ where: { id: couponId } });
  if (!coupon) return refuse(userError('COUPON_NOT_FOUND', 'no such coupon', ['couponId']));
  const now = new Date();
  if (now < coupon.validFrom || now >= coupon.validUntil) return refuse(userError('COUPON_NOT_AVAILABLE', 'this coupon cannot be bought now', ['couponId']));
  const bought = await tx.couponRedemption.count({ where: { userId, couponId } });
  if (bought >= coupon.perUserLimit) return refuse(userError('LIMIT_REACHED', `at most ${coupon.perUserLimit} per user`, ['couponId']));
  const { balance } = await totalsOf(tx, userId);
  if (balance < coupon.pointsPrice) return refuse(userError('INSUFFICIENT_POINTS', `it costs ${coupon.pointsPrice} points; you have ${balance}`, ['couponId']));
  // The price is the one read here; the update below holds the row, so a concurrent price change waits for us.
  const taken = await tx.$executeRawUnsafe(`update "gamification".coupons set stock = stock - 1 where id = $1::uuid and stock > 0`, couponId);
  if (taken === 0) return refuse(userError('SOLD_OUT', 'no stock left', ['couponId']));

  const redemption = await tx.couponRedemption.create({
    data: { couponId, userId, code: newCouponCode(), pointsSpent: coupon.pointsPrice, idempotencyKey, createdAt: now },
  });
  const spent = await postAward(tx, {
    userId,
    delta: -coupon.pointsPrice,
    reason: 'REDEMPTION',
    sourceId: redemption.id,
    cause: `redeem:${redemption.id}`,
    note: coupon.title,
    createdAt: now,
  });
  const occurredAt = now.toISOString();
  await emit(tx, 'points.redeemed', {
    userId,
    entryId: spent!.entryId,
    points: coupon.pointsPrice,
    redemptionId: redemption.id,
    balance: spent!.balance,
    occurredAt,
  });
  await emit(tx, 'coupon.redeemed', {
    userId,
    redemptionId: redemption.id,
    couponId,
    title: coupon.title,
    code: redemption.code,
    pointsSpent: coupon.pointsPrice,
    occurredAt,
  });
  return { redemption, userErrors: [], fresh: true };
}
