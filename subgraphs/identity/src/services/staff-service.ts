// The operations dashboard's user management: listing users, creating staff, granting roles, deactivating.
import { auditEvent } from '../../../../platform/audit/index.js';
import { STAFF_ROLES, type Role, type Viewer } from '../../../../platform/auth/index.js';
import { isUniqueViolation } from '../../../../platform/db/index.js';
import { isUuid, readPageArgs, toConnection, withTotalCount, type CountedConnection, type PageArgs } from '../../../../platform/graphql/index.js';
import type { Clock } from '../clock.js';
import type { CreateStaffUserInput } from '../generated/resolvers-types.js';
import type { User } from '../store/prisma/client.js';
import type { IdentityStore } from '../store/store.js';
import type { UserFilter } from '../store/user-store.js';
import { requireAnyRole } from './access.js';
import { userError, type UserError } from './user-errors.js';
import { checkEmail, checkFleetIds, checkName, checkPhone, firstError, normaliseEmail } from './validation.js';

export interface StaffServiceDeps {
  store: IdentityStore;
  clock: Clock;
}

export interface UserPayloadResult {
  user: User | null;
  userErrors: UserError[];
}

export type StaffService = ReturnType<typeof createStaffService>;

const fail = (...errors: UserError[]): UserPayloadResult => ({ user: null, userErrors: errors });
const userNotFound = () => fail(userError('USER_NOT_FOUND', 'No user has this id', 'userId'));

