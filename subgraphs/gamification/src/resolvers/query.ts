import type { QueryResolvers } from '../generated/resolvers-types.js';

// The schema's @authenticated / @requiresScopes are enforced before these run; the catalogue is for every signed-in user.
export const Query: QueryResolvers = {
  earningRules: (_parent, { includeRetired }, { services }) => services.rules.list(includeRetired ?? false),
  partnerCompanies: (_parent, _args, { services }) => services.catalogue.companies(),
  couponCategories: (_parent, _args, { services }) => services.catalogue.categories(),
  coupons: (_parent, { filter, first, after }, { services }) => services.catalogue.coupons(filter, { first, after }),
  coupon: (_parent, { id }, { services }) => services.catalogue.coupon(id),
  leaderboard: (_parent, { scope, period, fleetId, first, after }, { services }) =>
    services.leaderboard.page({ scope, period: period ?? 'WEEK', fleetId }, { first, after }),
  myRank: (_parent, { scope, period, fleetId }, { viewer, services }) =>
    viewer ? services.leaderboard.myRank(viewer, { scope, period: period ?? 'WEEK', fleetId }) : null,
};
