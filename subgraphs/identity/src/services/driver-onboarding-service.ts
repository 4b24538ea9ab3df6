// One-step driver onboarding (`onboardDriver`): the account by phone (found or created), the DRIVER role, the SMS
// invitation, and the `driver.onboarded` event from which fleet makes the driver profile. identity decides who may
// become a driver here, under the account's row lock; fleet owns the profile and its licence.
import { auditEvent } from '../../../../platform/audit/index.js';
import { STAFF_ROLES, type Viewer } from '../../../../platform/auth/index.js';
import { outboxEvent } from '../../../../platform/events/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { SmsProvider } from '../../../../platform/providers/index.js';
import type { Clock } from '../clock.js';
import type { OnboardDriverInput } from '../generated/resolvers-types.js';
import type { User } from '../store/prisma/client.js';
import type { IdentityStore } from '../store/store.js';
import { requireAnyRole } from './access.js';
import { unknownFleet } from './known-fleets.js';
import { userError, type UserError } from './user-errors.js';
import { checkCalendarDate, checkLicence, checkName, checkPhone, normaliseLicence } from './validation.js';

export interface DriverOnboardingServiceDeps {
  store: IdentityStore;
  sms: SmsProvider;
  clock: Clock;
  logger: Logger;
}

export interface OnboardDriverResult {
  user: User | null;
  newUser: boolean;
  inviteSent: boolean;
  userErrors: UserError[];
}

export type DriverOnboardingService = ReturnType<typeof createDriverOnboardingService>;

export const INVITE_TEXT =
  'You are invited to drive with Ridegraph. Open the Ridegraph driver app and sign in with this phone number: we will text you a code.';

/** The transaction's answer: a refusal (nothing written), or the driver's account. */
type Outcome = { refused: UserError } | { refused: null; user: User; created: boolean; droppedClaimOf: string | null };

const fail = (error: UserError): OnboardDriverResult => ({ user: null, newUser: false, inviteSent: false, userErrors: [error] });
/** The shared validators name a top-level argument; here the value sits in `input`. */
const inInput = (error: UserError | null, field: string): UserError | null => error && { ...error, field: ['input', field] };

/** Why an existing account cannot be onboarded, or null when it can (a rider, or an account with no role yet). */
function ineligible(user: User): UserError | null {
  const field = ['input', 'phone'];
  if (!user.active) return userError('ACCOUNT_DISABLED', 'The account with this phone is deactivated (reactivateUser first)', field);
  if (user.roles.some((role) => STAFF_ROLES.includes(role))) {
    return userError('USER_NOT_ELIGIBLE', 'The account with this phone is staff: staff cannot also be drivers', field);
  }
  if (user.roles.includes('DRIVER')) return userError('ALREADY_DRIVER', 'The account with this phone is a driver already', field);
  return null;
}

export function createDriverOnboardingService({ store, sms, clock, logger }: DriverOnboardingServiceDeps) {
  /** The invitation is sent after the commit and is not part of it: a failed SMS leaves a driver who can still sign in. */
  async function invite(phone: string, userId: string): Promise<boolean> {
    try {
      await sms.send(phone, INVITE_TEXT);
      return true;
    } catch (error) {
      logger.warn({ err: error, userId }, 'driver onboarding: the SMS invitation could not be sent');
      return false;
    }
  }

  return {
    /**
     * Every input problem is a userError with nothing written. The caller vouches for the phone (as a super admin
     * does for staff): codes sent to it sign in to this account.
     * @throws AppError UNAUTHENTICATED / FORBIDDEN unless SUPER_ADMIN, OPERATIONS or FLEET_MANAGER.
     */
    async onboardDriver(viewer: Viewer | null, input: OnboardDriverInput): Promise<OnboardDriverResult> {
      const staff = requireAnyRole(viewer, ['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER'], 'onboardDriver');
      const phone = input.phone.trim();
      const licenceNumber = normaliseLicence(input.licenceNumber);
      const licenceExpiresOn = input.licenceExpiresOn?.trim() || null;
      const invalid =
        inInput(checkPhone(phone), 'phone') ??
        inInput(checkName(input.name), 'name') ??
        (isUuid(input.fleetId) ? null : userError('INVALID_FLEET_ID', 'The fleet id must be a fleet UUID', ['input', 'fleetId'])) ??
        checkLicence(licenceNumber, ['input', 'licenceNumber']) ??
        (licenceExpiresOn === null ? null : checkCalendarDate(licenceExpiresOn, ['input', 'licenceExpiresOn']));
      if (invalid) return fail(invalid);
      // A manager's own fleets come from their token; the rest of the world is identity's replica of fleet's fleets.
      const notFound = await unknownFleet(store, staff, input.fleetId, ['input', 'fleetId']);
      if (notFound) return fail(notFound);

      const at = clock.now();
      const outcome = await store.transaction(async (tx): Promise<Outcome> => {
        const { user: found, created, droppedClaimOf } = await tx.users.findOrCreateByPhoneForUpdate(phone, at, { name: input.name.trim(), roles: ['DRIVER'] });
        const refused = created ? null : ineligible(found);
        if (refused) return { refused };
        const user = created ? found : await tx.users.setRoles(found.id, [...found.roles, 'DRIVER'], found.fleetIds);
        const profile = { fleetId: input.fleetId, licenceNumber, licenceExpiresOn };
        await tx.outbox.add(outboxEvent('driver.onboarded', { userId: user.id, ...profile, onboardedBy: staff.userId, occurredAt: at.toISOString() }, at));
        await tx.outbox.add(
          auditEvent(
            'identity',
            staff,
            {
              action: 'driver.onboard',
              target: { type: 'User', id: user.id },
              before: created ? null : { roles: found.roles },
              after: { roles: user.roles, ...profile },
            },
            at,
          ),
        );
        return { refused: null, user, created, droppedClaimOf };
      });
      if (outcome.refused) return fail(outcome.refused);
      if (outcome.droppedClaimOf)
        logger.info({ userId: outcome.droppedClaimOf }, 'an unproven phone claim was dropped: staff vouched for the phone onboarding a driver');
      const inviteSent = await invite(phone, outcome.user.id);
      return { user: outcome.user, newUser: outcome.created, inviteSent, userErrors: [] };
    },
  };
}
