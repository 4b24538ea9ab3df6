import { assertCanActForUser } from '../../../../platform/auth/index.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { pointsOf } from '../services/points.js';

export const User: UserResolvers = {
  // identity owns whether a user exists; gamification answers for any id it is asked about, without a lookup.
  __resolveReference: ({ id }) => ({ id }),
  points: ({ id }, _args, context) => pointsOf(context, id),
  pointsHistory: ({ id }, args, { viewer, services }) => {
    assertCanActForUser(viewer, id, 'User.pointsHistory');
    return services.history.pointsHistory(id, args);
  },
  couponRedemptions: ({ id }, args, { viewer, services }) => {
    assertCanActForUser(viewer, id, 'User.couponRedemptions');
    return services.catalogue.redemptions({ userId: id }, args);
  },
  badges: ({ id }, _args, { viewer, loaders }) => {
    assertCanActForUser(viewer, id, 'User.badges');
    return loaders.badgesByUserId.load(id);
  },
};
