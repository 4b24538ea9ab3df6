// Who may see and act on a driver's money (earnings, statement, cash, rent, deposit, payouts):
//   the driver themselves — read their own;
//   a FLEET_MANAGER — read and correct (cash corrections) for drivers of the fleets they manage;
//   SUPER_ADMIN and OPERATIONS — everything, and alone may move money in bulk (payouts, plans, exits).
import { canSeeFleet, hasAnyRole, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import type { DriverProfile } from '../store/driver-profiles.js';

export function canSeeDriverMoney(viewer: Viewer | null, driver: Pick<DriverProfile, 'userId' | 'fleetId'>): boolean {
  if (!viewer) return false;
  return viewer.userId === driver.userId || canSeeFleet(viewer, driver.fleetId);
}

/** Managers of the driver's fleet and operations staff; never the driver themselves. */
export function canManageDriverMoney(viewer: Viewer | null, driver: Pick<DriverProfile, 'fleetId'>): boolean {
  return canSeeFleet(viewer, driver.fleetId);
}

export const isOperations = (viewer: Viewer | null): boolean => hasAnyRole(viewer, ['SUPER_ADMIN', 'OPERATIONS']);

/** @throws AppError FORBIDDEN (UNAUTHENTICATED without a viewer) unless the viewer is operations staff. */
export function requireOperations(viewer: Viewer | null, what: string): void {
  if (!viewer) throw new AppError('UNAUTHENTICATED', `Sign in to use ${what}`);
  if (!isOperations(viewer)) throw new AppError('FORBIDDEN', `Only operations staff may use ${what}`);
}
