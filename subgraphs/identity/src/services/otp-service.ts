// Phone sign-in with a one-time code: request (sent by SMS), then verify (signs in, creating a RIDER on first use).
// Who a proven phone belongs to: ../../README.md ("Credentials and account ownership").
import { AppError } from '../../../../platform/errors/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { SmsProvider } from '../../../../platform/providers/index.js';
import { enforceRateLimits } from '../../../../platform/rate-limit/index.js';
import type { Clock } from '../clock.js';
import type { AuthPayload, DeviceInput, RequestOtpPayload } from '../generated/resolvers-types.js';
import type { IdentityStore } from '../store/store.js';
import { ipKey, type IdentityLimiters } from './rate-limits.js';
import type { PhoneProof } from './phone-proof.js';
import type { ReferralCodes } from './referral-codes.js';
import { newOtpCode, otpCodeHash } from './secrets.js';
import { authFailure as failedSignIn, type SessionService } from './session-service.js';
import { userError } from './user-errors.js';
import { checkDevice, checkPhone, firstError } from './validation.js';

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_RESEND_COOLDOWN_MS = 30_000;
/** Name of an account created by its first phone sign-in, until the user changes it. */
export const NEW_RIDER_NAME = 'New rider';

export interface OtpServiceDeps {
  store: IdentityStore;
  sessions: SessionService;
  sms: SmsProvider;
  limiters: IdentityLimiters;
  clock: Clock;
  /** OTP_SECRET: the HMAC key codes are stored under. */
  secret: string;
  phoneProof: PhoneProof;
  referralCodes: ReferralCodes;
  logger: Logger;
}

export type OtpService = ReturnType<typeof createOtpService>;

export function createOtpService(deps: OtpServiceDeps) {
  const { store, clock, limiters } = deps;

  return {
    /**
     * @throws AppError RATE_LIMITED when the client IP or the phone has asked too often; SERVICE_UNAVAILABLE when
     *   the SMS could not be sent (the code is discarded, so the client may retry at once).
     */
    async request(phone: string, ip: string | undefined): Promise<RequestOtpPayload> {
      const invalid = checkPhone(phone);
      if (invalid) return { sent: false, expiresAt: null, resendAvailableAt: null, userErrors: [invalid] };
      await enforceRateLimits([{ limiter: limiters.otpRequestPerIp, key: ipKey(ip) }], 'Too many sign-in codes requested from this network');

      const code = newOtpCode();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + OTP_TTL_MS);
      const result = await store.transaction((tx) =>
        tx.otp.issue({
          phone,
          codeHash: otpCodeHash(deps.secret, phone, code),
          now,
          expiresAt,
          cooldownMs: OTP_RESEND_COOLDOWN_MS,
          // Only a code actually issued counts against the phone; taps on "resend" during the cooldown do not.
          beforeInsert: () => enforceRateLimits([{ limiter: limiters.otpRequestPerPhone, key: phone }], 'Too many sign-in codes requested for this phone'),
        }),
      );
      if (!result.issued) {
        return {
          sent: false,
          expiresAt: null,
          resendAvailableAt: result.resendAvailableAt,
          userErrors: [userError('RESEND_COOLDOWN', 'A code was sent moments ago; wait before asking for another', 'phone')],
        };
      }
      try {
        await deps.sms.send(phone, `Your Ridegraph code is ${code}. It expires in 5 minutes. Never share it.`);
      } catch (error) {
        await store.otp.delete(result.challenge.id);
        // The error is the provider's; providers never put the message text in it.
        deps.logger.warn({ err: error }, 'could not send a sign-in code by SMS');
        throw new AppError('SERVICE_UNAVAILABLE', 'The code could not be sent; try again in a moment');
      }
      return { sent: true, expiresAt, resendAvailableAt: new Date(now.getTime() + OTP_RESEND_COOLDOWN_MS), userErrors: [] };
    },

    /**
     * Signs in with a phone proven by its newest code (see PhoneProof), to the account holding that phone proven;
     * the first proof of a phone creates a RIDER. An unproven claim on the phone by another account is dropped and
     * never signed in to, so a phone typed into someone else's registration cannot lead its owner into that account.
     * `referralCode` counts only when this creates the account; an unknown one is refused before the code is spent.
     * @throws AppError RATE_LIMITED when the client IP has guessed too often.
     */
    async verify(
      phone: string,
      code: string,
      device: DeviceInput | null | undefined,
      ip: string | undefined,
      referralCode?: string | null,
    ): Promise<AuthPayload> {
      const invalid = firstError(
        checkPhone(phone),
        /^\d{6}$/.test(code) ? null : userError('INVALID_CODE', 'The code has six digits', 'code'),
        checkDevice(device),
      );
      if (invalid.length) return failedSignIn(invalid);
      const referrer = await deps.referralCodes.resolve(referralCode);
      if ('error' in referrer) return failedSignIn([referrer.error]);
      const unproven = await deps.phoneProof.prove(phone, code, ip, 'code');
      if (unproven) return failedSignIn([unproven]);

      const { user, created, droppedClaimOf } = await store.users.signInByProvenPhone(phone, clock.now(), {
        name: NEW_RIDER_NAME,
        roles: ['RIDER'],
        referredByUserId: referrer.userId,
      });
      // The user id only: who lost a claim is worth an audit line; the phone is personal data.
      if (droppedClaimOf) deps.logger.info({ userId: droppedClaimOf }, 'an unproven phone claim was dropped: the phone was proven by its owner');
      if (!user.active) return failedSignIn([userError('ACCOUNT_DISABLED', 'This account is deactivated', 'phone')]);
      return deps.sessions.start(user, device, ip, created);
    },
  };
}
