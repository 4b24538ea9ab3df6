import type { UserResolvers } from '../generated/resolvers-types.js';
import { assertCanReadPrivate } from '../services/access.js';

export const User: UserResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.userById.load(reference.id),
  phone: (user, _args, { viewer }) => {
    assertCanReadPrivate(viewer, user.id, 'phone');
    return user.phone;
  },
  email: (user, _args, { viewer }) => {
    assertCanReadPrivate(viewer, user.id, 'email');
    return user.email;
  },
  managedFleetIds: (user, _args, { viewer }) => {
    assertCanReadPrivate(viewer, user.id, 'managedFleetIds');
    return user.roles.includes('FLEET_MANAGER') ? user.fleetIds : [];
  },
};
