import type { UserResolvers } from '../generated/resolvers-types.js';
import { findDriverProfile } from '../services/fleet-queries.js';

export const User: UserResolvers = {
  // identity owns users; fleet contributes fields keyed by the id alone, so any id is a valid reference.
  __resolveReference: (reference) => ({ id: reference.id }),
  driverProfile: (user, _args, context) => findDriverProfile(context, user.id),
};
