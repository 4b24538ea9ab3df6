import type { QueryResolvers } from '../generated/resolvers-types.js';
import { requireViewer } from '../services/access.js';

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) => loaders.userById.load(requireViewer(viewer, 'me').userId),
  user: (_parent, { id }, { loaders }) => loaders.userById.load(id),
  users: (_parent, args, { viewer, services }) => services.staff.list(viewer, args),
  mySessions: (_parent, _args, { viewer, services }) => services.sessions.list(viewer),
  auditLog: (_parent, { filter, first, after }, { viewer, services }) => services.auditLog.list(viewer, filter, { first, after }),
};