export function createStaffService(deps: StaffServiceDeps) {
  const { store, clock } = deps;
  const superAdmin = (viewer: Viewer | null, what: string) => requireAnyRole(viewer, ['SUPER_ADMIN'], what);

  return {
    /** @throws AppError FORBIDDEN unless SUPER_ADMIN or OPERATIONS; BAD_USER_INPUT for bad paging arguments. */
    async list(viewer: Viewer | null, args: PageArgs & UserFilter): Promise<CountedConnection<User>> {
      requireAnyRole(viewer, ['SUPER_ADMIN', 'OPERATIONS'], 'users');
      const page = readPageArgs(args);
      const filter = { role: args.role, active: args.active, search: args.search };
      const rows = await store.users.page(filter, page);
      return withTotalCount(
        toConnection(rows, page, (user) => ({ at: user.createdAt, id: user.id })),
        () => store.users.count(filter),
      );
    },

    /** @throws AppError FORBIDDEN unless SUPER_ADMIN. */
    async createStaffUser(viewer: Viewer | null, input: CreateStaffUserInput): Promise<UserPayloadResult> {
      const admin = superAdmin(viewer, 'createStaffUser');
      const email = input.email ? normaliseEmail(input.email) : null;
      const phone = input.phone?.trim() || null;
      const roles = [...new Set(input.roles)];
      const fleetIds = [...new Set(input.fleetIds ?? [])];
      const invalid = firstError(
        checkName(input.name, 'input.name'),
        email || phone ? null : userError('INVALID_EMAIL', 'Give an email address or a phone number (or both)', ['input', 'email']),
        email ? checkEmail(email, 'input.email') : null,
        phone ? checkPhone(phone, 'input.phone') : null,
        roles.length > 0 && roles.every((role) => STAFF_ROLES.includes(role))
          ? null
          : userError('INVALID_ROLES', 'Staff need one or more of SUPER_ADMIN, OPERATIONS, FLEET_MANAGER (and only those)', ['input', 'roles']),
        checkFleetIds(fleetIds, roles.includes('FLEET_MANAGER'), 'input.fleetIds'),
      ).map(splitField);
      if (invalid.length) return { user: null, userErrors: invalid };
      // The super admin vouches for the phone and the email: the new staff member signs in with codes sent to the
      // phone (an unproven claim on it elsewhere is dropped, a proven phone elsewhere is PHONE_TAKEN), and a reset
      // through the email does not count as its first proof.
      const newUser = {
        name: input.name.trim(),
        email,
        phone,
        phoneVerifiedAt: phone ? clock.now() : null,
        emailVerifiedAt: email ? clock.now() : null,
        roles,
        fleetIds,
      };
      const createAudited = () =>
        store.transaction(async (tx) => {
          const result = await tx.users.create(newUser);
          if ('user' in result) {
            const { user } = result;
            const after = { name: user.name, email: user.email, phone: user.phone, roles: user.roles, fleetIds: user.fleetIds };
            await tx.outbox.add(auditEvent('identity', admin, { action: 'user.create_staff', target: { type: 'User', id: user.id }, after }));
          }
          return result;
        });
      // Inside a transaction a lost race on the email or phone aborts it before the store can look at the winner:
      // the second run sees the winner and answers EMAIL_TAKEN / PHONE_TAKEN. Any other error is not retried.
      const created = await createAudited().catch((error: unknown) => {
        if (isUniqueViolation(error)) return createAudited();
        throw error;
      });
      if ('taken' in created) {
        return fail(
          created.taken === 'email'
            ? userError('EMAIL_TAKEN', 'Another account uses this email', ['input', 'email'])
            : userError('PHONE_TAKEN', 'Another account uses this phone number', ['input', 'phone']),
        );
      }
      return { user: created.user, userErrors: [] };
    },

    /**
     * Replaces roles and managed fleets; the user's tokens carry the new roles from their next refresh.
     * @throws AppError FORBIDDEN unless SUPER_ADMIN.
     */
    async setUserRoles(
      viewer: Viewer | null,
      userId: string,
      requestedRoles: readonly Role[],
      requestedFleetIds: readonly string[] | null | undefined,
    ): Promise<UserPayloadResult> {
      const admin = superAdmin(viewer, 'setUserRoles');
      const roles = [...new Set(requestedRoles)];
      const fleetIds = [...new Set(requestedFleetIds ?? [])];
      const invalid = firstError(
        roles.length > 0 ? null : userError('INVALID_ROLES', 'A user needs at least one role', 'roles'),
        checkFleetIds(fleetIds, roles.includes('FLEET_MANAGER')),
        userId === admin.userId && !roles.includes('SUPER_ADMIN')
          ? userError('CANNOT_DEMOTE_SELF', 'You cannot remove SUPER_ADMIN from yourself; ask another super admin', 'roles')
          : null,
      );
      if (invalid.length) return { user: null, userErrors: invalid };
      if (!isUuid(userId)) return userNotFound();
      const user = await store.transaction(async (tx) => {
        const before = await tx.users.findById(userId);
        if (!before) return null;
        const after = await tx.users.setRoles(userId, roles, fleetIds);
        await tx.outbox.add(
          auditEvent('identity', admin, {
            action: 'user.set_roles',
            target: { type: 'User', id: userId },
            before: { roles: before.roles, fleetIds: before.fleetIds },
            after: { roles: after.roles, fleetIds: after.fleetIds },
          }),
        );
        return after;
      });
      return user ? { user, userErrors: [] } : userNotFound();
    },

    /** Deactivates and ends every session, in one transaction. @throws AppError FORBIDDEN unless SUPER_ADMIN. */
    async deactivateUser(viewer: Viewer | null, userId: string): Promise<UserPayloadResult> {
      const admin = superAdmin(viewer, 'deactivateUser');
      if (userId === admin.userId) return fail(userError('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate your own account', 'userId'));
      if (!isUuid(userId)) return userNotFound();
      const now = clock.now();
      const user = await store.transaction(async (tx) => {
        const before = await tx.users.findById(userId);
        if (!before) return null;
        const deactivated = await tx.users.deactivate(userId);
        await tx.sessions.revokeAllForUser(userId, now, 'USER_DEACTIVATED');
        await tx.outbox.add(
          auditEvent('identity', admin, {
            action: 'user.deactivate',
            target: { type: 'User', id: userId },
            before: { active: before.active },
            after: { active: deactivated.active },
          }),
        );
        return deactivated;
      });
      return user ? { user, userErrors: [] } : userNotFound();
    },

    /**
     * Lets a deactivated user sign in again, with an audit entry, in one transaction. An active user is returned as
     * is (nothing changes, nothing is recorded). @throws AppError FORBIDDEN unless SUPER_ADMIN.
     */
    async reactivateUser(viewer: Viewer | null, userId: string): Promise<UserPayloadResult> {
      const admin = superAdmin(viewer, 'reactivateUser');
      if (!isUuid(userId)) return userNotFound();
      const now = clock.now();
      const user = await store.transaction(async (tx) => {
        const reactivated = await tx.users.reactivate(userId);
        if (!reactivated) return tx.users.findById(userId);
        await tx.outbox.add(
          auditEvent(
            'identity',
            admin,
            { action: 'user.reactivate', target: { type: 'User', id: userId }, before: { active: false }, after: { active: true } },
            now,
          ),
        );
        return reactivated;
      });
      return user ? { user, userErrors: [] } : userNotFound();
    },
  };
}

// Validators name a field with a dotted path; payloads carry it as a list (["input", "email"]).
function splitField(error: UserError): UserError {
  return error.field?.length === 1 && error.field[0]!.includes('.') ? { ...error, field: error.field[0]!.split('.') } : error;
}
