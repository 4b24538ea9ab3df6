import { AppError } from '../../../../platform/errors/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return viewer;
}

// Rules, adjustments and the catalogue are operations-only (the schema's @requiresScopes is enforced before these
// run); redeemCoupon acts for the signed-in user.
export const Mutation: MutationResolvers = {
  createEarningRule: (_parent, { input }, { viewer, services }) => services.rules.create(signedIn(viewer), input),
  changeEarningRule: (_parent, { id, input }, { viewer, services }) => services.rules.change(signedIn(viewer), id, input),
  retireEarningRule: (_parent, { id }, { viewer, services }) => services.rules.retire(signedIn(viewer), id),
  createPartnerCompany: (_parent, { name }, { viewer, services }) => services.catalogue.createCompany(signedIn(viewer), name),
  createCouponCategory: (_parent, { name }, { viewer, services }) => services.catalogue.createCategory(signedIn(viewer), name),
  createCoupon: (_parent, { input }, { viewer, services }) => services.catalogue.createCoupon(signedIn(viewer), input),
  updateCoupon: (_parent, { id, input }, { viewer, services }) => services.catalogue.updateCoupon(signedIn(viewer), id, input),
  async redeemCoupon(_parent, { couponId, idempotencyKey }, { viewer, services, loaders }) {
    const me = signedIn(viewer);
    const result = await services.redemptions.redeem(me, couponId, idempotencyKey);
    const points = result.redemption ? await loaders.pointsByUserId.clear(me.userId).load(me.userId) : null;
    return { ...result, points };
  },
  adjustPoints: (_parent, { input }, { viewer, services }) => services.adjustments.adjust(signedIn(viewer), input),
};
