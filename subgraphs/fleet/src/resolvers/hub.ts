import type { HubResolvers } from '../generated/resolvers-types.js';
import { findHub } from '../services/fleet-queries.js';
import { required } from './required.js';

export const Hub: HubResolvers = {
  __resolveReference: (reference, context) => findHub(context, reference.id),
  location: (hub) => ({ latitude: hub.latitude, longitude: hub.longitude }),
  fleet: async (hub, _args, { loaders }) => required(await loaders.fleetById.load(hub.fleetId), 'Fleet', hub.fleetId),
};
