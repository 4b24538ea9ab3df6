import type { UserResolvers } from '../generated/resolvers-types.js';
import { walletOf } from '../services/wallets.js';

export const User: UserResolvers = {
  // identity owns whether a user exists; payments answers for any id it is asked about, without a lookup.
  __resolveReference: ({ id }) => ({ id }),
  wallet: ({ id }, _args, context) => walletOf(context, id),
};
