// Proving an account's email: `register` sends a single-use link, `verifyEmail` takes its token. (A password reset
// proves the email too; the rules: ../../README.md, "Credentials and account ownership".)
import type { Logger } from '../../../../platform/logging/index.js';
import type { EmailProvider } from '../../../../platform/providers/index.js';
import type { Clock } from '../clock.js';
import type { VerifyEmailPayload } from '../generated/resolvers-types.js';
import type { IdentityStore } from '../store/store.js';
import { newOpaqueToken, sha256Hex } from './secrets.js';
import { userError } from './user-errors.js';

export const EMAIL_VERIFICATION_TTL_MS = 24 * 3600_000;

export interface EmailVerificationServiceDeps {
  store: IdentityStore;
  email: EmailProvider;
  clock: Clock;
  /** Where the email sends people; `?token=` is appended. */
  emailVerificationUrl: string;
  logger: Logger;
}

export type EmailVerificationService = ReturnType<typeof createEmailVerificationService>;

export function createEmailVerificationService(deps: EmailVerificationServiceDeps) {
  const { store, clock } = deps;

  return {
    /**
     * Sends a new account's email a link (32 random bytes, stored as SHA-256, 24 hours). Best effort: a failed
     * send is logged, and the account can still prove the email later with a password reset.
     */
    async send(user: { id: string; email: string }): Promise<void> {
      const token = newOpaqueToken();
      const now = clock.now();
      await store.emailVerifications.create({
        userId: user.id,
        email: user.email,
        tokenHash: sha256Hex(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS),
      });
      const link = `${deps.emailVerificationUrl}${deps.emailVerificationUrl.includes('?') ? '&' : '?'}token=${token}`;
      try {
        await deps.email.send({
          to: user.email,
          subject: 'Confirm your Ridegraph email',
          text: `Someone created a Ridegraph account with this email. If it was you, open ${link} within 24 hours to confirm it. If not, ignore this email.`,
        });
      } catch (error) {
        deps.logger.warn({ err: error }, 'could not send an email verification link');
      }
    },

    /** Spends the token and marks the email it was sent to proven, if the account still has that email. */
    async confirm(token: string): Promise<VerifyEmailPayload> {
      const now = clock.now();
      const verified = await store.transaction(async (tx) => {
        const sent = await tx.emailVerifications.consume(sha256Hex(token), now);
        if (!sent) return false;
        // Already proven (e.g. by a reset since) is success too: the email is the account's.
        const user = await tx.users.findById(sent.userId);
        if (user?.email !== sent.email) return false;
        if (!user.emailVerifiedAt) await tx.users.markEmailVerified(user.id, sent.email, now);
        return true;
      });
      return verified
        ? { emailVerified: true, userErrors: [] }
        : { emailVerified: false, userErrors: [userError('INVALID_VERIFICATION_TOKEN', 'This verification link is not valid any more', 'token')] };
    },
  };
}
