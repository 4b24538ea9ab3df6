import { AppError } from '../../../../platform/errors/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

/** Every mutation here acts for the signed-in user (the schema requires one). */
function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return viewer;
}

export const Mutation: MutationResolvers = {
  addCard: (_parent, { input }, { viewer, services }) => services.paymentMethods.addCard(signedIn(viewer), input),
  removePaymentMethod: (_parent, { id }, { viewer, services }) => services.paymentMethods.remove(signedIn(viewer), id),
  setDefaultPaymentMethod: (_parent, { type, cardId }, { viewer, services }) => services.paymentMethods.setDefault(signedIn(viewer), type, cardId),
  async topUpWallet(_parent, { input }, { viewer, services, loaders }) {
    const me = signedIn(viewer);
    const result = await services.topUps.topUp(me, input);
    const account = result.payment ? await loaders.walletByUserId.load(me.userId) : null;
    return { ...result, wallet: account ? { userId: me.userId, account } : null };
  },
  refundPayment: (_parent, { input }, { viewer, services }) => services.refunds.refund(signedIn(viewer), input, services.maxAmountMinor),
};
