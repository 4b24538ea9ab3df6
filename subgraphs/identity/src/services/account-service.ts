// The viewer's own account: `updateMe` (profile and email) and `changePassword`. Rules: ../../README.md
// ("Your own account").
import type { Viewer } from '../../../../platform/auth/index.js';
import { isUniqueViolation } from '../../../../platform/db/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import { enforceRateLimits } from '../../../../platform/rate-limit/index.js';
import type { Clock } from '../clock.js';
import type { ChangePasswordPayload, UpdateMeInput } from '../generated/resolvers-types.js';
import type { User } from '../store/prisma/client.js';
import type { IdentityStore } from '../store/store.js';
import type { ProfileChange } from '../store/user-store.js';
import { requireViewer } from './access.js';
import type { EmailVerificationService } from './email-verification-service.js';
import type { PasswordHasher } from './password-hasher.js';
import type { IdentityLimiters } from './rate-limits.js';
import { userError, type UserError } from './user-errors.js';
import { canonicalLocale, canonicalTimeZone, checkAvatarUrl, checkEmail, checkName, checkPassword, normaliseEmail, PASSWORD_MAX_LENGTH } from './validation.js';

export interface AccountServiceDeps {
  store: IdentityStore;
  emailVerification: EmailVerificationService;
  hasher: PasswordHasher;
  limiters: IdentityLimiters;
  clock: Clock;
  logger: Logger;
  /** How recent the session's phone-code sign-in must be for an account without a password to change its email. */
  reauthMaxAgeSeconds: number;
}

export interface UpdateMeResult {
  user: User | null;
  emailVerificationSent: boolean;
  userErrors: UserError[];
}

export type AccountService = ReturnType<typeof createAccountService>;

const refused = (...errors: UserError[]): UpdateMeResult => ({ user: null, emailVerificationSent: false, userErrors: errors });

/** Reads UpdateMeInput into a change: absent keys stay, null clears the clearable ones. Every problem is reported. */
function readChange(input: UpdateMeInput): { change: ProfileChange; errors: UserError[] } {
  const change: ProfileChange = {};
  const errors: UserError[] = [];
  /** @returns whether the check passed; a failure is recorded. */
  const passes = (error: UserError | null) => {
    if (error) errors.push(error);
    return error === null;
  };
  if (input.name != null && passes(checkName(input.name, 'input.name'))) change.name = input.name.trim();
  if (input.email != null) {
    const email = normaliseEmail(input.email);
    if (passes(checkEmail(email, 'input.email'))) change.email = email;
  }
  if (input.avatarUrl !== undefined) {
    const url = input.avatarUrl?.trim() || null;
    if (url === null || passes(checkAvatarUrl(url, ['input', 'avatarUrl']))) change.avatarUrl = url;
  }
  if (input.locale !== undefined) {
    const locale = input.locale?.trim() ? canonicalLocale(input.locale.trim(), ['input', 'locale']) : { value: null };
    if ('error' in locale) errors.push(locale.error);
    else change.locale = locale.value;
  }
  if (input.timeZone !== undefined) {
    const zone = input.timeZone?.trim() ? canonicalTimeZone(input.timeZone.trim(), ['input', 'timeZone']) : { value: null };
    if ('error' in zone) errors.push(zone.error);
    else change.timeZone = zone.value;
  }
  // Validators name a field with a dotted path; payloads carry it as a list (["input", "email"]).
  return { change, errors: errors.map((error) => (error.field?.length === 1 ? { ...error, field: error.field[0]!.split('.') } : error)) };
}

