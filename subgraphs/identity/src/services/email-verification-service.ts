// Proving an account's email: `register` and `updateMe` send a single-use link, `verifyEmail` takes its token. Until
// then the email neither signs in nor resets a password (../../README.md, "Credentials and account ownership").
import type { Logger } from '../../../../platform/logging/index.js';
import type { EmailProvider } from '../../../../platform/providers/index.js';
import type { Clock } from '../clock.js';
import type { VerifyEmailPayload } from '../generated/resolvers-types.js';
import type { IdentityStore, IdentityStores } from '../store/store.js';
import { newOpaqueToken, sha256Hex } from './secrets.js';
import { userError } from './user-errors.js';

export interface EmailVerificationServiceDeps {
  store: IdentityStore;
  email: EmailProvider;
  clock: Clock;
  /** Where the email sends people; `?token=` is appended. */
  emailVerificationUrl: string;
  /** How long a link works (EMAIL_VERIFICATION_TTL_SECONDS). */
  ttlSeconds: number;
  logger: Logger;
}

export type EmailVerificationService = ReturnType<typeof createEmailVerificationService>;

export function createEmailVerificationService(deps: EmailVerificationServiceDeps) {
  const { store, clock } = deps;
  const ttlMs = deps.ttlSeconds * 1000;
  const hours = Math.round(deps.ttlSeconds / 360) / 10;
  const validFor = deps.ttlSeconds % 3600 === 0 ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : `${Math.round(deps.ttlSeconds / 60)} minutes`;

  /** Stores a new token (32 random bytes, kept as SHA-256) for `email`, in `tx` when given. @returns the link. */
  async function issue(user: { id: string; email: string }, tx: IdentityStores = store): Promise<string> {
    const token = newOpaqueToken();
    const now = clock.now();
    await tx.emailVerifications.create({
      userId: user.id,
      email: user.email,
      tokenHash: sha256Hex(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
    });
    return `${deps.emailVerificationUrl}${deps.emailVerificationUrl.includes('?') ? '&' : '?'}token=${token}`;
  }

  /** Best effort: a failed send is logged; `updateMe` with the same email sends another link. */
  async function deliver(email: string, link: string, reason: 'registered' | 'changed'): Promise<void> {
    const what = reason === 'registered' ? 'created a Ridegraph account with this email' : 'gave this email to their Ridegraph account';
    try {
      await deps.email.send({
        to: email,
        subject: 'Confirm your Ridegraph email',
        text: `Someone ${what}. If it was you, open ${link} within ${validFor} to confirm it. If not, ignore this email.`,
      });
    } catch (error) {
      deps.logger.warn({ err: error }, 'could not send an email verification link');
    }
  }

  return {
    issue,
    deliver,

    /** Sends a new account's email a link. */
    async send(user: { id: string; email: string }): Promise<void> {
      await deliver(user.email, await issue(user), 'registered');
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
