import type { VehicleResolvers } from '../generated/resolvers-types.js';
import { assertFleetStaff } from '../services/fleet-access.js';
import { required } from './required.js';

// Any signed-in user reaches a vehicle through a trip (to find their car); its staff fields are for its fleet only.
export const Vehicle: VehicleResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.vehicleById.load(reference.id),
  status: (vehicle, _args, { viewer }) => {
    assertFleetStaff(viewer, vehicle.fleetId, 'Vehicle.status');
    return vehicle.status;
  },
  fleet: async (vehicle, _args, { viewer, loaders }) => {
    assertFleetStaff(viewer, vehicle.fleetId, 'Vehicle.fleet');
    return required(await loaders.fleetById.load(vehicle.fleetId), 'Fleet', vehicle.fleetId);
  },
  homeHub: (vehicle, _args, { viewer, loaders }) => {
    assertFleetStaff(viewer, vehicle.fleetId, 'Vehicle.homeHub');
    return vehicle.homeHubId ? loaders.hubById.load(vehicle.homeHubId) : null;
  },
  currentAssignment: (vehicle, _args, { viewer, loaders }) => {
    assertFleetStaff(viewer, vehicle.fleetId, 'Vehicle.currentAssignment');
    return loaders.activeAssignmentByVehicleId.load(vehicle.id);
  },
};
