import type { MutationResolvers } from '../generated/resolvers-types.js';

export const sessionMutations: MutationResolvers = {
  signOut: (_parent, _args, { viewer, services }) => services.sessions.signOut(viewer),
  signOutEverywhere: (_parent, _args, { viewer, services }) => services.sessions.signOutEverywhere(viewer),
  revokeSession: (_parent, { id }, { viewer, services }) => services.sessions.revoke(viewer, id),
};
