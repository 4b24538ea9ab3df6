// Proving a phone with the code `requestOtp` sent to it: the one check behind `verifyOtp`, `register`'s
// `phoneCode` and `verifyPhone`. Whoever passes it holds the phone; nothing else attaches a phone to an account.
import { enforceRateLimits } from '../../../../platform/rate-limit/index.js';
import type { Clock } from '../clock.js';
import type { IdentityStore } from '../store/store.js';
import { ipKey, type IdentityLimiters } from './rate-limits.js';
import { hexEqual, otpCodeHash } from './secrets.js';
import { userError, type UserError } from './user-errors.js';

/** Wrong or right, the sixth attempt at one code is refused. */
export const OTP_MAX_ATTEMPTS = 5;

export interface PhoneProofDeps {
  store: IdentityStore;
  limiters: IdentityLimiters;
  clock: Clock;
  /** OTP_SECRET: the HMAC key codes are stored under. */
  secret: string;
}

export type PhoneProof = ReturnType<typeof createPhoneProof>;

export function createPhoneProof(deps: PhoneProofDeps) {
  const { store, limiters, clock } = deps;

  return {
    /**
     * Checks `code` against the phone's newest code and, when right, consumes it. Every guess is counted before it
     * is compared, in one conditional UPDATE, so no burst of concurrent guesses gets more than OTP_MAX_ATTEMPTS
     * comparisons. The phone must already be valid E.164.
     * @param field where a wrong code is reported (`code` for verifyOtp, `phoneCode` for register).
     * @returns null when the phone is proven (the code is now spent), else the user error to answer with.
     * @throws AppError RATE_LIMITED when the client IP has guessed too often.
     */
    async prove(phone: string, code: string, ip: string | undefined, field: string): Promise<UserError | null> {
      if (!/^\d{6}$/.test(code)) return userError('INVALID_CODE', 'The code has six digits', field);
      await enforceRateLimits([{ limiter: limiters.otpVerifyPerIp, key: ipKey(ip) }], 'Too many codes tried from this network');

      const now = clock.now();
      const latest = await store.otp.latest(phone);
      const expired = userError('CODE_EXPIRED', 'This code has expired or was never sent; request a new one', field);
      if (!latest) return expired;
      const counted = await store.otp.countAttempt(latest.id, now, OTP_MAX_ATTEMPTS);
      if (!counted) {
        const current = await store.otp.latest(phone);
        const exhausted = current?.id === latest.id && current.consumedAt === null && current.expiresAt > now && current.attempts >= OTP_MAX_ATTEMPTS;
        return exhausted ? userError('TOO_MANY_ATTEMPTS', 'Too many wrong codes; request a new one', field) : expired;
      }
      if (!hexEqual(counted.codeHash, otpCodeHash(deps.secret, phone, code))) {
        const left = OTP_MAX_ATTEMPTS - counted.attempts;
        return userError('INVALID_CODE', left > 0 ? `Wrong code; ${left} ${left === 1 ? 'attempt' : 'attempts'} left` : 'Wrong code; request a new one', field);
      }
      return (await store.otp.consume(counted.id, now)) ? null : expired;
    },
  };
}
