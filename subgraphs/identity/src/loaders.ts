// Per-request DataLoaders for identity. Every User lookup — root fields and `_entities` — goes through these.
import { createByIdLoader, createValueLoader } from '../../../platform/graphql/index.js';
import type { UserDisplay } from './store/user-display.js';
import type { UserStore } from './store/user-store.js';

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;

export function createIdentityLoaders(users: UserStore) {
  return {
    userById: createByIdLoader((ids) => users.findDisplaysByIds(ids)),
    /** `Fleet.managers`: one query for every fleet in the response (a manager of two fleets is in both lists). */
    fleetManagers: createValueLoader(async (fleetIds) => {
      const managers = await users.findFleetManagers(fleetIds);
      return new Map(fleetIds.map((fleetId) => [fleetId, managers.filter((user) => user.fleetIds.includes(fleetId))]));
    }, [] as UserDisplay[]),
  };
}
