import type { UserResolvers } from '../generated/resolvers-types.js';
import { assertCanReadPrivate } from '../services/access.js';

export const User: UserResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.userById.load(reference.id),
  phone: (user, _args, { viewer }) => {
    assertCanReadPrivate(viewer, user.id, 'phone');
    // An unproven claim (from before registration required a code) is not the user's phone: it signs in nowhere.
    return user.phoneVerifiedAt ? user.phone : null;
  },
  email: (user, _args, { viewer }) => {
    assertCanReadPrivate(viewer, user.id, 'email');
    return user.email;
  },
  emailVerified: (user, _args, { viewer }) => {
    assertCanReadPrivate(viewer, user.id, 'emailVerified');
    return user.email !== null && user.emailVerifiedAt !== null;
  },
  managedFleetIds: (user, _args, { viewer }) => {
    assertCanReadPrivate(viewer, user.id, 'managedFleetIds');
    return user.roles.includes('FLEET_MANAGER') ? user.fleetIds : [];
  },
};
