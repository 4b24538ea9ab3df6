// What gamification's resolvers receive as parents (codegen `mappers`).
import type { PointsTotals } from '../store/points-store.js';

/** A user's ledger totals; level and progress are derived from them in the resolvers. */
export type PointsSummaryModel = Pick<PointsTotals, 'balance' | 'lifetimeEarned'>;

/** A user as another subgraph refers to it: identity owns users, gamification only knows their id. */
export interface UserRef {
  id: string;
}

export type { EarningRule as EarningRuleModel, PointsEntry as PointsEntryModel, UserBadge as BadgeModel } from '../store/prisma/client.js';
export type {
  Coupon as CouponModel,
  CouponRedemption as CouponRedemptionModel,
  PartnerCompany as PartnerCompanyModel,
  CouponCategory as CouponCategoryModel,
} from '../store/prisma/client.js';
export type { LeaderboardRow as LeaderboardEntryModel } from '../services/leaderboard.js';
