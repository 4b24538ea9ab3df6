import type { MutationResolvers } from '../generated/resolvers-types.js';

export const emailVerificationMutations: MutationResolvers = {
  verifyEmail: (_parent, { token }, { services }) => services.emailVerification.confirm(token),
};
