import type { HubResolvers } from '../generated/resolvers-types.js';
import { required } from './required.js';

export const Hub: HubResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.hubById.load(reference.id),
  location: (hub) => ({ latitude: hub.latitude, longitude: hub.longitude }),
  fleet: async (hub, _args, { loaders }) => required(await loaders.fleetById.load(hub.fleetId), 'Fleet', hub.fleetId),
};
