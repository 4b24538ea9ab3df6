import type { DriverResolvers } from '../generated/resolvers-types.js';
import { assertCanSeeDriverProfile, assertFleetStaff } from '../services/fleet-access.js';
import { required } from './required.js';

// Any signed-in user reaches a driver through a trip (name, rating, vehicle); the rest is for the driver's fleet
// and the driver themself.
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
  licenceNumber: (driver, _args, { viewer }) => {
    assertCanSeeDriverProfile(viewer, driver, 'Driver.licenceNumber');
    return driver.licenceNumber;
  },
  position: (driver, _args, { viewer }) => {
    assertCanSeeDriverProfile(viewer, driver, 'Driver.position');
    return driver.latitude === null || driver.longitude === null ? null : { latitude: driver.latitude, longitude: driver.longitude };
  },
  heading: (driver, _args, { viewer }) => {
    assertCanSeeDriverProfile(viewer, driver, 'Driver.heading');
    return driver.heading;
  },
  speedKph: (driver, _args, { viewer }) => {
    assertCanSeeDriverProfile(viewer, driver, 'Driver.speedKph');
    return driver.speedKph;
  },
  positionUpdatedAt: (driver, _args, { viewer }) => {
    assertCanSeeDriverProfile(viewer, driver, 'Driver.positionUpdatedAt');
    return driver.positionAt;
  },
  currentAssignment: (driver, _args, { viewer, loaders }) => {
    assertCanSeeDriverProfile(viewer, driver, 'Driver.currentAssignment');
    return loaders.activeAssignmentByDriverId.load(driver.id);
  },
  openAttendance: (driver, _args, { viewer, loaders }) => {
    assertCanSeeDriverProfile(viewer, driver, 'Driver.openAttendance');
    return loaders.openAttendanceByDriverId.load(driver.id);
  },
};
