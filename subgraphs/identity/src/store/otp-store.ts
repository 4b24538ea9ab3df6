// The only code that reads and writes one-time code challenges.
import type { Db } from './store.js';
import type { OtpChallenge } from './prisma/client.js';

export type OtpStore = ReturnType<typeof createOtpStore>;

export interface IssueChallenge {
  phone: string;
  codeHash: string;
  now: Date;
  expiresAt: Date;
  /** No new challenge while the phone's newest one is younger than this. */
  cooldownMs: number;
  /** Runs after the cooldown check, before the insert, inside the transaction; throwing cancels the issue. */
  beforeInsert?: () => Promise<void>;
}

export function createOtpStore(db: Db) {
  return {
    /**
     * Creates a challenge unless the phone is cooling down. Run it in a transaction: a per-phone advisory lock
     * makes concurrent requests for one phone take turns, so two of them cannot both pass the cooldown check.
     */
    async issue(input: IssueChallenge): Promise<{ issued: true; challenge: OtpChallenge } | { issued: false; resendAvailableAt: Date }> {
      await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`identity:otp:${input.phone}`}, 0))::text AS locked`;
      const latest = await db.otpChallenge.findFirst({ where: { phone: input.phone }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
      if (latest) {
        const resendAvailableAt = new Date(latest.createdAt.getTime() + input.cooldownMs);
        if (resendAvailableAt > input.now) return { issued: false, resendAvailableAt };
      }
      await input.beforeInsert?.();
      const challenge = await db.otpChallenge.create({
        data: { phone: input.phone, codeHash: input.codeHash, createdAt: input.now, expiresAt: input.expiresAt },
      });
      return { issued: true, challenge };
    },

    delete(id: string): Promise<unknown> {
      return db.otpChallenge.deleteMany({ where: { id } });
    },

    /** The phone's newest challenge: the only one that can be answered. */
    latest(phone: string): Promise<OtpChallenge | null> {
      return db.otpChallenge.findFirst({ where: { phone }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    },

    /**
     * Counts one attempt against a live challenge, atomically: a single conditional UPDATE, so concurrent
     * guesses cannot together exceed `maxAttempts` (each waits for the row lock, then re-checks the condition).
     * @returns the challenge after counting, or null when it is consumed, expired or out of attempts — then the
     *   guess is not even compared.
     */
    async countAttempt(id: string, now: Date, maxAttempts: number): Promise<OtpChallenge | null> {
      const [row] = await db.otpChallenge.updateManyAndReturn({
        where: { id, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: maxAttempts } },
        data: { attempts: { increment: 1 } },
      });
      return row ?? null;
    },

    /** @returns false when another request consumed it first. */
    async consume(id: string, now: Date): Promise<boolean> {
      const { count } = await db.otpChallenge.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: now } });
      return count === 1;
    },
  };
}
