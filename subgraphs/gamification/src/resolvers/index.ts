import { DateTimeScalar } from '../../../../platform/graphql/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { Coupon, CouponRedemption } from './coupon.js';
import { LeaderboardEntry } from './leaderboard-entry.js';
import { Mutation } from './mutation.js';
import { Badge, EarningRule, PointsEntry } from './points-entry.js';
import { PointsSummary } from './points-summary.js';
import { Query } from './query.js';
import { User } from './user.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  PointsSummary,
  PointsEntry,
  Badge,
  EarningRule,
  Coupon,
  CouponRedemption,
  LeaderboardEntry,
  User,
};
