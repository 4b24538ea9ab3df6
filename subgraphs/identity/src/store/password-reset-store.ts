// The only code that reads and writes password reset tokens.
import type { Db } from './store.js';
import type { PasswordResetToken } from './prisma/client.js';

export type PasswordResetStore = ReturnType<typeof createPasswordResetStore>;

export function createPasswordResetStore(db: Db) {
  return {
    create(data: { userId: string; tokenHash: string; createdAt: Date; expiresAt: Date }): Promise<PasswordResetToken> {
      return db.passwordResetToken.create({ data });
    },

    /**
     * Marks an unused, unexpired token used and returns it — one conditional UPDATE, so a token works once even
     * when presented twice at the same moment. Null for an unknown, used or expired token.
     */
    async consume(tokenHash: string, now: Date): Promise<PasswordResetToken | null> {
      const [row] = await db.passwordResetToken.updateManyAndReturn({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      return row ?? null;
    },

    /** Every other outstanding token of the user stops working (after a successful reset). */
    invalidateAllForUser(userId: string, now: Date): Promise<unknown> {
      return db.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    },
  };
}
