import { assertCanActForUser } from '../../../../platform/auth/index.js';
import { readPageArgs, toConnection } from '../../../../platform/graphql/index.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { pointsOf } from '../services/points.js';

export const User: UserResolvers = {
  // identity owns whether a user exists; gamification answers for any id it is asked about, without a lookup.
  __resolveReference: ({ id }) => ({ id }),
  points: ({ id }, _args, context) => pointsOf(context, id),
  pointsHistory: async ({ id }, args, { viewer, loaders }) => {
    assertCanActForUser(viewer, id, 'User.pointsHistory');
    const page = readPageArgs(args);
    return toConnection(await loaders.entriesByUserId.load({ key: id, page }), page, (row) => ({ at: row.createdAt, id: row.id }));
  },
  couponRedemptions: async ({ id }, args, { viewer, loaders }) => {
    assertCanActForUser(viewer, id, 'User.couponRedemptions');
    const page = readPageArgs(args);
    return toConnection(await loaders.redemptionsByUserId.load({ key: id, page }), page, (row) => ({ at: row.createdAt, id: row.id }));
  },
  badges: ({ id }, _args, { viewer, loaders }) => {
    assertCanActForUser(viewer, id, 'User.badges');
    return loaders.badgesByUserId.load(id);
  },
};
