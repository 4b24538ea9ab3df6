import { AppError } from '../../../../platform/errors/index.js';
import type { CouponRedemptionResolvers, CouponResolvers } from '../generated/resolvers-types.js';

const present = <T>(row: T | null, what: string): T => {
  // Foreign keys guarantee the row; a miss is a bug, not the client's input.
  if (!row) throw new AppError('INTERNAL_SERVER_ERROR', `${what} missing`);
  return row;
};

export const Coupon: CouponResolvers = {
  company: async (coupon, _args, { loaders }) => present(await loaders.companyById.load(coupon.companyId), 'company'),
  category: async (coupon, _args, { loaders }) => present(await loaders.categoryById.load(coupon.categoryId), 'category'),
  // Operations only (@requiresScopes, enforced before this runs).
  redemptions: (coupon, args, { services }) => services.catalogue.redemptions(coupon.id, args),
  redemptionsCsv: (coupon, { since }, { services }) => services.redemptionExport.csv(coupon.id, since ?? null),
};

export const CouponRedemption: CouponRedemptionResolvers = {
  coupon: async (redemption, _args, { loaders }) => present(await loaders.couponById.load(redemption.couponId), 'coupon'),
  user: (redemption) => ({ id: redemption.userId }),
};
