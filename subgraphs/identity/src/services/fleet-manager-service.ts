// Who manages which fleet: the FLEET_MANAGER role plus users.fleet_ids, changed one fleet at a time by operations.
// Assigning needs a fleet identity knows (known_fleets, the same check as onboardDriver's); removing does not, so a
// manager can always be taken off a fleet, whatever identity knows of it.
import { auditEvent } from '../../../../platform/audit/index.js';
import { canSeeFleet, type Role, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { User } from '../store/prisma/client.js';
import type { IdentityStore } from '../store/store.js';
import { requireAnyRole, requireViewer } from './access.js';
import { unknownFleet } from './known-fleets.js';
import { userError } from './user-errors.js';
import type { UserPayloadResult } from './staff-service.js';

export interface FleetManagerServiceDeps {
  store: IdentityStore;
}

export type FleetManagerService = ReturnType<typeof createFleetManagerService>;

interface Assignment {
  roles: Role[];
  fleetIds: string[];
}

const fail = (error: ReturnType<typeof userError>): UserPayloadResult => ({ user: null, userErrors: [error] });

/** Adds the fleet (and FLEET_MANAGER when missing). */
function withFleet(user: User, fleetId: string): Assignment {
  return {
    roles: user.roles.includes('FLEET_MANAGER') ? user.roles : [...user.roles, 'FLEET_MANAGER'],
    fleetIds: user.fleetIds.includes(fleetId) ? user.fleetIds : [...user.fleetIds, fleetId],
  };
}

/** Drops the fleet, and FLEET_MANAGER with the last fleet: a manager of no fleet would see nothing anyway. */
function withoutFleet(user: User, fleetId: string): Assignment {
  const fleetIds = user.fleetIds.filter((id) => id !== fleetId);
  return { roles: fleetIds.length ? user.roles : user.roles.filter((role) => role !== 'FLEET_MANAGER'), fleetIds };
}

const sameAssignment = (user: User, next: Assignment) =>
  user.roles.length === next.roles.length && user.fleetIds.length === next.fleetIds.length && user.fleetIds.every((id) => next.fleetIds.includes(id));

export function createFleetManagerService({ store }: FleetManagerServiceDeps) {
  async function change(viewer: Viewer | null, what: 'assignFleetManager' | 'removeFleetManager', userId: string, fleetId: string): Promise<UserPayloadResult> {
    const staff = requireAnyRole(viewer, ['SUPER_ADMIN', 'OPERATIONS'], what);
    if (!isUuid(fleetId)) return fail(userError('INVALID_FLEET_ID', 'The fleet id must be a fleet UUID', 'fleetId'));
    if (!isUuid(userId)) return fail(userError('USER_NOT_FOUND', 'No user has this id', 'userId'));
    if (what === 'assignFleetManager') {
      const notFound = await unknownFleet(store, staff, fleetId, ['fleetId']);
      if (notFound) return fail(notFound);
    }
    const next = what === 'assignFleetManager' ? withFleet : withoutFleet;
    const user = await store.transaction(async (tx) => {
      // Locked: two changes to one user's fleets (say two fleets assigned at once) must not overwrite each other.
      const before = await tx.users.findByIdForUpdate(userId);
      if (!before) return null;
      const after = next(before, fleetId);
      if (sameAssignment(before, after)) return before;
      const changed = await tx.users.setRoles(userId, after.roles, after.fleetIds);
      await tx.outbox.add(
        auditEvent('identity', staff, {
          action: what === 'assignFleetManager' ? 'fleet_manager.assign' : 'fleet_manager.remove',
          target: { type: 'User', id: userId },
          before: { roles: before.roles, fleetIds: before.fleetIds },
          after: { roles: changed.roles, fleetIds: changed.fleetIds },
        }),
      );
      return changed;
    });
    return user ? { user, userErrors: [] } : fail(userError('USER_NOT_FOUND', 'No user has this id', 'userId'));
  }

  return {
    /** @throws AppError FORBIDDEN unless SUPER_ADMIN or OPERATIONS. */
    assign: (viewer: Viewer | null, userId: string, fleetId: string) => change(viewer, 'assignFleetManager', userId, fleetId),
    /** @throws AppError FORBIDDEN unless SUPER_ADMIN or OPERATIONS. */
    remove: (viewer: Viewer | null, userId: string, fleetId: string) => change(viewer, 'removeFleetManager', userId, fleetId),

    /** Who may read `Fleet.managers`. @throws AppError FORBIDDEN unless SUPER_ADMIN, OPERATIONS or a manager of the fleet. */
    assertCanReadManagers(viewer: Viewer | null, fleetId: string): void {
      if (!canSeeFleet(requireViewer(viewer, 'Fleet.managers'), fleetId)) {
        throw new AppError('FORBIDDEN', 'Fleet.managers is visible only to SUPER_ADMIN, OPERATIONS and the managers of that fleet');
      }
    },
  };
}
