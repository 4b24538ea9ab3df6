import type { DriverPositionResolvers } from '../generated/resolvers-types.js';
import { required } from './required.js';

// A live position is the event's payload (its other fields resolve by name); only the driver is read, by id,
// through the event's fresh loaders.
export const DriverPosition: DriverPositionResolvers = {
  driver: async (position, _args, { loaders }) => required(await loaders.driverById.load(position.driverId), 'Driver', position.driverId),
};
