// Email + password accounts: register, sign in, reset a forgotten password.
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../../../platform/logging/index.js';
import type { EmailProvider } from '../../../../platform/providers/index.js';
import { enforceRateLimits } from '../../../../platform/rate-limit/index.js';
import type { Clock } from '../clock.js';
import type { AuthPayload, ConfirmPasswordResetPayload, DeviceInput, RequestPasswordResetPayload } from '../generated/resolvers-types.js';
import type { IdentityStore } from '../store/store.js';
import type { EmailVerificationService } from './email-verification-service.js';
import type { PasswordHasher } from './password-hasher.js';
import type { PhoneProof } from './phone-proof.js';
import { ipKey, type IdentityLimiters } from './rate-limits.js';
import { newOpaqueToken, sha256Hex } from './secrets.js';
import { authFailure, type SessionService } from './session-service.js';
import { userError } from './user-errors.js';
import type { ReferralCodes } from './referral-codes.js';
import { checkDevice, checkEmail, checkName, checkPassword, checkPhone, firstError, normaliseEmail, PASSWORD_MAX_LENGTH } from './validation.js';

export const PASSWORD_RESET_TTL_MS = 30 * 60_000;

export interface PasswordServiceDeps {
  store: IdentityStore;
  sessions: SessionService;
  hasher: PasswordHasher;
  phoneProof: PhoneProof;
  emailVerification: EmailVerificationService;
  referralCodes: ReferralCodes;
  email: EmailProvider;
  limiters: IdentityLimiters;
  clock: Clock;
  /** Where the reset email sends people; `?token=` is appended. */
  passwordResetUrl: string;
  logger: Logger;
}

export type PasswordService = ReturnType<typeof createPasswordService>;

