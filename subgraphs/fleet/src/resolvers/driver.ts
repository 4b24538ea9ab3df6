import { readPageArgs, toConnection, withTotalCount } from '../../../../platform/graphql/index.js';
import type { FleetContext } from '../context.js';
import type { DriverResolvers } from '../generated/resolvers-types.js';
import type { FleetLoaders } from '../loaders.js';
import { assertCanSeeDriverProfile, assertFleetStaff } from '../services/fleet-access.js';
import { formatCalendarDate } from '../services/validation.js';
import type { DriverModel } from './mappers.js';
import { required } from './required.js';

/** A field for the driver themself, operations staff and the driver's fleet manager only. */
const profileField =
  <Value>(field: string, value: (driver: DriverModel, loaders: FleetLoaders) => Value) =>
  (driver: DriverModel, _args: unknown, { viewer, loaders }: FleetContext): Value => {
    assertCanSeeDriverProfile(viewer, driver, `Driver.${field}`);
    return value(driver, loaders);
  };

// Any signed-in user reaches a driver through a trip (name, rating, vehicle); the rest is for the driver's fleet
// and the driver themself.
export const Driver: DriverResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.driverById.load(reference.id),
  user: (driver) => ({ id: driver.userId }),
  // fleet's copy of the account's name (user.name.changed): null until fleet learns it, not an error.
  name: (driver) => driver.name,
  status: profileField('status', (driver) => driver.status),
  rating: (driver) => (driver.rating === null ? null : driver.rating.toNumber()),
  fleet: async (driver, _args, { viewer, loaders }) => {
    assertFleetStaff(viewer, driver.fleetId, 'Driver.fleet');
    return required(await loaders.fleetById.load(driver.fleetId), 'Fleet', driver.fleetId);
  },
  vehicle: (driver, _args, { loaders }) => (driver.currentVehicleId ? loaders.vehicleById.load(driver.currentVehicleId) : null),
  licenceNumber: profileField('licenceNumber', (driver) => driver.licenceNumber),
  position: profileField('position', (driver) =>
    driver.latitude === null || driver.longitude === null ? null : { latitude: driver.latitude, longitude: driver.longitude },
  ),
  heading: profileField('heading', (driver) => driver.heading),
  speedKph: profileField('speedKph', (driver) => driver.speedKph),
  positionUpdatedAt: profileField('positionUpdatedAt', (driver) => driver.positionAt),
  currentAssignment: profileField('currentAssignment', (driver, loaders) => loaders.activeAssignmentByDriverId.load(driver.id)),
  openAttendance: profileField('openAttendance', (driver, loaders) => loaders.openAttendanceByDriverId.load(driver.id)),
  licenceExpiresOn: profileField('licenceExpiresOn', (driver) => (driver.licenceExpiresOn ? formatCalendarDate(driver.licenceExpiresOn) : null)),
  homeHub: (driver, _args, { viewer, loaders }) => {
    assertFleetStaff(viewer, driver.fleetId, 'Driver.homeHub');
    return driver.homeHubId ? loaders.hubById.load(driver.homeHubId) : null;
  },
  suspended: profileField('suspended', (driver) => driver.suspendedAt !== null),
  suspensionReason: profileField('suspensionReason', (driver) => driver.suspensionReason),
  // The attendance history of one driver (the driver app's "my shifts"): one page query per driver asked for, so a
  // list of drivers should not select it.
  attendances: async (driver, args, { viewer, loaders }) => {
    assertCanSeeDriverProfile(viewer, driver, 'Driver.attendances');
    const page = readPageArgs(args);
    const filter = { fleetIds: null, driverId: driver.id, pendingApproval: null };
    const rows = await loaders.attendancePage.load({ filter, page });
    return withTotalCount(
      toConnection(rows, page, (row) => ({ at: row.createdAt, id: row.id })),
      () => loaders.attendanceCount.load(filter),
    );
  },
};
