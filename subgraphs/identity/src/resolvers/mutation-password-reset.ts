import type { MutationResolvers } from '../generated/resolvers-types.js';

export const passwordResetMutations: MutationResolvers = {
  requestPasswordReset: (_parent, { email }, { services, clientIp }) => services.password.requestReset(email, clientIp),
  confirmPasswordReset: (_parent, { token, newPassword }, { services }) => services.password.confirmReset(token, newPassword),
};
