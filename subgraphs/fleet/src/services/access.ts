// Who may act in fleet's mutations. The schema's directives already refuse anonymous and wrong-role requests;
// these narrow staff to their fleets and find the driver behind a driver's token.
import { canSeeFleet, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import type { Driver } from '../store/prisma/client.js';

/** @throws AppError UNAUTHENTICATED without a viewer. */
export function requireViewer(viewer: Viewer | null, what: string): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', `${what} requires a signed-in user`);
  return viewer;
}

/**
 * Whether the viewer manages rows of this fleet (SUPER_ADMIN/OPERATIONS: every fleet; FLEET_MANAGER: theirs).
 * Mutations treat a row of a fleet the viewer does not manage exactly like an unknown id, so they never confirm
 * that another fleet's driver or vehicle exists.
 */
export const managesFleet = (viewer: Viewer | null, fleetId: string): boolean => canSeeFleet(viewer, fleetId);

/**
 * The driver profile of the signed-in user.
 * @param find reads a driver by user id: `drivers.findByUserId`, or `tx.drivers.lockByUserId` in a transaction.
 * @throws AppError UNAUTHENTICATED without a viewer; NOT_FOUND when the user has no driver profile.
 */
export async function requireOwnDriver(viewer: Viewer | null, what: string, find: (userId: string) => Promise<Driver | null>): Promise<Driver> {
  const signedIn = requireViewer(viewer, what);
  const driver = await find(signedIn.userId);
  if (!driver) throw new AppError('NOT_FOUND', `${what}: you have no driver profile; ask your fleet to create one`);
  return driver;
}
