import type { UserResolvers } from '../generated/resolvers-types.js';
import { AppError } from '../../../../platform/errors/index.js';
import { assertCanReadPrivate, requireViewer } from '../services/access.js';

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
  // Shared by the user themself on purpose; nobody else, staff included, needs it (referrals are the referrer's).
  referralCode: (user, _args, { viewer }) => {
    if (requireViewer(viewer, 'User.referralCode').userId !== user.id) {
      throw new AppError('FORBIDDEN', 'User.referralCode is visible only to the user themself');
    }
    return user.referralCode;
  },
  managedFleetIds: (user, _args, { viewer }) => {
    assertCanReadPrivate(viewer, user.id, 'managedFleetIds');
    return user.roles.includes('FLEET_MANAGER') ? user.fleetIds : [];
  },
};
