import { assertCanActForUser } from '../../../../platform/auth/index.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { methodsView } from '../services/payment-methods.js';

export const User: UserResolvers = {
  // identity owns whether a user exists; payments answers for any id it is asked about, without a lookup.
  __resolveReference: ({ id }) => ({ id }),
  async wallet({ id }, _args, { viewer, loaders }) {
    assertCanActForUser(viewer, id, 'User.wallet');
    const account = await loaders.walletByUserId.load(id);
    return account ? { userId: id, account } : null;
  },
  async paymentMethods({ id }, _args, { viewer, loaders }) {
    assertCanActForUser(viewer, id, 'User.paymentMethods');
    const [cards, profile] = await Promise.all([loaders.cardsByUserId.load(id), loaders.profileByUserId.load(id)]);
    return methodsView(cards, profile);
  },
};
