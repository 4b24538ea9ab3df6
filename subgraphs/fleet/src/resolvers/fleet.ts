import type { FleetResolvers } from '../generated/resolvers-types.js';
import { findFleet } from '../services/fleet-queries.js';

export const Fleet: FleetResolvers = {
  __resolveReference: (reference, context) => findFleet(context, reference.id),
  hubs: (fleet, _args, { loaders }) => loaders.hubsByFleetId.load(fleet.id),
};