export function createAccountService(deps: AccountServiceDeps) {
  const { store, clock, hasher, limiters } = deps;

  /**
   * Whoever changes an account's email can then reset its password through it, so a new email needs more than an
   * access token: the current password when the account has one (rate-limited per account with changePassword's
   * limit), else a session opened by a phone-code sign-in at most `reauthMaxAgeSeconds` ago.
   * @returns the refusal, or null when the viewer proved they own the account.
   * @throws AppError RATE_LIMITED after too many password attempts on this account.
   */
  async function proveOwnerForEmailChange(viewer: Viewer, user: User, currentPassword: string | null, now: Date): Promise<UserError | null> {
    if (user.passwordHash) {
      if (currentPassword === null || currentPassword === '') {
        return userError('PASSWORD_REQUIRED', 'Give the current password to change the email', ['input', 'currentPassword']);
      }
      await enforceRateLimits([{ limiter: limiters.changePasswordPerUser, key: user.id }], 'Too many password attempts on this account');
      const ok = [...currentPassword].length <= PASSWORD_MAX_LENGTH && (await hasher.verify(user.passwordHash, currentPassword));
      return ok ? null : userError('INVALID_CREDENTIALS', 'The current password is wrong', ['input', 'currentPassword']);
    }
    const openedAt = await store.sessions.openedAt(viewer.sessionId);
    if (openedAt && now.getTime() - openedAt.getTime() <= deps.reauthMaxAgeSeconds * 1000) return null;
    return userError(
      'REAUTHENTICATION_REQUIRED',
      `Sign in again with a phone code (within ${Math.round(deps.reauthMaxAgeSeconds / 60)} minutes) to change the email`,
      ['input', 'email'],
    );
  }

  return {
    /**
     * Validates every field first (all problems reported, nothing written), then changes the profile in one
     * transaction. A new email is stored unproven, spends the account's outstanding password reset links and gets a
     * verification link; the same, still unproven email gets a new link. A new email needs proof of ownership
     * (`proveOwnerForEmailChange`), checked after validation and before anything is written.
     * @throws AppError UNAUTHENTICATED without a viewer (or when the viewer's account no longer exists).
     */
    async updateMe(viewer: Viewer | null, input: UpdateMeInput): Promise<UpdateMeResult> {
      const signedIn = requireViewer(viewer, 'updateMe');
      const { change, errors } = readChange(input);
      if (errors.length) return refused(...errors);
      const current = await store.users.findById(signedIn.userId);
      if (!current) throw new AppError('UNAUTHENTICATED', 'The signed-in account no longer exists');
      if (change.email === current.email) delete change.email;
      const resend = input.email != null && change.email === undefined && current.email !== null && !current.emailVerifiedAt;
      const now = clock.now();
      if (change.email !== undefined) {
        const unproven = await proveOwnerForEmailChange(signedIn, current, input.currentPassword ?? null, now);
        if (unproven) return refused(unproven);
      }
      const emailTaken = refused(userError('EMAIL_TAKEN', 'Another account uses this email', ['input', 'email']));
      let outcome;
      try {
        outcome = await store.transaction(async (tx) => {
          const updated = await tx.users.updateProfile(signedIn.userId, change);
          if ('taken' in updated) return updated;
          let link: string | null = null;
          if (change.email !== undefined) {
            // A reset link sent to the old address must not reset the password of the account the new one now owns.
            await tx.resets.invalidateAllForUser(signedIn.userId, now);
            link = await deps.emailVerification.issue({ id: signedIn.userId, email: change.email }, tx);
          } else if (resend) {
            link = await deps.emailVerification.issue({ id: signedIn.userId, email: current.email! }, tx);
          }
          return { ...updated, link };
        });
      } catch (error) {
        if (isUniqueViolation(error)) return emailTaken;
        throw error;
      }
      if ('taken' in outcome) return emailTaken;
      if (outcome.droppedClaimOf) deps.logger.info({ userId: outcome.droppedClaimOf }, 'an unproven email claim was dropped: another account took the email');
      if (outcome.link) await deps.emailVerification.deliver(outcome.user.email!, outcome.link, change.email !== undefined ? 'changed' : 'registered');
      return { user: outcome.user, emailVerificationSent: outcome.link !== null, userErrors: [] };
    },

    /**
     * Checks the current password (one argon2 verify, rate-limited per account), sets the new one, spends outstanding
     * reset links and ends every other session (PASSWORD_CHANGED), in one transaction. The password.changed event
     * comes from the users trigger.
     * @throws AppError UNAUTHENTICATED without a viewer; RATE_LIMITED after too many attempts on this account.
     */
    async changePassword(viewer: Viewer | null, currentPassword: string, newPassword: string): Promise<ChangePasswordPayload> {
      const signedIn = requireViewer(viewer, 'changePassword');
      const fail = (error: UserError): ChangePasswordPayload => ({ passwordChanged: false, revokedSessionCount: 0, userErrors: [error] });
      const weak = checkPassword(newPassword, 'newPassword');
      if (weak) return fail(weak);
      await enforceRateLimits([{ limiter: limiters.changePasswordPerUser, key: signedIn.userId }], 'Too many password changes tried on this account');
      const user = await store.users.findById(signedIn.userId);
      if (!user) throw new AppError('UNAUTHENTICATED', 'The signed-in account no longer exists');
      if (!user.passwordHash) return fail(userError('NO_PASSWORD', 'This account has no password; it signs in with phone codes', 'currentPassword'));
      const wrong = userError('INVALID_CREDENTIALS', 'The current password is wrong', 'currentPassword');
      if ([...currentPassword].length > PASSWORD_MAX_LENGTH || !(await hasher.verify(user.passwordHash, currentPassword))) return fail(wrong);
      const passwordHash = await hasher.hash(newPassword);
      const now = clock.now();
      const revoked = await store.transaction(async (tx) => {
        await tx.users.setPasswordHash(user.id, passwordHash);
        await tx.resets.invalidateAllForUser(user.id, now);
        return tx.sessions.revokeOthers(user.id, signedIn.sessionId, now, 'PASSWORD_CHANGED');
      });
      await limiters.changePasswordPerUser.reset(signedIn.userId);
      return { passwordChanged: true, revokedSessionCount: revoked, userErrors: [] };
    },
  };
}
