import type { DriverResolvers } from '../generated/resolvers-types.js';
import { assertCanSeeDriverProfile, assertFleetStaff } from '../services/fleet-access.js';
import { required } from './required.js';

// Any signed-in user reaches a driver through a trip (name, rating, vehicle); the rest is for the driver's fleet
// (and, for status, the driver themself).
export const Driver: DriverResolvers = {
  __resolveReference: async (reference, { loaders }) => {
    const driver = await loaders.driverById.load(reference.id);
    // The gateway adds `user { name }` (fetched from identity) only when the operation asks for Driver.name.
    return driver && { ...driver, userName: 'user' in reference ? reference.user.name : undefined };
  },
  user: (driver) => ({ id: driver.userId }),
  name: (driver) => {
    // Reached without the gateway (a root field queried on fleet directly) there is no name to give.
    if (driver.userName === undefined) throw new Error('Driver.name needs `user { name }` from the gateway (@requires)');
    return driver.userName;
  },
  status: (driver, _args, { viewer }) => {
    assertCanSeeDriverProfile(viewer, driver, 'Driver.status');
    return driver.status;
  },
  rating: (driver) => (driver.rating === null ? null : driver.rating.toNumber()),
  fleet: async (driver, _args, { viewer, loaders }) => {
    assertFleetStaff(viewer, driver.fleetId, 'Driver.fleet');
    return required(await loaders.fleetById.load(driver.fleetId), 'Fleet', driver.fleetId);
  },
  vehicle: (driver, _args, { loaders }) => (driver.currentVehicleId ? loaders.vehicleById.load(driver.currentVehicleId) : null),
};
