// The viewer's own account: profile, email, password.
import type { MutationResolvers } from '../generated/resolvers-types.js';

export const accountMutations: MutationResolvers = {
  updateMe: (_parent, { input }, { viewer, services }) => services.account.updateMe(viewer, input),
  changePassword: (_parent, { currentPassword, newPassword }, { viewer, services }) => services.account.changePassword(viewer, currentPassword, newPassword),
};
