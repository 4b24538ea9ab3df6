// Which fleets' data a viewer may read. The schema lets staff roles (and, for basic driver and vehicle fields,
// any signed-in user) ask; these rules narrow a FLEET_MANAGER to their own fleets.
import { canSeeFleet, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';

/** The row when the viewer may see its fleet; otherwise null, as for an unknown id (existence is not leaked). */
export function withinFleets<Row>(viewer: Viewer | null, row: Row | null, fleetIdOf: (row: Row) => string): Row | null {
  return row && canSeeFleet(viewer, fleetIdOf(row)) ? row : null;
}

/**
 * For staff-only fields of a row reached through a path open to more viewers (a trip's driver or vehicle):
 * a FLEET_MANAGER of another fleet is refused.
 * @throws AppError FORBIDDEN
 */
export function assertFleetStaff(viewer: Viewer | null, fleetId: string, what: string): void {
  if (!canSeeFleet(viewer, fleetId)) throw new AppError('FORBIDDEN', `${what} is visible only to operations staff and the manager of its fleet`);
}

/** A driver profile: the driver themselves, operations staff, and the manager of the driver's fleet. */
export function canSeeDriverProfile(viewer: Viewer | null, driver: { userId: string; fleetId: string }): boolean {
  return viewer !== null && (viewer.userId === driver.userId || canSeeFleet(viewer, driver.fleetId));
}

/** @throws AppError FORBIDDEN unless {@link canSeeDriverProfile}. */
export function assertCanSeeDriverProfile(viewer: Viewer | null, driver: { userId: string; fleetId: string }, what: string): void {
  if (!canSeeDriverProfile(viewer, driver)) {
    throw new AppError('FORBIDDEN', `${what} is visible only to the driver, operations staff and the manager of the driver's fleet`);
  }
}
