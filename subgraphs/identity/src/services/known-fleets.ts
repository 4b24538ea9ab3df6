// The one check of "is this a fleet the caller may name": identity's replica of fleet's fleets (`known_fleets`, fed by
// `fleet.changed`, services/fleet-events.ts) and, for a FLEET_MANAGER, their own fleets. Shared by onboardDriver and
// assignFleetManager so both refuse an unknown fleet alike. identity never asks fleet (subgraphs never call each
// other): a fleet created a moment ago is unknown here until its fleet.changed arrives (well under a second), and
// asking again is safe because a refusal writes nothing.
import { canSeeFleet, type Viewer } from '../../../../platform/auth/index.js';
import type { IdentityStore } from '../store/store.js';
import { userError, type UserError } from './user-errors.js';

/**
 * FLEET_NOT_FOUND at `field` when identity does not know the fleet or the viewer may not act on it (a manager naming
 * another fleet gets the answer of an unknown one, as in fleet's own mutations); null when it may be named.
 * `fleetId` must already be a UUID (callers refuse a malformed id first, as INVALID_FLEET_ID).
 */
export async function unknownFleet(store: Pick<IdentityStore, 'knownFleets'>, viewer: Viewer, fleetId: string, field: string[]): Promise<UserError | null> {
  if (canSeeFleet(viewer, fleetId) && (await store.knownFleets.exists(fleetId))) return null;
  return userError('FLEET_NOT_FOUND', 'No fleet you may act on has this id (a fleet created just now is known within a second: try again)', field);
}
