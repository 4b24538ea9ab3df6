import type { VehicleResolvers } from '../generated/resolvers-types.js';
import { required } from './required.js';

export const Vehicle: VehicleResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.vehicleById.load(reference.id),
  fleet: async (vehicle, _args, { loaders }) => required(await loaders.fleetById.load(vehicle.fleetId), 'Fleet', vehicle.fleetId),
  homeHub: (vehicle, _args, { loaders }) => (vehicle.homeHubId ? loaders.hubById.load(vehicle.homeHubId) : null),
};
