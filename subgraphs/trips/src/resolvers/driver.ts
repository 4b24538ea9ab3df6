import type { DriverResolvers } from '../generated/resolvers-types.js';
import { findActiveTrip } from '../services/trip-queries.js';

export const Driver: DriverResolvers = {
  // fleet owns driver profiles; trips contributes fields keyed by the id alone.
  __resolveReference: (reference) => ({ id: reference.id }),
  activeTrip: (driver, _args, context) => findActiveTrip(context, driver.id),
};