export function createPasswordService(deps: PasswordServiceDeps) {
  const { store, hasher, limiters, clock } = deps;
  // Verified against when the email is unknown (or has no password), so that path costs one argon2 verify like
  // the real one and its timing does not tell whether the account exists. Hashed once, at build.
  const dummyHash = hasher.hash(randomBytes(32).toString('base64url'));
  const invalidCredentials = () => authFailure([userError('INVALID_CREDENTIALS', 'The email or the password is wrong')]);
  const emailTaken = () => userError('EMAIL_TAKEN', 'Another account uses this email; sign in or reset the password', 'email');

  return {
    /** The hash unknown emails are checked against (tests prove it is used). */
    dummyHash: () => dummyHash,

    /**
     * A phone is attached only when proven with `phoneCode` (the code requestOtp sent to it), so nobody can put
     * someone else's phone on their account. A proven phone that already signs in to an account is PHONE_TAKEN:
     * the two accounts are never merged. The email is checked first, so a taken email does not spend the code.
     * @throws AppError RATE_LIMITED when this client IP registers too many accounts or guesses too many codes.
     */
    async register(
      input: {
        email: string;
        password: string;
        name: string;
        phone?: string | null;
        phoneCode?: string | null;
        device?: DeviceInput | null;
        referralCode?: string | null;
      },
      ip: string | undefined,
    ): Promise<AuthPayload> {
      const email = normaliseEmail(input.email);
      const phone = input.phone?.trim() || null;
      const phoneCode = input.phoneCode?.trim() || null;
      const invalid = firstError(
        checkEmail(email),
        checkPassword(input.password),
        checkName(input.name),
        phone ? checkPhone(phone) : null,
        phone && !phoneCode
          ? userError('PHONE_CODE_REQUIRED', 'Prove the phone with the code sent to it (requestOtp), or leave the phone out', 'phoneCode')
          : null,
        !phone && phoneCode ? userError('INVALID_CODE', 'A phone code needs the phone it was sent to', 'phoneCode') : null,
        checkDevice(input.device),
      );
      if (invalid.length) return authFailure(invalid);
      await enforceRateLimits([{ limiter: limiters.registerPerIp, key: ipKey(ip) }], 'Too many accounts registered from this network');
      // Only a proven email is taken: an unproven one on another account is a claim this account takes over.
      if ((await store.users.findByEmail(email))?.emailVerifiedAt) return authFailure([emailTaken()]);
      const referrer = await deps.referralCodes.resolve(input.referralCode);
      if ('error' in referrer) return authFailure([referrer.error]);
      if (phone) {
        const unproven = await deps.phoneProof.prove(phone, phoneCode!, ip, 'phoneCode');
        if (unproven) return authFailure([unproven]);
      }

      const created = await store.users.create({
        email,
        phone,
        phoneVerifiedAt: phone ? clock.now() : null,
        name: input.name.trim(),
        roles: ['RIDER'],
        passwordHash: await hasher.hash(input.password),
        referredByUserId: referrer.userId,
      });
      if ('taken' in created) {
        return authFailure([
          created.taken === 'email'
            ? emailTaken()
            : userError('PHONE_TAKEN', 'This phone already signs in to an account: sign in with a code instead', 'phone'),
        ]);
      }
      await deps.emailVerification.send({ id: created.user.id, email });
      return deps.sessions.start(created.user, input.device, ip, true);
    },

    /**
     * Unknown email, account without a password and wrong password all answer INVALID_CREDENTIALS after exactly
     * one argon2 verify. A deactivated account, and an email not proven yet (EMAIL_NOT_VERIFIED), are only revealed
     * to someone who knows the password.
     * @throws AppError RATE_LIMITED per email (cleared by a successful sign-in) and per client IP.
     */
    async signIn(input: { email: string; password: string; device?: DeviceInput | null }, ip: string | undefined): Promise<AuthPayload> {
      const email = normaliseEmail(input.email);
      const invalid = firstError(checkEmail(email), checkDevice(input.device));
      if (invalid.length) return authFailure(invalid);
      await enforceRateLimits(
        [
          { limiter: limiters.signInPerIp, key: ipKey(ip) },
          { limiter: limiters.signInPerEmail, key: email },
        ],
        'Too many sign-in attempts',
      );
      // No account can have a longer password; refusing before hashing bounds the work a request can cause.
      if ([...input.password].length > PASSWORD_MAX_LENGTH) return invalidCredentials();

      const user = await store.users.findByEmail(email);
      const verified = await hasher.verify(user?.passwordHash ?? (await dummyHash), input.password);
      if (!user?.passwordHash || !verified) return invalidCredentials();
      if (!user.active) return authFailure([userError('ACCOUNT_DISABLED', 'This account is deactivated', 'email')]);
      if (!user.emailVerifiedAt) {
        return authFailure([userError('EMAIL_NOT_VERIFIED', 'Confirm this email first: open the link we sent to it', 'email')]);
      }
      await limiters.signInPerEmail.reset(email);
      return deps.sessions.start(user, input.device, ip, false);
    },

    /**
     * The same answer whether or not an account has the email. An active account whose email is proven gets a
     * single-use token by email, valid 30 minutes; earlier tokens stay valid until used or expired. An unproven
     * email gets nothing: whoever typed it may not own it.
     * @throws AppError RATE_LIMITED per email and per client IP (for every email alike).
     */
    async requestReset(rawEmail: string, ip: string | undefined): Promise<RequestPasswordResetPayload> {
      const email = normaliseEmail(rawEmail);
      const invalid = checkEmail(email);
      if (invalid) return { accepted: false, userErrors: [invalid] };
      await enforceRateLimits(
        [
          { limiter: limiters.passwordResetPerIp, key: ipKey(ip) },
          { limiter: limiters.passwordResetPerEmail, key: email },
        ],
        'Too many password resets requested',
      );
      const user = await store.users.findByEmail(email);
      if (user?.active && user.emailVerifiedAt) {
        const token = newOpaqueToken();
        const now = clock.now();
        await store.resets.create({ userId: user.id, tokenHash: sha256Hex(token), createdAt: now, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS) });
        const link = `${deps.passwordResetUrl}${deps.passwordResetUrl.includes('?') ? '&' : '?'}token=${token}`;
        try {
          await deps.email.send({
            to: email,
            subject: 'Reset your Ridegraph password',
            text: `Someone asked to reset the password of your Ridegraph account. If it was you, open ${link} within 30 minutes. If not, ignore this email.`,
          });
        } catch (error) {
          // Answering differently would tell that the account exists; the user can ask again.
          deps.logger.warn({ err: error }, 'could not send a password reset email');
        }
      }
      return { accepted: true, userErrors: [] };
    },

    /**
     * Sets the new password, spends the token (and every other outstanding one), ends every session. Tokens are only
     * sent to proven emails, and `updateMe` spends them when the email changes; the check here also refuses a token
     * sent before email proof was required for resets.
     */
    async confirmReset(token: string, newPassword: string): Promise<ConfirmPasswordResetPayload> {
      const weak = checkPassword(newPassword, 'newPassword');
      if (weak) return { passwordChanged: false, userErrors: [weak] };
      const passwordHash = await hasher.hash(newPassword);
      const now = clock.now();
      const changed = await store.transaction(async (tx) => {
        const reset = await tx.resets.consume(sha256Hex(token), now);
        if (!reset) return false;
        if (!(await tx.users.findById(reset.userId))?.emailVerifiedAt) return false;
        await tx.users.setPasswordHash(reset.userId, passwordHash);
        await tx.resets.invalidateAllForUser(reset.userId, now);
        await tx.sessions.revokeAllForUser(reset.userId, now, 'PASSWORD_RESET');
        return true;
      });
      return changed
        ? { passwordChanged: true, userErrors: [] }
        : { passwordChanged: false, userErrors: [userError('INVALID_RESET_TOKEN', 'This reset link is not valid any more; request a new one', 'token')] };
    },
  };
}
