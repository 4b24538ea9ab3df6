// Deletes identity's rows that no rule needs any more (the clean-up job, services/cleanup.ts). Each statement
// deletes at most `batch` rows, skipping rows another replica's clean-up holds, so two replicas never wait on each
// other and a delete that finds the row gone is harmless.
import type { Db } from './store.js';

export type CleanupStore = ReturnType<typeof createCleanupStore>;

export function createCleanupStore(db: Db) {
  return {
    /** Codes past their expiry: no answer to them can succeed any more. */
    expiredOtpChallenges: (now: Date, batch: number): Promise<number> =>
      db.$executeRaw`DELETE FROM "identity"."otp_challenges" WHERE id IN (
        SELECT id FROM "identity"."otp_challenges" WHERE expires_at < ${now} LIMIT ${batch} FOR UPDATE SKIP LOCKED)`,

    /** Reset links past their expiry, used or not. */
    expiredPasswordResets: (now: Date, batch: number): Promise<number> =>
      db.$executeRaw`DELETE FROM "identity"."password_reset_tokens" WHERE id IN (
        SELECT id FROM "identity"."password_reset_tokens" WHERE expires_at < ${now} LIMIT ${batch} FOR UPDATE SKIP LOCKED)`,

    /** Email verification links past their expiry, used or not. */
    expiredEmailVerifications: (now: Date, batch: number): Promise<number> =>
      db.$executeRaw`DELETE FROM "identity"."email_verification_tokens" WHERE id IN (
        SELECT id FROM "identity"."email_verification_tokens" WHERE expires_at < ${now} LIMIT ${batch} FOR UPDATE SKIP LOCKED)`,

    /** Sessions that ended or expired before `before`, with their refresh tokens (ON DELETE CASCADE). */
    endedSessions: (before: Date, batch: number): Promise<number> =>
      db.$executeRaw`DELETE FROM "identity"."sessions" WHERE id IN (
        SELECT id FROM "identity"."sessions" WHERE revoked_at < ${before} OR expires_at < ${before} LIMIT ${batch} FOR UPDATE SKIP LOCKED)`,

    /**
     * Rotated refresh tokens of live sessions, used before `before`. Kept until then so that presenting one again is
     * recognised as reuse (which ends the session); after it, such a token is merely unknown (refused all the same).
     */
    usedRefreshTokens: (before: Date, batch: number): Promise<number> =>
      db.$executeRaw`DELETE FROM "identity"."refresh_tokens" WHERE id IN (
        SELECT id FROM "identity"."refresh_tokens" WHERE used_at < ${before} LIMIT ${batch} FOR UPDATE SKIP LOCKED)`,
  };
}
