// Ownership rules every subgraph's services share: whose data a viewer may read beyond what the schema's
// role rules say. Named once here so "staff who see everything" means the same in every subgraph.
import { AppError } from '../errors/index.js';
import type { Role } from './roles.js';
import { hasAnyRole, type Viewer } from './viewer.js';

/** Staff who see every fleet and may act for any user. FLEET_MANAGER is staff too, but only for their fleets. */
export const OPERATIONS_ROLES: readonly Role[] = ['SUPER_ADMIN', 'OPERATIONS'];

/** SUPER_ADMIN or OPERATIONS. */
export function seesEverything(viewer: Viewer | null): boolean {
  return hasAnyRole(viewer, OPERATIONS_ROLES);
}

/** A user's private data (trips, wallet, points, inbox): the user themselves, or SUPER_ADMIN/OPERATIONS. */
export function canActForUser(viewer: Viewer | null, userId: string): boolean {
  return viewer !== null && (viewer.userId === userId || seesEverything(viewer));
}

/**
 * @param what e.g. `User.wallet`, named in the error.
 * @throws AppError UNAUTHENTICATED without a viewer, FORBIDDEN when the data belongs to someone else.
 */
export function assertCanActForUser(viewer: Viewer | null, userId: string, what: string): void {
  if (!viewer) throw new AppError('UNAUTHENTICATED', `${what} requires a signed-in user`);
  if (!canActForUser(viewer, userId)) throw new AppError('FORBIDDEN', `${what} of another user is visible only to that user and to operations staff`);
}

/**
 * The fleets a list may show to this viewer: null means every fleet (SUPER_ADMIN, OPERATIONS), otherwise the
 * fleets a FLEET_MANAGER manages (empty for everyone else).
 * @param requested a fleet the client filters by; a fleet outside the viewer's reach yields an empty list rather
 *   than an error, so a list never tells whether a fleet someone else manages exists.
 */
export function visibleFleetIds(viewer: Viewer | null, requested?: string | null): readonly string[] | null {
  const all = seesEverything(viewer);
  const managed = !all && viewer && hasAnyRole(viewer, ['FLEET_MANAGER']) ? viewer.fleetIds : [];
  if (requested) return all || managed.includes(requested) ? [requested] : [];
  return all ? null : managed;
}
