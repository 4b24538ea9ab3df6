// Who may watch drivers' positions live (`driverLocationUpdated`, `fleetPositions`). At start the rules read the
// driver or fleet as it is now; per event they read only the payload, which carries the owner ids of that moment —
// so a rider whose trip ended stops receiving the driver's positions with the very next one, at no query cost.
import { canSeeFleet, type Viewer } from '../../../../platform/auth/index.js';
import { AppError, badInput, notFound } from '../../../../platform/errors/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { LiveTopics } from '../../../../platform/pubsub/index.js';
import type { FleetLoaders } from '../loaders.js';
import type { Driver } from '../store/prisma/client.js';
import { managesFleet, requireViewer } from './access.js';

type Position = LiveTopics['DRIVER_LOCATION_UPDATED'];

interface Reader {
  viewer: Viewer | null;
  loaders: FleetLoaders;
}

/** Whose a driver's position is at one moment: the driver, their fleet, the rider of their trip (null off trip). */
export interface PositionOwners {
  driverUserId: string;
  fleetId: string | null;
  currentRiderUserId: string | null;
}

/**
 * A driver's position: the driver themself, SUPER_ADMIN/OPERATIONS, the manager of the driver's fleet, and the rider
 * of the trip the driver is on (the rider app shows the car approaching).
 */
export function mayWatchDriver(viewer: Viewer | null, owners: PositionOwners): boolean {
  if (!viewer) return false;
  if (viewer.userId === owners.driverUserId || canSeeFleet(viewer, owners.fleetId)) return true;
  return owners.currentRiderUserId !== null && owners.currentRiderUserId === viewer.userId;
}

/**
 * The channel key of `driverLocationUpdated(driverId)`: the driver id, once the viewer may watch that driver now.
 * @throws AppError UNAUTHENTICATED without a viewer; BAD_USER_INPUT for a malformed id; NOT_FOUND for an unknown
 *   driver and for one the viewer may not watch alike, so the error never confirms that a driver exists.
 */
export async function driverPositionChannel({ viewer, loaders }: Reader, driverId: string): Promise<string> {
  const signedIn = requireViewer(viewer, 'driverLocationUpdated');
  if (!isUuid(driverId)) throw badInput('driverId is not a driver id', 'driverId');
  const driver = await loaders.driverById.load(driverId);
  if (!driver || !mayWatchDriver(signedIn, ownersOf(driver))) throw notFound('Driver', driverId);
  return driver.id;
}

/** Per event of `driverLocationUpdated(driverId)`: that driver's position, and the viewer may still watch it. */
export function mayReceiveDriverPosition(viewer: Viewer | null, driverId: string, event: Position): boolean {
  return event.driverId === driverId && mayWatchDriver(viewer, event);
}

/**
 * The channel key of `fleetPositions(fleetId)`: the fleet id, for operations staff and the fleet's manager.
 * @throws AppError UNAUTHENTICATED without a viewer; BAD_USER_INPUT for a malformed id; FORBIDDEN for a fleet the
 *   viewer does not manage — decided before the fleet is looked up, so a manager never learns whether another
 *   fleet's id exists; NOT_FOUND for an unknown fleet.
 */
export async function fleetPositionsChannel({ viewer, loaders }: Reader, fleetId: string): Promise<string> {
  const signedIn = requireViewer(viewer, 'fleetPositions');
  if (!isUuid(fleetId)) throw badInput('fleetId is not a fleet id', 'fleetId');
  if (!managesFleet(signedIn, fleetId)) throw new AppError('FORBIDDEN', "fleetPositions is visible only to operations staff and the fleet's manager");
  if (!(await loaders.fleetById.load(fleetId))) throw notFound('Fleet', fleetId);
  return fleetId;
}

/** Per event of `fleetPositions(fleetId)`: a position of that fleet (a mis-keyed publish leaks nothing). */
export function mayReceiveFleetPosition(viewer: Viewer | null, fleetId: string, event: Position): boolean {
  return event.fleetId === fleetId && canSeeFleet(viewer, fleetId);
}

const ownersOf = (driver: Pick<Driver, 'userId' | 'fleetId' | 'currentRiderUserId'>): PositionOwners => ({
  driverUserId: driver.userId,
  fleetId: driver.fleetId,
  currentRiderUserId: driver.currentRiderUserId,
});
