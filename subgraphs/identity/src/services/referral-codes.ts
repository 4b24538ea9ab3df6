// Referral codes typed at sign-up (`register`, the first `verifyOtp`): resolved to the referrer's account. Each
// account's own code is made by a database trigger when the account is inserted (migration self_service_accounts).
import type { IdentityStore } from '../store/store.js';
import { userError, type UserError } from './user-errors.js';
import { normaliseReferralCode } from './validation.js';

export type ReferralCodes = ReturnType<typeof createReferralCodes>;

export function createReferralCodes(store: IdentityStore) {
  return {
    /**
     * An unknown code is refused rather than ignored: a mistyped code would otherwise silently cost the referrer
     * their reward, and the person signing up can fix it or leave it out.
     * @returns the referrer's id (null without a code), or REFERRAL_CODE_UNKNOWN.
     */
    async resolve(code: string | null | undefined, field = 'referralCode'): Promise<{ userId: string | null } | { error: UserError }> {
      const normalised = code ? normaliseReferralCode(code) : '';
      if (!normalised) return { userId: null };
      const referrer = normalised.length <= 32 ? await store.users.findByReferralCode(normalised) : null;
      return referrer ? { userId: referrer.id } : { error: userError('REFERRAL_CODE_UNKNOWN', 'No account has this referral code', field) };
    },
  };
}
