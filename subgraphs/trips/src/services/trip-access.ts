// Who may see a trip. The schema only says "signed in" (`Trip @authenticated`); which trips is decided here and
// applied wherever a trip leaves the subgraph: `trip(id)`, entity references, `Driver.activeTrip`, the mutations.
import { canSeeFleet, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import type { DispatchOffer, Trip, TripActorRole } from '../store/prisma/client.js';

/** @throws AppError UNAUTHENTICATED without a viewer; `what` names the operation in the message. */
export function signedIn(viewer: Viewer | null, what: string): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', `${what} requires a signed-in user`);
  return viewer;
}

/** The roles the viewer holds on this trip, most specific first; empty when they may not see it. */
export function rolesOn(viewer: Viewer, trip: Pick<Trip, 'riderUserId' | 'driverUserId' | 'fleetId'>): TripActorRole[] {
  const roles: TripActorRole[] = [];
  if (trip.riderUserId === viewer.userId) roles.push('RIDER');
  if (trip.driverUserId !== null && trip.driverUserId === viewer.userId) roles.push('DRIVER');
  if (canSeeFleet(viewer, trip.fleetId)) roles.push('OPERATIONS');
  return roles;
}

/** Its rider, its driver, SUPER_ADMIN/OPERATIONS, and a FLEET_MANAGER of the fleet of its driver. */
export function canSeeTrip(viewer: Viewer | null, trip: Pick<Trip, 'riderUserId' | 'driverUserId' | 'fleetId'>): boolean {
  return viewer !== null && rolesOn(viewer, trip).length > 0;
}

/**
 * The trip when the viewer may see it; otherwise null, exactly as for a trip that does not exist, so an id
 * someone else's trip has cannot be told apart from an unknown one.
 */
export function visibleTrip(viewer: Viewer | null, trip: Trip | null): Trip | null {
  return trip && canSeeTrip(viewer, trip) ? trip : null;
}

/** An offer (with its trip, before assignment): the driver it was made to, operations and that driver's fleet's manager. */
export function canSeeOffer(viewer: Viewer | null, offer: Pick<DispatchOffer, 'driverUserId' | 'fleetId'>): boolean {
  return viewer !== null && (offer.driverUserId === viewer.userId || canSeeFleet(viewer, offer.fleetId));
}
