// Who may see a trip. The schema only says "signed in" (`Trip @authenticated`); which trips is decided here and
// applied wherever a trip leaves the subgraph: `trip(id)`, entity references, `Driver.activeTrip`.
import { canSeeFleet, type Viewer } from '../../../../platform/auth/index.js';
import type { Trip } from '../store/prisma/client.js';

/** Its rider, its driver, SUPER_ADMIN/OPERATIONS, and a FLEET_MANAGER of the fleet of its driver. */
export function canSeeTrip(viewer: Viewer | null, trip: Pick<Trip, 'riderUserId' | 'driverUserId' | 'fleetId'>): boolean {
  if (!viewer) return false;
  return trip.riderUserId === viewer.userId || trip.driverUserId === viewer.userId || canSeeFleet(viewer, trip.fleetId);
}

/**
 * The trip when the viewer may see it; otherwise null, exactly as for a trip that does not exist, so an id
 * someone else's trip has cannot be told apart from an unknown one.
 */
export function visibleTrip(viewer: Viewer | null, trip: Trip | null): Trip | null {
  return trip && canSeeTrip(viewer, trip) ? trip : null;
}
