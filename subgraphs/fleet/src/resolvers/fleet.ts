import type { FleetResolvers } from '../generated/resolvers-types.js';

export const Fleet: FleetResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.fleetById.load(reference.id),
  hubs: (fleet, _args, { loaders }) => loaders.hubsByFleetId.load(fleet.id),
};
