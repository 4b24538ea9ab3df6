// Operations add or remove a user's points with a reason; the entry records who did it. Removing more than the
// balance is refused (checked under the user's lock, so a concurrent redemption cannot slip between).
import { auditEvent } from '../../../../platform/audit/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { AdjustPointsInput } from '../generated/resolvers-types.js';
import type { GamificationPrisma } from '../store/database.js';
import { lockUsers, totalsOf } from '../store/ledger-store.js';
import type { PointsEntry } from '../store/prisma/client.js';
import { postAward } from './awards.js';
import { idempotencyKeyProblem, MAX_POINTS, textProblem, userError, type LoyaltyUserError } from './user-errors.js';

export interface AdjustPayload {
  entry: PointsEntry | null;
  userErrors: LoyaltyUserError[];
}

export function createAdjustmentsService(prisma: GamificationPrisma, wakeRelay: () => void) {
  return {
    async adjust(viewer: Viewer, input: AdjustPointsInput): Promise<AdjustPayload> {
      const problem =
        (!isUuid(input.userId) ? userError('INVALID_POINTS', 'userId is not a user id', ['input', 'userId']) : null) ??
        (!Number.isInteger(input.points) || input.points === 0 || Math.abs(input.points) > MAX_POINTS
          ? userError('INVALID_POINTS', `points must be a whole number from -${MAX_POINTS} to ${MAX_POINTS}, not 0`, ['input', 'points'])
          : null) ??
        textProblem(input.reason, 500, 'INVALID_REASON', ['input', 'reason']) ??
        idempotencyKeyProblem(input.idempotencyKey, ['input', 'idempotencyKey']);
      if (problem) return { entry: null, userErrors: [problem] };
      // Keyed by the staff member: two people's keys never collide.
      const cause = `adjust:${viewer.userId}:${input.idempotencyKey}`;
      const result = await prisma.$transaction(async (tx) => {
        await lockUsers(tx, [input.userId]);
        const earlier = await tx.pointsEntry.findUnique({ where: { cause } });
        if (earlier) return { entry: earlier, userErrors: [] };
        const { balance } = await totalsOf(tx, input.userId);
        if (input.points < 0 && balance + input.points < 0) {
          return { entry: null, userErrors: [userError('INSUFFICIENT_POINTS', 'the user does not have that many points to remove', ['input', 'points'])] };
        }
        const posted = await postAward(tx, {
          userId: input.userId,
          delta: input.points,
          reason: 'ADJUSTMENT',
          cause,
          note: input.reason.trim(),
          actorUserId: viewer.userId,
          createdAt: new Date(),
        });
        await tx.outboxEvent.create({
          data: auditEvent('gamification', viewer, {
            action: 'points.adjust',
            target: { type: 'User', id: input.userId },
            before: { balance },
            after: { balance: balance + input.points, entryId: posted!.entryId },
            reason: input.reason.trim(),
          }) as never,
        });
        return { entry: await tx.pointsEntry.findUniqueOrThrow({ where: { id: posted!.entryId } }), userErrors: [] };
      });
      if (result.entry) wakeRelay();
      return result;
    },
  };
}
