// Who is asking: the verified content of an access token. Null in a context means "not signed in".
import type { Role } from './roles.js';

export interface Viewer {
  /** identity user id (the token's `sub`). */
  userId: string;
  roles: readonly Role[];
  /** The device session the token belongs to (`sid`); signing out revokes it. */
  sessionId: string;
  /** Fleets a FLEET_MANAGER manages (`fleet_ids`); empty for everyone else. */
  fleetIds: readonly string[];
  /** When the access token expires. */
  expiresAt: Date;
}

export function hasAnyRole(viewer: Viewer | null, roles: readonly Role[]): boolean {
  return viewer !== null && viewer.roles.some((role) => roles.includes(role));
}

/** SUPER_ADMIN and OPERATIONS see every fleet; a FLEET_MANAGER only theirs. */
export function canSeeFleet(viewer: Viewer | null, fleetId: string | null | undefined): boolean {
  if (hasAnyRole(viewer, ['SUPER_ADMIN', 'OPERATIONS'])) return true;
  return !!fleetId && hasAnyRole(viewer, ['FLEET_MANAGER']) && viewer!.fleetIds.includes(fleetId);
}
