// identity's part of the Fleet entity: its managers (fleet resolves everything else).
import type { FleetResolvers } from '../generated/resolvers-types.js';

export const Fleet: FleetResolvers = {
  // Not checked against known_fleets: any id is a fleet here; one nobody manages has no managers.
  __resolveReference: (reference) => ({ id: reference.id }),
  managers: (fleet, _args, { viewer, services, loaders }) => {
    services.fleetManagers.assertCanReadManagers(viewer, fleet.id);
    return loaders.fleetManagers.load(fleet.id);
  },
};
