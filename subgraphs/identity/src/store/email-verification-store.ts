// The only code that reads and writes email verification tokens.
import type { Db } from './store.js';
import type { EmailVerificationToken } from './prisma/client.js';

export type EmailVerificationStore = ReturnType<typeof createEmailVerificationStore>;

export function createEmailVerificationStore(db: Db) {
  return {
    create(data: { userId: string; email: string; tokenHash: string; createdAt: Date; expiresAt: Date }): Promise<EmailVerificationToken> {
      return db.emailVerificationToken.create({ data });
    },

    /**
     * Marks an unused, unexpired token used and returns it — one conditional UPDATE, so a token works once even
     * when presented twice at the same moment. Null for an unknown, used or expired token.
     */
    async consume(tokenHash: string, now: Date): Promise<EmailVerificationToken | null> {
      const [row] = await db.emailVerificationToken.updateManyAndReturn({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      return row ?? null;
    },
  };
}
